#!/usr/bin/env bash
# The `make test` smoke of the fuzz targets: builds every target afresh (so a target that no longer
# compiles fails the run), then runs each for FUZZ_SMOKE_SECONDS (default 5) with its seeds.
# Exit status 1 when a target does not build, crashes, or reports a finding.
#
# Usage: Tests/Fuzz/smoke.sh   (FUZZ_SMOKE_SECONDS=30 for the issue's 30 s each)
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
bash Tests/Fuzz/build.sh .build/fuzz
built=$(date +%s)
FUZZ_SECONDS="${FUZZ_SMOKE_SECONDS:-5}" bash Tests/Fuzz/run.sh
echo "fuzz smoke: build $((built - started)) s, runs $(($(date +%s) - built)) s"
