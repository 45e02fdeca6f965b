"""A controllable SMTP server for the Notifier's tests, built on aiosmtpd.

Started by the Swift tests as a subprocess (TestServerProcess.swift). It listens on 127.0.0.1 on a
free port, writes that port to --port-file once it accepts connections, and stores every accepted
message as <spool>/<n>.json: the envelope, the raw message, and what Python's own e-mail parser
(an independent MIME implementation) decodes from it.

Misbehaviour on request, so the client's error handling meets a real server:
  --reply STAGE=CODE   answer CODE at STAGE (ehlo, mail, rcpt, data, end) instead of accepting
  --drop STAGE         close the connection without a reply: greeting, data (after the first line
                       of the message), end (after the whole message)
  --delay STAGE=SECS   wait before answering: greeting, end
  --auth USER:PASS     require AUTH (without TLS, as a loopback relay may)
  --auth-optional      with --auth: offer AUTH but accept mail without it
  --auth-mechanisms M  offer only these mechanisms (comma-separated, e.g. LOGIN)
  --starttls-required  offer STARTTLS and refuse mail until it is used (a self-signed certificate
                       is made with openssl in the spool directory)
  --no-ehlo            answer EHLO with 502, so the client must fall back to HELO
  --size N             advertise and enforce a SIZE limit of N octets
It exits when its parent (the test process) goes away.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import subprocess
import sys
import threading
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--spool", required=True)
    parser.add_argument("--reply", action="append", default=[])
    parser.add_argument("--drop", action="append", default=[])
    parser.add_argument("--delay", action="append", default=[])
    parser.add_argument("--auth")
    parser.add_argument("--auth-optional", action="store_true")
    parser.add_argument("--auth-mechanisms")
    parser.add_argument("--starttls-required", action="store_true")
    parser.add_argument("--no-ehlo", action="store_true")
    parser.add_argument("--size", type=int)
    return parser.parse_args()


ARGS = parse_args()
REPLIES = dict(item.split("=", 1) for item in ARGS.reply)
DELAYS = {key: float(value) for key, value in (item.split("=", 1) for item in ARGS.delay)}
DROPS = set(ARGS.drop)
COUNTER = {"n": 0}


def describe(raw: bytes, envelope, session):
    """What Python's e-mail package makes of the message: the independent check of our MIME."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    from_header = message["From"]
    to_header = message["To"]
    date_header = message["Date"]
    body = message.get_content() if message.get_content_maintype() == "text" else None
    return {
        "mail_from": envelope.mail_from,
        "rcpt_tos": envelope.rcpt_tos,
        "mail_options": envelope.mail_options,
        "authenticated_as": (session.auth_data or {}).get("login") if session.authenticated else None,
        "auth_mechanism": (session.auth_data or {}).get("mechanism") if session.authenticated else None,
        "raw": raw.decode("latin-1"),
        "header_names": list(message.keys()),
        "subject": str(message["Subject"]),
        "from_display_name": from_header.addresses[0].display_name if from_header else None,
        "from_address": from_header.addresses[0].addr_spec if from_header else None,
        "to_address": to_header.addresses[0].addr_spec if to_header else None,
        "message_id": str(message["Message-ID"]),
        "date_iso": date_header.datetime.isoformat() if date_header and date_header.datetime else None,
        "mime_version": str(message["MIME-Version"]),
        "content_type": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transfer_encoding": str(message["Content-Transfer-Encoding"]),
        "body": body.replace("\r\n", "\n") if body is not None else None,
        "defects": [type(d).__name__ for d in message.defects]
        + [type(d).__name__ for name in message.keys() for d in getattr(message[name], "defects", ())],
        "longest_line": max((len(line) for line in raw.split(b"\r\n")), default=0),
        "has_bare_line_feed": b"\n" in raw.replace(b"\r\n", b""),
    }


def store(record):
    COUNTER["n"] += 1
    path = os.path.join(ARGS.spool, "%d.json" % COUNTER["n"])
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(record, handle, ensure_ascii=False)
    os.rename(path + ".tmp", path)


class Handler:
    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if "mail" in REPLIES:
            return REPLIES["mail"] + " Sender refused"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "rcpt" in REPLIES:
            # Like real relays, echo the address: the client must keep it out of its errors.
            code = REPLIES["rcpt"]
            return "%s %s.1.1 <%s>: Recipient address rejected" % (code, code[0], address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if "end" in DELAYS:
            await asyncio.sleep(DELAYS["end"])
        if "end" in DROPS:
            server.transport.abort()
            return "250 never seen"
        if "end" in REPLIES:
            code = REPLIES["end"]
            return "%s %s.7.1 Message refused" % (code, code[0])
        store(describe(envelope.original_content, envelope, session))
        return "250 2.0.0 OK queued"


class ControlledSMTP(SMTP):
    greeted = False

    async def push(self, status):
        text = status if isinstance(status, str) else status.decode()
        if not self.greeted and text.startswith("220 "):
            self.greeted = True
            if "greeting" in DELAYS:
                await asyncio.sleep(DELAYS["greeting"])
            if "greeting" in DROPS:
                self.transport.abort()
                return
        await super().push(status)

    async def smtp_EHLO(self, hostname):
        if ARGS.no_ehlo:
            await self.push("502 5.5.1 EHLO not implemented")
            return
        if "ehlo" in REPLIES:
            await self.push(REPLIES["ehlo"] + " EHLO refused")
            return
        await super().smtp_EHLO(hostname)

    async def smtp_DATA(self, arg):
        if "data" in REPLIES:
            await self.push(REPLIES["data"] + " DATA refused")
            return
        if "data" in DROPS and self.envelope is not None and self.envelope.rcpt_tos:
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            await self._reader.readline()
            self.transport.abort()
            return
        await super().smtp_DATA(arg)


def authenticator(server, session, envelope, mechanism, auth_data):
    expected_user, expected_password = ARGS.auth.split(":", 1)
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login.decode() == expected_user
        and auth_data.password.decode() == expected_password
    )
    return AuthResult(success=ok, handled=False, auth_data={"login": auth_data.login.decode(), "mechanism": mechanism} if ok else None)


def tls_context():
    cert = os.path.join(ARGS.spool, "cert.pem")
    key = os.path.join(ARGS.spool, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
         "-days", "1", "-keyout", key, "-out", cert],
        check=True, capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def factory():
    options = {"hostname": "relay.test", "ident": "test relay"}
    if ARGS.size:
        options["data_size_limit"] = ARGS.size
    if ARGS.auth:
        options.update(auth_required=not ARGS.auth_optional, auth_require_tls=False, authenticator=authenticator)
        if ARGS.auth_mechanisms:
            offered = set(ARGS.auth_mechanisms.upper().split(","))
            options["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in offered]
    if ARGS.starttls_required:
        options.update(tls_context=TLS, require_starttls=True)
    return ControlledSMTP(Handler(), **options)


def watch_parent():
    parent = os.getppid()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


TLS = tls_context() if ARGS.starttls_required else None


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, host="127.0.0.1", port=0)
    port = server.sockets[0].getsockname()[1]
    with open(ARGS.port_file + ".tmp", "w") as handle:
        handle.write(str(port))
    os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    threading.Thread(target=watch_parent, daemon=True).start()
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
