#!/usr/bin/env bash
# Builds the libFuzzer targets (Linux, swiftc 6.x):
#   fuzz-csv    CSV reader + format detection + the native/contact formats (ContactFile.parse)
#   fuzz-vcard  the vCard reader
#   fuzz-mbox   the mailbox reader: byte scanner, header fields, addresses, RFC 2047, dates, evidence
#   fuzz-dot    arbitrary names -> DOTGraph -> libcgraph's agmemread (InProcessRenderer.validate)
#   fuzz-linkedin  the LinkedIn archive: a zip container through ZIPFoundation, or one export file's bytes
#   fuzz-ics    the calendar reader: CalendarFile.parse, occurrences (RRULE expansion), evidence
#   fuzz-toml   TOMLParser and RapportConfiguration(toml:)
#   fuzz-goal   JSON goal files
#   fuzz-snapshot  the snapshot file reader
#   fuzz-mapped the mapped-CSV path (--map)
#
# SwiftPM cannot build libFuzzer executables, so the build is by hand, in two stages:
#  1. every module the targets need is compiled ONCE, instrumented (-sanitize=fuzzer,address), into a
#     static library: Mustache, Rapport (+ its C helper), ZIPFoundation, RapportCSV, RapportGraphviz.
#     RapportCSV and RapportGraphviz are compiled with -enable-testing, so the harnesses reach their
#     internal API (VCardFormat, Mailbox, DOTEscaping…) through `@testable import`.
#  2. each target is its one harness file, compiled as a small module and linked against them.
# Before issue 17's restructuring, RapportCSV was compiled into each of its six targets (1,131 s cold).
#
# Usage: Tests/Fuzz/build.sh [out-dir]   (default .build/fuzz). Needs libgraphviz-dev for fuzz-dot.
# FUZZ_OPT (default -O) is the optimization level; FUZZ_JOBS (default: the core count) the
# parallelism of stage 1's compiles and of stage 2.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-.build/fuzz}"
mkdir -p "$OUT"
SWIFTC="${SWIFTC:-swiftc}"
OPT="${FUZZ_OPT:--O}"
JOBS="${FUZZ_JOBS:-$(nproc)}"
START=$SECONDS
# gold warns once per ASan helper symbol ("Cannot export local symbol"); harmless, filtered.
quiet() { "$@" 2> >(grep -v "Cannot export local symbol" >&2); }
# One package name for every module, as SwiftPM gives them: Rapport shares `package` API with RapportCSV.
COMMON=("$OPT" -parse-as-library -sanitize=fuzzer,address -g -I "$OUT")
FLAGS=("${COMMON[@]}" -swift-version 6 -package-name Rapport -I Sources/CProcessor/include)
sources() { find "$1" -name '*.swift' | LC_ALL=C sort; }

# Incremental: an output is rebuilt when it is missing or older than one of its inputs (its sources,
# the libraries of earlier waves, this script); another FUZZ_OPT than last time rebuilds everything.
[ "$(cat "$OUT/.opt" 2>/dev/null)" = "$OPT" ] || rm -f "$OUT"/lib*.a "$OUT"/fuzz-*
echo "$OPT" >"$OUT/.opt"
BUILT=(Tests/Fuzz/build.sh)
fresh() {
  local output=$1
  shift
  [ -e "$output" ] && [ -z "$(find "$@" "${BUILT[@]}" -newer "$output" 2>/dev/null | head -1)" ]
}
# library NAME SOURCE-DIR SWIFT-VERSION [extra flags…]: one instrumented static library and its module.
library() {
  local name=$1 dir=$2 version=$3
  shift 3
  local files flags=("${FLAGS[@]}")
  [ "$version" = 6 ] || flags=("${COMMON[@]}" -swift-version "$version")
  if fresh "$OUT/lib$name.a" "$dir"; then echo "$name is up to date"; return 0; fi
  mapfile -t files < <(sources "$dir")
  echo "building $name (instrumented static library, ${#files[@]} files) at $((SECONDS - START)) s"
  quiet "$SWIFTC" "${flags[@]}" -j "$JOBS" "$@" -emit-library -static -emit-module -module-name "$name" \
    -emit-module-path "$OUT/$name.swiftmodule" -o "$OUT/lib$name.a" "${files[@]}"
}
# side LIBRARY-ARGS…: builds one library in the background; wave waits for them, fails if one failed.
side_pids=()
side() { library "$@" & side_pids+=($!); }
wave() {
  local pid failed=0
  for pid in "${side_pids[@]}"; do wait "$pid" || failed=1; done
  side_pids=()
  [ "$failed" -eq 0 ] || { echo "fuzz build: a library failed to build" >&2; exit 1; }
}

[ -d .build/checkouts/swift-mustache/Sources/Mustache ] && [ -d .build/checkouts/ZIPFoundation/Sources ] ||
  swift package resolve
ZIPSRC=.build/checkouts/ZIPFoundation/Sources
ZIP=(-I "$ZIPSRC/CZLib" -lZIPFoundation -lz)
GVC=(-I Sources/CGraphviz $(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g'))

# Stage 1, in three waves of independent modules built side by side. Rapport renders drafts with
# swift-mustache, and RapportCSV reads LinkedIn zips through ZIPFoundation (Swift 5 mode, zlib
# through its CZlib module map): both from SwiftPM's checkouts.
side Mustache .build/checkouts/swift-mustache/Sources/Mustache 6
side ZIPFoundation "$ZIPSRC/ZIPFoundation" 5 -I "$ZIPSRC/CZLib" -Xcc -D_GNU_SOURCE=1
wave
BUILT+=("$OUT/libMustache.a" "$OUT/libZIPFoundation.a")
if ! fresh "$OUT/libRapport.a" Sources/Rapport Sources/CProcessor; then
  rm -f "$OUT/libRapport.a"
  library Rapport Sources/Rapport 6
  # The core's C helper (the CRC32 instruction), into the same library.
  clang -O2 -g -fsanitize=fuzzer-no-link,address -I Sources/CProcessor/include -c Sources/CProcessor/ccrc32c.c -o "$OUT/ccrc32c.o"
  ar qs "$OUT/libRapport.a" "$OUT/ccrc32c.o"
fi
BUILT+=("$OUT/libRapport.a")
side RapportCSV Sources/RapportCSV 6 -enable-testing -I "$ZIPSRC/CZLib"
side RapportGraphviz Sources/RapportGraphviz 6 -enable-testing "${GVC[@]}"
wave
BUILT+=("$OUT/libRapportCSV.a" "$OUT/libRapportGraphviz.a")

# Stage 2: one small module per harness (Tests/Fuzz/<Name>Fuzz.swift -> fuzz-<name>), linked
# against the libraries, JOBS at a time.
status=0
pids=()
harness() {
  local name=$1
  shift
  if fresh "$OUT/fuzz-${name,,}" "Tests/Fuzz/${name}Fuzz.swift"; then echo "fuzz-${name,,} is up to date"; return 0; fi
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || status=1; done
  echo "building fuzz-${name,,} at $((SECONDS - START)) s"
  quiet "$SWIFTC" "${FLAGS[@]}" -module-name "Fuzz$name" -L "$OUT" "$@" -lRapport -lMustache \
    -o "$OUT/fuzz-${name,,}" "Tests/Fuzz/${name}Fuzz.swift" &
  pids+=($!)
}
CSVLIBS=(-lRapportCSV "${ZIP[@]}")
for name in CSV VCard LinkedIn Mbox ICS Mapped; do harness "$name" "${CSVLIBS[@]}"; done
harness DOT -lRapportGraphviz "${GVC[@]}" $(pkg-config --libs libgvc)
for name in TOML Goal Snapshot; do harness "$name"; done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
[ "$status" -eq 0 ] || { echo "fuzz build: a target failed to build" >&2; exit 1; }
echo "built $(ls "$OUT"/fuzz-* | grep -v '\.log$' | tr '\n' ' ')in $((SECONDS - START)) s ($OPT)"
