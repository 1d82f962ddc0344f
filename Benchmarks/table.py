#!/usr/bin/env python3
"""Summarize one run_peers.sh output folder: seconds, peak memory and ratios to the fastest peer,
overall and per phase. Usage: table.py OUT_DIR (holds run.txt and <peer>.log files)."""
import os
import sys

out = sys.argv[1]
text = open(os.path.join(out, "run.txt")).read()
rows = {}
for line in text.splitlines():
    parts = line.split()
    if len(parts) >= 4 and parts[0] not in ("peer", "dataset:") and parts[2].replace(".", "").isdigit():
        try:
            rows[parts[0]] = dict(phases=float(parts[1]), wall=float(parts[2]), rss=float(parts[3]))
        except ValueError:
            pass
        if "FAILED" in line:
            rows.pop(parts[0], None)
phases = {}
for name in rows:
    log = os.path.join(out, name + ".log")
    if os.path.exists(log):
        for line in open(log):
            if line.startswith("PHASES "):
                phases[name] = dict(kv.split("=") for kv in line.split()[1:])
print("\n".join(l for l in text.splitlines() if l.startswith(("dataset:", "  !!", "all peers"))))
peers = [p for p in rows if p != "swift"]
if "swift" not in rows or not peers:
    print("(no ratio: swift or the peers failed; see", out, ")")
    sys.exit(0)
fast = min(peers, key=lambda p: rows[p]["wall"])
s = rows["swift"]
print(f"{'':10} {'wall s':>8} {'peak MB':>8}   ratio to fastest peer ({fast}): time, memory")
for p in ["swift"] + sorted(peers, key=lambda p: rows[p]["wall"]):
    r = rows[p]
    print(f"{p:10} {r['wall']:8.2f} {r['rss']:8.0f}   {r['wall'] / rows[fast]['wall']:6.3f}x {r['rss'] / rows[fast]['rss']:6.3f}x")
names = ["load", "build", "strengths", "dijkstra", "adamic-adar", "rank"]
if "swift" in phases:
    print(f"{'phase':12} {'swift s':>8} {'best peer':>12} {'peer s':>8} {'ratio':>7}")
    for ph in names:
        best = min((float(phases[p][ph]), p) for p in peers if p in phases and ph in phases[p])
        sw = float(phases["swift"][ph])
        print(f"{ph:12} {sw:8.3f} {best[1]:>12} {best[0]:8.3f} {sw / best[0] if best[0] > 0 else 0:7.3f}")
