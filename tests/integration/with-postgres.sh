#!/usr/bin/env bash
# Runs a command with a real, throw-away PostgreSQL: initdb in a temporary
# folder, a free loopback port, trust auth for the local user "kiemdem".
# Exports KIEMDEM_TEST_PG_URL (a maintenance database the tests may create
# databases from) and, for tests that stop and start the server themselves,
# KIEMDEM_TEST_PG_BIN, _DATA, _LOG and _OPTS (pg_ctl's -o); stops and removes
# the server afterwards.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "with-postgres: Debian's postgresql is not installed (scripts/install-deps installs it)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/kiemdem-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_pg=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U kiemdem --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=60"
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
export KIEMDEM_TEST_PG_URL="postgresql://kiemdem@127.0.0.1:$port/postgres"
export KIEMDEM_TEST_PG_BIN="$bindir" KIEMDEM_TEST_PG_DATA="$dir/data" KIEMDEM_TEST_PG_LOG="$dir/server.log"
export KIEMDEM_TEST_PG_OPTS="$opts"
export KIEMDEM_REQUIRE_PG=1
"$@"
