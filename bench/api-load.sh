#!/usr/bin/env bash
# Issue 11 bench: start lateness of scheduled starts while the web side is busy, against the
# same daemon idle, in one run; API p99 latency of the dashboard call under that load; the
# daemon's RSS with the HTTP server, beside MPD's idle RSS.
#   bench/api-load.sh [BUILD_DIR] [STARTS]     (default build/test, 30 starts per phase)
# Each phase runs a fresh daemon whose slots start at +20 s, +24 s, ... (a 2 s tone each, a
# null output); lateness is the journal's start_lateness_us (first sample written vs the
# scheduled instant). The busy phase adds 50 clients polling GET /api/status every second
# (bearer token) and one client uploading a one-hour MP3 (imported on a worker: decode,
# loudness, SHA-256) while the starts happen.
set -euo pipefail
build=${1:-build/test}
starts=${2:-30}
daemon=$build/daemon/loaphuongd
cli=$build/cli/loaphuong
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

echo "== making the test audio"
ffmpeg -nostdin -loglevel error -f lavfi -i "sine=f=440:r=44100:d=3600" -ac 2 -b:a 128k "$work/hour.mp3"
ffmpeg -nostdin -loglevel error -f lavfi -i "sine=f=523:r=48000:d=2" -ac 1 "$work/tone.wav"

run_phase() { # run_phase NAME BUSY(0|1)
  local name=$1 busy=$2 dir=$work/$1
  mkdir -p "$dir/media"; cp "$work/tone.wav" "$dir/media/"
  local port; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  {
    printf '[daemon]\ndatabase = "lp.db"\nmedia_dir = "media"\nlog_level = "warn"\n'
    printf '[http]\nlisten = "127.0.0.1:%s"\n' "$port"
    printf '[[output]]\nname = "loa"\nkind = "null"\n'
    for i in $(seq 0 $((starts - 1))); do
      printf '[[slot]]\nname = "s%s"\nstart = "+%ss"\nmax_length = "1m"\n[[slot.item]]\nfile = "tone.wav"\ntitle = "Bản tin %s"\ntopic = "a"\nform = "tin"\n' \
        "$i" $((20 + 4 * i)) "$i"
    done
  } > "$dir/lp.toml"
  echo "mat-khau-bench-123" > "$dir/pw"
  "$cli" --config "$dir/lp.toml" user add bench --role admin --password-file "$dir/pw" >/dev/null 2>&1
  "$cli" --config "$dir/lp.toml" token add --account bench --label bench -o "$dir/token" >/dev/null
  "$daemon" --config "$dir/lp.toml" 2>"$dir/daemon.log" &
  local pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  local until=$((20 + 4 * starts + 4))
  if [ "$busy" = 1 ]; then
    python3 "$here/api_load.py" "$port" "$(cat "$dir/token")" "$work/hour.mp3" "$until" > "$dir/load.txt" &
  fi
  sleep "$until"
  local rss; rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  local hwm; hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" || true
  wait || true
  local lat; lat=$(sqlite3 "$dir/lp.db" "SELECT start_lateness_us FROM journal WHERE start_lateness_us IS NOT NULL ORDER BY 1")
  local n p50 p99 max
  n=$(echo "$lat" | grep -c . || true)
  p50=$(echo "$lat" | awk -v n="$n" 'NR==int((n+1)/2){print $1/1000}')
  p99=$(echo "$lat" | awk -v n="$n" 'NR==(int(n*0.99+0.999)>0?int(n*0.99+0.999):1){print $1/1000}')
  max=$(echo "$lat" | tail -n1 | awk '{print $1/1000}')
  echo "$name: $n starts, lateness p50 ${p50} ms, p99 ${p99} ms, max ${max} ms; RSS ${rss} kB (peak ${hwm} kB)"
  [ "$busy" = 1 ] && cat "$dir/load.txt"
  return 0
}

echo "== idle (no HTTP clients)"
run_phase idle 0
echo "== busy (50 clients polling /api/status every second, one uploading a one-hour MP3)"
run_phase busy 1

echo "== MPD idle RSS (same machine, same run)"
mkdir -p "$work/mpd"
mport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
printf 'music_directory "%s"\ndb_file "%s/mpd/db"\nstate_file "%s/mpd/state"\nbind_to_address "127.0.0.1"\nport "%s"\naudio_output {\n type "null"\n name "null"\n}\n' \
  "$work" "$work" "$work" "$mport" > "$work/mpd.conf"
mpd --no-daemon "$work/mpd.conf" 2>/dev/null &
mpid=$!
sleep 5
echo "mpd: RSS $(awk '/VmRSS/{print $2}' "/proc/$mpid/status") kB"
kill "$mpid"; wait "$mpid" 2>/dev/null || true
