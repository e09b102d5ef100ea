#!/usr/bin/env bash
# The CPU of a relay (issue 15): loaphuongd relaying a station for WINDOW_S seconds (a live
# source aired by an emergency one-off, to a null output, loudness target on) against
# `ffmpeg -i URL -f null -` decoding the same stream for the same time, side by side in one run.
# The station is the ffmpeg CLI sending a 128 kbit/s MP3 (speech-like: pink noise) in real time
# to a local icecast2. Prints the CPU seconds (user+sys) of each and the ratio (target <= 1.2),
# and the ratio against the CLI resampling to the output rate too (`-af aresample=48000`).
#
#   bench/relay.sh [BUILD_DIR] [WINDOW_S]     default build/release, 300 s (3600: the issue's hour)
#   RELAY_OUTPUT_RATE=44100 runs the output at the station's rate (no resampling; default 48000).
#   RELAY_PERF=FILE also records the daemon with `perf record -g` for most of the window.
set -euo pipefail
build=${1:-build/release}
window=${2:-300}
daemon=$build/daemon/loaphuongd
cli=$build/cli/loaphuong
die() {
    echo "relay.sh: $*" >&2
    exit 1
}
for c in icecast2 ffmpeg python3 runuser; do command -v $c >/dev/null || die "no '$c' on PATH (scripts/install-deps.sh)"; done
[ -x "$daemon" ] && [ -x "$cli" ] || die "no $daemon or $cli: build first"
[[ $window =~ ^[0-9]+$ ]] && [ "$window" -ge 10 ] || die "WINDOW_S must be whole seconds, at least 10 (got '$window')"

work=$(mktemp -d /tmp/lp-relay.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; } # utime+stime in s (USER_HZ 100)
# Each thread's name and CPU seconds (the name may hold no space: ours do not).
threads() { for t in /proc/$1/task/*/stat; do awk '{gsub(/[()]/, "", $2); print $2, ($14 + $15) / 100}' "$t"; done 2>/dev/null; }

mkdir -p "$work/ice"
cat >"$work/ice/icecast.xml" <<XML
<icecast><limits><clients>20</clients><sources>4</sources><burst-size>65536</burst-size></limits>
<authentication><source-password>bench</source-password><admin-user>admin</admin-user><admin-password>bench</admin-password></authentication>
<hostname>127.0.0.1</hostname><listen-socket><port>$port</port><bind-address>127.0.0.1</bind-address></listen-socket>
<paths><basedir>$work/ice</basedir><logdir>$work/ice</logdir><webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
<logging><errorlog>error.log</errorlog><loglevel>2</loglevel></logging><security><chroot>0</chroot></security></icecast>
XML
if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$work/ice"
    setsid runuser -u nobody -- icecast2 -c "$work/ice/icecast.xml" >/dev/null 2>&1 &
else
    setsid icecast2 -c "$work/ice/icecast.xml" >/dev/null 2>&1 &
fi
pids+=($!)
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
setsid ffmpeg -nostdin -loglevel error -re -f lavfi -i "anoisesrc=color=pink:amplitude=0.2:r=44100" -ac 2 \
    -c:a libmp3lame -b:a 128k -content_type audio/mpeg -f mp3 "icecast://source:bench@127.0.0.1:$port/station" 2>"$work/station.log" &
pids+=($!)
url=http://127.0.0.1:$port/station
sleep 2

cat >"$work/lp.toml" <<TOML
[daemon]
database = "$work/lp.db"
media_dir = "$work/media"
[http]
enabled = false
[audio]
loudness_target = -16.0
[[output]]
name = "loa"
kind = "null"
${RELAY_OUTPUT_RATE:+sample_rate = $RELAY_OUTPUT_RATE}
TOML
"$cli" -c "$work/lp.toml" media add-source --url "$url" --title "Tiếp sóng" --length "${window}s" >/dev/null
"$daemon" --config "$work/lp.toml" >"$work/daemon.log" 2>&1 &
dpid=$!
pids+=($dpid)
for _ in $(seq 100); do grep -q "ready:" "$work/daemon.log" && break; sleep 0.1; done
# What the daemon does once at start (the scheduled reports) is not the relay's: wait for it.
prev=$(cpu $dpid)
for _ in $(seq 60); do
    sleep 1
    now=$(cpu $dpid)
    awk -v a="$prev" -v b="$now" 'BEGIN { exit !(b - a < 0.02) }' && break
    prev=$now
done
# The daemon's own idle work (its loop, timers, health), for the relay's share of the figure.
i0=$(cpu $dpid)
sleep 20
i1=$(cpu $dpid)
d0=$(cpu $dpid)
threads $dpid >"$work/threads.0"
[ -n "${RELAY_PERF:-}" ] && (sleep 3 && perf record -F 999 ${RELAY_PERF_ARGS:--g} -o "$RELAY_PERF" -p $dpid -- sleep $((window - 8)) >/dev/null 2>&1 &)
"$cli" -c "$work/lp.toml" oneoff add --item 1 --at now --priority khan-cap --by bench >/dev/null
# The live source's thread ends with the relay: its figure is read 2 s before.
(sleep $((window - 2)) && threads $dpid >"$work/threads.1") &
/usr/bin/time -f "%U %S" -o "$work/ffmpeg.time" ffmpeg -nostdin -loglevel error -i "$url" -t "$window" -f null - &
fpid=$!
# A second reference: the CLI resampling to the daemon's output rate as well (the same decode
# and resampling work as the daemon's receiving thread, nothing of the rest).
/usr/bin/time -f "%U %S" -o "$work/ffmpeg-resampled.time" ffmpeg -nostdin -loglevel error -i "$url" -t "$window" \
    -af "aresample=${RELAY_OUTPUT_RATE:-48000}" -f null - &
rpid=$!
for _ in $(seq $((window * 10 + 300))); do grep -q "\[journal\] programme emergency" "$work/daemon.log" && break; sleep 0.1; done
d1=$(cpu $dpid)
wait $fpid $rpid
row=$(grep -o 'airing "Tiếp sóng" [a-z]*.*' "$work/daemon.log" | tail -1)
awk -v d0="$d0" -v d1="$d1" -v f="$(awk '{print $1 + $2}' "$work/ffmpeg.time")" -v w="$window" \
    -v idle="$(awk -v a="$i0" -v b="$i1" 'BEGIN { print (b - a) / 20 }')" \
    -v r="$(awk '{print $1 + $2}' "$work/ffmpeg-resampled.time")" -v rate="${RELAY_OUTPUT_RATE:-48000}" 'BEGIN {
    d = d1 - d0
    printf "relay of %d s: loaphuongd %.2f s CPU, ffmpeg -f null %.2f s CPU, ratio %.2fx\n", w, d, f, d / f
    printf "against ffmpeg -af aresample=%d -f null (%.2f s CPU): %.2fx\n", rate, r, d / r
    printf "the daemon idle: %.2f ms CPU per second; the relay beyond it: %.2f s, %.2fx\n", idle * 1000, d - idle * w, (d - idle * w) / f }'
echo "journal: $row"
echo "by thread, CPU s in the first $((window - 2)) s of the relay:"
awk 'NR == FNR { base[$1] += $2; next } { now[$1] += $2 } END { for (t in now) printf "  %-12s %.2f\n", t, now[t] - base[t] }' \
    "$work/threads.0" "$work/threads.1" | sort -k2 -nr
