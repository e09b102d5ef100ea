#!/usr/bin/env bash
# loaphuong against its peers in one run (issue 12 point 7): the same one-hour programme played
# by loaphuongd, by Debian's MPD (null output) and by Debian's Liquidsoap (output.dummy), side by
# side in real time; CPU (user+sys), idle RSS, peak RSS and threads of each; the start lateness
# of loaphuong against the machine's timer floor (cyclictest) measured in the same run.
#
#   bench/peers.sh [BUILD_DIR] [WINDOW_S]     default build/release, 600 s (3600: the whole hour)
#
# Playback is paced in real time, so the hour is measured over WINDOW_S seconds of it and the CPU
# scaled to an hour; the CPU of every minute is printed so the scaling can be seen to be linear.
# The programme (24 distinct speech-like MP3s of 150 s, 64/96/128/192 kbit/s, 44.1 kHz stereo) is
# made once with espeak-ng and ffmpeg and kept in $PEERS_MEDIA (default /tmp/loaphuong-peers-v1).
# Run from the repository root after `scripts/build.sh release -DLOAPHUONG_TESTS=OFF`.
set -euo pipefail
build=${1:-build/release}
window=${2:-600}
media=${PEERS_MEDIA:-/tmp/loaphuong-peers-v1}
daemon=$build/daemon/loaphuongd
cli=$build/cli/loaphuong

die() {
    echo "peers.sh: $*" >&2
    exit 1
}
need() { # need COMMAND PACKAGE WHAT
    command -v "$1" >/dev/null 2>&1 || die "$3 is missing: no '$1' on PATH (Debian package $2; scripts/install-deps.sh installs it)"
}
need mpd mpd "the MPD peer"
need mpc mpc "MPD's client"
need liquidsoap liquidsoap "the Liquidsoap peer"
need cyclictest rt-tests "the timer-floor probe"
need ffmpeg ffmpeg "the ffmpeg CLI (makes the programme)"
need espeak-ng espeak-ng "espeak-ng (speaks the programme)"
need sqlite3 sqlite3 "the sqlite3 CLI (reads the journal)"
need python3 python3 "python3 (talks to Liquidsoap's telnet server)"
[ -x "$daemon" ] && [ -x "$cli" ] || die "no $daemon or $cli: build first (scripts/build.sh release -DLOAPHUONG_TESTS=OFF)"
[[ $window =~ ^[0-9]+$ ]] && [ "$window" -ge 60 ] || die "WINDOW_S must be a whole number of seconds, at least 60 (got '$window')"

work=$(mktemp -d /tmp/lp-peers.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
poll() { # poll SECONDS COMMAND...: until the command succeeds, every 0.1 s
    local end=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $end ] || return 1
        sleep 0.1
    done
}

# ---------------------------------------------------------------------------------------------
echo "== programme: 24 x 150 s of speech-like MP3 in $media"
rates=(64 96 128 192)
if [ ! -f "$media/done" ]; then
    rm -rf "$media"
    mkdir -p "$media"
    sentences=("Xin chào bà con. Đây là bản tin cải cách hành chính của phường."
        "Bà con có thể nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng dịch vụ công quốc gia."
        "Từ tháng này, giấy khai sinh được cấp bản điện tử, không cần đến trụ sở ủy ban."
        "Bộ phận một cửa tiếp nhận hồ sơ từ thứ hai đến sáng thứ bảy, trừ ngày lễ."
        "Người dân được hướng dẫn miễn phí cách cài đặt và sử dụng ứng dụng định danh điện tử."
        "Mọi phản ánh về thủ tục hành chính xin gửi về đường dây nóng của phường.")
    for i in $(seq 1 24); do
        n=$(printf '%02d' "$i")
        text="Bản tin số $i. ${sentences[$((i % 6))]} ${sentences[$(((i + 2) % 6))]} ${sentences[$(((i + 4) % 6))]}"
        espeak-ng -v vi -s $((125 + i)) -p $((30 + i)) -w "$work/speech.wav" "$text"
        # Speech then 0.7 s of pause, looped for 150 s over a quiet pink-noise bed (a studio's
        # room tone; its seed also makes every file distinct).
        ffmpeg -nostdin -loglevel error -y -i "$work/speech.wav" -af "apad=pad_dur=0.7" "$work/phrase.wav"
        ffmpeg -nostdin -loglevel error -y -stream_loop -1 -i "$work/phrase.wav" \
            -f lavfi -i "anoisesrc=color=pink:seed=$i:amplitude=0.01:r=44100" \
            -filter_complex "[0:a]aresample=44100,aformat=channel_layouts=stereo[s];[1:a]aformat=channel_layouts=stereo[n];[s][n]amix=inputs=2:duration=first:normalize=0" \
            -t 150 -ar 44100 -ac 2 -b:a "${rates[$((i % 4))]}k" "$media/tin-$n.mp3"
    done
    touch "$media/done"
fi
files=("$media"/tin-*.mp3)
[ ${#files[@]} -eq 24 ] || die "$media holds ${#files[@]} programme files, not 24: remove it and run again"

# ---------------------------------------------------------------------------------------------
# The timer floor: absolute clock_nanosleep deadlines every 5 ms for 15 s, as lp-player sleeps
# (SCHED_FIFO 10 when allowed), and once more at normal priority. Overshoot in µs.
floor() { # floor [cyclictest options...] -> "p50 p99 max"
    cyclictest -m -q -i 5000 -l 3000 -h 20000 "$@" 2>/dev/null | awk '
        /^[0-9]+ / { c[$1 + 0] = $2 + 0; n += $2 }
        /^# Max Latencies:/ { mx = $4 + 0 }
        END { p50 = p99 = -1; s = 0
              for (us = 0; us <= 20000; us++) { s += c[us]; if (p50 < 0 && s >= n * 0.5) p50 = us; if (p99 < 0 && s >= n * 0.99) p99 = us }
              printf "%d %d %d", p50, p99, mx }'
}
echo "== timer floor (cyclictest, 3000 absolute sleeps of 5 ms)"
floor_fifo=$(floor -p 10)
floor_other=$(floor)
echo "SCHED_FIFO 10: p50/p99/max $floor_fifo µs; SCHED_OTHER: $floor_other µs"

# ---------------------------------------------------------------------------------------------
echo "== setting up the three players (same files, same order)"
# loaphuong: the items imported and approved with the CLI beforehand (as an operator would; a
# config [[slot.item]] is imported by the daemon at start, which would put the import inside the
# idle figures), one slot holding the 24 items in order, starting at a whole second ~25 s ahead.
lp=$work/lp
mkdir -p "$lp/media"
cat >"$lp/loaphuong.toml" <<CONF
[daemon]
database = "$lp/lp.db"
media_dir = "$lp/media"
time_zone = "Asia/Ho_Chi_Minh"
log_level = "info"

[[output]]
name = "loa"
kind = "null"
sample_rate = 44100   # the files' rate, like MPD's and Liquidsoap's: nobody resamples
channels = 2
CONF
lpc() { "$cli" --config "$lp/loaphuong.toml" "$@"; }
lpc media add "${files[@]}" >"$lp/import.log" 2>&1 || die "loaphuong media add failed: $(tail -3 "$lp/import.log")"
mapfile -t ids < <(sqlite3 "$lp/lp.db" 'SELECT id FROM media_item ORDER BY id')
[ ${#ids[@]} -eq 24 ] || die "loaphuong imported ${#ids[@]} items, not 24 (see $lp/import.log)"
item_args=()
for id in "${ids[@]}"; do
    lpc approve "$id" --by "bench" >/dev/null
    item_args+=(--item "$id")
done
play_at=$(($(date +%s) + 45))
lpc slot set "Bench peers" --start "$(TZ=Asia/Ho_Chi_Minh date -d "@$play_at" +%H:%M:%S)" --length 65m \
    --outputs loa "${item_args[@]}" >/dev/null

# MPD: null output (synchronised to the clock, at the file's format), the files queued in order.
m=$work/mpd
mkdir -p "$m/music"
cp "${files[@]}" "$m/music/"
mpd_port=$(free_port)
cat >"$m/mpd.conf" <<CONF
music_directory "$m/music"
db_file "$m/db"
state_file "$m/state"
pid_file "$m/pid"
bind_to_address "127.0.0.1"
port "$mpd_port"
audio_output {
  type "null"
  name "null"
  sync "yes"
}
CONF

# Liquidsoap: a request queue played to output.dummy; the files are pushed over its telnet
# server at the start instant (its idle state is the empty queue).
q=$work/liq
mkdir -p "$q"
liq_port=$(free_port)
cat >"$q/peers.liq" <<LIQ
settings.init.allow_root.set(true)
settings.log.stdout.set(true)
settings.log.file.set(false)
settings.server.telnet.set(true)
settings.server.telnet.bind_addr.set("127.0.0.1")
settings.server.telnet.port.set($liq_port)
q = request.queue(id="q")
output.dummy(fallible=true, q)
LIQ
liq_say() { python3 - "$liq_port" "$@" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(("".join(c + "\n" for c in sys.argv[2:]) + "quit\n").encode())
out = b""
while (d := s.recv(4096)):
    out += d
sys.stdout.write(out.decode(errors="replace"))
PY
}

"$daemon" --config "$lp/loaphuong.toml" >"$lp/daemon.log" 2>&1 &
lp_pid=$!
pids+=("$lp_pid")
mpd --no-daemon "$m/mpd.conf" >"$m/log" 2>&1 &
mpd_pid=$!
pids+=("$mpd_pid")
liquidsoap "$q/peers.liq" >"$q/log" 2>&1 &
liq_pid=$!
pids+=("$liq_pid")

poll 30 grep -q "ready:" "$lp/daemon.log" || die "loaphuongd did not get ready: $(tail -5 "$lp/daemon.log")"
poll 30 mpc -p "$mpd_port" status || die "MPD did not answer on port $mpd_port: $(tail -5 "$m/log")"
mpc -q -p "$mpd_port" update --wait
for f in "${files[@]}"; do mpc -q -p "$mpd_port" add "$(basename "$f")"; done
[ "$(mpc -p "$mpd_port" playlist | wc -l)" -eq 24 ] || die "MPD queued $(mpc -p "$mpd_port" playlist | wc -l) files, not 24"
poll 60 liq_say help || die "Liquidsoap's telnet server did not answer on port $liq_port: $(tail -5 "$q/log")"

# ---------------------------------------------------------------------------------------------
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user+sys of all threads, live and ended
status() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
private() { awk '/^Private_(Clean|Dirty):/ {p += $2} END {print p}' "/proc/$1/smaps_rollup"; } # KiB not shared
names=(loaphuong MPD Liquidsoap)
procs=("$lp_pid" "$mpd_pid" "$liq_pid")
now=$(date +%s)
# The idle window ends 12 s before the start: loaphuong decides a programme 2 s before it and
# hashes its files then (lp-verify), which is work for the programme, not idling.
[ $((play_at - now)) -ge 22 ] || die "set-up took too long: the start is $((play_at - now)) s away"
sleep $((play_at - now - 20))
echo "== idle (started, nothing due or queued), from 20 to 12 s before the start"
declare -A idle_rss idle_priv idle_thr idle_cpu0 idle_cpu
for i in 0 1 2; do
    idle_rss[$i]=$(status "${procs[$i]}" VmRSS)
    idle_priv[$i]=$(private "${procs[$i]}")
    idle_thr[$i]=$(status "${procs[$i]}" Threads)
    idle_cpu0[$i]=$(cpu_ticks "${procs[$i]}")
done
sleep 8
for i in 0 1 2; do idle_cpu[$i]=$(($(cpu_ticks "${procs[$i]}") - idle_cpu0[$i])); done
for i in 0 1 2; do
    echo "${names[$i]}: RSS ${idle_rss[$i]} KiB, ${idle_thr[$i]} threads, CPU $((idle_cpu[$i] * 1000 / hz)) ms in 8 s"
done

# The start: loaphuong on its own at the slot instant; MPD and Liquidsoap told at the same second.
python3 -c "import time; time.sleep(max(0, $play_at - time.time()))"
mpc -q -p "$mpd_port" play
pushes=()
for f in "${files[@]}"; do pushes+=("q.push $f"); done
liq_say "${pushes[@]}" >"$q/push.log"
grep -q ERROR "$q/push.log" && die "Liquidsoap refused a push: $(grep -m1 ERROR "$q/push.log")"
sleep 5 # all three past their first decode
echo "== playing: CPU of each minute (ms), ${window} s from start+5 s"
declare -A cpu0 last thr_max
for i in 0 1 2; do
    cpu0[$i]=$(cpu_ticks "${procs[$i]}")
    last[$i]=${cpu0[$i]}
    thr_max[$i]=0
done
minutes=()
elapsed=0
while [ $elapsed -lt "$window" ]; do
    step=$((window - elapsed < 60 ? window - elapsed : 60))
    sleep "$step"
    elapsed=$((elapsed + step))
    line="t=${elapsed}s"
    for i in 0 1 2; do
        kill -0 "${procs[$i]}" 2>/dev/null || die "${names[$i]} ended during the window (log in $work)"
        c=$(cpu_ticks "${procs[$i]}")
        line+="  ${names[$i]} $(((c - last[$i]) * 1000 / hz))"
        last[$i]=$c
        t=$(status "${procs[$i]}" Threads)
        [ "$t" -gt "${thr_max[$i]}" ] && thr_max[$i]=$t
    done
    echo "$line"
done
declare -A cpu_s peak rss priv
for i in 0 1 2; do
    priv[$i]=$(private "${procs[$i]}")
    cpu_s[$i]=$(echo "scale=3; (${last[$i]} - ${cpu0[$i]}) / $hz" | bc | sed 's/^\./0./')
    peak[$i]=$(status "${procs[$i]}" VmHWM)
    rss[$i]=$(status "${procs[$i]}" VmRSS)
done
# Where each one is in the programme (all should be in the same file).
mpd_at=$(mpc -p "$mpd_port" -f '%file%' current)
player_policy=$(for t in /proc/"$lp_pid"/task/*; do
    [ "$(cat "$t/comm")" = lp-player ] && awk '{print ($41 == 1 ? "SCHED_FIFO " $40 : "SCHED_OTHER")}' "$t/stat"
done || true)
liq_rid=$(liq_say request.on_air | grep -o '^[0-9]*' | head -1 || true)
liq_at=$(liq_say "request.metadata ${liq_rid:-x}" | grep -o 'tin-[0-9]*\.mp3' | head -1 || true)

kill -TERM "$lp_pid"
wait "$lp_pid" || true
kill -TERM "$mpd_pid" "$liq_pid" 2>/dev/null || true
lp_rows=$(sqlite3 "$lp/lp.db" "SELECT count(*) FROM journal WHERE status = 'completed'")
IFS='|' read -r late_us sched_at started_at < <(sqlite3 "$lp/lp.db" \
    "SELECT start_lateness_us, scheduled_at, started_at FROM journal WHERE ordinal = 1 ORDER BY id LIMIT 1")
echo "== in the programme after the window: loaphuong ${lp_rows} items completed; MPD on ${mpd_at}; Liquidsoap on ${liq_at:-?}"
echo "loaphuong first item: scheduled ${sched_at}, first sample ${started_at}, lateness ${late_us} µs (lp-player: ${player_policy:-?})"

# ---------------------------------------------------------------------------------------------
mib() { echo "scale=1; $1 / 1024" | bc | sed 's/^\./0./'; }
ratio() { if [ "$2" = 0 ] || [ "$2" = "0.000" ]; then echo "—"; else echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; fi; }
ms() { echo "scale=3; $1 / 1000" | bc | sed 's/^\./0./'; }
per_hour() { echo "scale=2; $1 * 3600 / $window" | bc | sed 's/^\./0./'; }
h=(); for i in 0 1 2; do h[$i]=$(per_hour "${cpu_s[$i]}"); done
late_ms=$(echo "scale=2; ${late_us:-0} / 1000" | bc | sed 's/^\./0./')
read -r f50 f99 fmax <<<"$floor_fifo"
read -r o50 o99 omax <<<"$floor_other"
echo
echo "## Peers: $(date -u '+%d/%m/%Y %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), window ${window} s"
echo
echo "| | loaphuong | MPD $(mpd --version | head -1 | grep -o '[0-9][0-9.]*' | head -1) | Liquidsoap $(liquidsoap --version | head -1 | grep -o '[0-9][0-9.]*') | loaphuong/MPD | loaphuong/Liquidsoap |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
echo "| CPU user+sys over ${window} s of audio (s) | ${cpu_s[0]} | ${cpu_s[1]} | ${cpu_s[2]} | $(ratio "${cpu_s[0]}" "${cpu_s[1]}") | $(ratio "${cpu_s[0]}" "${cpu_s[2]}") |"
echo "| CPU per hour of audio (s, scaled) | ${h[0]} | ${h[1]} | ${h[2]} | | |"
echo "| idle RSS (MiB) | $(mib "${idle_rss[0]}") | $(mib "${idle_rss[1]}") | $(mib "${idle_rss[2]}") | $(ratio "${idle_rss[0]}" "${idle_rss[1]}") | $(ratio "${idle_rss[0]}" "${idle_rss[2]}") |"
echo "| RSS playing, end of window (MiB) | $(mib "${rss[0]}") | $(mib "${rss[1]}") | $(mib "${rss[2]}") | $(ratio "${rss[0]}" "${rss[1]}") | $(ratio "${rss[0]}" "${rss[2]}") |"
echo "| private memory idle / playing (MiB) | $(mib "${idle_priv[0]}") / $(mib "${priv[0]}") | $(mib "${idle_priv[1]}") / $(mib "${priv[1]}") | $(mib "${idle_priv[2]}") / $(mib "${priv[2]}") | $(ratio "${priv[0]}" "${priv[1]}") | $(ratio "${priv[0]}" "${priv[2]}") |"
echo "| peak RSS, VmHWM (MiB) | $(mib "${peak[0]}") | $(mib "${peak[1]}") | $(mib "${peak[2]}") | $(ratio "${peak[0]}" "${peak[1]}") | $(ratio "${peak[0]}" "${peak[2]}") |"
echo "| threads idle / playing (max) | ${idle_thr[0]} / ${thr_max[0]} | ${idle_thr[1]} / ${thr_max[1]} | ${idle_thr[2]} / ${thr_max[2]} | | |"
echo "| idle CPU over 8 s (ms) | $((idle_cpu[0] * 1000 / hz)) | $((idle_cpu[1] * 1000 / hz)) | $((idle_cpu[2] * 1000 / hz)) | | |"
echo "| start lateness (ms; lp-player ${player_policy:-?}) | ${late_ms} | | | | |"
echo "| timer floor, clock_nanosleep overshoot p50 / p99 / max (ms) | SCHED_FIFO 10: $(ms "$f50") / $(ms "$f99") / $(ms "$fmax"); SCHED_OTHER: $(ms "$o50") / $(ms "$o99") / $(ms "$omax") | | | | |"
