#!/usr/bin/env bash
# Part 3: the HR import of 100,000 people (`workplace-routine import org FILE --organisation ID`)
# beside PostgreSQL's own COPY of the same file, in the same run, on a fresh durable cluster.
#
# Ours parses and validates the CSV (references, cycles), reads the organisation, and applies
# everything in one transaction through org.import_people: units, people with their managers,
# foreign keys, six indexes on org.person, the run's record and the audit entry. The peer is the
# floor under any import: `\copy` of the same file into a plain table with a unique HR id. Three
# rounds, each into a new organisation (every row new), then a re-import of the same file (nothing
# changes); medians and the ratio ours/COPY (seconds, lower is better) are printed.
#
# Run alone:  scripts/bench.sh 05-import
set -euo pipefail
cd "${WR_ROOT:-$(dirname "$0")/../..}"
bin=${WR_BIN:-$(swift build -c release --show-bin-path)}
scratch=${WR_BENCH_DIR:-$(mktemp -d /tmp/wr-bench.XXXXXX)}
cluster=$scratch/pg03
rows=${WR_IMPORT_ROWS:-100000}
[ -x "$bin/workplace-routine" ] || { echo "05-import: $bin/workplace-routine missing (swift build -c release)" >&2; exit 1; }

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
scripts/pg.sh init "$cluster" "$port" >/dev/null
trap 'scripts/pg.sh destroy "$cluster" >/dev/null 2>&1 || true' EXIT
scripts/pg.sh start "$cluster"
eval "$(scripts/pg.sh env "$cluster")"
export PGAPPNAME=wr-bench
psql -q -X -v ON_ERROR_STOP=1 -d postgres \
    -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_owner') THEN CREATE ROLE wr_owner LOGIN CREATEROLE; END IF; END \$\$" \
    -c "CREATE DATABASE workplace OWNER wr_owner"
url() { echo "postgres:///workplace?host=$PGHOST&port=$PGPORT&user=$1"; }
export WR_DATABASE_URL=$(url wr_app) WR_MIGRATION_DATABASE_URL=$(url wr_owner) WR_MIGRATIONS_DIR=$(pwd)/Migrations WR_LOG_LEVEL=warning
"$bin/workplace-routine" migrate >/dev/null

# A municipality-shaped file: a director, 10 förvaltningar, 1,000 enheter with a manager each,
# everyone else in an enhet; Swedish headers, semicolons, a byte order mark, as Excel saves it.
file=$scratch/hr-export.csv
/usr/bin/python3 - "$rows" "$file" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
out = ["Anställningsnummer;Namn;E-post;Enhetskod;Enhet;Överordnad enhet;Chef;Anställningsdatum;Slutdatum;Skyddade personuppgifter",
       "P0;Direktör Noll;p0@kommun.example;KLF;Kommunledning;;;2010-01-01;;nej"]
for f in range(10):
    out.append(f"F{f}C;Förvaltningschef {f};f{f}@kommun.example;F{f};Förvaltning {f};KLF;P0;2011-01-01;;nej")
for e in range(1000):
    out.append(f"M{e};Chef {e};m{e}@kommun.example;E{e};Enhet {e};F{e // 100};F{e // 100}C;2012-02-01;;nej")
for i in range(1, rows - 1011 + 1):
    e = i % 1000
    out.append(f"P{i};Person {i};p{i}@kommun.example;E{e};Enhet {e};F{e // 100};M{e};2018-0{1 + i % 9}-1{i % 10};;"
               + ("ja" if i % 97 == 0 else "nej"))
with open(path, "w", encoding="utf-8-sig", newline="") as handle:
    handle.write("\r\n".join(out) + "\r\n")
PY
chmod 644 "$file"

psql -q -X -v ON_ERROR_STOP=1 -d workplace -c "CREATE TABLE copy_person (hr_id text PRIMARY KEY, name text NOT NULL, work_email text,
    unit_code text NOT NULL, unit_name text NOT NULL, parent_unit_code text, manager_hr_id text, hire_date date NOT NULL,
    end_date date, protected_identity text)"

seconds() { /usr/bin/python3 -c 'import time; print(f"{time.monotonic():.6f}")'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "PostgreSQL 15, durable (fsync on), unix socket; $rows rows, $(du -h "$file" | cut -f1) CSV"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %16s %16s %16s\n' round "import (new)" "re-import" "COPY (peer)"
first=(); again=(); peer=()
for round in 1 2 3; do
    psql -q -X -v ON_ERROR_STOP=1 -d workplace -c "INSERT INTO org.organisation (name, slug) VALUES ('Benchkommun $round', 'bench-$round')"
    start=$(seconds)
    out=$("$bin/workplace-routine" import org "$file" --organisation "bench-$round")
    end=$(seconds)
    grep -q "^import applied: $rows rows, added $rows," <<<"$out" || { echo "05-import: unexpected: $out" >&2; exit 1; }
    first+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')")

    start=$(seconds)
    out=$("$bin/workplace-routine" import org "$file" --organisation "bench-$round")
    end=$(seconds)
    grep -q "added 0, updated 0, deactivated 0" <<<"$out" || { echo "05-import: re-import changed something: $out" >&2; exit 1; }
    again+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')")

    psql -q -X -v ON_ERROR_STOP=1 -d workplace -c "TRUNCATE copy_person"
    start=$(seconds)
    psql -q -X -v ON_ERROR_STOP=1 -d workplace -c "\\copy copy_person FROM '$file' WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'UTF8')"
    end=$(seconds)
    peer+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')")
    printf '%-8s %14s s %14s s %14s s\n' "$round" "${first[-1]}" "${again[-1]}" "${peer[-1]}"
done
m_first=$(printf '%s\n' "${first[@]}" | median)
m_again=$(printf '%s\n' "${again[@]}" | median)
m_peer=$(printf '%s\n' "${peer[@]}" | median)
printf '%-8s %14s s %14s s %14s s\n' median "$m_first" "$m_again" "$m_peer"
awk -v r="$rows" -v a="$m_first" -v b="$m_again" -v c="$m_peer" 'BEGIN {
    printf "rows/s: import %.0f, re-import %.0f, COPY %.0f\n", r / a, r / b, r / c
    printf "ratio import/COPY (seconds): %.1f (goal: %d rows well under 60 s)\n", a / c, r
}'
