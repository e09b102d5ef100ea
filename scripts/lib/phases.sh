# Sourced by scripts/test.sh: runs each phase with its wall time, and on a failure repeats what
# failed at the very end, where a CI log's tail shows it (ctest's summary alone names the test,
# not the assertion).

phase_names=()
phase_seconds=()

phase_summary() {
  local i
  echo "=== phases (wall seconds) ==="
  for i in "${!phase_names[@]}"; do
    printf '%6d  %s\n' "${phase_seconds[$i]}" "${phase_names[$i]}"
  done
}

# phase NAME COMMAND...: runs COMMAND; on failure prints the summary and exits with its status.
phase() {
  local name=$1 start status=0
  shift
  start=$SECONDS
  echo "=== $name ==="
  "$@" || status=$?
  phase_names+=("$name")
  phase_seconds+=($((SECONDS - start)))
  if ((status != 0)); then
    phase_summary
    echo "=== FAILED: $name (exit $status) ==="
    exit "$status"
  fi
}

# run_ctest DIR: the whole suite in DIR; when a test fails, its failure lines (GoogleTest's
# assertions, the browser test's FAIL steps, sanitizer reports) are printed again after ctest's
# summary.
run_ctest() {
  local dir=$1
  if ctest --test-dir "$dir" --output-on-failure -j"${LOAPHUONG_TEST_JOBS:-2}"; then
    return 0
  fi
  echo "=== what failed in $dir ==="
  grep -E -A8 ': Failure$|^FAIL |^ERROR: (Address|Leak|Undefined)|runtime error:' \
    "$dir/Testing/Temporary/LastTest.log" | cut -c1-300 | head -150 || true
  return 1
}

background_name=""
background_log=""
background_pid=""
background_start=0

# phase_background NAME LOG COMMAND...: starts COMMAND beside what follows, its output in LOG
# (a phase's output would interleave with the foreground's); phase_join waits for it.
phase_background() {
  background_name=$1
  background_log=$2
  shift 2
  background_start=$SECONDS
  echo "=== $background_name (beside what follows; output in $background_log) ==="
  mkdir -p "$(dirname "$background_log")"
  # Its own process group, so that a failure in the foreground stops its compilers too; at the
  # lowest priority, so that the foreground's real-time tests get the CPU they ask for (at the
  # same priority, on a slow machine, the release fault drill took 223 s instead of 151 s).
  setsid nice -n 19 "$@" >"$background_log" 2>&1 &
  background_pid=$!
  trap 'kill -- "-$background_pid" 2>/dev/null || true' EXIT
}

phase_join() {
  local status=0
  wait "$background_pid" || status=$?
  trap - EXIT
  phase_names+=("$background_name (beside)")
  phase_seconds+=($((SECONDS - background_start)))
  if ((status != 0)); then
    tail -n 80 "$background_log"
    phase_summary
    echo "=== FAILED: $background_name (exit $status; whole output in $background_log) ==="
    exit "$status"
  fi
  tail -n 5 "$background_log"
}
