#!/usr/bin/env bash
# Runs every fuzz test in the module for the given -fuzztime each (default
# 500x: a count, see the Makefile).
# `go test` already replays the committed corpora (testdata/fuzz) as plain
# tests; this explores further.
set -euo pipefail
t=${1:-500x}
go list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do
  for f in $(grep -hoE '^func (Fuzz[A-Za-z0-9_]+)\(f \*testing\.F\)' "$dir"/*_test.go 2>/dev/null | sed -E 's/^func (Fuzz[A-Za-z0-9_]+).*/\1/' | sort -u); do
    echo "fuzz $pkg $f ($t)"
    go test -run "^$" -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 2s "$pkg" >/tmp/claimgraph-fuzz.log 2>&1 || { cat /tmp/claimgraph-fuzz.log; exit 1; }
  done
done
echo "fuzz: every target ran for $t without a failure"
