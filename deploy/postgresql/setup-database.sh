#!/usr/bin/env bash
# Creates WorkplaceRoutine's roles and database on a PostgreSQL 15 cluster with least privilege, sets
# fresh random passwords and writes them as pgpass files for the nodes. Run as root (psql then runs
# as the postgres system user) or as the cluster's superuser, on the database host:
#
#   setup-database.sh --host db1.example.se --credentials DIR [--port 5432] [--database workplace_routine]
#                     [--app-connections 200]
#   setup-database.sh --host db1.example.se --credentials DIR --auditor LOGIN [--auditor LOGIN]...
#
# Roles (cluster-wide):
#   wr_owner    LOGIN CREATEROLE — owns the database and every object; runs migrations and operator
#               commands; nothing else logs in as it. CREATEROLE because migrations create the group
#               roles (wr_anonymous … wr_auditor) and grant them to the login roles.
#   wr_app      LOGIN NOINHERIT — the web service; holds no privilege itself, only SET ROLE into the
#               person-facing group roles (granted by migration 0001).
#   wr_worker   LOGIN NOINHERIT — the Notifier; may only SET ROLE wr_notifier.
#   replicator  LOGIN REPLICATION — streaming replica and base backups; no database privilege.
# With --auditor, only the named people's LOGIN roles are created (or their passwords renewed), each
# IN ROLE wr_auditor (reads audit.event only, read-only sessions); run it after the first migration.
# Passwords are never sent in clear: the SCRAM-SHA-256 verifier is computed here and only it reaches
# the server. Running the script again without --auditor rotates every service password (copy the
# new pgpass files, then restart the services). DIR receives web.pgpass, notifier.pgpass,
# owner.pgpass, replicator.pgpass (or auditor-LOGIN.pgpass), mode 0600: copy each to the node that
# needs it and delete DIR.
set -euo pipefail
die() { echo "setup-database: $*" >&2; exit 1; }

host=""; port=${PGPORT:-5432}; database=workplace_routine; credentials=""; app_connections=200; auditors=()
while [ $# -gt 0 ]; do
    case "$1" in
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --credentials) credentials=$2; shift 2 ;;
    --app-connections) app_connections=$2; shift 2 ;;
    --auditor) auditors+=("$2"); shift 2 ;;
    *) die "unknown option $1" ;;
    esac
done
[ -n "$host" ] && [ -n "$credentials" ] || die "usage: setup-database.sh --host NAME --credentials DIR [options]"
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || die "--database must be a plain lowercase name"
[[ "$app_connections" =~ ^[0-9]+$ ]] || die "--app-connections must be a number"
for login in "${auditors[@]}"; do
    [[ "$login" =~ ^[a-z][a-z0-9._-]{2,62}$ ]] || die "auditor login $login: use a-z, 0-9, . _ -"
    [[ "$login" != wr_* ]] || die "auditor login $login must not start with wr_"
done

psql_() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
    else
        psql -X -q -v ON_ERROR_STOP=1 -d postgres -U postgres "$@"
    fi
}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

new_password() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40; }
# The SCRAM-SHA-256 verifier PostgreSQL stores (RFC 5802/7677, 4096 iterations, as libpq makes it).
scram_verifier() {
    "$python" -c '
import base64, hashlib, hmac, os, sys
password = sys.stdin.read().rstrip("\n").encode()
salt, iterations = os.urandom(16), 4096
salted = hashlib.pbkdf2_hmac("sha256", password, salt, iterations)
client_key = hmac.new(salted, b"Client Key", "sha256").digest()
server_key = hmac.new(salted, b"Server Key", "sha256").digest()
b64 = lambda b: base64.b64encode(b).decode()
print(f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(hashlib.sha256(client_key).digest())}:{b64(server_key)}")
' <<<"$1"
}

umask 077
mkdir -p "$credentials"
chmod 700 "$credentials"

declare -A passwords
for login in "${auditors[@]}"; do
    passwords[$login]=$(new_password)
    printf '%s:%s:%s:%s:%s\n' "$host" "$port" "$database" "$login" "${passwords[$login]}" > "$credentials/auditor-$login.pgpass"
    psql_ -v login="$login" -v verifier="$(scram_verifier "${passwords[$login]}")" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_auditor') AS missing \gset
\if :missing
DO $$ BEGIN RAISE EXCEPTION 'wr_auditor does not exist yet: migrate first, then run setup-database.sh --auditor'; END $$;
\endif
SELECT format('CREATE ROLE %I LOGIN', :'login') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'login') \gexec
SELECT format('ALTER ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 2 PASSWORD %L',
              :'login', :'verifier') \gexec
SELECT format('GRANT wr_auditor TO %I', :'login') \gexec
SELECT format('ALTER ROLE %I SET default_transaction_read_only = on', :'login') \gexec
SQL
done
if [ ${#auditors[@]} -gt 0 ]; then
    echo "auditors ready; pgpass files in $credentials:"
    ls -1 "$credentials"
    exit 0
fi

for role in wr_owner wr_app wr_worker replicator; do passwords[$role]=$(new_password); done
# pgpass: host:port:database:user:password (the passwords are letters and digits only).
printf '%s:%s:%s:wr_app:%s\n' "$host" "$port" "$database" "${passwords[wr_app]}" > "$credentials/web.pgpass"
printf '%s:%s:%s:wr_worker:%s\n' "$host" "$port" "$database" "${passwords[wr_worker]}" > "$credentials/notifier.pgpass"
printf '%s:%s:%s:wr_owner:%s\n' "$host" "$port" "$database" "${passwords[wr_owner]}" > "$credentials/owner.pgpass"
printf '%s:%s:replication:replicator:%s\n' "$host" "$port" "${passwords[replicator]}" > "$credentials/replicator.pgpass"

psql_ -v owner_verifier="$(scram_verifier "${passwords[wr_owner]}")" \
      -v app_verifier="$(scram_verifier "${passwords[wr_app]}")" \
      -v worker_verifier="$(scram_verifier "${passwords[wr_worker]}")" \
      -v replicator_verifier="$(scram_verifier "${passwords[replicator]}")" \
      -v app_connections="$app_connections" -v database="$database" <<'SQL'
SELECT 'CREATE ROLE wr_owner LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_owner') \gexec
SELECT 'CREATE ROLE wr_app LOGIN NOINHERIT' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_app') \gexec
SELECT 'CREATE ROLE wr_worker LOGIN NOINHERIT' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_worker') \gexec
SELECT 'CREATE ROLE replicator LOGIN REPLICATION' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'replicator') \gexec

-- Exactly the attributes each needs, whatever they had before.
ALTER ROLE wr_owner LOGIN CREATEROLE INHERIT NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 10 PASSWORD :'owner_verifier';
ALTER ROLE wr_app LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT :app_connections PASSWORD :'app_verifier';
ALTER ROLE wr_worker LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 50 PASSWORD :'worker_verifier';
ALTER ROLE replicator LOGIN REPLICATION NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS CONNECTION LIMIT 5 PASSWORD :'replicator_verifier';

-- Timeouts per login role: a stuck request or a forgotten transaction cannot hold locks or pin the
-- vacuum horizon of the job queue for long. (A transaction may still raise its own with SET LOCAL.)
ALTER ROLE wr_app SET statement_timeout = '15s';
ALTER ROLE wr_app SET lock_timeout = '5s';
ALTER ROLE wr_app SET idle_in_transaction_session_timeout = '15s';
ALTER ROLE wr_worker SET statement_timeout = '30s';
ALTER ROLE wr_worker SET lock_timeout = '10s';
ALTER ROLE wr_worker SET idle_in_transaction_session_timeout = '60s';
-- Migrations may run long but must not queue behind (and in front of) the service's locks for long.
ALTER ROLE wr_owner SET lock_timeout = '10s';
ALTER ROLE wr_owner SET idle_in_transaction_session_timeout = '10min';

-- Swedish sorting (å, ä, ö after z) from ICU, independent of the host's C library.
SELECT format('CREATE DATABASE %I OWNER wr_owner TEMPLATE template0 ENCODING %L LOCALE %L LOCALE_PROVIDER icu ICU_LOCALE %L',
              :'database', 'UTF8', 'C.UTF-8', 'sv-SE')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO wr_owner', :'database') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SQL


echo "roles and database $database ready; pgpass files in $credentials:"
ls -1 "$credentials"
