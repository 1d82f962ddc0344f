#!/usr/bin/env bash
# Builds the libFuzzer targets (Linux, swiftc 6.x):
#   fuzz-csv    CSV reader + format detection + the native/contact formats (ContactFile.parse)
#   fuzz-vcard  the vCard reader
#   fuzz-dot    arbitrary names -> DOTGraph -> libcgraph's agmemread (InProcessRenderer.validate)
#   fuzz-toml, fuzz-goal, fuzz-snapshot, fuzz-mapped   see the block at the end (issue 17)
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
FLAGS=(-O -parse-as-library -sanitize=fuzzer,address -swift-version 6 -g -package-name rapport)

sources() { find "$1" -name '*.swift' | LC_ALL=C sort; }

# The core imports Mustache (the drafts' templates): built first from SwiftPM's checkout, and its
# objects appended to libRapport.a, so that every target still links with -lRapport alone.
MUSTACHE="${MUSTACHE_SOURCES:-.build/checkouts/swift-mustache/Sources/Mustache}"
[ -d "$MUSTACHE" ] || swift package resolve
echo "building Mustache (instrumented static library)"
mapfile -t mustache < <(sources "$MUSTACHE")
"$SWIFTC" "${FLAGS[@]}" -emit-library -static -emit-module -module-name Mustache \
  -emit-module-path "$OUT/Mustache.swiftmodule" -o "$OUT/libMustache.a" "${mustache[@]}"

echo "building Rapport (instrumented static library)"
mapfile -t core < <(sources Sources/Rapport)
"$SWIFTC" "${FLAGS[@]}" -emit-library -static -emit-module -module-name Rapport -I "$OUT" \
  -emit-module-path "$OUT/Rapport.swiftmodule" -o "$OUT/libRapport.a" "${core[@]}"
rm -rf "$OUT/mustache-objects" && mkdir -p "$OUT/mustache-objects"
(cd "$OUT/mustache-objects" && ar x ../libMustache.a && ar qs ../libRapport.a ./*.o)

mapfile -t csv < <(sources Sources/RapportCSV)
echo "building fuzz-csv"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzCSV -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-csv" "${csv[@]}" Tests/Fuzz/CSVFuzz.swift
echo "building fuzz-vcard"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzVCard -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-vcard" "${csv[@]}" Tests/Fuzz/VCardFuzz.swift

mapfile -t graphviz < <(sources Sources/RapportGraphviz)
echo "building fuzz-dot"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzDOT -I "$OUT" -L "$OUT" -lRapport -I Sources/CGraphviz \
  $(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g') $(pkg-config --libs libgvc) \
  -o "$OUT/fuzz-dot" "${graphviz[@]}" Tests/Fuzz/DOTFuzz.swift
echo "built: $OUT/fuzz-csv $OUT/fuzz-vcard $OUT/fuzz-dot"

# Reliability targets (issue 17): the TOML reader, JSON goal files, the snapshot file reader
# (against libRapport), and the mapped-CSV path (compiled with RapportCSV like fuzz-csv).
echo "building fuzz-toml"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzTOML -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-toml" Tests/Fuzz/TOMLFuzz.swift
echo "building fuzz-goal"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzGoal -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-goal" Tests/Fuzz/GoalFuzz.swift
echo "building fuzz-snapshot"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzSnapshot -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-snapshot" Tests/Fuzz/SnapshotFuzz.swift
echo "building fuzz-mapped"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzMapped -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-mapped" "${csv[@]}" Tests/Fuzz/MappedFuzz.swift
