#!/usr/bin/env python3
"""Scores `kiemdem extract` on shared/extraction/dev and fails below issue 3's bars."""
import json
import os
import subprocess
import sys

THRESHOLDS = {"measure": 0.90, "measure+subject": 0.80, "measure+all": 0.60, "docref": 0.95,
              "person": 0.90, "person.titles": 0.85, "directive": 0.70, "meeting": 0.80}

kiemdem, shared = sys.argv[1], sys.argv[2]
scorer = os.path.join(shared, "tools", "score-extraction")
gold = os.path.join(shared, "extraction", "dev")
if not os.path.exists(scorer):
    sys.exit(f"extraction_score_test: {scorer} not found; shared/ must sit beside the repository")
r = subprocess.run([scorer, "--gold", gold, "--cmd", f"{kiemdem} extract {{}}", "--json"],
                   capture_output=True, text=True, timeout=300)
print(r.stdout)
if r.returncode != 0:
    sys.exit(f"scorer failed (exit {r.returncode}): {r.stderr}")
scores = json.loads([l for l in r.stdout.splitlines() if l.startswith("{")][-1])
low = {k: (scores.get(k, 0.0), t) for k, t in THRESHOLDS.items() if scores.get(k, 0.0) < t}
for k, (s, t) in low.items():
    print(f"BELOW: {k} = {s:.3f} < {t:.2f}")
sys.exit(1 if low else 0)
