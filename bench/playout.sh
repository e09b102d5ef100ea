#!/usr/bin/env bash
# Playout benchmark (issue 6): run from the repository root after building lp_playout_bench.
#   bench/playout.sh [BUILD_DIR]      (default build/release); about 5 minutes.
set -euo pipefail
build=${1:-build/release}
bin=$build/bench/lp_playout_bench
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cpu() { # user+sys CPU seconds of a finished command: cpu CMD...
  /usr/bin/time -f "%U %S %M" -o "$work/t" "$@" >/dev/null 2>&1 || true; tail -n1 "$work/t" | awk '{printf "%.2f", $1+$2}'; }

echo "== making one hour of MP3 (44.1 kHz stereo, 128 kb/s)"
ffmpeg -nostdin -loglevel error -f lavfi -i "sine=f=440:r=44100:d=3600" -ac 2 -b:a 128k "$work/hour.mp3"
ffmpeg -nostdin -loglevel error -f lavfi -i "sine=f=440:r=48000:d=0.2" -ac 2 -b:a 128k "$work/short.mp3"

echo "== (a) one hour unpaced to null, 48 kHz s16 stereo, +3 dB (three interleaved pairs)"
ours=(); theirs=()
for _ in 1 2 3; do
  ours+=("$(cpu "$bin" unpaced "$work/hour.mp3")")
  theirs+=("$(cpu ffmpeg -nostdin -y -i "$work/hour.mp3" -af volume=-3dB -ar 48000 -f s16le /dev/null)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
echo "loaphuong: ${ours[*]} CPU-s   ffmpeg CLI: ${theirs[*]} CPU-s"
echo "medians: $(median "${ours[@]}") / $(median "${theirs[@]}")   ratio: $(echo "$(median "${ours[@]}") / $(median "${theirs[@]}")" | bc -l | cut -c1-4)"

echo "== (b) paced real time 60 s: loaphuong beside MPD (null output, sync yes)"
mkdir -p "$work/music" "$work/mpd"; cp "$work/hour.mp3" "$work/music/"
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > "$work/mpd.conf" <<CONF
music_directory "$work/music"
db_file "$work/mpd/db"
state_file "$work/mpd/state"
pid_file "$work/mpd/pid"
bind_to_address "127.0.0.1"
port "$port"
audio_output {
  type "null"
  name "null"
  sync "yes"
}
CONF
mpd --no-daemon "$work/mpd.conf" >/dev/null 2>&1 & mpd_pid=$!
for _ in $(seq 100); do mpc -p "$port" status >/dev/null 2>&1 && break; sleep 0.1; done
mpc -q -p "$port" update --wait; mpc -q -p "$port" add hour.mp3; mpc -q -p "$port" play
"$bin" paced "$work/hour.mp3" 60 & lp_pid=$!
sleep 2  # both past their start-up
# Run time of every thread in nanoseconds (schedstat), finer than the 10 ms ticks of /proc/PID/stat.
# A thread that ends inside the window is not counted; neither process starts or ends one there.
runtime() { cat /proc/"$1"/task/*/schedstat | awk '{t+=$1} END{print t}'; }
a0=$(runtime $lp_pid); m0=$(runtime $mpd_pid); sleep 50; a1=$(runtime $lp_pid); m1=$(runtime $mpd_pid)
mem() { awk '/^Rss:/{r=$2} /^Private_Clean:/{p+=$2} /^Private_Dirty:/{p+=$2} END{printf "RSS %d KiB, private %d KiB", r, p}' "/proc/$1/smaps_rollup"; }
hwm() { awk '/VmHWM/{print $2}' "/proc/$1/status"; }
share() { echo "($2-$1)*100/50/1000000000" | bc -l | cut -c1-5; }
echo "loaphuong: CPU $(share $a0 $a1)% of a core, $(mem $lp_pid), peak RSS $(hwm $lp_pid) KiB"
echo "MPD:       CPU $(share $m0 $m1)% of a core, $(mem $mpd_pid), peak RSS $(hwm $mpd_pid) KiB"
wait $lp_pid; kill $mpd_pid; wait $mpd_pid 2>/dev/null || true

echo "== (c) start lateness over 100 scheduled starts"
echo "-- idle"; "$bin" lateness "$work/short.mp3" 100
echo "-- two busy CPU hogs"
( while :; do :; done ) & h1=$!; ( while :; do :; done ) & h2=$!
"$bin" lateness "$work/short.mp3" 100
kill $h1 $h2
