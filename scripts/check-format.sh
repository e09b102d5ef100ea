#!/usr/bin/env bash
# Checks that every C++ file of the project is formatted as .clang-format says (CI runs it);
# with --fix, formats them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/lp-format.$$; then
  grep -E '^[^ ].*(warning|error):' /tmp/lp-format.$$ | cut -d: -f1 | sort -u | sed 's/^/not formatted: /' >&2
  rm -f /tmp/lp-format.$$
  echo "check-format: run scripts/check-format.sh --fix" >&2
  exit 1
fi
rm -f /tmp/lp-format.$$
echo "check-format: ${#files[@]} files formatted"
