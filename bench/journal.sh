#!/usr/bin/env bash
# Journal benchmarks (see bench/README.md): builds lp_journal_bench in release mode and runs it.
#   bench/journal.sh [BUILD_DIR] [CHAIN_ROWS] [FORMATS]
# FORMATS: comma-separated, of xlsx,pdf,csv,json,package (default: all, the year's package too).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/bench}"
rows="${2:-1000000}"
formats="${3:-}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOAPHUONG_TESTS=OFF >/dev/null
cmake --build "$build" --target lp_journal_bench
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$build/bench/lp_journal_bench" "$work/bench" "$rows" ${formats:+"$formats"}
