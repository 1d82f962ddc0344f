#!/usr/bin/env bash
# Builds the libFuzzer targets (Linux, swiftc 6.x):
#   fuzz-csv    CSV reader + format detection + the native/contact formats (ContactFile.parse)
#   fuzz-vcard  the vCard reader
#   fuzz-dot    arbitrary names -> DOTGraph -> libcgraph's agmemread (InProcessRenderer.validate)
#   fuzz-ics    the calendar reader: CalendarFile.parse, occurrences (RRULE expansion), evidence
#
# SwiftPM cannot build libFuzzer executables, so each target is compiled by hand: the core module
# `Rapport` becomes an instrumented static library, then the module under test is compiled together
# with its fuzz entry point (one module, so the entry point reaches internal API such as VCardFormat).
#
# Usage: Tests/Fuzz/build.sh [out-dir]   (default .build/fuzz). Needs libgraphviz-dev for fuzz-dot.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-.build/fuzz}"
mkdir -p "$OUT"
SWIFTC="${SWIFTC:-swiftc}"
# gold warns once per ASan helper symbol ("Cannot export local symbol"); harmless, filtered.
quiet() { "$@" 2> >(grep -v "Cannot export local symbol" >&2); }
# -package-name: the core uses `package` access, as SwiftPM builds it.
FLAGS=(-O -parse-as-library -sanitize=fuzzer,address -swift-version 6 -g -package-name Rapport)

sources() { find "$1" -name '*.swift' | LC_ALL=C sort; }

# The core renders drafts with Mustache (swift-mustache, checked out by SwiftPM: run `swift build` or
# `swift package resolve` once first); it becomes a static library beside the core's.
MUSTACHE=.build/checkouts/swift-mustache/Sources/Mustache
[ -d "$MUSTACHE" ] || swift package resolve
echo "building Mustache (static library)"
mapfile -t mustache < <(sources "$MUSTACHE")
quiet "$SWIFTC" "${FLAGS[@]}" -swift-version 5 -emit-library -static -emit-module -module-name Mustache \
  -emit-module-path "$OUT/Mustache.swiftmodule" -o "$OUT/libMustache.a" "${mustache[@]}"

echo "building Rapport (instrumented static library)"
mapfile -t core < <(sources Sources/Rapport)
"$SWIFTC" "${FLAGS[@]}" -I "$OUT" -emit-library -static -emit-module -module-name Rapport \
  -emit-module-path "$OUT/Rapport.swiftmodule" -o "$OUT/libRapport.a" "${core[@]}"

mapfile -t csv < <(sources Sources/RapportCSV)
echo "building fuzz-csv"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzCSV -I "$OUT" -L "$OUT" -lRapport -lMustache \
  -o "$OUT/fuzz-csv" "${csv[@]}" Tests/Fuzz/CSVFuzz.swift
echo "building fuzz-vcard"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzVCard -I "$OUT" -L "$OUT" -lRapport -lMustache \
  -o "$OUT/fuzz-vcard" "${csv[@]}" Tests/Fuzz/VCardFuzz.swift

mapfile -t graphviz < <(sources Sources/RapportGraphviz)
echo "building fuzz-dot"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzDOT -I "$OUT" -L "$OUT" -lRapport -lMustache -I Sources/CGraphviz \
  $(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g') $(pkg-config --libs libgvc) \
  -o "$OUT/fuzz-dot" "${graphviz[@]}" Tests/Fuzz/DOTFuzz.swift
echo "building fuzz-ics"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzICS -I "$OUT" -L "$OUT" -lRapport -lMustache \
  -o "$OUT/fuzz-ics" "${csv[@]}" Tests/Fuzz/ICSFuzz.swift
echo "built: $OUT/fuzz-csv $OUT/fuzz-vcard $OUT/fuzz-dot $OUT/fuzz-ics"
