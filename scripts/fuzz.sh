#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build/fuzz and runs the HTTP request fuzzer for
# ${FUZZ_SECONDS:-60} s (corpus kept in build/fuzz/corpus/http_request).
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
# The sanitizers go to the fuzz target only; the libraries get -fsanitize=fuzzer-no-link for coverage.
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DLOAPHUONG_FUZZ=ON -DLOAPHUONG_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target http_request_fuzz
mkdir -p build/fuzz/corpus/http_request
build/fuzz/fuzz/http_request_fuzz -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 \
  build/fuzz/corpus/http_request
