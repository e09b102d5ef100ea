#!/usr/bin/env bash
# Scheduler benchmarks. Usage: bench/scheduler.sh BUILD_DIR [IDLE_SECONDS]
# (1) a year of the ward's programme planned and decided in virtual time, against the bare
#     calendar expansion of the same year (lp_scheduler_bench);
# (2) the real daemon's wake-ups while idle between slots, against `sleep` over the same
#     window: voluntary context switches of all its threads, from /proc.
set -euo pipefail
build=${1:?usage: bench/scheduler.sh BUILD_DIR [IDLE_SECONDS]}
idle=${2:-60}
cmake --build "$build" --target lp_scheduler_bench loaphuongd >/dev/null
echo "== (1) planning a year"
"$build/bench/lp_scheduler_bench"

echo "== (2) idle wake-ups over ${idle} s"
work=$(mktemp -d)
trap 'kill $daemon_pid $sleep_pid 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/lp.toml" <<TOML
[daemon]
database = "$work/lp.db"
media_dir = "$work"
log_level = "warn"
[[output]]
name = "loa"
kind = "null"
[[slot]]
name = "Xa"
start = "+86000s"
[[slot.item]]
file = "none.wav"
TOML
"$build/daemon/loaphuongd" --config "$work/lp.toml" 2>"$work/log" &
daemon_pid=$!
sleep "$idle" &
sleep_pid=$!
ctx() {  # voluntary context switches of every thread of a process
  local total=0
  for f in /proc/"$1"/task/*/status; do
    total=$((total + $(awk '/^voluntary_ctxt_switches/ {print $2}' "$f")))
  done
  echo "$total"
}
sleep 2  # let the daemon finish starting (its start-up is not idle time)
d0=$(ctx $daemon_pid); s0=$(ctx $sleep_pid)
sleep $((idle - 4))
d1=$(ctx $daemon_pid); s1=$(ctx $sleep_pid)
span=$((idle - 4))
echo "loaphuongd: $((d1 - d0)) wake-ups in ${span} s ($(echo "scale=2; ($d1 - $d0) * 60 / $span" | bc) per minute)"
echo "reference sleep: $((s1 - s0)) wake-ups in ${span} s"
