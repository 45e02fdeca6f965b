#!/usr/bin/env bash
# Installs what a command needs and is missing: Debian packages through apt-get (as root, or through
# sudo for a normal user) and, for tests, a Python virtualenv in .venv with PyPI test tools.
# Nothing is downloaded from anywhere else, and nothing installed here ships with the product.
#
#   scripts/deps.sh run | test | bench | deploy
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-run}

# The Swift toolchain is the one prerequisite Debian does not package.
if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "deps: swift is at /opt/swift/usr/bin; add it to PATH" >&2
    else
        echo "deps: the Swift 6 toolchain is required (https://swift.org/install/linux/)" >&2
    fi
    exit 1
fi

# package:command-or-file that proves it is installed
need=(
    "postgresql-15:/usr/lib/postgresql/15/bin/initdb"
    "postgresql-client-15:/usr/lib/postgresql/15/bin/pgbench"
    "libpq-dev:/usr/include/postgresql/libpq-fe.h"
    "libssl-dev:/usr/include/openssl/evp.h"
    "pkg-config:pkg-config"
)
case "$purpose" in
run) ;;
test)
    need+=("chromium:chromium" "chromium-driver:chromedriver" "python3-venv:/usr/share/doc/python3-venv/copyright"
        "nginx:/usr/sbin/nginx" "openssl:openssl" "systemd:systemd-analyze" "procps:pgrep" "curl:curl")
    # The real OpenID Connect provider of the tests (Tests/oidc/lemonldap.py): LemonLDAP::NG's portal
    # under Starman, users in SQLite through DBI; the rest is what the portal and rotateOidcKeys load
    # that --no-install-recommends leaves out. The portal's dependency on a web server is met by nginx,
    # which must stay in this same list (without it apt would pick lemonldap-ng-fastcgi-server).
    need+=("liblemonldap-ng-portal-perl:/usr/share/perl5/Lemonldap/NG/Portal/Main.pm"
        "libstring-random-perl:/usr/share/perl5/String/Random.pm" "libio-string-perl:/usr/share/perl5/IO/String.pm"
        "libgd-securityimage-perl:/usr/share/perl5/GD/SecurityImage.pm"
        "libimage-magick-perl:/usr/share/doc/libimage-magick-perl/copyright"
        "libconvert-pem-perl:/usr/share/perl5/Convert/PEM.pm" "starman:/usr/bin/starman"
        "libdbd-sqlite3-perl:/usr/share/doc/libdbd-sqlite3-perl/copyright")
    ;;
bench) need+=("wrk:wrk" "nginx:/usr/sbin/nginx" "procps:pgrep" "curl:curl") ;;
deploy) need+=("nginx:/usr/sbin/nginx" "openssl:openssl" "systemd:systemd-analyze" "curl:curl" "procps:pgrep"
    "python3:/usr/bin/python3") ;;
*) echo "deps: unknown purpose $purpose" >&2; exit 2 ;;
esac

missing=()
for entry in "${need[@]}"; do
    package=${entry%%:*}
    probe=${entry#*:}
    if [[ "$probe" == /* ]]; then
        [ -e "$probe" ] || missing+=("$package")
    else
        command -v "$probe" >/dev/null 2>&1 || missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}" >&2
    if [ "$(id -u)" = 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "deps: need root for: apt-get install ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have empty package lists; refresh once and retry.
    if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
        "${SUDO[@]}" apt-get update -q >/dev/null
        "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    fi
    # Debian's package may start a cluster of its own on 5432; ours never uses it.
fi

if [ "$purpose" = test ]; then
    requirements=Tests/browser/requirements.txt
    stamp=.venv/.requirements.sha256
    want=$(sha256sum "$requirements" | cut -d' ' -f1)
    if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        echo "deps: preparing .venv from $requirements" >&2
        rm -rf .venv
        # Debian's own python3 has the venv module we just made sure of.
        /usr/bin/python3 -m venv .venv
        .venv/bin/pip install -q --disable-pip-version-check -r "$requirements"
        echo "$want" > "$stamp"
    fi
fi
