#!/usr/bin/env bash
# Part 1: our PostgreSQL client (Benchmarks/PostgresBench, `pg-bench`) beside pgbench, in the same run,
# on a fresh durable cluster (fsync on), over the same unix socket, with the same statements and the
# same number of clients.
#
# Query mode: pgbench -M prepared (named prepared statements, extended protocol). Ours is the same:
# each connection prepares a statement once (named, keyed by SQL text and bind types) and then only
# binds and executes it; results come in binary format.
#
# Threads: thread for thread. pgbench drives its connections from -j threads; ours from event loop
# threads (the client tasks run on the loops, `--executor loop`). The service runs its pool on one
# loop thread, so the first rows are pgbench -j 1 (pgbench's default) beside one loop; the last rows
# are -j 2 beside two loops.
#
# Rounds: each row runs WR_BENCH_ROUNDS (default 3) interleaved rounds of WR_BENCH_PG_SECONDS (default
# 5) per side and prints the medians and their ratio, with the lowest and highest round ratio. On a
# 2-core machine the kernel's placement of the backends next to the client threads moves single
# rounds by a quarter or more; the median and the range show how much to trust a row.
#
# Run alone:  scripts/bench.sh 01-postgres
set -euo pipefail
cd "${WR_ROOT:-$(dirname "$0")/../..}"
root=$(pwd)
bin=${WR_BIN:-$(swift build -c release --show-bin-path)}
seconds=${WR_BENCH_PG_SECONDS:-5}
rounds=${WR_BENCH_ROUNDS:-3}
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

pgbench_tps() {  # workload clients threads
    pgbench -n -M prepared -c "$2" -j "$3" -T "$seconds" -f "$scratch/$1.sql" postgres 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
ours_tps() {  # workload clients executor loops
    "$bin/pg-bench" --workload "$1" --clients "$2" --seconds "$seconds" --executor "$3" --loops "$4" | sed -n 's/^tps=//p'
}

echo "PostgreSQL 15, durable (fsync on), unix socket; pgbench -M prepared vs pg-bench (ours), thread for thread;"
echo "median of $rounds interleaved rounds of ${seconds}s per side"
# Other work on the machine moves both columns; the load average says how much to trust a row.
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %7s %7s %10s %10s %7s %13s\n' workload clients threads pgbench ours ratio "round ratios"
. scripts/bench/lib.sh
row() {  # label workload clients threads executor
    local theirs=() ours=() round low high
    for ((round = 0; round < rounds; round++)); do
        theirs+=("$(pgbench_tps "$2" "$3" "$4")")
        ours+=("$(ours_tps "$2" "$3" "$5" "$4")")
    done
    # The lowest and highest ratio of a single round.
    read -r low high < <(paste -d' ' <(printf '%s\n' "${theirs[@]}") <(printf '%s\n' "${ours[@]}") \
        | awk '{ r = ($1 > 0 ? $2 / $1 : 0); if (NR == 1 || r < low) low = r; if (NR == 1 || r > high) high = r } END { print low, high }')
    awk -v label="$1" -v clients="$3" -v threads="$4" -v low="$low" -v high="$high" \
        -v t="$(printf '%s\n' "${theirs[@]}" | median)" -v o="$(printf '%s\n' "${ours[@]}" | median)" \
        'BEGIN { printf "%-40s %7s %7s %10.0f %10.0f %7.2f %6.2f–%-6.2f\n", label, clients, threads, t, o, (t > 0 ? o / t : 0), low, high }'
}
row "SELECT 1" select1 4 1 loop
row "SELECT 1" select1 32 1 loop
row "INSERT one row (durable commit)" insert 4 1 loop
row "INSERT one row (durable commit)" insert 32 1 loop
row "transaction as a role + SELECT 1" transaction 4 1 loop
row "transaction as a role + SELECT 1" transaction 32 1 loop
# A web handler's tasks run on Swift's shared pool, not on the loop: every statement then costs a
# hop to the loop and back. Shown for what it costs; the service's requests pay it once per statement.
row "SELECT 1, tasks on the global executor" select1 4 1 global
# Two threads each. Here ours falls behind on SELECT 1: with one client thread per core the kernel
# must keep each thread's backends on that thread's core (every send wakes a backend there); pgbench
# settles into that placement and our loops often do not (see the README, "Benchmarks").
row "SELECT 1" select1 4 2 loop
row "SELECT 1" select1 32 2 loop
row "INSERT one row (durable commit)" insert 32 2 loop
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
