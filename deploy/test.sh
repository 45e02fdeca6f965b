#!/usr/bin/env bash
# `make deploy-test`: brings the production layout of deploy/ up on this one machine, on loopback
# addresses only, and exercises it the way OPERATIONS.md tells an operations team to:
#
#   PostgreSQL primary (our postgresql.conf settings, pg_hba.conf, TLS, setup-database.sh) and a
#   streaming replica; the package installed into a staging root by deploy/install.sh; the systemd
#   units verified by systemd-analyze and run with their own ExecStart/Environment/credentials
#   (deploy/test/unitctl stands in for systemctl: there is no running systemd here); two web
#   instances, two Notifiers, nginx with our site file and a self-signed certificate. Then, through
#   nginx over TLS: headers, limits and logs; log in; the support request; a rolling restart and an
#   unplanned stop under a request stream with zero failed requests; base backup, more writes,
#   point-in-time restore into a new cluster; pg_dump and backups hold no support text; the auditor;
#   content key rotation.
#
# Runs as root (PostgreSQL as `postgres`, the service as `nobody`, nginx workers as `www-data`) or as
# a normal user (everything as that user). Cleans up everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
started=$(date +%s)
step() { printf '\n--> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }
ok() { printf '    ok  %s\n' "$*"; }
fail() { printf '    FAILED  %s\n' "$*" >&2; exit 1; }

step "dependencies and build"
scripts/deps.sh deploy
# WR_DEPLOY_BINARY: an already built executable (for a checkout this user cannot write to).
if [ -n "${WR_DEPLOY_BINARY:-}" ]; then
    bin=$WR_DEPLOY_BINARY
else
    swift build --product workplace-routine 2>&1 | grep -E 'error|warning: unre' || true
    swift build --product workplace-routine >/dev/null
    bin=$(swift build --show-bin-path)/workplace-routine
fi
[ -x "$bin" ] || fail "no binary at $bin"
python=/usr/bin/python3
pgbin=/usr/lib/postgresql/15/bin

work=$(mktemp -d /tmp/wr-deploy.XXXXXX)
chmod 755 "$work"
stage=$work/stage
export WR_UNITCTL_ROOT=$stage WR_UNITCTL_STATE=$work/units
unitctl=$repo/deploy/test/unitctl
mkdir -p "$WR_UNITCTL_STATE"

if [ "$(id -u)" = 0 ]; then
    pg_user=postgres
    export WR_UNITCTL_USER=nobody
    as_pg() { runuser -u postgres -- "$@"; }
else
    pg_user=$(id -un)
    as_pg() { "$@"; }
fi

clusters=()
cleanup() {
    local status=$?
    set +e
    "$unitctl" stop-all >/dev/null 2>&1
    if [ -f "$work/nginx/nginx.pid" ]; then kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null; fi
    if [ -n "${echo_pid:-}" ]; then kill "$echo_pid" 2>/dev/null; fi
    if [ -n "${smtp_pid:-}" ]; then kill "$smtp_pid" 2>/dev/null; fi
    if [ -n "${stream_pid:-}" ]; then kill "$stream_pid" 2>/dev/null; fi
    for data in "${clusters[@]}"; do as_pg "$pgbin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1; done
    if [ $status != 0 ] && [ -d "$work/units/logs" ]; then
        for log in "$work"/units/logs/*.log; do echo "== last lines of $log" >&2; tail -n 6 "$log" >&2; done
    fi
    chmod -R u+w "$work" 2>/dev/null  # the credential folders are read-only, as systemd makes them
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT INT TERM

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_port=$(free_port); replica_port=$(free_port); restore_port=$(free_port)
web1=$(free_port); web2=$(free_port); https_port=$(free_port); http_port=$(free_port); echo_port=$(free_port); smtp_port=$(free_port)
public=medarbetarstod.example.se
base=https://$public:$https_port
resolve=(--resolve "$public:$https_port:127.0.0.1" --cacert "$work/tls/ca.crt")

# ---------------------------------------------------------------------------------------------------
step "certificates (a test CA; in production the organisation's CA or ACME)"
mkdir -p "$work/tls"
(
    cd "$work/tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=WorkplaceRoutine test CA" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$public" -keyout privkey.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$public" > ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile ext -out fullchain.pem 2>/dev/null
    chmod 644 ca.crt fullchain.pem
)
ok "CA and a certificate for $public, localhost and 127.0.0.1"

# ---------------------------------------------------------------------------------------------------
step "install into a staging root (deploy/install.sh), systemd-sysusers, systemd-analyze verify"
# A Debian node has systemd's own units; the verifier needs them under the root it checks.
mkdir -p "$stage/usr/lib/systemd" "$stage/etc"
cp -r /usr/lib/systemd/system "$stage/usr/lib/systemd/"
deploy/install.sh --root "$stage" --binary "$bin" >/dev/null
systemd-sysusers --root="$stage" >/dev/null 2>&1
grep -q '^workplace-routine:x:[0-9]*:[0-9]*:.*:/nonexistent:/usr/sbin/nologin$' "$stage/etc/passwd" \
    || fail "systemd-sysusers did not create the service user"
ok "the service user workplace-routine exists (no home, no shell)"
verify=$(systemd-analyze verify --man=no --root="$stage" \
    "$stage/usr/lib/systemd/system/workplace-routine@$web1.service" \
    "$stage/usr/lib/systemd/system/workplace-routine-notifier@1.service" \
    "$stage/usr/lib/systemd/system/workplace-routine-migrate.service" \
    "$stage/usr/lib/systemd/system/workplace-routine-basebackup.service" \
    "$stage/usr/lib/systemd/system/workplace-routine-basebackup.timer" 2>&1) || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify warned: $verify"
ok "systemd-analyze verify passes on every unit, without a warning"
for unit in "workplace-routine@.service" "workplace-routine-notifier@.service" "workplace-routine-migrate.service"; do
    file=$stage/usr/lib/systemd/system/$unit
    for directive in "User=workplace-routine" "NoNewPrivileges=yes" "ProtectSystem=strict" "ProtectHome=yes" "PrivateTmp=yes" \
        "PrivateDevices=yes" "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX" "CapabilityBoundingSet=" "MemoryMax="; do
        grep -q "^$directive" "$file" || fail "$unit lacks $directive"
    done
done
ok "every service unit runs as workplace-routine with the hardening directives and MemoryMax"

# ---------------------------------------------------------------------------------------------------
step "PostgreSQL primary with deploy/postgresql settings, pg_hba.conf and TLS"
pg_home=$work/pg
mkdir -p "$pg_home/primary" "$pg_home/socket" "$pg_home/tls" "$pg_home/wal-archive" "$pg_home/backups" "$pg_home/home"
cp "$work/tls/fullchain.pem" "$pg_home/tls/server.crt"
cp "$work/tls/privkey.pem" "$pg_home/tls/server.key"
chmod 600 "$pg_home/tls/server.key"
sed -e "s#^listen_addresses = .*#listen_addresses = '127.0.0.1'#" \
    -e "s#/etc/postgresql/ssl/#$pg_home/tls/#" \
    -e "s#/usr/lib/workplace-routine/archive-wal#$stage/usr/lib/workplace-routine/archive-wal#" \
    -e "s#/var/lib/postgresql/wal-archive#$pg_home/wal-archive#" \
    "$stage/usr/share/workplace-routine/postgresql/workplace-routine.conf" > "$pg_home/workplace-routine.conf"
sed -e 's#10\.0\.[0-9]*\.[0-9]*/[0-9]*#127.0.0.1/32#' "$stage/usr/share/workplace-routine/postgresql/pg_hba.conf" > "$pg_home/pg_hba.conf"
cp "$stage/usr/share/workplace-routine/postgresql/pg_ident.conf" "$pg_home/pg_ident.conf"
# Whoever runs this test acts as the superuser over the socket, as `postgres` does in production.
[ "$(id -un)" = postgres ] || echo "dba        $(id -un)             postgres" >> "$pg_home/pg_ident.conf"
chmod 644 "$pg_home"/*.conf
if [ "$pg_user" = postgres ]; then chown -R postgres:postgres "$pg_home"; fi
chmod 700 "$pg_home/socket"
primary=$pg_home/primary/data
# 1 MiB WAL segments instead of 16: four clusters' worth of WAL would otherwise take seconds to delete.
as_pg "$pgbin/initdb" -D "$primary" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    --data-checksums --wal-segsize=1 >"$pg_home/initdb.log" 2>&1 || { cat "$pg_home/initdb.log"; fail "initdb"; }
as_pg cp "$pg_home/pg_hba.conf" "$pg_home/pg_ident.conf" "$primary/"
as_pg tee -a "$primary/postgresql.conf" >/dev/null <<EOF
include '$pg_home/workplace-routine.conf'
# This test's own: a free port, a private socket, a small memory footprint.
port = $pg_port
unix_socket_directories = '$pg_home/socket'
shared_buffers = 64MB
max_connections = 100
EOF
pg_start() {  # DATA LOG
    clusters+=("$1")
    as_pg "$pgbin/pg_ctl" -D "$1" -l "$2" -w -t 60 start >/dev/null || { tail -n 30 "$2"; fail "PostgreSQL in $1 did not start"; }
}
pg_start "$primary" "$pg_home/primary.log"
export PGHOST=$pg_home/socket PGPORT=$pg_port
su_psql() { psql -X -qAt -v ON_ERROR_STOP=1 -U postgres "$@"; }
[ "$(su_psql -d postgres -c 'SHOW ssl')" = on ] || fail "ssl is off"
[ "$(su_psql -d postgres -c 'SHOW log_parameter_max_length_on_error')" = 0 ] || fail "log_parameter_max_length_on_error"
[ "$(su_psql -d postgres -c 'SHOW archive_mode')" = on ] || fail "archive_mode"
ok "primary on 127.0.0.1:$pg_port: TLS on, no bound values in logs, WAL archived"

step "roles and database with least privilege (setup-database.sh)"
credentials=$work/credentials
"$stage/usr/share/workplace-routine/postgresql/setup-database.sh" --host 127.0.0.1 --port "$pg_port" \
    --credentials "$credentials" --app-connections 50 >/dev/null
[ "$(stat -c %a "$credentials/web.pgpass")" = 600 ] || fail "pgpass files must be 0600"
attributes=$(su_psql -d postgres -c "SELECT string_agg(rolname || ':' || rolsuper::int || rolcreaterole::int || rolreplication::int || rolbypassrls::int || rolinherit::int, ' ' ORDER BY rolname) FROM pg_roles WHERE rolname IN ('wr_owner','wr_app','wr_worker','replicator')")
# super, createrole, replication, bypassrls, inherit
[ "$attributes" = "replicator:00100 wr_app:00000 wr_owner:01001 wr_worker:00000" ] || fail "role attributes: $attributes"
ok "wr_owner: CREATEROLE only; wr_app, wr_worker: NOINHERIT, nothing else; replicator: REPLICATION only"
[ "$(su_psql -d postgres -c "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'workplace_routine'")" = wr_owner ] \
    || fail "database owner"
settings=$(su_psql -d postgres -c "SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting WHERE setrole = 'wr_app'::regrole")
[[ "$settings" == *statement_timeout=15s* && "$settings" == *idle_in_transaction_session_timeout=15s* ]] || fail "wr_app settings: $settings"
ok "workplace_routine owned by wr_owner; statement and idle timeouts on the service roles"

# ---------------------------------------------------------------------------------------------------
step "node configuration: env file, credentials, content key"
etc=$stage/etc/workplace-routine
install -d -m 0700 "$etc/credentials"
(umask 077; openssl rand -base64 48 > "$etc/credentials/content-key")
for file in web.pgpass notifier.pgpass owner.pgpass; do install -m 0600 "$credentials/$file" "$etc/credentials/$file"; done
install -m 0644 "$work/tls/ca.crt" "$etc/db-ca.crt"
sed -i -e "s#db1\.example\.se:5432#127.0.0.1:$pg_port#g" \
    -e "s#/etc/workplace-routine/#$etc/#g" \
    -e "s#/usr/share/workplace-routine/#$stage/usr/share/workplace-routine/#g" \
    -e "s#^WR_PUBLIC_URL=.*#WR_PUBLIC_URL=$base#" \
    -e "s#^WR_SMTP_PORT=.*#WR_SMTP_PORT=$smtp_port#" \
    "$etc/workplace-routine.env"
# The content key is kept apart from the database and its backups (in production: the secret store).
keystore=$work/keystore
install -d -m 0700 "$keystore"
install -m 0600 "$etc/credentials/content-key" "$keystore/content-key-$(date -u +%Y%m%d)"
ok "content key made with openssl rand, 0600, and a copy kept outside the database and its backups"
operator() {
    WR_CONFIG_DIR=$etc WR_BINARY=$stage/usr/bin/workplace-routine "$stage/usr/lib/workplace-routine/workplace-routine-operator" "$@"
}

step "migrations, once, by the migrate unit"
"$unitctl" start workplace-routine-migrate.service
status=$(operator migrate --status)
if grep -q '^pending\|^PROBLEM' <<<"$status"; then fail "migrate --status: $status"; fi
ok "workplace-routine-migrate.service applied $(grep -c '^applied' <<<"$status") migrations; migrate --status shows none pending"
"$unitctl" start workplace-routine-migrate.service
[ "$(tail -n 1 "$WR_UNITCTL_STATE/logs/workplace-routine-migrate.service.log")" = "migrations: nothing to apply" ] \
    || fail "the second migration run applied something"
ok "a second run finds nothing to apply"
# The service roles cannot log in without TLS, nor with a wrong password.
refused=$(PGPASSFILE=$credentials/web.pgpass PGSSLMODE=disable psql -X -qAt -h 127.0.0.1 -p "$pg_port" -U wr_app \
    -d workplace_routine -c 'SELECT 1' 2>&1) && fail "wr_app logged in without TLS"
[[ "$refused" == *"pg_hba.conf rejects connection"* ]] || fail "without TLS: $refused"
refused=$(PGPASSWORD=wrong-password PGSSLMODE=require psql -X -qAt -h 127.0.0.1 -p "$pg_port" -U wr_app \
    -d workplace_routine -c 'SELECT 1' 2>&1) && fail "wr_app logged in with a wrong password"
[[ "$refused" == *"password authentication failed"* ]] || fail "wrong password: $refused"
tls_psql() {  # PGPASSFILE USER [DATABASE] psql-args...  (verify-full against the test CA)
    local passfile=$1 user=$2; shift 2
    PGPASSFILE=$passfile PGSSLMODE=verify-full PGSSLROOTCERT=$work/tls/ca.crt \
        psql -X -qAt -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${TLS_PORT:-$pg_port}" -U "$user" "$@"
}
[ "$(tls_psql "$credentials/web.pgpass" wr_app -d workplace_routine -c 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')" = t ] \
    || fail "wr_app over TLS"
ok "wr_app logs in only over TLS with its SCRAM password (verify-full)"

step "first organisation and accounts (operator commands, not the demo)"
operator organisation create --name "Testkommunen" --slug testkommunen --support-email stod@testkommunen.example >/dev/null
(umask 077; openssl rand -base64 18 > "$work/admin.password")
operator account create --organisation testkommunen --login olof.admin --name "Olof Admin" --roles admin \
    --password-file "$work/admin.password" >/dev/null
ok "organisation testkommunen and admin account olof.admin"
if operator demo >/dev/null 2>&1; then fail "the demo loader ran in production"; fi
ok "the demo loader refuses to run with WR_ENV=production"

# ---------------------------------------------------------------------------------------------------
step "nginx with deploy/nginx/workplace-routine.conf"
ngx=$work/nginx
mkdir -p "$ngx/log" "$ngx/cache" "$ngx/tmp"
# Only addresses and paths change: the test listens on loopback ports and keeps files in $work.
sed -e "s#listen 443 ssl#listen 127.0.0.1:$https_port ssl#" \
    -e "s#listen 80#listen 127.0.0.1:$http_port#" \
    -e '/listen \[::\]:/d' \
    -e "s#/etc/nginx/workplace-routine/#$stage/etc/nginx/workplace-routine/#" \
    -e "s#/var/cache/nginx/workplace-routine#$ngx/cache#" \
    -e "s#/var/log/nginx/#$ngx/log/#" \
    -e "s#/etc/ssl/workplace-routine/#$work/tls/#" \
    -e "s#/usr/share/workplace-routine/#$stage/usr/share/workplace-routine/#" \
    "$stage/etc/nginx/sites-available/workplace-routine" > "$ngx/workplace-routine.conf"
upstream=$stage/etc/nginx/workplace-routine/upstream.conf
sed -i -e "s#127\.0\.0\.1:8081 #127.0.0.1:$web1 #" -e "s#127\.0\.0\.1:8082 #127.0.0.1:$web2 #" "$upstream"
cp "$upstream" "$ngx/upstream.instances"
{
    [ "$(id -u)" = 0 ] && echo "user www-data;"
    cat <<CONF
worker_processes 2;
pid $ngx/nginx.pid;
error_log $ngx/log/error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    # As Debian's /etc/nginx/nginx.conf has them: the site must hold its own against these.
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    access_log $ngx/log/access.log;
    client_body_temp_path $ngx/tmp/body;
    proxy_temp_path $ngx/tmp/proxy;
    fastcgi_temp_path $ngx/tmp/fastcgi;
    uwsgi_temp_path $ngx/tmp/uwsgi;
    scgi_temp_path $ngx/tmp/scgi;
    include $ngx/workplace-routine.conf;
}
CONF
} > "$ngx/nginx.conf"
[ "$(id -u)" = 0 ] && chown -R www-data "$ngx/cache" "$ngx/tmp"
nginx_() { /usr/sbin/nginx -e "$ngx/log/error.log" -c "$ngx/nginx.conf" "$@"; }
checked=$(nginx_ -t 2>&1) || fail "nginx -t: $checked"
if grep -q '\[warn\]\|\[emerg\]\|\[alert\]' <<<"$checked"; then fail "nginx -t warned: $checked"; fi
ok "nginx -t passes on the site file, without a warning"

# First a stand-in upstream that echoes what it receives, to see exactly which headers nginx forwards.
"$python" deploy/test/echo_upstream.py "$echo_port" &
echo_pid=$!
echo "server 127.0.0.1:$echo_port;" > "$upstream"
nginx_
for _ in $(seq 1 50); do [ -s "$ngx/nginx.pid" ] && curl -s -o /dev/null "http://127.0.0.1:$echo_port/" && break; sleep 0.1; done

forwarded() {  # METHOD PATH: what the service would get for X-Forwarded-For from a client at 127.0.0.2
    local data=()
    [ "$1" = POST ] && data=(-d 'x=1')
    curl -sS "${resolve[@]}" --interface 127.0.0.2 -H 'X-Forwarded-For: 6.6.6.6' -H 'Forwarded: for=6.6.6.6' \
        "${data[@]}" "$base$2" > "$work/echoed"
    grep -q '^x-forwarded-proto: https$' "$work/echoed" || fail "no X-Forwarded-Proto on $1 $2: $(cat "$work/echoed")"
    if grep -qi '^forwarded:\|^x-real-ip:\|6\.6\.6\.6' "$work/echoed"; then fail "$1 $2 passed what the client claimed: $(cat "$work/echoed")"; fi
    sed -n 's/^x-forwarded-for: //p' "$work/echoed"
}
for route in "GET /stod" "GET /stod/anonym" "POST /stod/anonym" "GET /stod/svar?receipt=1234567812345678" "POST /stod/svar/meddelande" \
    "GET /login" "GET /" "POST /inbox/1/reply"; do
    read -r method path <<<"$route"
    [ -z "$(forwarded "$method" "$path")" ] || fail "$route: the service got the client address"
done
ok "the support journey and every other route: the service gets no client address, and never what a client claims"
for route in "POST /login" "POST /stod/svar"; do
    read -r method path <<<"$route"
    [ "$(forwarded "$method" "$path")" = 127.0.0.2 ] || fail "$route: the service did not get the client address"
done
ok "POST /login and POST /stod/svar (receipt look-ups): the client address, for the service's throttling"
support_log=$ngx/log/workplace-routine.support.log
[ -s "$support_log" ] || fail "no support access log"
if grep -q '127\.0\.0\.2\|receipt\|1234567812345678' "$support_log"; then fail "the support log holds an address or query: $(cat "$support_log")"; fi
grep -q '"GET /stod/svar" 200' "$support_log" || fail "the support log lacks the request: $(cat "$support_log")"
if grep -rq '1234567812345678' "$ngx/log"; then fail "a query string reached nginx's logs"; fi
if grep -q '/stod' "$ngx/log/workplace-routine.access.log"; then fail "/stod in the main access log"; fi
ok "nginx logs /stod in its own log; no log holds a query string"
[ "$(curl -s -o /dev/null -w '%{http_code}' "${resolve[@]}" --interface 127.0.0.2 "$base/metrics")" = 403 ] || fail "/metrics is public"
[ "$(curl -s -o /dev/null -w '%{http_code}' "${resolve[@]}" --interface 127.0.0.2 "$base/readyz")" = 403 ] || fail "/readyz is public"
[ "$(curl -s -o /dev/null -w '%{http_code}' "${resolve[@]}" "$base/metrics")" = 200 ] || fail "/metrics from 127.0.0.1"
ok "/metrics and /readyz: 403 from other addresses, served to 127.0.0.1"

redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -H "Host: $public" "http://127.0.0.1:$http_port/login?x=1")
[ "$redirect" = "301 https://$public/login?x=1" ] || fail "HTTP redirect: $redirect"
ok "HTTP → HTTPS: 301 to https://$public/…"
if curl -sS -o /dev/null -H "Host: other.example" "http://127.0.0.1:$http_port/" 2>/dev/null; then fail "plain HTTP for an unknown name answered"; fi
if curl -sS -o /dev/null -k --resolve "other.example:$https_port:127.0.0.1" "https://other.example:$https_port/" 2>/dev/null; then
    fail "TLS for an unknown name answered"
fi
ok "unknown names: plain HTTP closed, TLS handshake refused"
curl -sS -o /dev/null "${resolve[@]}" --tlsv1.2 --tls-max 1.2 "$base/healthz" || fail "TLS 1.2 refused"
curl -sS -o /dev/null "${resolve[@]}" --tlsv1.3 "$base/healthz" || fail "TLS 1.3 refused"
s_client() { openssl s_client -connect "127.0.0.1:$https_port" -servername "$public" -CAfile "$work/tls/ca.crt" \
    -cipher 'DEFAULT:@SECLEVEL=0' "$@" </dev/null 2>&1; }
s_client -tls1_2 | grep -q 'Protocol *: TLSv1.2' || fail "s_client control with TLS 1.2"
if s_client -tls1_1 | grep -q 'Protocol *: TLSv1.1'; then fail "TLS 1.1 accepted"; fi
if s_client -tls1 | grep -q 'Protocol *: TLSv1$'; then fail "TLS 1.0 accepted"; fi
ok "TLS 1.2 and 1.3 only (1.0 and 1.1 refused although Debian's http block allows them)"
status_of() { curl -s -o /dev/null -w '%{http_code}' "${resolve[@]}" "$@"; }
expect_status() {  # STATUS WHAT curl-args...
    local want=$1 what=$2 got; shift 2
    got=$(status_of "$@")
    [ "$got" = "$want" ] || fail "$what: $got instead of $want"
}
long=$(head -c 9000 /dev/zero | tr '\0' a)
expect_status 414 "a 9 KiB request line" "$base/$long"
expect_status 400 "a 9 KiB header" -H "X-Long: $long" "$base/"
expect_status 413 "a 70 KiB body" --data-binary @<(head -c 70000 /dev/zero | tr '\0' a) "$base/"
expect_status 413 "a 9 KiB log-in body" --data-binary @<(head -c 9000 /dev/zero | tr '\0' a) "$base/login"
expect_status 200 "a 2 MiB HR import" --data-binary @<(head -c 2097152 /dev/zero | tr '\0' a) "$base/admin/import"
expect_status 413 "a 2 MiB body elsewhere in /admin" --data-binary @<(head -c 2097152 /dev/zero | tr '\0' a) "$base/admin/settings"
ok "limits: 414 for a 9 KiB request line, 400 for a 9 KiB header, 413 for 70 KiB bodies (9 KiB on /login); the HR import takes MiBs"
cp "$ngx/upstream.instances" "$upstream"
kill "$echo_pid"; wait "$echo_pid" 2>/dev/null || true; echo_pid=""

# ---------------------------------------------------------------------------------------------------
step "two web instances and two Notifiers from their units, behind nginx"
"$unitctl" start "workplace-routine@$web1.service" "workplace-routine@$web2.service"
wait_ready() {
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null "http://127.0.0.1:$1/readyz" && return 0
        sleep 0.1
    done
    fail "instance $1 did not become ready"
}
wait_ready "$web1"; wait_ready "$web2"
for port in $web1 $web2; do
    pid=$(cat "$WR_UNITCTL_STATE/workplace-routine@$port.service.pid")
    user=$(stat -c %U "/proc/$pid")
    grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$pid/status" || fail "instance $port may gain privileges"
    if [ "$(id -u)" = 0 ]; then
        [ "$user" = nobody ] || fail "instance $port runs as $user"
        grep -q '^CapBnd:[[:space:]]*0*$' "/proc/$pid/status" || fail "instance $port has a capability bounding set"
    fi
done
ok "workplace-routine@$web1 and @$web2 ready: as $user, credentials from LoadCredential, no new privileges, no capabilities, no writable+executable memory"
# The node's mail relay (in production postfix on loopback; here a sink that keeps every message).
mkdir -p "$work/mail"
"$python" deploy/test/smtp_sink.py "$smtp_port" "$work/mail" &
smtp_pid=$!
"$unitctl" start workplace-routine-notifier@1.service workplace-routine-notifier@2.service
ok "workplace-routine-notifier@1 and @2 running"
notifiers=(workplace-routine-notifier@1.service workplace-routine-notifier@2.service)
nginx_ -s reload
sleep 1

step "through nginx over TLS: headers, caching, log in"
headers=$(curl -sS -D - -o "$work/login.html" "${resolve[@]}" "$base/login")
count() { grep -ci "^$1:" <<<"$headers" || true; }
for header in strict-transport-security content-security-policy x-content-type-options referrer-policy x-frame-options cache-control; do
    [ "$(count "$header")" = 1 ] || fail "$header appears $(count "$header") times on /login"
done
grep -qi '^cache-control: no-store' <<<"$headers" || fail "pages are not no-store"
grep -qi '^strict-transport-security: max-age=63072000; includeSubDomains' <<<"$headers" || fail "HSTS"
if grep -qi '^server: nginx/' <<<"$headers"; then fail "nginx shows its version"; fi
ok "pages: HSTS added once, the service's CSP, nosniff, Referrer-Policy, X-Frame-Options and no-store exactly once"
asset=$(grep -o '/assets/[^"]*\.css' "$work/login.html" | head -n 1)
[ -n "$asset" ] || fail "no stylesheet on the login page"
first=$(curl -sS -D - -o /dev/null "${resolve[@]}" "$base$asset")
second=$(curl -sS -D - -o /dev/null "${resolve[@]}" "$base$asset")
grep -qi '^x-cache-status: MISS' <<<"$first" || fail "first asset fetch: $first"
grep -qi '^x-cache-status: HIT' <<<"$second" || fail "second asset fetch was not served from nginx's cache: $second"
grep -qi '^cache-control: .*max-age=31536000' <<<"$second" || fail "assets are not cacheable"
[ "$(grep -ci '^strict-transport-security:' <<<"$second")" = 1 ] || fail "HSTS on assets"
ok "static assets: long-lived, cached by nginx (MISS, then HIT)"
"$python" deploy/test/webclient.py login --base "$base" --ca "$work/tls/ca.crt" --login olof.admin \
    --password-file "$work/admin.password" --expect "Olof Admin" | sed 's/^/    ok  /'
answers=$("$python" deploy/test/webclient.py failed-logins --base "$base" --ca "$work/tls/ca.crt" --source 127.0.0.2 --count 200)
[ "$(head -n 10 <<<"$answers" | sort -u)" = "401 service" ] || fail "the first failed log-ins: $answers"
grep -q '^429 service$' <<<"$answers" || fail "the service did not throttle one address: $answers"
[ "$(tail -n 1 <<<"$answers")" = "429 nginx" ] || fail "nginx did not throttle log-in attempts: $answers"
[ "$("$python" deploy/test/webclient.py failed-logins --base "$base" --ca "$work/tls/ca.crt" --source 127.0.0.3 --count 1)" = "401 service" ] \
    || fail "another address was throttled too"
ok "failed log-ins from 127.0.0.2: $(grep -c '^401' <<<"$answers") refused, then the service throttled that address, then nginx; 127.0.0.3 still heard"

step "the HR import, a manager, and a talk recorded through nginx"
cat > "$work/hr.csv" <<'CSV'
hr_id,name,unit_code,unit_name,hire_date,manager_hr_id,work_email
M1,Maja Chef,HTN,Hemtjänst Norr,2019-02-01,,maja.chef@testkommunen.example
E1,Erik Medarbetare,HTN,Hemtjänst Norr,2021-04-12,M1,erik.medarbetare@testkommunen.example
CSV
operator import org "$work/hr.csv" --organisation testkommunen | sed 's/^/    /'
(umask 077; openssl rand -base64 18 > "$work/manager.password")
operator account create --organisation testkommunen --login maja.chef --name "Maja Chef" --roles manager,employee --person M1 \
    --password-file "$work/manager.password" >/dev/null
ok "two people imported from HR (operator import org); maja.chef is their manager's account"
"$python" deploy/test/webclient.py record-talk --base "$base" --ca "$work/tls/ca.crt" --admin olof.admin \
    --admin-password-file "$work/admin.password" --manager maja.chef --manager-password-file "$work/manager.password" \
    --person "Erik Medarbetare" | sed 's/^/    ok  /'
[ "$(su_psql -d workplace_routine -c "SELECT count(*) FROM routine.talk WHERE question_asked AND recorded_at IS NOT NULL")" = 1 ] \
    || fail "the recorded talk is not in the database"
ok "routine.talk holds that the question was asked, and nothing else about it"

step "an anonymous support request through nginx"
secret="Stödtext som aldrig får synas i klartext $(openssl rand -hex 8)"
content_key=$(cat "$etc/credentials/content-key")
echo "$secret" > "$work/message"
"$python" deploy/test/webclient.py anonymous-request --base "$base" --ca "$work/tls/ca.crt" --message-file "$work/message" | sed 's/^/    ok  /'
rm -f "$work/message"
[ "$(su_psql -d workplace_routine -c "SELECT count(*) FROM support.request WHERE door = 'anonymous' AND message_enc IS NOT NULL")" = 1 ] \
    || fail "the support request is missing"
ok "the request's message is sealed under the content key"
for _ in $(seq 1 300); do
    mail=$(grep -l '^X-Envelope-To: .*stod@testkommunen\.example' "$work"/mail/*.eml 2>/dev/null | head -n 1 || true)
    [ -n "$mail" ] && break
    sleep 0.1
done
[ -n "$mail" ] || fail "no notice reached the support team's mailbox: $(operator notifier status 2>&1)"
if grep -qiF "$secret" "$mail" || grep -qi 'våld\|v=C3=A5ld\|violence' "$mail"; then fail "the notice names its subject: $(cat "$mail")"; fi
ok "a Notifier told the team's mailbox that there is something new, without a word of the request"
operator notifier status > "$work/notifier-status" || fail "notifier status: $(cat "$work/notifier-status")"
ok "workplace-routine-operator notifier status answers"
reloptions=$(su_psql -d workplace_routine -c "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'notify.job'::regclass")
[[ "$reloptions" == *fillfactor=* && "$reloptions" == *autovacuum_vacuum_threshold=* ]] || fail "notify.job reloptions: $reloptions"
ok "the job queue table has its own autovacuum thresholds and fillfactor"

# ---------------------------------------------------------------------------------------------------
step "rolling restart of one instance under a stream of requests (workplace-routine-rolling-restart)"
stream() {  # NAME [--get-only]
    rm -f "$work/$1.started" "$work/$1.stop"
    "$python" deploy/test/webclient.py stream --base "$base" --ca "$work/tls/ca.crt" --workers 4 \
        --started-file "$work/$1.started" --stop-file "$work/$1.stop" "${@:2}" > "$work/$1.log" 2>&1 &
    stream_pid=$!
    for _ in $(seq 1 100); do [ -e "$work/$1.started" ] && return 0; sleep 0.1; done
    cat "$work/$1.log"; fail "the request stream did not start"
}
end_stream() {  # NAME
    sleep 1
    touch "$work/$1.stop"
    local status=0
    wait "$stream_pid" || status=$?
    stream_pid=""
    sed 's/^/    /' "$work/$1.log"
    [ $status = 0 ] || fail "requests failed during $1"
}
old_pid=$(cat "$WR_UNITCTL_STATE/workplace-routine@$web1.service.pid")
stream rolling
WR_UPSTREAM_FILE=$upstream WR_SYSTEMCTL=$unitctl WR_NGINX="/usr/sbin/nginx -e $ngx/log/error.log -c $ngx/nginx.conf" \
    WR_NGINX_PIDFILE=$ngx/nginx.pid "$stage/usr/lib/workplace-routine/workplace-routine-rolling-restart" "$web1" | sed 's/^/    /'
end_stream rolling
[ "$(cat "$WR_UNITCTL_STATE/workplace-routine@$web1.service.pid")" != "$old_pid" ] || fail "the instance was not restarted"
cmp -s "$upstream" "$ngx/upstream.instances" || fail "the upstream file was not restored: $(cat "$upstream")"
ok "workplace-routine@$web1 drained, stopped with SIGTERM (exit 0), restarted, back in nginx: no request failed"
for unit in "${notifiers[@]}"; do
    "$unitctl" restart "$unit"
done
ok "the Notifiers restarted one at a time, each stopping cleanly on SIGTERM"

step "unplanned stop of an instance (SIGTERM, no draining) under a stream of GET requests"
stream unplanned --get-only
sleep 1
"$unitctl" stop "workplace-routine@$web2.service"
[ "$("$unitctl" exit-status "workplace-routine@$web2.service")" = 0 ] || fail "the instance did not exit 0 on SIGTERM"
sleep 1.5
"$unitctl" start "workplace-routine@$web2.service"
wait_ready "$web2"
end_stream unplanned
ok "workplace-routine@$web2 stopped (graceful, exit 0) and started: nginx retried refused connections, no GET failed"

# ---------------------------------------------------------------------------------------------------
step "streaming replica (pg_basebackup -R over TLS as replicator)"
replica=$pg_home/replica/data
install -m 0600 "$credentials/replicator.pgpass" "$pg_home/home/.pgpass"
cp "$work/tls/ca.crt" "$pg_home/tls/ca.crt"
if [ "$pg_user" = postgres ]; then chown -R postgres:postgres "$pg_home/home" "$pg_home/tls"; fi
as_pg mkdir -p "$pg_home/replica"
as_pg env PGPASSFILE="$pg_home/home/.pgpass" PGSSLMODE=verify-full PGSSLROOTCERT="$pg_home/tls/ca.crt" \
    "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U replicator -D "$replica" -R -X stream -C -S replica1 --checkpoint=fast
echo "port = $replica_port" | as_pg tee -a "$replica/postgresql.auto.conf" >/dev/null
pg_start "$replica" "$pg_home/replica.log"
for _ in $(seq 1 100); do
    state=$(su_psql -d postgres -F ' ' -c "SELECT r.state, s.ssl, r.replay_lag FROM pg_stat_replication r JOIN pg_stat_ssl s USING (pid)" || true)
    [[ "$state" == "streaming t"* ]] && break
    sleep 0.1
done
[[ "$state" == "streaming t"* ]] || fail "replication state: $state"
ok "the replica streams from the primary over TLS (slot replica1)"
su_psql -d workplace_routine -c "SELECT pg_current_wal_lsn()" > "$work/lsn"
for _ in $(seq 1 100); do
    caught_up=$(PGPORT=$replica_port su_psql -d postgres -c "SELECT pg_last_wal_replay_lsn() >= '$(cat "$work/lsn")'::pg_lsn")
    [ "$caught_up" = t ] && break
    sleep 0.1
done
[ "$(PGPORT=$replica_port su_psql -d workplace_routine -c "SELECT string_agg(slug, ',') FROM org.organisation")" = testkommunen ] \
    || fail "the replica lacks the data"
[ "$(PGPORT=$replica_port su_psql -d workplace_routine -c "SELECT pg_is_in_recovery()")" = t ] || fail "the replica is not in recovery"
if PGPORT=$replica_port su_psql -d workplace_routine -c "INSERT INTO org.organisation (name, slug) VALUES ('x', 'xx')" 2>/dev/null; then
    fail "the replica accepted a write"
fi
ok "the replica has the data, is read-only"

# ---------------------------------------------------------------------------------------------------
step "base backup, more writes, point-in-time restore into a new cluster"
as_pg env PGHOST="$pg_home/socket" PGPORT="$pg_port" PGUSER=postgres \
    "$stage/usr/lib/workplace-routine/base-backup" --backups "$pg_home/backups" --archive "$pg_home/wal-archive" --keep 2 | sed 's/^/    /'
backup=$(find "$pg_home/backups" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*Z' | sort | tail -n 1)
[ -f "$backup/backup_label" ] || fail "no base backup"
operator organisation create --name "Före återställningspunkten" --slug fore-punkten >/dev/null
sleep 1
target=$(su_psql -d postgres -c "SELECT now()")
sleep 1
operator organisation create --name "Efter återställningspunkten" --slug efter-punkten >/dev/null
segment=$(su_psql -d postgres -c "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 100); do
    archived=$(su_psql -d postgres -c "SELECT coalesce(last_archived_wal, '') >= '$segment' FROM pg_stat_archiver")
    [ "$archived" = t ] && break
    sleep 0.1
done
[ "$archived" = t ] || fail "WAL segment $segment was not archived"
[ "$(su_psql -d postgres -F ' ' -c "SELECT failed_count, last_archived_time IS NOT NULL FROM pg_stat_archiver")" = "0 t" ] \
    || fail "pg_stat_archiver reports failures"
ok "base backup $(basename "$backup"); WAL archived up to $segment (gzip, fsynced)"
restore=$pg_home/restore/data
as_pg mkdir -p "$pg_home/restore"
as_pg "$stage/usr/lib/workplace-routine/restore-pitr" --backup "$backup" --archive "$pg_home/wal-archive" --data "$restore" \
    --target-time "$target" --set "port=$restore_port" | sed 's/^/    /'
pg_start "$restore" "$pg_home/restore.log"
for _ in $(seq 1 200); do
    recovering=$(PGPORT=$restore_port su_psql -d postgres -c "SELECT pg_is_in_recovery()" 2>/dev/null || true)
    [ "$recovering" = f ] && break
    sleep 0.1
done
[ "$recovering" = f ] || { tail -n 20 "$pg_home/restore.log"; fail "the restored cluster did not finish recovery"; }
restored=$(PGPORT=$restore_port su_psql -d workplace_routine -c "SELECT string_agg(slug, ',' ORDER BY slug) FROM org.organisation")
[ "$restored" = "fore-punkten,testkommunen" ] || fail "restored organisations: $restored"
ok "restored to $target: the write before it is there, the write after it is not"
opened=$(PGPORT=$restore_port su_psql -d workplace_routine -v key="$(cat "$keystore"/content-key-*)" \
    <<<"SELECT support.unseal(message_enc, :'key') FROM support.request" 2>&1 || true)
[ "$opened" = "$secret" ] || fail "the restored request does not open with the kept key: $opened"
ok "the restored support request opens with the content key kept apart from the backups"

step "a dump, the backups, the WAL archive and the logs hold no support text"
dump=$work/dump.sql
as_pg "$pgbin/pg_dump" -h "$pg_home/socket" -p "$pg_port" -U postgres -d workplace_routine > "$dump"
grep -q '^COPY support.request ' "$dump" || fail "the dump has no support.request data"
if grep -qF "$secret" "$dump"; then fail "pg_dump holds the support text"; fi
if grep -rqaF "$secret" "$pg_home/backups"; then fail "a base backup holds the support text"; fi
for file in "$pg_home"/wal-archive/*.gz; do
    if gunzip -c "$file" | grep -qaF "$secret"; then fail "$(basename "$file") holds the support text"; fi
done
if grep -rqaF "$secret" "$pg_home"/*.log "$WR_UNITCTL_STATE/logs" "$ngx/log"; then fail "a log holds the support text"; fi
# By now nginx has seen clients at 127.0.0.2 and .3 and upstream failures (the unplanned stop).
if grep -rqa '127\.0\.0\.[23]\|client:' "$ngx/log" "$WR_UNITCTL_STATE/logs"; then fail "a log names a client: $(grep -rla '127\.0\.0\.[23]\|client:' "$ngx/log" "$WR_UNITCTL_STATE/logs")"; fi
ok "plain pg_dump ($(wc -c < "$dump") bytes), $(ls "$pg_home/wal-archive" | wc -l) archived WAL files, the base backup and every log: no support text"
ok "no log of nginx or the service names a client address"

# ---------------------------------------------------------------------------------------------------
step "the audit log: a named auditor reads it, and nothing else"
"$stage/usr/share/workplace-routine/postgresql/setup-database.sh" --host 127.0.0.1 --port "$pg_port" \
    --credentials "$work/auditor" --auditor revisor.anna >/dev/null
auditor_pass=$work/auditor/auditor-revisor.anna.pgpass
events=$(tls_psql "$auditor_pass" revisor.anna -d workplace_routine -c "SELECT count(*) FROM audit.event WHERE action = 'account.created_by_operator'")
accounts=$(su_psql -d workplace_routine -c "SELECT count(*) FROM auth.account")
[ "$events" = "$accounts" ] || fail "the auditor sees $events operator-created accounts of $accounts"
denied=$(tls_psql "$auditor_pass" revisor.anna -d workplace_routine -c "SELECT count(*) FROM support.request" 2>&1 || true)
[[ "$denied" == *"permission denied"* ]] || fail "the auditor read support.request: $denied"
denied=$(tls_psql "$auditor_pass" revisor.anna -d workplace_routine -c "DELETE FROM audit.event" 2>&1 || true)
[[ "$denied" == *"read-only transaction"* || "$denied" == *"permission denied"* ]] || fail "the auditor changed the audit log: $denied"
request_id=$(su_psql -d workplace_routine -c "SELECT id FROM support.request")
trail=$(tls_psql "$auditor_pass" revisor.anna -d workplace_routine -F ' ' \
    -c "SELECT at, actor_account_id, actor_role, action, object_kind, object_id FROM audit.event WHERE object_id = '$request_id' ORDER BY at")
grep -q " support.request_created support_request $request_id\$" <<<"$trail" || fail "the request's audit trail: $trail"
grep -q " support\.[a-z_.]*read[a-z_.]* support_request $request_id\$" <<<"$trail" || fail "the receipt read is not in the audit trail: $trail"
ok "revisor.anna (IN ROLE wr_auditor, TLS, read-only) reads audit.event; support data and changes are refused"

# ---------------------------------------------------------------------------------------------------
step "content key rotation (rotate-content-key), with the service stopped"
"$unitctl" stop "workplace-routine@$web1.service" "workplace-routine@$web2.service" "${notifiers[@]}"
unavailable=$(curl -sS -D - "${resolve[@]}" "$base/")
grep -q '^HTTP/1.1 502' <<<"$unavailable" || fail "with no instance nginx did not answer 502"
grep -q 'inte tillgänglig' <<<"$unavailable" || fail "nginx did not serve the unavailable page"
for header in strict-transport-security content-security-policy cache-control; do
    [ "$(grep -ci "^$header:" <<<"$unavailable")" = 1 ] || fail "nginx's own 502 page lacks $header"
done
ok "meanwhile nginx answers 502 with its own page (Swedish and English, 112), no-store and CSP"
old_key=$etc/credentials/content-key
(umask 077; openssl rand -base64 48 > "$work/content-key.new")
operator rotate-content-key --new-key-file "$work/content-key.new" | sed 's/^/    /'
install -m 0600 "$work/content-key.new" "$keystore/content-key-$(date -u +%Y%m%d)-rotated"
install -m 0600 "$work/content-key.new" "$etc/credentials/content-key.next"
mv "$etc/credentials/content-key.next" "$old_key"
rm -f "$work/content-key.new"
"$unitctl" start "workplace-routine@$web1.service" "workplace-routine@$web2.service" "${notifiers[@]}"
wait_ready "$web1"; wait_ready "$web2"
# nginx gives instances that failed another try after fail_timeout (5 s): wait for a run of answers.
good=0
for _ in $(seq 1 150); do
    if [ "$(status_of "$base/healthz")" = 200 ]; then good=$((good + 1)); else good=0; fi
    [ $good -ge 6 ] && break
    sleep 0.1
done
[ $good -ge 6 ] || fail "nginx does not reach the instances again"
opened=$(su_psql -d workplace_routine -v key="$(cat "$old_key")" <<<"SELECT support.unseal(message_enc, :'key') FROM support.request" 2>&1 || true)
[ "$opened" = "$secret" ] || fail "the request does not open with the new key: $opened"
opened=$(su_psql -d workplace_routine -v key="$content_key" <<<"SELECT support.unseal(message_enc, :'key') FROM support.request" 2>&1 || true)
[[ "$opened" == *"Wrong key"* ]] || fail "the request still opens with the old key: $opened"
"$python" deploy/test/webclient.py login --base "$base" --ca "$work/tls/ca.crt" --login olof.admin \
    --password-file "$work/admin.password" --expect "Olof Admin" >/dev/null
ok "support text opens with the new key only; the instances are back and serve log-ins"

# ---------------------------------------------------------------------------------------------------
step "failover: promote the replica and point a node at it"
[ "$(PGPORT=$replica_port su_psql -d postgres -c "SELECT pg_promote()")" = t ] || fail "pg_promote"
[ "$(PGPORT=$replica_port su_psql -d postgres -c "SELECT pg_is_in_recovery()")" = f ] || fail "the replica is still in recovery"
failover=$work/etc-failover
cp -a "$etc" "$failover"
sed -i "s#127\.0\.0\.1:$pg_port/#127.0.0.1:$replica_port/#g" "$failover/workplace-routine.env"
sed -i "s#^127\.0\.0\.1:$pg_port:#127.0.0.1:$replica_port:#" "$failover/credentials/"*.pgpass
WR_CONFIG_DIR=$failover WR_BINARY=$stage/usr/bin/workplace-routine "$stage/usr/lib/workplace-routine/workplace-routine-operator" \
    organisation create --name "Efter övertagandet" --slug efter-overtagandet >/dev/null
opened=$(PGPORT=$replica_port su_psql -d workplace_routine -v key="$(cat "$old_key")" <<<"SELECT support.unseal(message_enc, :'key') FROM support.request" 2>&1 || true)
[ "$opened" = "$secret" ] || fail "the promoted replica's support text: $opened"
ok "the promoted replica takes writes from a node whose env file and pgpass name it, and holds the re-sealed content"

step "done"
echo "    deploy test passed in $(( $(date +%s) - started ))s"
