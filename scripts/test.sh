#!/usr/bin/env bash
# One command from a fresh Debian 12 clone to the whole test suite: installs packages, builds
# with warnings as errors and runs every test, then again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/phases.sh

phase "install packages" scripts/install-deps.sh
phase "format check" scripts/check-format.sh

# Line tables only (-g1): backtraces and sanitizer reports keep file:line, and the builds
# take a third less time than with full debug information.
phase "release build" scripts/build.sh test -DLOAPHUONG_WERROR=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"

# The release tests mostly wait on real-time audio (about a fifth of two cores, 01/12/2026),
# so the fuzz targets and the sanitizer build run beside them, at the lowest priority: about
# 7 min less in all on a machine of that speed.
#
# The libFuzzer targets (the HTTP server's request parsing, routing, ranges and JSON bodies; the
# public listen-again side), 30 s each (clang; its own small build tree). The sanitizer build at
# -O0: -O1 ran the ASan suite 58 s faster (657.6 s against 716.3 s) but its cold unity build
# took 886 s against 552 s (01/12/2026, 2 cores).
phase_background "fuzz, then sanitizer build" build/beside-release-tests.log bash -c 'set -euo pipefail
  FUZZ_SECONDS=30 scripts/fuzz.sh
  scripts/build.sh asan -DLOAPHUONG_WERROR=ON -DLOAPHUONG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1"'
# LOAPHUONG_INSTALL_TEST=1: tests/install/deb.sh installs the .deb on this machine with dpkg
# (then purges it); once, not again under the sanitizers.
LOAPHUONG_INSTALL_TEST=1 phase "release tests" run_ctest build/test
phase_join

ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
  phase "sanitizer tests" run_ctest build/asan
phase_summary
