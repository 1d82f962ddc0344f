#!/usr/bin/env bash
# Builds the libFuzzer targets (-O, incrementally), then runs each for FUZZ_SECONDS (default 600)
# seconds, one after the other, niced.
# The working corpus grows in .build/fuzz/corpus/<target> (seeded from Tests/Fuzz/seeds/<kind>);
# crashes land in .build/fuzz/artifacts/<target>/. Prints the executions and findings per target.
#
# Usage: Tests/Fuzz/run.sh [target…]   (default: csv vcard dot linkedin mbox ics toml goal snapshot mapped); FUZZ_SECONDS=60 for a short run.
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${FUZZ_SECONDS:-600}"
OUT=.build/fuzz
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv vcard dot linkedin mbox ics toml goal snapshot mapped)
# The -O build, incremental: only what changed since the last run is compiled again.
bash Tests/Fuzz/build.sh "$OUT" || exit 1
# The Swift backtracer can take minutes on an ASan binary; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
# Known leaks of third-party code (each explained in the file); ours are still reported.
export LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for t in "${targets[@]}"; do
  corpus="$OUT/corpus/$t"
  artifacts="$OUT/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  cp -n Tests/Fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  log="$OUT/fuzz-$t.log"
  echo "fuzz-$t: ${SECONDS_EACH}s, log $log"
  # -rss_limit_mb: ASan plus a 1 MiB field limit stay far below it; a leak or a blow-up does not.
  nice -n 10 "$OUT/fuzz-$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  found=$(find "$artifacts" -type f | wc -l)
  echo "fuzz-$t: exit $rc, ${runs:-?} executions, $found artifacts in $artifacts"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
