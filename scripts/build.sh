#!/usr/bin/env bash
# Configures and builds into build/<name>. Usage: scripts/build.sh NAME [cmake options...]
# Uses ccache when it is installed (developer machines; CI builds from scratch without it).
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
shift
launcher=()
if command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$PWD")}"
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "build/$name" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
cmake --build "build/$name" -j"$(nproc)"
