#!/usr/bin/env python3
"""Bad input to `kiemdem extract`: clear errors, exit status, bounded memory."""
import json
import os
import resource
import subprocess
import sys
import tempfile

kiemdem = sys.argv[1]
failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + (f": {detail}" if detail and not cond else ""))
    if not cond:
        failures.append(name)


with tempfile.TemporaryDirectory() as d:
    bad = os.path.join(d, "bad.txt")
    with open(bad, "wb") as f:
        f.write("Thu ngân sách đạt 13 tỷ".encode() + b"\xff")
    r = subprocess.run([kiemdem, "--lang", "en", "extract", bad], capture_output=True, text=True)
    check("invalid UTF-8 exits 1", r.returncode == 1, r.returncode)
    check("invalid UTF-8 names the byte", "invalid UTF-8 at byte 30" in r.stderr, r.stderr)
    r = subprocess.run([kiemdem, "extract", bad], capture_output=True, text=True)
    check("in Vietnamese by default", "UTF-8 không hợp lệ tại byte 30" in r.stderr, r.stderr)

    empty = os.path.join(d, "empty.txt")
    open(empty, "wb").close()
    r = subprocess.run([kiemdem, "extract", empty], capture_output=True, text=True)
    check("empty file gives no facts", r.returncode == 0 and json.loads(r.stdout) == {"facts": []}, r.stdout)

    binary = os.path.join(d, "binary.bin")
    with open(binary, "wb") as f:
        f.write(bytes(range(256)) * 64)
    r = subprocess.run([kiemdem, "--lang", "en", "extract", binary], capture_output=True, text=True)
    check("binary data is an error, not a crash", r.returncode == 1 and "invalid UTF-8" in r.stderr, r.stderr)

    r = subprocess.run([kiemdem, "--lang", "en", "extract", os.path.join(d, "missing.txt")], capture_output=True,
                       text=True)
    check("missing file says so", r.returncode == 1 and "cannot read" in r.stderr, r.stderr)

    r = subprocess.run([kiemdem, "extract", "-"], input="Năm 2020, phường thu 45 tỷ đồng.".encode(),
                       capture_output=True)
    facts = json.loads(r.stdout)["facts"]
    check("stdin with -", r.returncode == 0 and facts and facts[0]["value"] == 45e9, r.stdout)

# JSONL: good lines, bad lines and a 100 MB line, streamed from a generator.
def lines():
    yield json.dumps({"id": "a", "text": "Năm 2020, phường thu 45 tỷ đồng."}, ensure_ascii=False).encode() + b"\n"
    yield b"not json\n"
    yield json.dumps({"id": 3}).encode() + b"\n"
    yield b'{"id": "huge", "text": "' + b"x" * (100 << 20) + b'"}\n'
    yield json.dumps({"id": "b", "text": "Kết nạp 12 đảng viên."}, ensure_ascii=False).encode() + b"\n"

p = subprocess.Popen([kiemdem, "extract", "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
import threading
out = []
t = threading.Thread(target=lambda: out.append(p.stdout.read()))
t.start()
for chunk in lines():
    for i in range(0, len(chunk), 1 << 20):
        p.stdin.write(chunk[i:i + (1 << 20)])
p.stdin.close()
t.join()
rc = p.wait()
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
results = [json.loads(l) for l in out[0].decode().splitlines()]
check("one result per line", len(results) == 5, len(results))
check("good line has facts", results[0].get("id") == "a" and results[0]["facts"][0]["value"] == 45e9, results[0])
check("bad JSON line is an error", "error" in results[1], results[1])
check("missing text is an error naming the id", results[2].get("id") == 3 and "text" in results[2]["error"]["message"],
      results[2])
check("100 MB line is refused", "error" in results[3] and "longer than" in results[3]["error"]["message"], results[3])
check("the stream goes on after it", results[4].get("id") == "b" and results[4]["facts"], results[4])
check("exit status says some lines failed", rc == 1, rc)
# AddressSanitizer keeps freed memory in quarantine (256 MB by default), so
# the bound is the release one only outside sanitizer builds.
limit_mb = 400 if os.environ.get("KIEMDEM_SANITIZED") else 120
check(f"peak memory bounded ({peak_kb // 1024} MB < {limit_mb} MB)", peak_kb < limit_mb * 1024, peak_kb)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
