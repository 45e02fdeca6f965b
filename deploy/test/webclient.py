#!/usr/bin/env python3
"""The deploy test's browser stand-in: HTTPS through nginx only, with the test CA, standard library only.

    webclient.py login  --base URL --ca FILE --login NAME --password-file FILE
    webclient.py stream --base URL --ca FILE --workers N --started-file F --stop-file F [--get-only]
    webclient.py failed-logins --base URL --ca FILE --source ADDRESS --count N
    webclient.py anonymous-request --base URL --ca FILE --message-file F
    webclient.py record-talk --base URL --ca FILE --admin LOGIN --admin-password-file F
                             --manager LOGIN --manager-password-file F --person NAME

`stream` sends requests from N threads until the stop file appears, each on a fresh connection (so
a connection nginx closes at a reload never carries a request; browsers retry that case themselves),
and fails if any request got no answer, a 5xx, or a status other than the one its route gives.
"""
import argparse
import html.parser
import http.client
import os
import socket
import ssl
import sys
import threading
import time
import urllib.parse


class Page(html.parser.HTMLParser):
    """Collects a page's form fields with their values as a browser would submit them untouched,
    links to assets, elements marked data-receipt, and the text."""

    def __init__(self, body):
        super().__init__()
        self.fields, self.form, self.assets, self.text, self.receipts = {}, [], [], [], []
        self.links, self.actions = [], []
        self._select, self._option, self._textarea, self._receipt, self._link = None, None, None, False, None
        self.feed(body)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if (attrs.get(key) or "").startswith("/assets/"):
                self.assets.append(attrs[key])
        if "data-receipt" in attrs:
            self._receipt = True
        if tag == "a" and attrs.get("href"):
            self._link = [attrs["href"], ""]
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.actions.append(attrs.get("action") or "")
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "hidden":
                self.fields[name] = attrs.get("value") or ""
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.form.append((name, attrs.get("value") or "on"))
            elif kind not in ("submit", "button"):
                self.form.append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, None, None]  # name, first option, selected option
        elif tag == "option" and self._select is not None:
            value = attrs.get("value") or ""
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in attrs:
                self._select[2] = value

    def handle_endtag(self, tag):
        if tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        if tag == "textarea" and self._textarea:
            self.form.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select:
            name, first, selected = self._select
            self.form.append((name, selected if selected is not None else (first or "")))
            self._select = None
        elif self._receipt and tag in ("strong", "span", "p", "div", "code"):
            self._receipt = False

    def handle_data(self, data):
        self.text.append(data)
        if self._link:
            self._link[1] += data
        if self._textarea:
            self._textarea[1] += data
        if self._receipt:
            self.receipts.append(data)

    def submission(self, **overrides):
        """The form as a browser would send it, with `overrides` replacing whole fields."""
        pairs = [(name, value) for name, value in self.form if name not in overrides]
        return pairs + list(overrides.items())


class LoopbackHTTPS(http.client.HTTPSConnection):
    """TLS and Host for the public name, TCP to a loopback address (as curl --resolve does)."""

    def __init__(self, public_host, port, connect_to, context, source=None):
        super().__init__(public_host, port, context=context, timeout=30)
        self.connect_to = connect_to
        self.source = (source, 0) if source else None

    def connect(self):
        sock = socket.create_connection((self.connect_to, self.port), self.timeout, source_address=self.source)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class Browser:
    def __init__(self, base, ca, source=None):
        self.source = source
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 443
        self.connect_to = os.environ.get("WR_CONNECT_TO", "127.0.0.1")
        self.context = ssl.create_default_context(cafile=ca)
        self.cookies = {}

    def request(self, method, path, form=None):
        connection = LoopbackHTTPS(self.host, self.port, self.connect_to, self.context, self.source)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if "Max-Age=0" in value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie_value
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data.decode("utf-8", "replace")


def log_in(browser, login, password_file):
    password = open(password_file).read().strip()
    status, _, body = browser.request("GET", "/login")
    assert status == 200, f"GET /login: {status}"
    page = Page(body)
    form = {"_csrf": page.fields["_csrf"], "next": "/", "username": login, "password": password}
    status, headers, _ = browser.request("POST", "/login", form)
    assert status == 303, f"POST /login as {login}: {status}"
    assert any(name.endswith("wr_session") for name in browser.cookies), "no session cookie"


def login(args):
    browser = Browser(args.base, args.ca)
    log_in(browser, args.login, args.password_file)
    assert all(name.startswith("__Host-") for name in browser.cookies if name != "wr_lang"), "cookies without __Host- over TLS"
    status, _, body = browser.request("GET", "/")
    assert status == 200, f"GET / after login: {status}"
    text = " ".join(Page(body).text)
    assert args.expect in text, f"the start page does not name {args.expect!r}"
    print(f"logged in through nginx as {args.login}; the start page names {args.expect!r}")


def failed_logins(args):
    """Wrong passwords from one source address, until nginx refuses one or COUNT were sent; prints each
    answer's status and who gave it."""
    browser = Browser(args.base, args.ca, args.source)
    status, _, body = browser.request("GET", "/login")
    assert status == 200, f"GET /login: {status}"
    token = Page(body).fields["_csrf"]
    for _ in range(args.count):
        status, headers, _ = browser.request("POST", "/login", {"_csrf": token, "next": "/", "username": "no.such.login",
                                                                 "password": "not-the-password"})
        # The service sets a content security policy on every answer; nginx's own pages have none.
        by = "service" if "content-security-policy" in headers else "nginx"
        print(status, by)
        if by == "nginx":
            break


def anonymous_request(args):
    """The anonymous door as a person uses it: the form, the receipt shown once, then the person's
    own view opened with the receipt, which shows what they wrote."""
    message = open(args.message_file).read().strip()
    browser = Browser(args.base, args.ca)
    status, _, body = browser.request("GET", "/stod/anonym")
    assert status == 200, f"GET /stod/anonym: {status}"
    form = Page(body).submission(kind="worried", channel="dialogue", message=message)
    status, headers, body = browser.request("POST", "/stod/anonym", form)
    assert status == 200, f"POST /stod/anonym: {status}"
    page = Page(body)
    receipt = "".join("".join(page.receipts).split())
    assert len(receipt) == 16 and receipt.isdigit(), f"no receipt on the answer: {page.receipts}"
    assert receipt not in headers.get("location", ""), "the receipt is in an address"
    status, _, body = browser.request("GET", "/stod/svar")
    assert status == 200, f"GET /stod/svar: {status}"
    lookup = Page(body).submission(receipt=receipt)
    status, headers, _ = browser.request("POST", "/stod/svar", lookup)
    assert status in (302, 303), f"POST /stod/svar: {status}"
    status, _, body = browser.request("GET", "/stod/svar")
    assert status == 200, f"GET /stod/svar with the receipt session: {status}"
    assert message in " ".join(Page(body).text), "the person's view does not show what they wrote"
    print("anonymous request sent through nginx; the receipt opens the person's own view")


def record_talk(args):
    """The routine through nginx: the administrator adds this year's cycle, the manager opens the
    employee from the team page, follows the link to record the talk and records that the question
    was asked."""
    year = time.strftime("%Y")
    admin = Browser(args.base, args.ca)
    log_in(admin, args.admin, args.admin_password_file)
    status, _, body = admin.request("GET", "/admin/cycles")
    assert status == 200, f"GET /admin/cycles: {status}"
    form = Page(body).submission(name=year, starts_on=f"{year}-01-01", ends_on=f"{year}-12-31")
    status, _, _ = admin.request("POST", "/admin/cycles", form)
    assert status in (302, 303), f"POST /admin/cycles: {status}"

    manager = Browser(args.base, args.ca)
    log_in(manager, args.manager, args.manager_password_file)
    status, _, body = manager.request("GET", "/team")
    assert status == 200, f"GET /team: {status}"
    member = [href for href, text in Page(body).links if text == args.person and href.startswith("/team/")]
    assert member, f"{args.person} is not on the team page"
    status, _, body = manager.request("GET", member[0])
    assert status == 200, f"GET {member[0]}: {status}"
    record = [href for href, _ in Page(body).links if "/record" in href]
    assert record, "no link to record the talk"
    status, _, body = manager.request("GET", record[0])
    assert status == 200, f"GET {record[0]}: {status}"
    page = Page(body)
    action = [a for a in page.actions if a.endswith("/record")]
    assert action, "no record form"
    status, headers, _ = manager.request("POST", action[0], page.submission(asked="yes"))
    assert status in (302, 303) and "saved=recorded" in headers.get("location", ""), f"POST {action[0]}: {status} {headers.get('location')}"
    print(f"the manager recorded through nginx that {args.person} was asked the question")


# Routes of the stream and the status each gives when all is well.
MIXED = [("GET", "/login", 200), ("GET", "/", 200), ("POST", "/logout", 303), ("GET", "/healthz", 200)]
GET_ONLY = [("GET", "/login", 200), ("GET", "/", 200), ("GET", "/healthz", 200)]


def stream(args):
    routes = GET_ONLY if args.get_only else MIXED
    lock = threading.Lock()
    counts, failures = {}, []

    def worker(index):
        browser = Browser(args.base, args.ca)
        step = index
        while not os.path.exists(args.stop_file):
            method, path, expected = routes[step % len(routes)]
            step += 1
            try:
                status, _, _ = browser.request(method, path, {} if method == "POST" else None)
                outcome = status
                ok = status == expected
            except Exception as error:  # no answer at all
                outcome, ok = type(error).__name__, False
            with lock:
                key = f"{method} {path} -> {outcome}"
                counts[key] = counts.get(key, 0) + 1
                if not ok:
                    failures.append(f"{time.strftime('%H:%M:%S')} {key}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.workers)]
    for thread in threads:
        thread.start()
    # Tell the test we are flowing once a few requests went through.
    while sum(counts.values()) < 20 and not os.path.exists(args.stop_file):
        time.sleep(0.05)
    open(args.started_file, "w").close()
    for thread in threads:
        thread.join()
    total = sum(counts.values())
    for key in sorted(counts):
        print(f"  {counts[key]:6d}  {key}")
    print(f"  {total} requests, {len(failures)} failed")
    for failure in failures[:20]:
        print(f"  FAILED {failure}")
    sys.exit(1 if failures or total == 0 else 0)


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("login", "stream", "failed-logins", "anonymous-request", "record-talk"):
        command = commands.add_parser(name)
        command.add_argument("--base", required=True)
        command.add_argument("--ca", required=True)
    commands.choices["login"].add_argument("--login", required=True)
    commands.choices["login"].add_argument("--password-file", required=True)
    commands.choices["login"].add_argument("--expect", required=True)
    commands.choices["stream"].add_argument("--workers", type=int, default=4)
    commands.choices["stream"].add_argument("--started-file", required=True)
    commands.choices["stream"].add_argument("--stop-file", required=True)
    commands.choices["stream"].add_argument("--get-only", action="store_true")
    commands.choices["failed-logins"].add_argument("--source", required=True)
    commands.choices["failed-logins"].add_argument("--count", type=int, required=True)
    commands.choices["anonymous-request"].add_argument("--message-file", required=True)
    for option in ("--admin", "--admin-password-file", "--manager", "--manager-password-file", "--person"):
        commands.choices["record-talk"].add_argument(option, required=True)
    args = parser.parse_args()
    {"login": login, "stream": stream, "failed-logins": failed_logins, "anonymous-request": anonymous_request,
     "record-talk": record_talk}[args.command](args)


if __name__ == "__main__":
    main()
