#!/usr/bin/env bash
# Builds the libFuzzer targets (Linux, swiftc 6.x):
#   fuzz-csv    CSV reader + format detection + the native/contact formats (ContactFile.parse)
#   fuzz-vcard  the vCard reader
#   fuzz-mbox   the mailbox reader: byte scanner, header fields, addresses, RFC 2047, dates, evidence
#   fuzz-dot    arbitrary names -> DOTGraph -> libcgraph's agmemread (InProcessRenderer.validate)
#   fuzz-linkedin  the LinkedIn archive: a zip container through ZIPFoundation, or one export file's bytes
#   fuzz-ics    the calendar reader: CalendarFile.parse, occurrences (RRULE expansion), evidence
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
# One package name for every module, as SwiftPM gives them: Rapport shares `package` API with RapportCSV.
FLAGS=(-O -parse-as-library -sanitize=fuzzer,address -swift-version 6 -g -package-name Rapport -I Sources/CCRC32C/include)

sources() { find "$1" -name '*.swift' | LC_ALL=C sort; }

# Rapport renders drafts with swift-mustache: it is compiled in first, from SwiftPM's checkout.
[ -d .build/checkouts/swift-mustache/Sources/Mustache ] || swift package resolve
echo "building Mustache (instrumented static library)"
mapfile -t mustache < <(sources .build/checkouts/swift-mustache/Sources/Mustache)
"$SWIFTC" "${FLAGS[@]}" -emit-library -static -emit-module -module-name Mustache \
  -emit-module-path "$OUT/Mustache.swiftmodule" -o "$OUT/libMustache.a" "${mustache[@]}"

echo "building Rapport (instrumented static library)"
mapfile -t core < <(sources Sources/Rapport)
"$SWIFTC" "${FLAGS[@]}" -emit-library -static -emit-module -module-name Rapport -I "$OUT" \
  -emit-module-path "$OUT/Rapport.swiftmodule" -o "$OUT/libRapport.a" "${core[@]}"
# The core's C helper (the CRC32 instruction), into the same library.
clang -O2 -g -fsanitize=fuzzer-no-link,address -I Sources/CCRC32C/include -c Sources/CCRC32C/ccrc32c.c -o "$OUT/ccrc32c.o"
ar qs "$OUT/libRapport.a" "$OUT/ccrc32c.o"

# RapportCSV reads LinkedIn zips through ZIPFoundation (Swift 5 mode, zlib through its CZlib module
# map on Linux): an instrumented static library too, from the checkout SwiftPM makes.
ZIPSRC=.build/checkouts/ZIPFoundation/Sources
[ -d "$ZIPSRC/ZIPFoundation" ] || swift package resolve
echo "building ZIPFoundation (instrumented static library)"
mapfile -t zip < <(sources "$ZIPSRC/ZIPFoundation")
quiet "$SWIFTC" -O -parse-as-library -sanitize=fuzzer,address -swift-version 5 -g -emit-library -static -emit-module \
  -module-name ZIPFoundation -I "$ZIPSRC/CZLib" -Xcc -D_GNU_SOURCE=1 \
  -emit-module-path "$OUT/ZIPFoundation.swiftmodule" -o "$OUT/libZIPFoundation.a" "${zip[@]}"
ZIP=(-I "$ZIPSRC/CZLib" -lZIPFoundation -lz)

mapfile -t csv < <(sources Sources/RapportCSV)
echo "building fuzz-csv"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzCSV -I "$OUT" -L "$OUT" -lRapport -lMustache "${ZIP[@]}" \
  -o "$OUT/fuzz-csv" "${csv[@]}" Tests/Fuzz/CSVFuzz.swift
echo "building fuzz-vcard"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzVCard -I "$OUT" -L "$OUT" -lRapport -lMustache "${ZIP[@]}" \
  -o "$OUT/fuzz-vcard" "${csv[@]}" Tests/Fuzz/VCardFuzz.swift
echo "building fuzz-linkedin"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzLinkedIn -I "$OUT" -L "$OUT" -lRapport -lMustache "${ZIP[@]}" \
  -o "$OUT/fuzz-linkedin" "${csv[@]}" Tests/Fuzz/LinkedInFuzz.swift
echo "building fuzz-mbox"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzMbox -I "$OUT" -L "$OUT" -lRapport -lMustache "${ZIP[@]}" \
  -o "$OUT/fuzz-mbox" "${csv[@]}" Tests/Fuzz/MboxFuzz.swift

mapfile -t graphviz < <(sources Sources/RapportGraphviz)
echo "building fuzz-dot"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzDOT -I "$OUT" -L "$OUT" -lRapport -lMustache -I Sources/CGraphviz \
  $(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g') $(pkg-config --libs libgvc) \
  -o "$OUT/fuzz-dot" "${graphviz[@]}" Tests/Fuzz/DOTFuzz.swift
echo "building fuzz-ics"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzICS -I "$OUT" -L "$OUT" -lRapport -lMustache "${ZIP[@]}" \
  -o "$OUT/fuzz-ics" "${csv[@]}" Tests/Fuzz/ICSFuzz.swift

# Reliability targets (issue 17): the TOML reader, JSON goal files, the snapshot file reader
# (against libRapport), and the mapped-CSV path (compiled with RapportCSV like fuzz-csv).
echo "building fuzz-toml"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzTOML -I "$OUT" -L "$OUT" -lRapport -lMustache \
  -o "$OUT/fuzz-toml" Tests/Fuzz/TOMLFuzz.swift
echo "building fuzz-goal"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzGoal -I "$OUT" -L "$OUT" -lRapport -lMustache \
  -o "$OUT/fuzz-goal" Tests/Fuzz/GoalFuzz.swift
echo "building fuzz-snapshot"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzSnapshot -I "$OUT" -L "$OUT" -lRapport -lMustache \
  -o "$OUT/fuzz-snapshot" Tests/Fuzz/SnapshotFuzz.swift
echo "building fuzz-mapped"
quiet "$SWIFTC" "${FLAGS[@]}" -module-name FuzzMapped -I "$OUT" -L "$OUT" -lRapport -lMustache "${ZIP[@]}" \
  -o "$OUT/fuzz-mapped" "${csv[@]}" Tests/Fuzz/MappedFuzz.swift
echo "built: $OUT/fuzz-csv $OUT/fuzz-vcard $OUT/fuzz-dot $OUT/fuzz-linkedin $OUT/fuzz-mbox $OUT/fuzz-ics $OUT/fuzz-toml $OUT/fuzz-goal $OUT/fuzz-snapshot $OUT/fuzz-mapped"
