#!/usr/bin/env bash
# Does an import grow with what is already stored? The same ROWS results
# (default 100 000) imported by `kiemdem import results` into a fresh database
# and into one already holding BASE other results (default 1 000 000), on
# SQLite: wall time and peak memory (max RSS) of the kiemdem process.
#
#   bench/import_growth.sh [ROWS] [BASE] [KIEMDEM]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-100000}
base=${2:-1000000}
kiemdem=${3:-"$root/build/release/src/cli/kiemdem"}
work=${WORK:-$(mktemp -d /tmp/kiemdem-import-growth.XXXXXX)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
if [ ! -f "$work/base.db" ]; then
  python3 "$root/bench/gen_results.py" $((base + rows)) "$work/all.csv" "$root/data"
  head -n $((base + 1)) "$work/all.csv" >"$work/base.csv"
  { head -n 1 "$work/all.csv"; tail -n "$rows" "$work/all.csv"; } >"$work/file.csv"
  "$kiemdem" db init --db "$work/empty.db" >/dev/null
  cp "$work/empty.db" "$work/base.db"
  "$kiemdem" import results "$work/base.csv" --db "$work/base.db" >/dev/null 2>&1
fi
measure() {  # label db
  rm -f "$work/imp.db"*
  cp "$2" "$work/imp.db"
  /usr/bin/time -f "%e %M" -o "$work/time" "$kiemdem" import results "$work/file.csv" --db "$work/imp.db" >/dev/null 2>"$work/stderr"
  read -r secs kb <"$work/time"
  printf '%-28s %7.2f s  peak %7d KB\n' "$1" "$secs" "$kb"
}
echo "import of $rows results into a database holding 0 and $base results"
measure "into an empty database" "$work/empty.db"
measure "into $base stored" "$work/base.db"
