#!/usr/bin/env bash
# Runs every fuzz test in the module for the given -fuzztime each (default
# 500x: a count, see the Makefile).
# `go test` already replays the committed corpora (testdata/fuzz) as plain
# tests; this explores further.
set -euo pipefail
t=${1:-500x}
# fuzz_module DIR: every fuzz test of the module rooted at DIR.
fuzz_module() {
  (cd "$1" && go list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do
    for f in $(grep -hoE '^func (Fuzz[A-Za-z0-9_]+)\(f \*testing\.F\)' "$dir"/*_test.go 2>/dev/null | sed -E 's/^func (Fuzz[A-Za-z0-9_]+).*/\1/' | sort -u); do
      echo "fuzz $pkg $f ($t)"
      go test -run "^$" -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 2s "$pkg" >/tmp/claimgraph-fuzz.log 2>&1 || { cat /tmp/claimgraph-fuzz.log; exit 1; }
    done
  done)
}
fuzz_module .
# The patched badger has fuzz tests of its own; go test fuzzes only the
# main module's packages, so they run from its directory (its go.mod and
# go.sum are the release's).
fuzz_module third_party/badger
echo "fuzz: every target ran for $t without a failure"
