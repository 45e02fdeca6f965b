#!/usr/bin/env bash
# The director's dashboard at municipal scale: `demo --employees 1200000 --organisations 290 --cycles 5`
# (override with WR_BENCH_EMPLOYEES / _ORGANISATIONS / _CYCLES), refreshed, then the dashboard's
# report functions timed beside the same aggregate computed from the raw rows in plain SQL — both
# through pgbench on one connection, in the same run, on a durable cluster; then the pages over HTTP
# (release binary, wrk, one connection) beside nginx serving the same bytes as a static file.
# Knobs: WR_BENCH_EMPLOYEES, WR_BENCH_ORGANISATIONS, WR_BENCH_CYCLES, WR_BENCH_SECONDS.
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

# ---- over HTTP -------------------------------------------------------------------------------
# The pages themselves, served by the release binary, beside nginx serving the same bytes as a
# static file (the same size, the same headers as ours), one connection each, in the same run.
# Logging in is not what is measured: the accounts get bcrypt cost 4, and each side is timed after
# one warm-up request.
password=bench-$$-$RANDOM
psql -qAt -U wr_owner -d bench -v ON_ERROR_STOP=1 >/dev/null <<SQL
WITH a AS (INSERT INTO auth.account (organisation_id, login, display_name, password_hash)
           VALUES ('$org', 'direktor.bench', 'Direktör (bench)', ext.crypt('$password', ext.gen_salt('bf', 4))),
                  ('$org', 'samordnare.bench', 'Samordnare (bench)', ext.crypt('$password', ext.gen_salt('bf', 4)))
           RETURNING id, login)
INSERT INTO auth.account_role (account_id, role) SELECT id, 'director' FROM a WHERE login = 'direktor.bench';
SQL
db_url() { echo "postgres:///bench?host=$PGHOST&port=$PGPORT&user=$1"; }
# The coordinator's role is the operator's to grant: through the command that exists for it.
WR_MIGRATION_DATABASE_URL=$(db_url wr_owner) WR_LOG_LEVEL=warning "$WR_BIN/workplace-routine" account role samordnare.bench overview >/dev/null
http_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nginx_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$http_port
pids=()
stop_servers() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; pids=(); }
trap stop_servers EXIT
WR_DATABASE_URL=$(db_url wr_app) WR_PORT=$http_port WR_LOG_LEVEL=warning WR_POOL_SIZE=4 \
    WR_CONTENT_KEY=bench-content-key-0123456789abcdef0123456789 WR_MIGRATIONS_DIR="$WR_ROOT/Migrations" \
    "$WR_BIN/workplace-routine" serve >"$work/serve.log" 2>&1 &
pids+=("$!")
for _ in $(seq 100); do curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break; sleep 0.1; done
login() {  # login → the session cookie's value; logs in as a browser would (the form's token and cookie)
    local jar=$work/jar-$1 csrf
    csrf=$(curl -fsS -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$csrf" --data-urlencode "next=/" "$base/login"
    awk '$6 == "wr_session" {print $7}' "$jar"
}
director_session=$(login direktor.bench)
coordinator_session=$(login samordnare.bench)
[ -n "$director_session" ] && [ -n "$coordinator_session" ] || { echo "04-reports: the bench accounts could not log in" >&2; exit 1; }

# Each page once, kept as the static file nginx serves (with its headers, so both answers are alike).
mkdir -p "$work/nginx/html" "$work/nginx/logs" "$work/nginx/tmp"
fetch() {  # name session path
    local status
    status=$(curl -sS -o "$work/nginx/html/$1" -D "$work/$1.headers" -w '%{http_code}' -H "Cookie: wr_session=$2" "$base$3")
    [ "$status" = 200 ] || { echo "04-reports: $3 answered $status" >&2; exit 1; }
}
fetch overview.html "$director_session" "/overview?cycle=$cycle"
fetch overview.json "$director_session" "/api/overview?cycle=$cycle"
fetch organisations.html "$coordinator_session" "/organisations?year=$year"
csp=$(awk -F': ' 'tolower($1) == "content-security-policy" {sub(/\r$/, "", $2); print $2}' "$work/overview.html.headers")
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    keepalive_requests 1000000;
    server_tokens off;
    types { text/html html; application/json json; }
    charset utf-8;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/html;
        add_header Content-Security-Policy "$csp" always;
        add_header X-Content-Type-Options nosniff always;
        add_header Referrer-Policy no-referrer always;
        add_header X-Frame-Options DENY always;
        add_header Cache-Control no-store always;
        add_header X-Request-Id \$request_id always;
    }
}
CONF
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=("$!")
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/overview.html" 2>/dev/null && break; sleep 0.1; done

to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/^[0-9.]+/, "", u); x = v + 0; if (u == "us") x /= 1000; else if (u == "s") x *= 1000; else if (u == "m") x *= 60000; printf "%.3f", x }'; }
wrk_measure() {  # name url [session] → one line like measure()'s, from wrk's latency distribution
    local name=$1 url=$2 session=${3:-} out p50 p99 n
    local header=()
    [ -n "$session" ] && header=(-H "Cookie: wr_session=$session")
    curl -fsS -o /dev/null "${header[@]}" "$url"
    out=$(wrk -t1 -c1 -d"${seconds}s" --latency "${header[@]}" "$url")
    if grep -q "Non-2xx" <<<"$out"; then echo "04-reports: $url answered non-2xx" >&2; exit 1; fi
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '%-44s %10s %10s %8s\n' "$name" "$p50" "$p99" "$n"
    echo "$p50" > "$work/$name.p50"
}
size() { stat -c %s "$work/nginx/html/$1"; }
printf '\nserver: %s\n' "$WR_BIN/workplace-routine"
printf '\n%-44s %10s %10s %8s\n' "over HTTP (wrk, 1 connection, $seconds s)" "p50 ms" "p99 ms" "requests"
wrk_measure http-dashboard-largest "$base/overview?cycle=$cycle" "$director_session"
wrk_measure "nginx-static-same-size ($(size overview.html) B)" "http://127.0.0.1:$nginx_port/overview.html"
wrk_measure http-dashboard-json-largest "$base/api/overview?cycle=$cycle" "$director_session"
wrk_measure "nginx-static-same-size ($(size overview.json) B)" "http://127.0.0.1:$nginx_port/overview.json"
wrk_measure http-organisations-all "$base/organisations?year=$year" "$coordinator_session"
wrk_measure "nginx-static-same-size ($(size organisations.html) B)" "http://127.0.0.1:$nginx_port/organisations.html"
ratio() { awk -v a="$(cat "$work/$1.p50")" -v b="$(cat "$work/$2.p50")" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "n/a" }'; }
printf '\np50 ours / nginx (same bytes): dashboard page %s×, dashboard JSON %s×, all-organisations page %s×\n' \
    "$(ratio http-dashboard-largest "nginx-static-same-size ($(size overview.html) B)")" \
    "$(ratio http-dashboard-json-largest "nginx-static-same-size ($(size overview.json) B)")" \
    "$(ratio http-organisations-all "nginx-static-same-size ($(size organisations.html) B)")"
printf 'p50 HTTP page / its report functions in SQL: dashboard %s×, all organisations %s×\n' \
    "$(ratio http-dashboard-largest dashboard-largest)" "$(ratio http-organisations-all overview-all)"
stop_servers
trap - EXIT
scripts/pg.sh destroy "$dir" >/dev/null
