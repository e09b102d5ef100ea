#!/usr/bin/env bash
# Journal benchmarks (see bench/README.md): builds bench_journal in release mode and runs it.
#   bench/run-journal.sh [BUILD_DIR] [CHAIN_ROWS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/bench}"
rows="${2:-1000000}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOAPHUONG_TESTS=OFF >/dev/null
cmake --build "$build" --target bench_journal
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$build/bench/bench_journal" "$work/bench" "$rows"
