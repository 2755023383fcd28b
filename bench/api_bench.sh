#!/usr/bin/env bash
# The API under load: the demo data plus a generated province (1 000 units,
# 50 indicators, 5 years of monthly results), `wrk` on loopback with 256
# connections for 20 s each, against the evaluation of one ward and the
# roll-up of a district, beside nginx serving the same JSON as a static file
# in the same run. Both servers and wrk share the machine's 2 cores.
#
#   bench/api_bench.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kiemdem="$root/build/release/src/cli/kiemdem"
secs=${1:-20}
work=$(mktemp -d /tmp/kiemdem-api-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# KIEMDEM_BENCH_KEEP=DIR keeps the generated database there and reuses it.
keep=${KIEMDEM_BENCH_KEEP:-}
db="${keep:-$work}/bench.db"
port=$(free_port)
if [ -n "$keep" ] && [ -f "$db" ]; then
  password=$(cat "$keep/password")
else
echo "generating the province…"
python3 "$root/bench/gen_province.py" "$work/prov" >/dev/null
# First start: loads the demo data and prints the first admin's password.
"$kiemdem" serve --db "$db" --port "$port" --demo >"$work/first.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do grep -q "chạy tại" "$work/first.log" 2>/dev/null && break; sleep 0.2; done
password=$(grep -o 'password: [A-Za-z0-9]*' "$work/first.log" | cut -d' ' -f2)
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
echo "importing it…"
"$kiemdem" import units "$work/prov/units.csv" --db "$db" >/dev/null
"$kiemdem" import indicators "$work/prov/indicators.csv" --db "$db" >/dev/null
"$kiemdem" import plans "$work/prov/plans.csv" --db "$db" >/dev/null
for f in "$work"/prov/results_*.csv; do "$kiemdem" import results "$f" --db "$db" >/dev/null; done
[ -n "$keep" ] && echo "$password" >"$keep/password"
fi

"$kiemdem" serve --db "$db" --port "$port" --threads 320 >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do grep -q "chạy tại" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port/api/v1"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/auth/login" | grep -o 'kd_session=[0-9a-f]*')
csrf=$(curl -s -H "Cookie: $cookie" "$base/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
token=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"label":"bench"}' "$base/auth/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
unit_id() {  # query code
  curl -s -H "Authorization: Bearer $token" "$base/units?$1&page_size=500" |
    python3 -c "import json,sys; print(next(u['id'] for u in json.load(sys.stdin)['items'] if u['code']=='$2'))"
}
province=$(unit_id "q=thu%20nghiem" 98)
district=$(unit_id "parent=$province" 987)
ward=$(unit_id "parent=$district" 980711)

nginx_port=$(free_port)
mkdir -p "$work/www" "$work/nginx"
chmod -R a+rX "$work"  # nginx's workers run as an unprivileged user
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nginx_port; root $work/www; default_type application/json; }
}
CONF
nginx -c "$work/nginx.conf"

run_wrk() {  # name url
  local out
  out=$(wrk -t2 -c256 -d"${secs}s" --latency -H "Authorization: Bearer $token" "$2")
  python3 - "$1" "$out" <<'PY'
import re, sys
name, out = sys.argv[1], sys.argv[2]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def ms(label):
    m = re.search(rf"\s{label}\s+([\d.]+)(us|ms|s)\b", out)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
socket = re.search(r"Socket errors: (.*)", out)
print(f"{name:<34} {rps:>10,.0f} req/s   p50 {ms('50%'):7.2f} ms   p99 {ms('99%'):7.2f} ms"
      + (f"   non-2xx {errors.group(1)}" if errors else "") + (f"   socket errors: {socket.group(1)}" if socket else ""))
print(f"RPS {rps}", file=sys.stderr)
PY
}

for what in "evaluation?unit=$ward&period=2026" "rollup?unit=$district&period=2026"; do
  name=${what%%\?*}
  curl -s -H "Authorization: Bearer $token" "$base/$what" >"$work/www/$name.json"
  bytes=$(wc -c <"$work/www/$name.json")
  echo
  echo "== $name ($bytes bytes of JSON)"
  k=$(run_wrk "kiemdem $name" "$base/$what" 2>"$work/k.rps")
  echo "$k"
  n=$(run_wrk "nginx, the same JSON as a file" "http://127.0.0.1:$nginx_port/$name.json" 2>"$work/n.rps")
  echo "$n"
  python3 -c "import sys; k=float(open('$work/k.rps').read().split()[1]); n=float(open('$work/n.rps').read().split()[1]); print(f'ratio kiemdem / nginx: {k/n:.2f}')"
done
