#!/usr/bin/env bash
# One command from a fresh Debian 12 clone to the whole test suite: installs packages, builds
# with warnings as errors and runs every test, then again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

scripts/build.sh test -DLOAPHUONG_WERROR=ON
ctest --test-dir build/test --output-on-failure -j2

scripts/build.sh asan -DLOAPHUONG_WERROR=ON -DLOAPHUONG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
  ctest --test-dir build/asan --output-on-failure -j2
