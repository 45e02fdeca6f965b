"""A test SMS gateway for the Notifier's tests: a real HTTP server that records what it receives.

Started by the Swift tests as a subprocess (TestServerProcess.swift). It listens on 127.0.0.1 on a
free port, writes that port to --port-file, and appends every request as one JSON line to
<spool>/requests.jsonl (method, path, headers, body) before answering.

  --status N          answer N (repeat to answer a sequence; the last one repeats)
  --retry-after SECS  add Retry-After to the answers
  --delay SECS        wait before answering
  --redirect URL      answer 307 with Location: URL
It exits when its parent (the test process) goes away.
"""
import argparse
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port-file", required=True)
parser.add_argument("--spool", required=True)
parser.add_argument("--status", type=int, action="append", default=[])
parser.add_argument("--retry-after")
parser.add_argument("--delay", type=float, default=0)
parser.add_argument("--redirect")
ARGS = parser.parse_args()
STATUSES = ARGS.status or [200]
LOCK = threading.Lock()
COUNT = {"n": 0}


class Gateway(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8")
        with LOCK:
            index = COUNT["n"]
            COUNT["n"] += 1
            with open(os.path.join(ARGS.spool, "requests.jsonl"), "a", encoding="utf-8") as handle:
                handle.write(json.dumps({
                    "method": self.command,
                    "path": self.path,
                    "headers": {name.lower(): value for name, value in self.headers.items()},
                    "body": body,
                }, ensure_ascii=False) + "\n")
        if ARGS.delay:
            time.sleep(ARGS.delay)
        if ARGS.redirect:
            status = 307
        else:
            status = STATUSES[min(index, len(STATUSES) - 1)]
        answer = json.dumps({"status": status}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        if ARGS.retry_after:
            self.send_header("Retry-After", ARGS.retry_after)
        if ARGS.redirect:
            self.send_header("Location", ARGS.redirect)
        self.end_headers()
        self.wfile.write(answer)


def watch_parent():
    parent = os.getppid()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


if __name__ == "__main__":
    threading.Thread(target=watch_parent, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    server.daemon_threads = True
    with open(ARGS.port_file + ".tmp", "w") as handle:
        handle.write(str(server.server_address[1]))
    os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
    server.serve_forever()
