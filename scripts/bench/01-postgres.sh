#!/usr/bin/env bash
# Part 1: our PostgreSQL client (Benchmarks/PostgresBench, `pg-bench`) beside pgbench, in the same run,
# on a fresh durable cluster (fsync on), over the same unix socket, with the same statements and the
# same number of clients.
#
# Query mode: pgbench -M prepared (named prepared statements, extended protocol). Ours is the same:
# each connection prepares a statement once (named, keyed by SQL text and bind types) and then only
# binds and executes it; results come in binary format. pgbench uses 2 threads (-j 2); our client runs
# its connections on one event loop thread, and its client tasks run on that loop (TaskExecutor).
#
# Run alone:  WR_BENCH_SECONDS=5 scripts/bench.sh 01-postgres
set -euo pipefail
cd "${WR_ROOT:-$(dirname "$0")/../..}"
root=$(pwd)
bin=${WR_BIN:-$(swift build -c release --show-bin-path)}
seconds=${WR_BENCH_SECONDS:-10}
scratch=${WR_BENCH_DIR:-$(mktemp -d /tmp/wr-bench.XXXXXX)}
cluster=$scratch/pg01
[ -x "$bin/pg-bench" ] || { echo "01-postgres: $bin/pg-bench missing (swift build -c release)" >&2; exit 1; }

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
scripts/pg.sh init "$cluster" "$port" >/dev/null
trap 'scripts/pg.sh destroy "$cluster" >/dev/null 2>&1 || true' EXIT
scripts/pg.sh start "$cluster"
eval "$(scripts/pg.sh env "$cluster")"
export PGAPPNAME=wr-bench
psql -q -X -v ON_ERROR_STOP=1 -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, v bigint NOT NULL)" \
    -c "CREATE ROLE bench_role NOLOGIN"

printf 'SELECT 1;\n' > "$scratch/select1.sql"
printf '\\set v random(1, 1000000000)\nINSERT INTO bench_insert (v) VALUES (:v);\n' > "$scratch/insert.sql"
# A web request: BEGIN and the acting role and setting in one round trip (pipelined), a statement, COMMIT.
cat > "$scratch/transaction.sql" <<'SQL'
\startpipeline
BEGIN;
SELECT set_config('role', 'bench_role', true), set_config('app.person_id', '8b3d9a52-3f0e-4c51-9a8e-2f1d6c7b5e40', true);
\endpipeline
SELECT 1;
COMMIT;
SQL

pgbench_tps() {  # workload clients
    pgbench -n -M prepared -c "$2" -j 2 -T "$seconds" -f "$scratch/$1.sql" postgres 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
ours_tps() {  # workload clients [executor] [loops]
    "$bin/pg-bench" --workload "$1" --clients "$2" --seconds "$seconds" --executor "${3:-loop}" --loops "${4:-1}" | sed -n 's/^tps=//p'
}

echo "PostgreSQL 15, durable (fsync on), unix socket, ${seconds}s per round; pgbench -M prepared -j 2 vs pg-bench (ours)"
# Other work on the machine moves both columns; the load average says how much to trust a row.
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %7s %12s %12s %7s\n' workload clients pgbench ours ratio
row() {  # label workload clients executor [loops]
    local theirs ours
    theirs=$(pgbench_tps "$2" "$3")
    ours=$(ours_tps "$2" "$3" "$4" "${5:-1}")
    awk -v label="$1" -v clients="$3" -v theirs="$theirs" -v ours="$ours" \
        'BEGIN { printf "%-34s %7s %12.0f %12.0f %7.2f\n", label, clients, theirs, ours, (theirs > 0 ? ours / theirs : 0) }'
}
row "SELECT 1" select1 4 loop
row "SELECT 1" select1 32 loop
row "INSERT one row (durable commit)" insert 4 loop
row "INSERT one row (durable commit)" insert 32 loop
row "transaction as a role + SELECT 1" transaction 4 loop
row "transaction as a role + SELECT 1" transaction 32 loop
row "SELECT 1, tasks on global executor" select1 4 global
# pgbench -j 2 drives its connections from two threads; ours from one loop thread above (as the
# service runs today). With two loop threads the comparison is thread for thread; the kernel's cost
# of waking a backend on every send is then paid on both cores, as pgbench pays it.
row "SELECT 1, two loop threads" select1 4 loop 2
row "SELECT 1, two loop threads" select1 32 loop 2
row "INSERT one row, two loop threads" insert 32 loop 2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
