#!/usr/bin/env bash
# Import of N results (default 1 000 000) from one CSV with `kiemdem import
# results`, on SQLite and on a PostgreSQL started for the run: wall time,
# rows per second and peak memory (max RSS) of the kiemdem process.
#
#   bench/import_1m.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kiemdem="$root/build/release/src/cli/kiemdem"
rows=${1:-1000000}
work=$(mktemp -d /tmp/kiemdem-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_results.py" "$rows" "$work/results.csv" "$root/data"
echo "import of $rows results ($(du -m "$work/results.csv" | cut -f1) MB CSV), one process, one transaction"

measure() {  # backend db
  "$kiemdem" db init --db "$2" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" "$kiemdem" import results "$work/results.csv" --db "$2" >/dev/null
  read -r secs kb <"$work/time"
  python3 -c "import sys; s,k,n=float(sys.argv[1]),int(sys.argv[2]),int(sys.argv[3]); print(f'{sys.argv[4]:<11} {s:7.1f} s  {n/s:9,.0f} rows/s  peak {k/1024:6.0f} MB')" \
    "$secs" "$kb" "$rows" "$1"
}

measure sqlite "$work/bench.db"
export -f measure
export kiemdem work rows
"$root/tests/integration/with-postgres.sh" bash -c 'measure postgresql "${KIEMDEM_TEST_PG_URL%/*}/postgres"'
