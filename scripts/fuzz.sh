#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build/fuzz and runs each for ${FUZZ_SECONDS:-60} s:
# the HTTP request fuzzer and the public listen-again side's (corpora kept in
# build/fuzz/corpus/<target>).
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
targets=(${FUZZ_TARGETS:-http_request_fuzz public_request_fuzz})
cmake --build build/fuzz -j"$(nproc)" --target "${targets[@]}"
for target in "${targets[@]}"; do
  corpus="build/fuzz/corpus/${target%_fuzz}"
  mkdir -p "$corpus"
  "build/fuzz/fuzz/$target" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 "$corpus"
done
