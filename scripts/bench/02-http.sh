#!/usr/bin/env bash
# Part 2: our HTTP server against nginx on /healthz, measured in the same run.
#
# wrk -t2 -c64 for WR_BENCH_SECONDS per round, three rounds interleaved (ours, nginx, ours, …);
# prints requests/s and p99 of each round, the medians and the ratio ours/nginx; then our resident
# memory idle and while 1,000 keep-alive connections are open.
#
# Environment (from scripts/bench.sh): WR_BIN, WR_BENCH_DIR, WR_BENCH_SECONDS.
#   WR_HTTP_SERVER_CMD  the command that serves /healthz on $WR_HTTP_PORT (default: the
#                       http-bench-server target; later the product's `workplace-routine serve`)
#   WR_HTTP_PORT        the port it listens on (default 18080); nginx uses WR_HTTP_PORT+1
set -euo pipefail
seconds=${WR_BENCH_SECONDS:-10}
dir=${WR_BENCH_DIR:?run through scripts/bench.sh}/http
mkdir -p "$dir"
port=${WR_HTTP_PORT:-18080}
nginx_port=$((port + 1))
server_cmd=${WR_HTTP_SERVER_CMD:-"$WR_BIN/http-bench-server"}
ulimit -n 65536 2>/dev/null || true

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() {  # url
    for _ in $(seq 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "02-http: $1 did not answer" >&2; return 1
}

# Ours.
WR_BENCH_PORT=$port bash -c "exec $server_cmd" >"$dir/server.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
wait_for "http://127.0.0.1:$port/healthz"
sleep 0.5
rss_before=$(awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$server_pid/status")

# nginx with the same body and roughly the same headers as ours.
mkdir -p "$dir/nginx/logs" "$dir/nginx/tmp"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/tmp/body;
    proxy_temp_path $dir/nginx/tmp/proxy;
    fastcgi_temp_path $dir/nginx/tmp/fastcgi;
    uwsgi_temp_path $dir/nginx/tmp/uwsgi;
    scgi_temp_path $dir/nginx/tmp/scgi;
    keepalive_requests 1000000;
    server_tokens off;
    server {
        listen 127.0.0.1:$nginx_port;
        location = /healthz {
            default_type "text/plain; charset=utf-8";
            add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'" always;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy no-referrer always;
            add_header X-Frame-Options DENY always;
            add_header Cache-Control no-store always;
            add_header X-Request-Id \$request_id always;
            return 200 "ok\n";
        }
    }
}
CONF
/usr/sbin/nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
pids+=("$!")
wait_for "http://127.0.0.1:$nginx_port/healthz"

# wrk prints e.g. "Requests/sec: 101234.56" and, with --latency, " 99%    1.23ms".
# CPU time (user + system, clock ticks) of a set of processes, to report CPU per request: a figure
# that other load on the machine disturbs less than requests/s does.
ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
hz=$(getconf CLK_TCK)
round() {  # name url round-number pids…; sets rps, p99 (milliseconds) and cpu (µs per request)
    local out before after requests
    before=$(ticks "${@:4}")
    out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$2")
    after=$(ticks "${@:4}")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}' <<<"$out")
    if grep -q "Non-2xx" <<<"$out"; then echo "02-http: $1 answered non-2xx" >&2; fi
    printf '%-6s round %d: %10.0f req/s   p99 %6s ms   CPU %5s µs/request\n' "$1" "$3" "$rps" "$p99" "$cpu"
}
. "${WR_ROOT:?run through scripts/bench.sh}/scripts/bench/lib.sh"

nginx_pids=$(pgrep -f "nginx: worker process" -P "$(cat "$dir/nginx/nginx.pid")" | tr '\n' ' ')
ours_rps=(); ours_p99=(); nginx_rps=(); nginx_p99=()
for r in 1 2 3; do
    round ours "http://127.0.0.1:$port/healthz" "$r" "$server_pid"; ours_rps+=("$rps"); ours_p99+=("$p99")
    # shellcheck disable=SC2086
    round nginx "http://127.0.0.1:$nginx_port/healthz" "$r" $nginx_pids; nginx_rps+=("$rps"); nginx_p99+=("$p99")
done
m_ours=$(printf '%s\n' "${ours_rps[@]}" | median)
m_nginx=$(printf '%s\n' "${nginx_rps[@]}" | median)
p_ours=$(printf '%s\n' "${ours_p99[@]}" | median)
p_nginx=$(printf '%s\n' "${nginx_p99[@]}" | median)
echo
echo "(CPU per request counts only the server's processes: our one process, nginx's two workers.)"
printf 'median  ours  %10.0f req/s   p99 %s ms\n' "$m_ours" "$p_ours"
printf 'median  nginx %10.0f req/s   p99 %s ms\n' "$m_nginx" "$p_nginx"
awk -v a="$m_ours" -v b="$m_nginx" 'BEGIN {printf "ratio ours/nginx: %.2f (goal >= 0.60; p99 goal <= 5 ms)\n", a / b}'

# Memory: VmRSS idle, then while 1,000 keep-alive connections are open (each has made a request).
rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$server_pid/status"; }
sleep 1
echo "ours RSS idle at start: $rss_before; idle after the load: $(rss)"
python3 - "$port" "$server_pid" <<'PY'
import socket, sys, time
port, pid = int(sys.argv[1]), sys.argv[2]
request = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"
conns = []
for _ in range(1000):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(request)
    conns.append(s)
for s in conns:
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(4096)
time.sleep(0.5)
with open(f"/proc/{pid}/status") as f:
    rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))
print(f"ours RSS with 1000 open keep-alive connections: {rss / 1024:.1f} MB (goals: idle <= 30 MB, 1000 connections <= 150 MB)")
for s in conns:
    s.close()
PY
