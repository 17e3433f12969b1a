#!/usr/bin/env bash
# Start a throwaway PostgreSQL on 127.0.0.1 for the storage tests, and print
# the line that exports its DSN:
#
#     eval "$(.ci/postgres.sh)"     # sets INTIMACY_RULES_TEST_PG_DSN
#
# Installs the server with apt-get when no PostgreSQL binaries are found,
# initialises a cluster under /tmp (fsync off: nothing here must survive),
# and is idempotent: when the cluster already runs it only prints the DSN.
# Everything but the export line goes to stderr, so eval sees only that.
set -euo pipefail

PORT="${INTIMACY_RULES_PG_PORT:-54329}"
BASE="${INTIMACY_RULES_PG_DIR:-/tmp/intimacy-rules-pg}"
DATA="$BASE/data"
SOCK="$BASE/run"
DB=intimacy_rules_test
ROLE=intimacy_rules
PASSWORD=intimacy_rules
DSN="postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

BIN="$(find_bin)"
if [[ -z "$BIN" ]]; then
    log "no PostgreSQL server found; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends postgresql >&2
    BIN="$(find_bin)"
    [[ -n "$BIN" ]] || { log "PostgreSQL installed, but initdb was not found"; exit 1; }
fi

# initdb and postgres refuse to run as root: use the postgres account then.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

psql_admin() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U postgres -d postgres "$@"
}

if as_owner "$BIN/pg_isready" -q -h "$SOCK" -p "$PORT" 2>/dev/null; then
    log "already running on 127.0.0.1:$PORT"
else
    mkdir -p "$DATA" "$SOCK"
    if [[ "$(id -u)" == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown -R postgres "$BASE"
        chmod 700 "$DATA"
    fi
    init_cluster() {
        log "initialising a cluster in $DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust \
            --auth-host=scram-sha-256 --encoding=UTF8 --no-instructions >/dev/null
    }
    start_cluster() {
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2
    }
    [[ -s "$DATA/PG_VERSION" ]] || init_cluster
    log "starting on 127.0.0.1:$PORT"
    if ! start_cluster; then
        # A cluster left by a killed run (stale lock files, another server
        # version) is throwaway: start over from an empty one.
        log "start failed (server log below); re-initialising"
        tail -n 20 "$BASE/server.log" >&2 || true
        rm -rf "$DATA" "$SOCK"
        mkdir -p "$DATA" "$SOCK"
        [[ "$(id -u)" != 0 ]] || { chown -R postgres "$BASE"; chmod 700 "$DATA"; }
        init_cluster
        start_cluster || { log "PostgreSQL did not start"; tail -n 20 "$BASE/server.log" >&2; exit 1; }
    fi
fi

psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" | grep -q 1 \
    || psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || psql_admin -c "CREATE DATABASE $DB OWNER $ROLE"

echo "export INTIMACY_RULES_TEST_PG_DSN='$DSN'"
