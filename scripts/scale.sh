#!/usr/bin/env bash
# Scale run (`make scale`; minutes, not in CI): for each corpus size,
# generate articles, ingest them into a fresh database under
# /usr/bin/time -v, compact it, and time whole-process queries.
#
#   scripts/scale.sh                    # 10k, 50k and 250k articles
#   SIZES="2000 10000" scripts/scale.sh # other sizes
#   KEEP=1 WORK=/var/tmp/cg scripts/scale.sh   # keep corpora and databases
#
# Prints one block per size and a summary table (markdown) at the end:
# articles/s, MB/s of text, CPU ms per article, peak RSS, database size
# against the raw text, and medians of RUNS runs of each query and of
# `stats` (open the database, read its counters, close: the open time).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-10000 50000 250000}
SEED=${SEED:-7}
RUNS=${RUNS:-9}
B=${B:-$PWD/bin/claimgraph}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/claimgraph-scale.XXXXXX")}
[ -x "$B" ] || { echo "scale: $B not built (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "scale: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "scale: needs python3" >&2; exit 1; }
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

# med CMD...: median wall time in ms of RUNS runs of CMD (output discarded)
med() {
  python3 - "${RUNS}" "$@" <<'PY'
import subprocess, sys, time
n, cmd = int(sys.argv[1]), sys.argv[2:]
ts = []
for _ in range(n):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
    if r.returncode != 0:
        print("failed"); sys.exit(0)
ts.sort()
print(round(ts[len(ts) // 2] * 1000, 1))
PY
}

# peak RSS of one run of CMD, in MiB
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{print int($1/1024)}'; }

echo "scale: machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)}' /proc/meminfo) GiB, $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "scale: binary $B ($("$B" version)); work dir $WORK"
echo "scale: version (startup floor): $(med "$B" version) ms"
rows=()
for N in $SIZES; do
  corpus=$WORK/corpus-$N db=$WORK/db-$N
  rm -rf "$db"
  [ -d "$corpus" ] || "$B" gen --articles "$N" --seed "$SEED" --out "$corpus" >/dev/null
  text=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  /usr/bin/time -v "$B" --db "$db" ingest -q "$corpus" 2>"$WORK/time-$N.log" >/dev/null
  read -r wall cpu rssmb < <(python3 - "$WORK/time-$N.log" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
w = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", t)
wall = int(w.group(1) or 0) * 3600 + int(w.group(2)) * 60 + float(w.group(3))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) // 1024
print(wall, cpu, rss)
PY
)
  before=$(du -sm "$db" | cut -f1)
  "$B" --db "$db" compact >/dev/null 2>&1 || true
  after=$(du -sm "$db" | cut -f1)
  tables=$(find "$db" -name '*.sst' | wc -l)
  hub=$("$B" --db "$db" query --format tsv 'MATCH (p:Person)-[:SAID]->(c:Claim) RETURN p.name AS name, count(*) AS n ORDER BY n DESC LIMIT 2' | tail -n +2)
  hubname=$(echo "$hub" | head -1 | cut -f1) hubn=$(echo "$hub" | head -1 | cut -f2)
  other=$(echo "$hub" | sed -n 2p | cut -f1)
  open=$(med "$B" --db "$db" stats)
  said=$(med "$B" --db "$db" said --by "$hubname" --limit 20)
  show=$(med "$B" --db "$db" show "$hubname")  # 100 edges each way by default
  twohop=$(med "$B" --db "$db" query 'MATCH (p:Person {name: $n})-[:SAID]->(c:Claim)-[:ABOUT]->(t) RETURN c.text, t.name LIMIT 100' --param "n=$hubname")
  path=$(med "$B" --db "$db" path "$hubname" "$other")
  dot=$(RUNS=3 med "$B" --db "$db" export --format dot --focus "$hubname" --depth 1)  # about 2 s at 250k (2,000-node bound)
  qrss=$(rss "$B" --db "$db" said --by "$hubname" --limit 20)
  python3 - "$N" "$wall" "$cpu" "$rssmb" "$text" "$before" "$after" <<'PY'
import sys
n, wall, cpu, rss, text, before, after = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"scale: {n} articles, {text/1e6:.1f} MB of text: ingest {wall:.1f} s = {n/wall:.0f} articles/s, "
      f"{text/1e6/wall:.1f} MB/s, {cpu*1000/n:.2f} ms CPU per article, peak RSS {rss:.0f} MiB; "
      f"db {before:.0f} MB, {after:.0f} MB after compact = {after/(text/2**20):.2f}x the text")
PY
  echo "scale: $N: hub '$hubname' ($hubn claims), $tables tables; whole process, median of $RUNS (ms): stats $open, said --by --limit 20 $said (peak RSS $qrss MiB), show $show, two-hop LIMIT 100 $twohop, path $path, export dot --focus --depth 1 $dot"
  rows+=("| $N | $(python3 -c "print(f'{$N/$wall:.0f} | {$cpu*1000/$N:.2f} | {$text/1e6/$wall:.1f}')") | $rssmb | $(python3 -c "print(f'{$after/($text/2**20):.2f}')") | $tables | $open | $said | $show | $twohop | $path | $dot | $qrss |")
done
echo
echo "| articles | articles/s | CPU ms/article | MB/s | peak RSS MiB | db/text | tables | stats ms | said ms | show ms | two-hop ms | path ms | dot ms | query RSS MiB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
