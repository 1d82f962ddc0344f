#!/usr/bin/env bash
# The real commands on one bench dataset, in the same run as the peers (issue 16 item 6): the import,
# a cold and a warm suggest, a logged coffee then suggest, an import of one person then suggest, people --search, render orgs, a batch of
# 200 egos and a re-import of the same files. Prints seconds, peak memory (GNU time) and the ratio to
# NetworKit's whole workload W, read from the run's own table.
#
# Usage: commands.sh DATA_DIR RUN_DIR [RAPPORT_BINARY]
#   RUN_DIR is run_peers.sh's OUT (its run.txt holds networkit's wall seconds).
set -euo pipefail
data=$1
run=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${3:-$root/.build/release/rapport}
if [ ! -x "$bin" ]; then
  (cd "$root" && swift build -c release --product rapport 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true)
fi
[ -x "$bin" ] || { echo "commands: no rapport binary at $bin" >&2; exit 1; }
nk=$(awk '$1 == "networkit" {print $3}' "$run/run.txt")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/ws.db
export RAPPORT_NO_PROGRESS=1 RAPPORT_AS_OF=2026-11-01
ego=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['ego'])" "$data/goal.json")
goal=(--for "$ego" --sector "intellectual property" --keyword patent --keyword "technology transactions")
files=("$data/people.csv" "$data/ties.csv" "$data/interactions.csv" "$data/introductions.csv")
head -201 "$data/people.csv" | tail -200 | cut -d, -f1 > "$work/egos.csv"

printf '%-34s %8s %9s %10s\n' command seconds peak_MB "x NK's W"
row() {  # row NAME COMMAND...: runs it under GNU time and prints one line
  local name=$1; shift
  if ! /usr/bin/time -v -o "$work/time" "$@" > "$work/out" 2> "$work/err"; then
    echo "commands: '$name' failed:" >&2; tail -5 "$work/err" >&2; return 1
  fi
  awk -v name="$name" -v nk="${nk:-0}" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { ratio = (nk > 0) ? sprintf("%.3f", s / nk) : "-"; printf "%-34s %8.2f %9.0f %10s\n", name, s, rss, ratio }' "$work/time"
}
row "init" "$bin" init --db "$db"
row "import (4 files)" "$bin" import --db "$db" "${files[@]}"
row "suggest, first after import" "$bin" suggest --db "$db" "${goal[@]}"
row "suggest, warm" "$bin" suggest --db "$db" "${goal[@]}"
row "log coffee" "$bin" log --db "$db" coffee p000123 --date 2026-10-30 --minutes 30
row "suggest after log" "$bin" suggest --db "$db" "${goal[@]}"
row "suggest, warm again" "$bin" suggest --db "$db" "${goal[@]}"
printf 'id,first_name,last_name,organization,title\nnew1,Rowan,Field,Acme Patent Group,Associate\n' > "$work/one.csv"
row "import of one new person" "$bin" import --db "$db" "$work/one.csv"
row "suggest after that import" "$bin" suggest --db "$db" "${goal[@]}"
row "people --search p0009" "$bin" people --db "$db" --search p0009
row "people --org (first org)" "$bin" people --db "$db" --org "$(sed -n 2p "$data/people.csv" | python3 -c 'import csv,sys; print(next(csv.reader(sys.stdin))[4])')"
row "render orgs -o orgs.svg" "$bin" render orgs --db "$db" -o "$work/orgs.svg"
row "suggest --batch (200 egos)" "$bin" suggest --db "$db" --batch "$work/egos.csv" --out "$work/batch"
grep -o '([0-9.]* people/s)' "$work/out" | sed 's/^/    batch throughput: /'
row "re-import, unchanged" "$bin" import --db "$db" "${files[@]}"
echo "NetworKit's W in this run: ${nk:-?} s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
