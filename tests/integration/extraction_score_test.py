#!/usr/bin/env python3
"""Scores `kiemdem extract` on a gold set of shared/extraction and fails below its bars.

Usage: extraction_score_test.py KIEMDEM SHARED SET   (SET: dev, the five seed articles, or wide, the
32 articles from 29 provinces of issue 10). The bars are issue 3's and issue 10's.
"""
import json
import os
import subprocess
import sys

THRESHOLDS = {
    "dev": {"measure": 0.95, "measure+subject": 0.80, "measure+all": 0.60, "docref": 0.95, "person": 0.90,
            "person.titles": 0.85, "directive": 0.90, "meeting": 0.95},
    "wide": {"measure": 0.92, "measure+subject": 0.82, "measure+all": 0.55, "docref": 0.90, "docref+date": 0.85,
             "person": 0.90, "person.titles": 0.85, "directive": 0.65, "meeting": 0.80},
}

kiemdem, shared, which = sys.argv[1], sys.argv[2], sys.argv[3]
scorer = os.path.join(shared, "tools", "score-extraction")
gold = os.path.join(shared, "extraction", which)
if not os.path.exists(scorer):
    sys.exit(f"extraction_score_test: {scorer} not found; shared/ must sit beside the repository")
r = subprocess.run([scorer, "--gold", gold, "--cmd", f"{kiemdem} extract {{}}", "--json"],
                   capture_output=True, text=True, timeout=300)
print(r.stdout)
if r.returncode != 0:
    sys.exit(f"scorer failed (exit {r.returncode}): {r.stderr}")
scores = json.loads([l for l in r.stdout.splitlines() if l.startswith("{")][-1])
low = {k: (scores.get(k, 0.0), t) for k, t in THRESHOLDS[which].items() if scores.get(k, 0.0) < t}
for k, (s, t) in low.items():
    print(f"BELOW: {k} = {s:.3f} < {t:.2f}")
sys.exit(1 if low else 0)
