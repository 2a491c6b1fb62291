#!/usr/bin/env bash
# Sourced by .ci/run: a throwaway PostgreSQL server on a loopback port for the SQL tests, stopped when the run exits.
# Installs Debian's postgresql when no server binaries are found. Exports CX_POSTGRES_URL.
# Run on its own (`bash .ci/postgres.sh -- COMMAND ...`) it starts the server, runs the command, and stops it.

cx_pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

cx_pg_start() {
  local bindir port
  if ! bindir=$(cx_pg_bindir); then
    echo "postgres.sh: installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends postgresql >&2 || {
      echo "postgres.sh: could not install postgresql" >&2
      return 1
    }
    bindir=$(cx_pg_bindir) || { echo "postgres.sh: no initdb after the install" >&2; return 1; }
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  CX_PG_DIR=$(mktemp -d /tmp/cx-postgres.XXXXXX)
  chown postgres "$CX_PG_DIR"
  chmod 700 "$CX_PG_DIR"
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')
  runuser -u postgres -- "$bindir/initdb" -D "$CX_PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || {
    echo "postgres.sh: initdb failed" >&2
    return 1
  }
  runuser -u postgres -- "$bindir/pg_ctl" -D "$CX_PG_DIR/data" -l "$CX_PG_DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$CX_PG_DIR -c fsync=off" start >/dev/null || {
    echo "postgres.sh: the server did not start:" >&2
    cat "$CX_PG_DIR/log" >&2
    return 1
  }
  CX_PG_BIN=$bindir
  export CX_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

cx_pg_stop() {
  if [ -n "${CX_PG_DIR:-}" ] && [ -d "$CX_PG_DIR/data" ]; then
    runuser -u postgres -- "$CX_PG_BIN/pg_ctl" -D "$CX_PG_DIR/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$CX_PG_DIR"
  fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: keep whatever exit handler the caller already has, then ours.
  cx_pg_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  trap "cx_pg_stop; ${cx_pg_previous_trap}" EXIT
  cx_pg_start || { [ "${CI:-}" = "true" ] && { echo "0 passed, 1 failed"; exit 1; }; }
else
  set -u
  trap cx_pg_stop EXIT
  cx_pg_start || exit 1
  [ "${1:-}" = "--" ] && shift
  if [ $# -gt 0 ]; then "$@"; else echo "$CX_POSTGRES_URL"; fi
fi
