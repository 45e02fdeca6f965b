#!/usr/bin/env bash
# `make run`: installs what is missing, starts a private PostgreSQL under .local/pg (kept between
# runs), migrates, loads the demo organisation once, starts the Notifier in the background and serves
# http://127.0.0.1:8080 in the foreground. Ctrl-C stops both. `make reset` removes the database.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cluster=$root/.local/pg
port=${WR_DEV_PGPORT:-54329}

if [ "${1:-}" = "--reset-only" ]; then
    scripts/pg.sh destroy "$cluster"
    rm -f .local/content.key
    echo "The local database is removed; the next 'make run' starts clean."
    exit 0
fi

scripts/deps.sh run
echo "==> building"
swift build 2>&1 | grep -E 'error|warning: unre|Compiling|Build complete' | grep -v '^\[' || true
swift build >/dev/null
bin=$(swift build --show-bin-path)/workplace-routine

echo "==> PostgreSQL in .local/pg (port $port)"
scripts/pg.sh init "$cluster" "$port"
scripts/pg.sh start "$cluster"
eval "$(scripts/pg.sh env "$cluster")"
psql -qAt -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_owner') THEN CREATE ROLE wr_owner LOGIN CREATEROLE; END IF; END \$\$"
if [ -z "$(psql -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'workplace_routine'")" ]; then
    psql -qAt -d postgres -c "CREATE DATABASE workplace_routine OWNER wr_owner"
fi

# The content key encrypts support text; it is made once and kept outside the database.
mkdir -p .local
if [ ! -s .local/content.key ]; then
    (umask 077; head -c 48 /dev/urandom | base64 -w0 > .local/content.key)
fi

url() { echo "postgres:///workplace_routine?host=$PGHOST&port=$PGPORT&user=$1"; }
export WR_DATABASE_URL=$(url wr_app)
export WR_MIGRATION_DATABASE_URL=$(url wr_owner)
export WR_NOTIFIER_DATABASE_URL=$(url wr_worker)
export WR_CONTENT_KEY_FILE=$root/.local/content.key
export WR_MIGRATIONS_DIR=$root/Migrations

echo "==> migrating"
if ! "$bin" migrate; then
    echo "make run: the database in .local/ does not match Migrations/ (made by another version, see above);" >&2
    echo "          'make reset' removes it, and the next 'make run' starts afresh with the demo." >&2
    exit 1
fi
echo "==> demo organisation"
"$bin" demo

"$bin" notifier > .local/notifier.log 2>&1 &
notifier=$!
trap 'kill $notifier 2>/dev/null || true; wait $notifier 2>/dev/null || true' EXIT
echo "==> serving http://127.0.0.1:${WR_PORT:-8080} (Ctrl-C stops; Notifier log: .local/notifier.log)"
"$bin" serve
