#!/usr/bin/env bash
# A throwaway PostgreSQL for the register's tests and benchmark: no manual set-up.
#   pg_cluster.sh start STATE [--durable]   initdb + pg_ctl in a new temporary folder, on a free
#                                          loopback port; writes STATE/url (a superuser URL to the
#                                          "postgres" database), STATE/psql and STATE/data
#   pg_cluster.sh stop STATE               stops it and removes the folder
# A cluster that cannot start fails with its log on stderr: the PostgreSQL half of the suite
# never passes by being skipped. Without --durable, fsync is off (tests prove behaviour, not
# disk flushes; the benchmark passes --durable).
#
# Running as root (CI, containers): initdb and postgres refuse to run as root, by design (a
# server process that could act as root is one bug away from owning the machine). So the
# cluster belongs to an unprivileged account: the `postgres` user that Debian's postgresql
# package creates, or else `nobody`. Its temporary folder is made that user's, initdb and
# pg_ctl run through `runuser`, and everything else (the tests, tellus-register) connects
# over TCP on 127.0.0.1 with trust authentication, so the test's own user never matters.
set -euo pipefail

action=${1:-}
state=${2:-}
if [ -z "$action" ] || [ -z "$state" ]; then
  echo "usage: pg_cluster.sh start|stop STATE_DIR [--durable]" >&2
  exit 2
fi

# The server's programs: pg_config's bindir (libpq-dev), else the newest versioned folder
# Debian installs (/usr/lib/postgresql/<major>/bin), else PATH.
find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return
  fi
  echo "pg_cluster.sh: no initdb/pg_ctl found; install Debian's postgresql package (scripts/install-deps)" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi

case "$action" in
  start)
    durable=0
    [ "${3:-}" = "--durable" ] && durable=1
    bindir=$(find_bindir)
    mkdir -p "$state"
    if [ -f "$state/data" ] && [ -d "$(cat "$state/data")" ]; then
      # A cluster left by an interrupted run: stop it first.
      "$0" stop "$state" || true
      mkdir -p "$state"
    fi
    data=$(mktemp -d /tmp/tellus-pg-XXXXXX)
    chmod 0700 "$data"
    [ "$(id -u)" -eq 0 ] && chown "$owner" "$data"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if ! as_owner "$bindir/initdb" -D "$data/db" -U tellus --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$data/initdb.log" 2>&1; then
      echo "pg_cluster.sh: initdb failed (as $owner, in $data):" >&2
      cat "$data/initdb.log" >&2
      rm -rf "$data"
      exit 1
    fi
    opts="-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 -c shared_buffers=64MB"
    if [ "$durable" = 0 ]; then opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
    if ! as_owner "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -o "$opts" -w -t 60 start >/dev/null; then
      echo "pg_cluster.sh: PostgreSQL did not start (as $owner, port $port); its log:" >&2
      cat "$data/server.log" >&2 || true
      as_owner "$bindir/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$data"
      exit 1
    fi
    echo "$data" >"$state/data"
    echo "$bindir/psql" >"$state/psql"
    echo "postgresql://tellus@127.0.0.1:$port/postgres" >"$state/url"
    echo "pg_cluster.sh: PostgreSQL ($("$bindir/postgres" --version)) on 127.0.0.1:$port, data in $data, owned by $owner"
    ;;
  stop)
    [ -f "$state/data" ] || { echo "pg_cluster.sh: no cluster recorded in $state"; exit 0; }
    data=$(cat "$state/data")
    bindir=$(find_bindir)
    status=0
    if [ -d "$data/db" ]; then
      as_owner "$bindir/pg_ctl" -D "$data/db" -m fast -w -t 30 stop >/dev/null || status=$?
    fi
    rm -rf "$data"
    rm -f "$state/data" "$state/url" "$state/psql"
    exit $status
    ;;
  *)
    echo "pg_cluster.sh: unknown action $action (start or stop)" >&2
    exit 2
    ;;
esac
