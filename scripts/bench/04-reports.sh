#!/usr/bin/env bash
# The director's dashboard at municipal scale: `demo --employees 1200000 --organisations 290 --cycles 5`
# (override with WR_BENCH_EMPLOYEES / _ORGANISATIONS / _CYCLES), refreshed, then the dashboard's
# report functions timed beside the same aggregate computed from the raw rows in plain SQL — both
# through pgbench on one connection, in the same run, on a durable cluster. The HTTP column joins
# when the report pages land.
set -euo pipefail
cd "$WR_ROOT"
employees=${WR_BENCH_EMPLOYEES:-1200000}
organisations=${WR_BENCH_ORGANISATIONS:-290}
cycles=${WR_BENCH_CYCLES:-5}
seconds=${WR_BENCH_SECONDS:-10}
dir=$WR_BENCH_DIR/pg-reports
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
scripts/pg.sh init "$dir" "$port" >/dev/null
scripts/pg.sh start "$dir"
eval "$(scripts/pg.sh env "$dir")"
psql -qc "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_owner') THEN CREATE ROLE wr_owner LOGIN CREATEROLE; END IF; END \$\$"
psql -qc "CREATE DATABASE bench OWNER wr_owner"
for f in Migrations/*.sql; do psql -v ON_ERROR_STOP=1 -q -U wr_owner -d bench -1 -f "$f" 2>&1 | grep -v NOTICE || true; done

t0=$(date +%s.%N)
psql -qAt -U wr_owner -d bench -c "SELECT demo.generate($employees, $organisations, $cycles, 1, 'bench')" >/dev/null
t1=$(date +%s.%N)
psql -q -d bench -c "VACUUM ANALYZE"
# One organisation per transaction, largest first.
psql -qAt -U wr_owner -d bench -c "SELECT o.id FROM org.organisation o ORDER BY (SELECT count(*) FROM org.person p WHERE p.organisation_id = o.id) DESC" \
    | while read -r org; do psql -qAt -U wr_owner -d bench -c "SELECT report.refresh_organisations(ARRAY['$org'::uuid])" >/dev/null; done
t2=$(date +%s.%N)
printf 'generated %s employees, %s organisations, %s cycles in %.0f s; counted, suppressed and published in %.0f s\n' \
    "$employees" "$organisations" "$cycles" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
psql -qAt -d bench -c "SELECT 'published: ' || sum(cells) || ' cells, ' || round(100.0 * sum(suppressed) / sum(cells), 1) || ' % hidden' FROM report.published_table"

read -r org cycle year <<<"$(psql -qAt -F ' ' -U wr_owner -d bench -c "
    SELECT o.id, c.id, extract(year FROM c.starts_on)::integer FROM org.organisation o
    JOIN routine.cycle c ON c.organisation_id = o.id
    ORDER BY (SELECT count(*) FROM org.person p WHERE p.organisation_id = o.id) DESC, c.starts_on DESC LIMIT 1")"

work=$WR_BENCH_DIR/reports
mkdir -p "$work"
cat > "$work/dashboard.sql" <<SQL
BEGIN;
SET LOCAL ROLE wr_director;
SELECT set_config('app.organisation_id', '$org', true);
SELECT count(*) FROM report.coverage('$cycle');
SELECT count(*) FROM report.support('$cycle');
END;
SQL
cat > "$work/overview.sql" <<SQL
BEGIN;
SET LOCAL ROLE wr_overview;
SELECT count(*) FROM report.overview($year);
END;
SQL
# The same figures from the raw rows: per top-level unit, who is due and who was asked.
cat > "$work/raw-dashboard.sql" <<SQL
WITH RECURSIVE top AS (
    SELECT u.id AS unit, u.id AS top FROM org.unit u WHERE u.organisation_id = '$org' AND u.parent_id IS NULL
    UNION ALL SELECT c.id, top.top FROM org.unit c JOIN top ON c.parent_id = top.unit
), cyc AS (SELECT * FROM routine.cycle WHERE id = '$cycle')
SELECT top.top, count(*) AS due,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM routine.talk t WHERE t.person_id = p.id AND t.cycle_id = cyc.id AND t.question_asked)) AS asked
FROM org.person p JOIN top ON top.unit = p.unit_id CROSS JOIN cyc
WHERE routine.due_on(p.hire_date, p.end_date, cyc.starts_on, cyc.ends_on, 90) IS NOT NULL
GROUP BY top.top;
SQL
cat > "$work/raw-overview.sql" <<SQL
SELECT c.organisation_id, count(*) AS due,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM routine.talk t WHERE t.person_id = p.id AND t.cycle_id = c.id AND t.question_asked)) AS asked
FROM routine.cycle c JOIN org.person p ON p.organisation_id = c.organisation_id
WHERE extract(year FROM c.starts_on) = $year
  AND routine.due_on(p.hire_date, p.end_date, c.starts_on, c.ends_on, 90) IS NOT NULL
GROUP BY c.organisation_id;
SQL

percentiles() {  # pgbench per-transaction log → "p50 p99" in ms
    awk '{print $3}' "$@" | sort -n | awk '{v[NR]=$1} END {printf "%.2f %.2f %d\n", v[int(NR*0.5)+1]/1000, v[int(NR*0.99)+1]/1000, NR}'
}
measure() {  # name user script
    local name=$1 user=$2 script=$3
    (cd "$work" && rm -f pgbench_log.* && pgbench -n -U "$user" -d bench -c 1 -T "$seconds" -l -f "$script" >/dev/null 2>&1)
    read -r p50 p99 n <<<"$(percentiles "$work"/pgbench_log.*)"
    printf '%-44s %10s %10s %8s\n' "$name" "$p50" "$p99" "$n"
    echo "$p50" > "$work/$name.p50"
}
printf '\n%-44s %10s %10s %8s\n' "what (1 connection, $seconds s)" "p50 ms" "p99 ms" "runs"
measure dashboard-largest wr_app dashboard.sql
measure raw-sql-largest postgres raw-dashboard.sql
measure overview-all wr_app overview.sql
measure raw-sql-all postgres raw-overview.sql
printf '\nlargest organisation: raw SQL / dashboard = %.1f×; all organisations: raw SQL / overview = %.1f×\n' \
    "$(echo "$(cat "$work/raw-sql-largest.p50") / $(cat "$work/dashboard-largest.p50")" | bc -l)" \
    "$(echo "$(cat "$work/raw-sql-all.p50") / $(cat "$work/overview-all.p50")" | bc -l)"
scripts/pg.sh destroy "$dir" >/dev/null
