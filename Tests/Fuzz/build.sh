#!/usr/bin/env bash
# Builds the libFuzzer targets (Linux, swiftc 6.x):
#   fuzz-csv    CSV reader + format detection + the native/contact formats (ContactFile.parse)
#   fuzz-vcard  the vCard reader
#   fuzz-mbox   the mailbox reader: byte scanner, header fields, addresses, RFC 2047, dates, evidence
#   fuzz-dot    arbitrary names -> DOTGraph -> libcgraph's agmemread (InProcessRenderer.validate)
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
BASE=(-O -parse-as-library -sanitize=fuzzer,address -g)
FLAGS=("${BASE[@]}" -swift-version 6 -package-name Rapport)

sources() { find "$1" -name '*.swift' | LC_ALL=C sort; }

# The core imports Mustache (swift-mustache, resolved by SwiftPM into .build/checkouts): built first,
# the same way; -module-link-name makes every importer link it (autolink), after libRapport.
[ -d .build/checkouts/swift-mustache ] || swift package resolve
echo "building Mustache (instrumented static library)"
mapfile -t mustache < <(sources .build/checkouts/swift-mustache/Sources/Mustache)
"$SWIFTC" "${BASE[@]}" -swift-version 5 -emit-library -static -emit-module -module-name Mustache -module-link-name Mustache \
  -emit-module-path "$OUT/Mustache.swiftmodule" -o "$OUT/libMustache.a" "${mustache[@]}"

echo "building Rapport (instrumented static library)"
mapfile -t core < <(sources Sources/Rapport)
"$SWIFTC" "${FLAGS[@]}" -I "$OUT" -emit-library -static -emit-module -module-name Rapport \
  -emit-module-path "$OUT/Rapport.swiftmodule" -o "$OUT/libRapport.a" "${core[@]}"

mapfile -t csv < <(sources Sources/RapportCSV)
echo "building fuzz-csv"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzCSV -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-csv" "${csv[@]}" Tests/Fuzz/CSVFuzz.swift
echo "building fuzz-vcard"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzVCard -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-vcard" "${csv[@]}" Tests/Fuzz/VCardFuzz.swift
echo "building fuzz-mbox"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzMbox -I "$OUT" -L "$OUT" -lRapport \
  -o "$OUT/fuzz-mbox" "${csv[@]}" Tests/Fuzz/MboxFuzz.swift

mapfile -t graphviz < <(sources Sources/RapportGraphviz)
echo "building fuzz-dot"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzDOT -I "$OUT" -L "$OUT" -lRapport -I Sources/CGraphviz \
  $(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g') $(pkg-config --libs libgvc) \
  -o "$OUT/fuzz-dot" "${graphviz[@]}" Tests/Fuzz/DOTFuzz.swift
echo "built: $OUT/fuzz-csv $OUT/fuzz-vcard $OUT/fuzz-mbox $OUT/fuzz-dot"
