#!/usr/bin/env python3
"""Stands in for the service instances for a moment, so the deploy test can see exactly which
headers nginx forwards: it answers every request with the request line and the headers it got.

    echo_upstream.py PORT
"""
import http.server
import sys


class Echo(http.server.BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        lines = [f"{self.command} {self.path}"] + [f"{name.lower()}: {value}" for name, value in self.headers.items()]
        body = ("\n".join(lines) + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = answer

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
