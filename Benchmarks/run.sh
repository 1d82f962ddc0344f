#!/usr/bin/env bash
# make bench: races Rapport's workload-W executable against the Python peers of ../shared/bench
# (NetworkX, igraph, rustworkx, NetworKit) on the same generated files in one run, then prints
# seconds, peak memory and the ratio to the fastest peer, per dataset and per phase.
#
# Environment (all optional):
#   BENCH_KIT=DIR      the benchmark kit (default: ../shared/bench beside the repository)
#   BENCH_SIZES="…"    people counts to run (default: "10000 100000 1000000")
#   BENCH_DATA=DIR     where generated datasets live (default: Benchmarks/data)
#   BENCH_COMMANDS=0   skip the real commands (commands.sh: import, suggest, log, search, render, batch)
#   BENCH_PEERS="…"    peers to race (default: networkx igraph rustworkx networkit; networkx is
#                      skipped above 100k people unless BENCH_SLOW_PEERS=1 — it needs minutes there)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
kit=${BENCH_KIT:-$root/../shared/bench}
sizes=${BENCH_SIZES:-"10000 100000 1000000"}
data=${BENCH_DATA:-$here/data}
peers=${BENCH_PEERS:-"networkx igraph rustworkx networkit"}
[ -f "$kit/WORKLOAD.md" ] || { echo "bench: no benchmark kit at $kit (set BENCH_KIT)" >&2; exit 2; }

bash "$root/.ci/install-deps"
venv=$here/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import numpy, pyarrow, networkx, igraph, rustworkx, networkit" 2>/dev/null; then
  echo "bench: installing the peers' Python packages into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$kit/requirements.txt"
fi
export PATH="$venv/bin:$PATH"

(cd "$here" && swift build -c release --product rapport-bench 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true)
bench_bin="$here/.build/release/rapport-bench"
[ -x "$bench_bin" ] || { echo "bench: build failed" >&2; exit 1; }

status=0
for n in $sizes; do
  dir="$data/$n"
  if [ ! -f "$dir/goal.json" ]; then
    echo "bench: generating $n people into $dir"
    python "$kit/gen_network.py" --people "$n" --seed 1 --out "$dir" >/dev/null
  fi
  run_peers=$peers
  if [ "$n" -gt 100000 ] && [ -z "${BENCH_SLOW_PEERS:-}" ]; then run_peers=${run_peers//networkx/}; fi
  out=$(mktemp -d)
  expected=""
  [ "$n" = 10000 ] && expected="$kit/expected/top20_10k_seed1.csv"
  echo
  echo "== $n people"
  if ! OUT=$out EXPECTED=$expected PYTHON=python PEERS="swift=$bench_bin $run_peers" bash "$kit/run_peers.sh" "$dir" > "$out/run.txt" 2>&1; then
    status=1
  fi
  python "$here/table.py" "$out"
  # The real commands on the same files, in the same run (BENCH_COMMANDS=0 leaves them out).
  if [ "${BENCH_COMMANDS:-1}" != 0 ]; then
    echo "-- rapport's commands on the same files"
    bash "$here/commands.sh" "$dir" "$out" || status=1
  fi
done
exit $status
