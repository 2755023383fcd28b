#!/usr/bin/env bash
# Throughput and peak memory of the whole `kiemdem extract --jsonl` pipeline
# on one core, side by side with `wc -w` on the same file, for corpora made by
# repeating the dev and wide texts (issue 10) to 50 MB and 500 MB.
# Usage: bench/extract_throughput.sh [KIEMDEM]
set -euo pipefail
cd "$(dirname "$0")/.."
kiemdem=${1:-build/release/src/cli/kiemdem}
gold=../shared/extraction
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make_corpus() {  # make_corpus MB FILE
  python3 - "$1" "$2" "$gold" <<'PY'
import glob, json, sys
mb, path, gold = int(sys.argv[1]), sys.argv[2], sys.argv[3]
files = sorted(glob.glob(f"{gold}/dev/*.txt")) + sorted(glob.glob(f"{gold}/wide/*.txt"))
texts = [open(f, encoding="utf-8").read() for f in files]
lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)]
block = "".join(lines).encode()
with open(path, "wb") as f:
    n = 0
    while n < mb << 20:
        f.write(block)
        n += len(block)
PY
}
best() {  # best-of-3 wall seconds and max RSS (KB) of a command reading FILE on stdin
  local file=$1; shift
  local best_s=999999 rss=0
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f "%e %M" taskset -c 0 "$@" < "$file" > /dev/null; } 2>&1 | tail -n 1)
    s=${out% *}; r=${out#* }
    if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
    [ "$r" -gt "$rss" ] && rss=$r
  done
  echo "$best_s $rss"
}
printf '%-8s %12s %12s %10s %10s %14s\n' corpus "extract MB/s" "wc -w MB/s" ratio "peak RSS" "wc -w peak RSS"
for mb in 50 500; do
  file="$tmp/corpus-$mb.jsonl"
  make_corpus "$mb" "$file"
  bytes=$(stat -c %s "$file")
  read -r es er < <(best "$file" "$kiemdem" extract --jsonl)
  read -r ws wr < <(best "$file" wc -w)
  awk -v b="$bytes" -v es="$es" -v ws="$ws" -v er="$er" -v wr="$wr" -v mb="$mb" 'BEGIN {
    printf "%-8s %12.1f %12.1f %9.2fx %8.1f MB %12.1f MB\n", mb " MB", b/es/1048576, b/ws/1048576, es/ws, er/1024, wr/1024 }'
  rm -f "$file"
done
