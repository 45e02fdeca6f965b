"""A scripted OpenID Connect provider for the OpenIDConnect tests: a real HTTP server on loopback.

Started by the Swift tests as a subprocess (ProviderProcess.swift), with Python's standard library
only. It listens on 127.0.0.1 on a free port, writes that port to --port-file, and answers each
request from <spool>/routes.json, which the test rewrites whenever it wants the provider to change
(rotate keys, fail, stall):

  {"GET /jwks": {"status": 200, "body": "...", "headers": {"X": "y"}, "delay": 0.5,
                 "pad": 5000, "chunked": true}}

`body` is sent as is; `pad` appends that many spaces; `chunked` sends the body with chunked
transfer coding and no Content-Length. A path not in the routes answers 404. Every request is
appended as one JSON line to <spool>/requests.jsonl (method, path, headers, body) before answering.
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
ARGS = parser.parse_args()
LOCK = threading.Lock()


def routes():
    try:
        with open(os.path.join(ARGS.spool, "routes.json"), encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


class Provider(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.answer(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.answer(self.rfile.read(length))

    def answer(self, body):
        with LOCK:
            with open(os.path.join(ARGS.spool, "requests.jsonl"), "a", encoding="utf-8") as handle:
                handle.write(json.dumps({
                    "method": self.command,
                    "path": self.path,
                    "headers": {name.lower(): value for name, value in self.headers.items()},
                    "body": body.decode("utf-8", "replace"),
                }) + "\n")
        route = routes().get(f"{self.command} {self.path}")
        if route is None:
            route = {"status": 404, "body": "{}"}
        if route.get("delay"):
            time.sleep(route["delay"])
        payload = route.get("body", "").encode("utf-8") + b" " * route.get("pad", 0)
        self.send_response(route.get("status", 200))
        self.send_header("Content-Type", "application/json")
        for name, value in route.get("headers", {}).items():
            self.send_header(name, value)
        try:
            if route.get("chunked"):
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(payload), 1024):
                    chunk = payload[start:start + 1024]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a size limit): expected


def watch_parent():
    parent = os.getppid()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


if __name__ == "__main__":
    threading.Thread(target=watch_parent, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    server.daemon_threads = True
    with open(ARGS.port_file + ".tmp", "w") as handle:
        handle.write(str(server.server_address[1]))
    os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
    server.serve_forever()
