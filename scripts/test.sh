#!/usr/bin/env bash
# `make test`: installs what is missing, builds, starts a throwaway PostgreSQL 15, runs the Swift test
# suite and the real-browser tests against it, and removes the cluster again. Exits non-zero on any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)
phase() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

phase "dependencies"
scripts/deps.sh test

phase "build"
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
swift build --build-tests >/dev/null

work=$(mktemp -d /tmp/wr-test.XXXXXX)
chmod 755 "$work"
cleanup() {
    local status=$?
    # Anything the tests started in the background goes with them.
    if [ -f "$work/pids" ]; then xargs -r kill 2>/dev/null < "$work/pids" || true; fi
    scripts/pg.sh destroy "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT INT TERM

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

phase "throwaway PostgreSQL"
scripts/pg.sh init "$work/pg" "$(free_port)" --fast --tcp
scripts/pg.sh start "$work/pg"
eval "$(scripts/pg.sh env "$work/pg")"
export WR_TEST_WORKDIR=$work
export WR_REPO_ROOT=$root

phase "swift tests"
status=0
# A crash prints the crashing thread's backtrace into the log (and so into CI's output below).
export SWIFT_BACKTRACE=enable=yes,interactive=no,threads=crashed
swift test --skip-build > "$work/swift-test.log" 2>&1 || status=$?
# Failures in full, then the summary lines.
grep -E '✘|recorded an issue|Expectation failed|error:|fatal|Fatal|Crash|crashed' "$work/swift-test.log" | head -300 || true
grep -E 'Test run with|Executed [0-9]+ tests' "$work/swift-test.log" || true
if [ "$status" != 0 ]; then
    echo "swift tests failed (exit $status); last lines of the log:" >&2
    if grep -q '💣\|Program crashed' "$work/swift-test.log"; then
        sed -n '/💣\|Program crashed/,$p' "$work/swift-test.log" | head -n 150 >&2
    else
        tail -n 40 "$work/swift-test.log" >&2
    fi
    exit 1
fi

# The director's figures: the attacker test (linear programming over every published table) and the
# director's privileges, against databases of their own in the same cluster.
phase "report tests (attacker, privileges)"
.venv/bin/python -m pytest -q -p no:cacheprovider Tests/reports

# The OpenID Connect providers the sign-in tests use: LemonLDAP::NG (Debian's, under Starman on
# loopback) through its real login form, and the scripted hostile provider, each against a minimal
# relying party.
phase "OpenID Connect provider tests (LemonLDAP::NG, scripted)"
.venv/bin/python -m pytest -q -p no:cacheprovider Tests/oidc

if [ -n "$(ls Tests/browser/test_*.py 2>/dev/null)" ]; then
    phase "browser tests (Chromium)"
    .venv/bin/python -m pytest -q -x Tests/browser
fi

# The production layout of deploy/ on loopback: TLS front, two instances, replica, backups, restore.
phase "deploy test"
deploy/test.sh

phase "done"
