#!/usr/bin/env bash
# The fuzz smoke of `make test` (issue 17): builds every fuzz target (unoptimized, into
# .build/fuzz-smoke, so that a target that no longer compiles or links fails the run), then runs
# all ten AT ONCE for FUZZ_SMOKE_SECONDS (default 30) of wall time each, from their seeds.
# Exit status 1 when a target does not build, crashes, hangs, leaks, runs out of memory, or leaves
# an artifact (a finding); the failing target's log is printed.
#
# Why at once and unoptimized: `make test` must stay well under 10 minutes on 2 cores. -Onone cuts
# the instrumented build's CPU time to about a third of -O's (Docs/Security.md has the figures), and
# ten targets side by side take 30 s of wall time instead of 5 minutes one after the other; each
# gets its share of the two cores. The long runs (`make fuzz`, the fuzz hours) use the -O build.
#
# The build is incremental (build.sh rebuilds what is older than its inputs).
# Usage: Tests/Fuzz/smoke.sh   (FUZZ_SMOKE_SECONDS=5 for a quicker look; FUZZ_SMOKE_OPT=-O)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=.build/fuzz-smoke
SECONDS_EACH="${FUZZ_SMOKE_SECONDS:-30}"
targets=(csv vcard dot linkedin mbox ics toml goal snapshot mapped)
started=$SECONDS

FUZZ_OPT="${FUZZ_SMOKE_OPT:--Onone}" bash Tests/Fuzz/build.sh "$OUT" || { echo "fuzz smoke: BUILD FAILED" >&2; exit 1; }
built=$SECONDS

export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
declare -A pid
for t in "${targets[@]}"; do
  # A fresh working corpus each time (new units go there; the seeds stay as they are), fixed seed.
  # -timeout=60: unoptimized code on shared cores is slow (the RRULE regression seed takes 2.8 s of
  # CPU at -Onone, 0.4 s at -O); a unit still running after a minute is a hang.
  rm -rf "$OUT/corpus/$t" "$OUT/artifacts/$t"
  mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t"
  "$OUT/fuzz-$t" -seed=1 -max_total_time="$SECONDS_EACH" -timeout=60 -report_slow_units=60 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$OUT/artifacts/$t/" -print_final_stats=1 "$OUT/corpus/$t" "Tests/Fuzz/seeds/$t" \
    >"$OUT/fuzz-$t.log" 2>&1 &
  pid[$t]=$!
done
status=0
for t in "${targets[@]}"; do
  rc=0
  wait "${pid[$t]}" || rc=$?
  log="$OUT/fuzz-$t.log"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  found=$(find "$OUT/artifacts/$t" -type f | wc -l)
  printf 'fuzz-%-9s exit %d, %8s executions, %-18s %d findings\n' "$t" "$rc" "${runs:-?}" "${cov:-no coverage},"  "$found"
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ] || [ -z "$runs" ]; then
    status=1
    echo "---- $log (last 40 lines)"
    tail -n 40 "$log"
    echo "---- artifacts: $(find "$OUT/artifacts/$t" -type f | tr '\n' ' ')"
  fi
done
echo "fuzz smoke: build $((built - started)) s, runs $((SECONDS - built)) s$([ $status -eq 0 ] || echo ', FAILED')"
exit $status
