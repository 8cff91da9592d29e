#!/usr/bin/env bash
# Runs the Go benchmarks (extraction, store writes and reads, each query
# shape, each export, the ingest pipeline) COUNT times each, writes the
# results to bench/new.txt and compares them with bench/baseline.txt using
# benchstat. To accept new numbers as the baseline after a deliberate
# change: cp bench/new.txt bench/baseline.txt (and say why in the commit).
#
#   scripts/bench.sh                 # all packages, -count 5
#   COUNT=1 BENCH=SaidBy scripts/bench.sh
#   PKGS=./store scripts/bench.sh
#
# Wall times on a shared 2-core machine are noisy; benchstat's p-values and
# the cpu-ms/article metrics (CPU time, not wall) are the ones to trust.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-5}
BENCH=${BENCH:-.}
BENCHTIME=${BENCHTIME:-1s}
PKGS=${PKGS:-./graph/extract ./store ./graph/query ./graph/export ./internal/ingest}
BENCHSTAT=${BENCHSTAT:-golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da}
GO=${GO:-go}

mkdir -p bench
out=bench/new.txt
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

echo "bench: $PKGS (-count $COUNT -benchtime $BENCHTIME -bench '$BENCH'); results in $out" >&2
# shellcheck disable=SC2086 # PKGS is a list
$GO test -run '^$' -bench "$BENCH" -benchmem -count "$COUNT" -benchtime "$BENCHTIME" $PKGS | tee "$tmp" |
  grep -E '^(Benchmark|ok|FAIL|---)' >&2 || true
if grep -qE '^(FAIL|--- FAIL)' "$tmp"; then
  echo "bench: a benchmark failed (full output above in $out)" >&2
  cp "$tmp" "$out"
  exit 1
fi
cp "$tmp" "$out"

if [ ! -s bench/baseline.txt ]; then
  echo "bench: no bench/baseline.txt to compare with; to make this run the baseline: cp $out bench/baseline.txt" >&2
  exit 0
fi
echo >&2
echo "bench: bench/baseline.txt (old) against $out (new):" >&2
$GO run "$BENCHSTAT" bench/baseline.txt "$out"
