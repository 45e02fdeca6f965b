#!/usr/bin/env bash
# Installs a built WorkplaceRoutine onto a Debian node (or into a staging root with --root):
#
#   deploy/install.sh [--root DIR] [--binary PATH]
#
#   /usr/bin/workplace-routine                       the one executable (swift build -c release)
#   /usr/share/workplace-routine/migrations/         the SQL migrations (WR_MIGRATIONS_DIR)
#   /usr/share/workplace-routine/nginx/              nginx's "unavailable" page
#   /usr/share/workplace-routine/postgresql/         settings, pg_hba.conf and setup-database.sh for the database host
#   /usr/lib/workplace-routine/                      archive-wal, base-backup, restore-pitr, workplace-routine-rolling-restart,
#                                                    workplace-routine-operator
#   /usr/lib/systemd/system/                         the units; /usr/lib/sysusers.d/workplace-routine.conf the user
#   /usr/share/doc/workplace-routine/OPERATIONS.md
# and, only where they do not exist yet (your edits survive upgrades):
#   /etc/workplace-routine/workplace-routine.env, /etc/workplace-routine/credentials/ (0700 root),
#   /etc/nginx/sites-available/workplace-routine, /etc/nginx/workplace-routine/upstream.conf
# Then, on a real node: systemd-sysusers, systemctl daemon-reload (see OPERATIONS.md, "Install").
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "install: $*" >&2; exit 1; }

root=/
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
    --root) root=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    *) die "unknown option $1" ;;
    esac
done
if [ -z "$binary" ]; then
    binary=.build/release/workplace-routine
    [ -x "$binary" ] || die "no release build at $binary (run: swift build -c release) or pass --binary"
fi
[ -x "$binary" ] || die "$binary is not executable"
if [ "$root" = / ] && [ "$(id -u)" != 0 ]; then die "installing into / needs root"; fi
root=${root%/}

# Files owned by root where we can (in a staging root as a normal user, by that user).
owner=()
[ "$(id -u)" = 0 ] && owner=(-o root -g root)
put() { install -D -m "$1" "${owner[@]}" "$2" "$root$3"; }
put_once() {  # config: never overwrite
    if [ -e "$root$3" ]; then
        cmp -s "$2" "$root$3" || echo "install: kept your $3 (the shipped example differs: $2)"
    else
        put "$1" "$2" "$3"
    fi
}

put 0755 "$binary" /usr/bin/workplace-routine
for file in Migrations/*.sql; do put 0644 "$file" "/usr/share/workplace-routine/migrations/$(basename "$file")"; done
# Migrations removed from the source tree must not linger (the migrator refuses unknown files).
for file in "$root"/usr/share/workplace-routine/migrations/*.sql; do
    if [ -e "$file" ] && [ ! -e "Migrations/$(basename "$file")" ]; then rm -f "$file"; fi
done
put 0644 deploy/nginx/unavailable.html /usr/share/workplace-routine/nginx/unavailable.html
for file in workplace-routine.conf pg_hba.conf pg_ident.conf; do
    put 0644 "deploy/postgresql/$file" "/usr/share/workplace-routine/postgresql/$file"
done
put 0755 deploy/postgresql/setup-database.sh /usr/share/workplace-routine/postgresql/setup-database.sh
for file in archive-wal base-backup restore-pitr; do put 0755 "deploy/postgresql/$file" "/usr/lib/workplace-routine/$file"; done
for file in workplace-routine-rolling-restart workplace-routine-operator; do put 0755 "deploy/bin/$file" "/usr/lib/workplace-routine/$file"; done
for file in deploy/systemd/*.service deploy/systemd/*.timer; do
    put 0644 "$file" "/usr/lib/systemd/system/$(basename "$file")"
done
put 0644 deploy/systemd/workplace-routine.sysusers /usr/lib/sysusers.d/workplace-routine.conf
put 0644 deploy/OPERATIONS.md /usr/share/doc/workplace-routine/OPERATIONS.md

put_once 0644 deploy/etc/workplace-routine.env /etc/workplace-routine/workplace-routine.env
install -d -m 0700 "${owner[@]}" "$root/etc/workplace-routine/credentials"
put_once 0644 deploy/nginx/workplace-routine.conf /etc/nginx/sites-available/workplace-routine
put_once 0644 deploy/nginx/upstream.conf /etc/nginx/workplace-routine/upstream.conf

echo "installed into ${root:-/}"
