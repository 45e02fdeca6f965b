#!/usr/bin/env bash
# `make bench`: every figure beside its peer measured in the same run on this machine.
# Builds in release mode, then runs each part in scripts/bench/NN-*.sh in order. A part prints its
# own table; each part gets a fresh durable PostgreSQL (no --fast) when it asks for one.
#
# Environment handed to every part:
#   WR_ROOT       the repository root
#   WR_BIN        the folder holding release binaries (workplace-routine, bench tools)
#   WR_BENCH_DIR  a scratch folder removed at the end
#   WR_BENCH_SECONDS  duration of each timed round (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh bench
echo "==> release build"
swift build -c release >/dev/null
export WR_ROOT=$(pwd)
export WR_BIN=$(swift build -c release --show-bin-path)
export WR_BENCH_DIR=$(mktemp -d /tmp/wr-bench.XXXXXX)
export WR_BENCH_SECONDS=${WR_BENCH_SECONDS:-10}
chmod 755 "$WR_BENCH_DIR"
trap 'for d in "$WR_BENCH_DIR"/pg*; do [ -e "$d" ] && scripts/pg.sh destroy "$d" >/dev/null 2>&1; done; rm -rf "$WR_BENCH_DIR"' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%dT%H:%MZ)"
only=${1:-}
for part in scripts/bench/[0-9]*.sh; do
    [ -e "$part" ] || continue
    if [ -n "$only" ] && [[ "$part" != *"$only"* ]]; then continue; fi
    echo
    echo "==> $(basename "$part" .sh)"
    "$part"
done
