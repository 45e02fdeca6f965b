#!/usr/bin/env bash
# Part 3: the Notifier's job queue against pgbench running the same SQL, in the same run.
#
# On a fresh durable cluster (no --fast: fsync and synchronous_commit on), three interleaved rounds:
#   ours      100,000 'bench.noop' jobs claimed and completed by the real QueueWorker (queue-bench),
#             batch 100, no-op delivery;
#   pgbench   the same claim-and-complete statements (scripts/bench/queue-claim-complete.pgbench)
#             at the same batch size over the same 100,000 jobs, with 1 and with 2 clients.
# Our worker keeps two statements in flight (the next claim while the last batch's completion
# commits), so its peer is pgbench with 2 clients; the 1-client figure is printed beside it.
# Then the enqueue-to-start latency through LISTEN/NOTIFY (1,000 jobs enqueued one at a time, each
# in its own transaction, measured from just before the enqueue call to the start of the handler).
#
# Environment (from scripts/bench.sh): WR_ROOT, WR_BIN, WR_BENCH_DIR.
#   WR_QUEUE_JOBS   jobs per round (default 100000)
#   WR_QUEUE_BATCH  batch size (default 100)
set -euo pipefail
root=${WR_ROOT:?run through scripts/bench.sh}
jobs=${WR_QUEUE_JOBS:-100000}
batch=${WR_QUEUE_BATCH:-100}
dir=${WR_BENCH_DIR:?run through scripts/bench.sh}/pg-queue
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export PATH=/usr/lib/postgresql/15/bin:$PATH

"$root/scripts/pg.sh" init "$dir" "$port" >/dev/null
"$root/scripts/pg.sh" start "$dir"
eval "$("$root/scripts/pg.sh" env "$dir")"
export PGDATABASE=wr_bench
psql -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE ROLE wr_owner LOGIN CREATEROLE" -c "CREATE DATABASE wr_bench OWNER wr_owner"
WR_MIGRATION_DATABASE_URL="postgresql://wr_owner@/wr_bench?host=$PGHOST&port=$PGPORT" WR_MIGRATIONS_DIR="$root/Migrations" \
    "$WR_BIN/workplace-routine" migrate >/dev/null 2>&1
echo "cluster: durable (fsync on, synchronous_commit $(psql -Atc 'SHOW synchronous_commit')), unix socket; $jobs jobs per round, batch $batch"

fill() {  # a fresh queue of $jobs ready jobs, vacuumed and analysed like a settled table
    psql -q -v ON_ERROR_STOP=1 -c "TRUNCATE notify.job" \
        -c "INSERT INTO notify.job (kind, payload) SELECT 'bench.noop', jsonb_build_object('n', g) FROM generate_series(1, $jobs) g" \
        -c "VACUUM ANALYZE notify.job" -c "CHECKPOINT"
}
completed() { psql -Atc "SELECT count(*) FROM notify.job WHERE state = 'completed'"; }

ours() {
    fill
    local out
    out=$("$WR_BIN/queue-bench" throughput --jobs "$jobs" --batch "$batch")
    [ "$(completed)" = "$jobs" ] || { echo "03-queue: ours left jobs unfinished" >&2; exit 1; }
    awk '{for (i = 1; i <= NF; i++) if ($i ~ /^jobs_per_second=/) {sub(/.*=/, "", $i); print $i}}' <<<"$out"
}

pgbench_round() {  # clients
    fill
    local clients=$1 out tps
    out=$(PGUSER=wr_worker PGOPTIONS="-c role=wr_notifier" pgbench -n -M prepared -c "$clients" -j "$clients" \
        -t $((jobs / batch / clients)) -D batch="$batch" -f "$root/scripts/bench/queue-claim-complete.pgbench" 2>&1)
    [ "$(completed)" = "$jobs" ] || { echo "03-queue: pgbench left jobs unfinished: $out" >&2; exit 1; }
    tps=$(awk '/^tps = / {print $3; exit}' <<<"$out")
    awk -v t="$tps" -v b="$batch" 'BEGIN {printf "%.0f", t * b}'
}

. "${WR_ROOT:?run through scripts/bench.sh}/scripts/bench/lib.sh"
o=(); p1=(); p2=()
for r in 1 2 3; do
    o+=("$(ours)"); p2+=("$(pgbench_round 2)"); p1+=("$(pgbench_round 1)")
    printf 'round %d: ours %8.0f jobs/s   pgbench 2 clients %8.0f jobs/s   pgbench 1 client %8.0f jobs/s\n' "$r" "${o[-1]}" "${p2[-1]}" "${p1[-1]}"
done
m_o=$(printf '%s\n' "${o[@]}" | median)
m_p2=$(printf '%s\n' "${p2[@]}" | median)
m_p1=$(printf '%s\n' "${p1[@]}" | median)
echo
printf 'median  ours (1 worker)        %8.0f jobs/s\n' "$m_o"
printf 'median  pgbench (2 clients)    %8.0f jobs/s\n' "$m_p2"
printf 'median  pgbench (1 client)     %8.0f jobs/s\n' "$m_p1"
awk -v a="$m_o" -v b="$m_p2" -v c="$m_p1" 'BEGIN {printf "ratio ours/pgbench: %.2f against 2 clients, %.2f against 1 (goals: >= 20,000 jobs/s, >= 0.80)\n", a / b, a / c}'

psql -q -c "TRUNCATE notify.job"
echo
latency=$("$WR_BIN/queue-bench" latency --samples 1000)
echo "enqueue-to-start through LISTEN/NOTIFY: $latency"
echo "(from just before the enqueue call, its durable commit included; goal p50 <= 3 ms; graphile-worker reports 4.16 ms)"
"$root/scripts/pg.sh" destroy "$dir"
