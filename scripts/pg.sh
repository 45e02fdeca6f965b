#!/usr/bin/env bash
# A private PostgreSQL 15 cluster living in one folder, for `make run`, `make test` and `make bench`.
#
#   scripts/pg.sh init    DIR PORT [--fast] [--tcp]   create the cluster (no-op if it exists)
#   scripts/pg.sh start   DIR                        start it and wait until it accepts connections
#   scripts/pg.sh stop    DIR                        fast shutdown
#   scripts/pg.sh restart DIR                        pg_ctl restart (used by the pool-recovery tests)
#   scripts/pg.sh kill    DIR                        immediate shutdown (crash simulation)
#   scripts/pg.sh status  DIR                        exit 0 when running
#   scripts/pg.sh env     DIR                        print `export PG…=…` lines for a superuser session
#   scripts/pg.sh destroy DIR                        stop and remove everything
#
# PostgreSQL refuses to run as root. When we are root the server runs as the `postgres` system user
# (created by Debian's package); otherwise it runs as the calling user. The superuser is always named
# `postgres`. Local connections use the unix socket in DIR/socket (mode 0700, so only the server's
# user and root can connect) with trust; TCP (with --tcp) listens on 127.0.0.1 only and asks for the
# password kept in DIR/superuser.password.
#
# --fast turns off fsync for throwaway test clusters. Benchmarks never use it: their figures are durable.
set -euo pipefail

die() { echo "pg.sh: $*" >&2; exit 1; }

find_bindir() {
    local candidate
    for candidate in "${PG_BINDIR:-}" /usr/lib/postgresql/15/bin; do
        if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then echo "$candidate"; return; fi
    done
    die "PostgreSQL 15 server binaries not found (apt-get install postgresql-15), or set PG_BINDIR"
}

BIN=$(find_bindir)
cmd=${1:-}; shift || true
[ -n "$cmd" ] || die "usage: pg.sh init|start|stop|restart|kill|status|env|destroy DIR"
DIR=${1:-}; shift || true
[ -n "$DIR" ] || die "missing DIR"
mkdir -p "$(dirname "$DIR")"
DIR=$(cd "$(dirname "$DIR")" && pwd)/$(basename "$DIR")

if [ "$(id -u)" = 0 ]; then
    RUNAS=postgres
    id postgres >/dev/null 2>&1 || die "the postgres system user is missing (apt-get install postgresql-15)"
    as_server() { runuser -u postgres -- "$@"; }
else
    RUNAS=$(id -un)
    as_server() { "$@"; }
fi

# Where the cluster really lives. As root the server user must be able to reach DIR; a project checked
# out under /root is not reachable, so the cluster then lives under /var/tmp and DIR becomes a link.
resolve_home() {
    if [ -L "$DIR" ]; then readlink -f "$DIR"; return; fi
    if [ -d "$DIR" ]; then echo "$DIR"; return; fi
    if [ "$RUNAS" = postgres ] && ! runuser -u postgres -- test -x "$(dirname "$DIR")"; then
        local hash
        hash=$(printf '%s' "$DIR" | sha256sum | cut -c1-12)
        mkdir -p /var/tmp/workplace-routine
        chmod 755 /var/tmp/workplace-routine
        mkdir -p "/var/tmp/workplace-routine/$hash"
        ln -s "/var/tmp/workplace-routine/$hash" "$DIR"
        readlink -f "$DIR"
        return
    fi
    mkdir -p "$DIR"
    echo "$DIR"
}

HOME_DIR=$(resolve_home)
DATA=$HOME_DIR/data
SOCK=$HOME_DIR/socket
LOG=$HOME_DIR/log/postgres.log

port_of() { sed -n 's/^port = \([0-9]*\).*/\1/p' "$DATA/postgresql.auto.conf" "$DATA/postgresql.conf" 2>/dev/null | tail -n 1; }

pg_ctl_() { as_server "$BIN/pg_ctl" -D "$DATA" "$@"; }

wait_ready() {
    local port i
    port=$(port_of)
    for i in $(seq 1 100); do
        if "$BIN/pg_isready" -q -h "$SOCK" -p "$port" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    tail -n 20 "$LOG" >&2 || true
    die "the server in $DIR did not become ready"
}

case "$cmd" in
init)
    PORT=${1:-}; shift || true
    [ -n "$PORT" ] || die "init needs a port"
    FAST=0; TCP=0
    for flag in "$@"; do
        case "$flag" in
        --fast) FAST=1 ;;
        --tcp) TCP=1 ;;
        *) die "unknown flag $flag" ;;
        esac
    done
    if [ -f "$DATA/PG_VERSION" ]; then exit 0; fi
    mkdir -p "$HOME_DIR/log" "$SOCK"
    chmod 700 "$SOCK"
    umask 077
    head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$HOME_DIR/superuser.password"
    if [ "$RUNAS" = postgres ]; then chown -R postgres:postgres "$HOME_DIR"; fi
    chmod 700 "$HOME_DIR"
    initdb_flags=(-D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256
        --pwfile="$HOME_DIR/superuser.password" -E UTF8 --locale=C.UTF-8)
    [ "$FAST" = 1 ] && initdb_flags+=(--no-sync)
    as_server "$BIN/initdb" "${initdb_flags[@]}" >"$HOME_DIR/log/initdb.log" 2>&1 \
        || { cat "$HOME_DIR/log/initdb.log" >&2; die "initdb failed"; }
    listen="''"
    [ "$TCP" = 1 ] && listen="'127.0.0.1'"
    {
        echo "# Written by scripts/pg.sh"
        echo "port = $PORT"
        echo "listen_addresses = $listen"
        echo "unix_socket_directories = '$SOCK'"
        echo "unix_socket_permissions = 0700"
        echo "max_connections = 400"
        echo "shared_buffers = 256MB"
        echo "timezone = 'UTC'"
        echo "log_timezone = 'UTC'"
        # Never write bound values into the server log, not even for failing statements.
        echo "log_parameter_max_length = 0"
        echo "log_parameter_max_length_on_error = 0"
        echo "log_min_error_statement = panic"
        echo "log_statement = 'none'"
        if [ "$FAST" = 1 ]; then
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } | as_server tee -a "$DATA/postgresql.conf" >/dev/null
    ;;
start)
    [ -f "$DATA/PG_VERSION" ] || die "no cluster in $DIR (run init first)"
    if ! pg_ctl_ status >/dev/null 2>&1; then
        pg_ctl_ -l "$LOG" -w -t 30 start >/dev/null || { tail -n 20 "$LOG" >&2; die "start failed"; }
    fi
    wait_ready
    ;;
stop)
    if [ -f "$DATA/PG_VERSION" ] && pg_ctl_ status >/dev/null 2>&1; then
        pg_ctl_ -m fast -w -t 60 stop >/dev/null
    fi
    ;;
restart)
    pg_ctl_ -l "$LOG" -m fast -w -t 60 restart >/dev/null
    wait_ready
    ;;
kill)
    pg_ctl_ -m immediate -w -t 60 stop >/dev/null || true
    ;;
status)
    pg_ctl_ status >/dev/null 2>&1
    ;;
env)
    [ -f "$DATA/PG_VERSION" ] || die "no cluster in $DIR"
    echo "export PGHOST='$SOCK'"
    echo "export PGPORT='$(port_of)'"
    echo "export PGUSER=postgres"
    echo "export PGDATABASE=postgres"
    echo "export WR_PG_SUPERUSER_PASSWORD='$(cat "$HOME_DIR/superuser.password")'"
    echo "export WR_PG_CLUSTER_DIR='$DIR'"
    ;;
destroy)
    if [ -f "$DATA/PG_VERSION" ]; then pg_ctl_ -m immediate -w stop >/dev/null 2>&1 || true; fi
    if [ -L "$DIR" ]; then rm -f "$DIR"; fi
    rm -rf "$HOME_DIR"
    ;;
*)
    die "unknown command $cmd"
    ;;
esac
