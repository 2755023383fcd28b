#!/usr/bin/env bash
# The country at national size (issue 15), kiemdem beside PostgreSQL 15 in the
# same run: generate with `kiemdem bench-data`, import into SQLite timing each
# step, load the same rows into a throw-away PostgreSQL with COPY and a DBA's
# indexes, start `kiemdem serve` (start-up time, RSS), then ask four questions
# cold, every request different, of both (bench/national_latency.py).
# A benchmark: never run by ctest.
#
#   bench/national.sh [--small]    --small: Hà Nội only, 1 year (< 3 min)
#   KIEMDEM_BENCH_KEEP=DIR         keep the generated files and database there and reuse them
#   KIEMDEM_BENCH_N=30             requests per question and side
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kiemdem="$root/build/release/src/cli/kiemdem"
small=0
[ "${1:-}" = "--small" ] && small=1
n=${KIEMDEM_BENCH_N:-30}
py=/usr/bin/python3  # Debian's, with python3-psycopg2
work=$(mktemp -d /tmp/kiemdem-national.XXXXXX)
chmod a+rx "$work"  # PostgreSQL runs as its own user under it
keep=${KIEMDEM_BENCH_KEEP:-}
data="${keep:-$work}"
mkdir -p "$data"
pids=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir="$work/pg"
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$pg_dir/data/postmaster.pid" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
timed() {  # label command...: prints "label  N s  M KB"
  local label=$1
  shift
  /usr/bin/time -f "%e s %M KB" -o "$work/time" "$@" >"$work/out" 2>"$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  printf '  %-34s %s\n' "$label" "$(cat "$work/time")"
}

if [ "$small" = 1 ]; then
  gen_args=(--province 01 --years 1)
else
  gen_args=()
fi
db="$data/national.db"
echo "== kiemdem bench-data ${gen_args[*]:-} (data in $data)"
if [ -n "$keep" ] && [ -f "$db" ] && [ -f "$data/imported" ]; then
  echo "  reusing $db"
else
  rm -f "$db" "$db"-* "$data/imported" "$data"/results_*.csv
  timed "generate" "$kiemdem" bench-data --out "$data" "${gen_args[@]}"
  cat "$work/out" | sed 's/^/  /'
  ls -l "$data"/*.csv | awk '{printf "  %12d  %s\n", $5, $9}'
  echo "== import into SQLite"
  timed "db init" "$kiemdem" db init --db "$db"
  timed "import indicators" "$kiemdem" import indicators "$data/indicators.csv" --db "$db"
  timed "import plans" "$kiemdem" import plans "$data/plans.csv" --db "$db"
  for f in "$data"/results_*.csv; do
    rows=$(($(wc -l <"$f") - 1))
    timed "import $(basename "$f") ($rows rows)" "$kiemdem" import results "$f" --db "$db"
  done
  # Imports store drafts and `import results` has no option to approve them,
  # and only approved figures count by default: approve them all in SQL.
  # A bench-only step, outside the workflow and the audit log.
  t0=$(date +%s.%N)
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE results SET status='approved'\"); c.commit()" "$db"
  printf '  %-34s %.2f s\n' "approve every result (SQL, bench only)" "$(echo "$(date +%s.%N) - $t0" | bc)"
  touch "$data/imported"
fi
results=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM results').fetchone()[0])" "$db")
echo "  $results results, $(($(stat -c %s "$db") / 1024 / 1024)) MB SQLite file, $(($(stat -c %s "$db") / results)) bytes per result"

echo "== PostgreSQL 15 beside it (COPY of the same rows, then a DBA's indexes)"
mkdir -p "$pg_dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
pg_port=$(free_port)
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U kiemdem --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 ||
  { cat "$pg_dir/initdb.log" >&2; exit 1; }
shared=$([ "$small" = 1 ] && echo 256MB || echo 1GB)
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c shared_buffers=$shared -c work_mem=64MB -c jit=off" \
  start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
dsn="host=127.0.0.1 port=$pg_port user=kiemdem dbname=postgres"
/usr/bin/time -f "  load script: %e s %M KB" "$py" "$root/bench/national_load_pg.py" "$db" "$dsn"

echo "== kiemdem serve"
port=$(free_port)
t0=$(date +%s.%N)
"$kiemdem" serve --db "$db" --port "$port" --threads 64 >"$work/serve.log" 2>&1 &
kpid=$!
pids+=("$kpid")
up=0
for _ in $(seq 3000); do
  if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then up=1; break; fi
  kill -0 "$kpid" 2>/dev/null || break
  sleep 0.02
done
[ "$up" = 1 ] || { echo "kiemdem serve did not answer:" >&2; cat "$work/serve.log" >&2; exit 1; }
printf '  start-up until it answers       %.2f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$kpid/status"; }
echo "  after start: $(rss)"
password=$(grep -o 'password: [A-Za-z0-9]*' "$work/serve.log" | cut -d' ' -f2 || true)
if [ -z "$password" ]; then
  [ -n "$keep" ] && [ -f "$data/password" ] && password=$(cat "$data/password")
fi
[ -n "$password" ] || { echo "no admin password (a kept database needs $data/password)" >&2; exit 1; }
echo "$password" >"$data/password"
base="http://127.0.0.1:$port/api/v1"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/auth/login" | grep -o 'kd_session=[0-9a-f]*')
csrf=$(curl -s -H "Cookie: $cookie" "$base/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
token=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"label":"national bench"}' "$base/auth/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

echo "== four questions, cold, every request different ($n each, interleaved kiemdem / PostgreSQL)"
"$py" "$root/bench/national_latency.py" "http://127.0.0.1:$port" "$token" "$db" "$dsn" "$n" "$work/latency.json"
echo "  kiemdem after the questions: $(rss)"
