#!/usr/bin/env bash
# The public listener under load (issue 13), not in CI. One run:
#  1. loaphuongd airs short items at scheduled starts (one every 2 s) while idle and records
#     how late each first sample left (its "first sample ... after its start instant" log line);
#  2. CLIENTS concurrent listeners (bench/public_load.py, stdlib asyncio) fetch a 10 MB item
#     from its public listener (/nghe/{id}) in HTTP Range requests of 64 KiB .. 1 MiB for
#     LOAD_S seconds while more scheduled starts come due;
#  3. the same listeners fetch the same file from Debian's nginx (sendfile on, 2 workers,
#     access log off) for LOAD_S seconds.
# Prints each server's CPU seconds (utime+stime from /proc/PID/stat; nginx: master and workers)
# per GB served and their ratio (target <= 1.5), and the start lateness p50/p99/max idle and
# under load.
#
#   bench/public-serve.sh [BUILD_DIR] [CLIENTS] [LOAD_S]    default build/release, 200, 60
set -euo pipefail
build=${1:-build/release}
clients=${2:-200}
load_s=${3:-60}
daemon=$build/daemon/loaphuongd
here=$(cd "$(dirname "$0")" && pwd)
die() {
    echo "public-serve.sh: $*" >&2
    exit 1
}
for c in nginx ffmpeg python3 curl bc; do command -v $c >/dev/null || die "no '$c' on PATH (scripts/install-deps.sh)"; done
[ -x "$daemon" ] || die "no $daemon: build first"
ulimit -n 4096

work=$(mktemp -d /tmp/lp-public.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "${KEEP:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; } # utime+stime in s (USER_HZ 100)
pport=$(free_port)
nport=$(free_port)

# The 10 MB item: 6.83 s of 192 kHz stereo 32-bit PCM (it airs once, briefly, so that the
# public side lists it), and a 0.3 s item for the scheduled starts.
mkdir -p "$work/media" "$work/www/nghe"
ffmpeg -nostdin -loglevel error -f lavfi -i "anoisesrc=color=pink:amplitude=0.1:r=192000" -t 6.83 -ac 2 \
    -c:a pcm_s32le "$work/media/big.wav"
ffmpeg -nostdin -loglevel error -f lavfi -i "sine=frequency=440:sample_rate=48000" -t 0.3 -ac 2 "$work/media/tick.wav"
size=$(stat -c %s "$work/media/big.wav")
ln "$work/media/big.wav" "$work/www/nghe/1"

idle_first=14
starts=$((load_s / 2))
{
    cat <<TOML
[daemon]
database = "$work/lp.db"
media_dir = "$work/media"
log_level = "info"
[http]
enabled = false
[public]
listen = "127.0.0.1:$pport"
base_url = "http://127.0.0.1:$pport"
[audio]
loudness_target = "off"
[[output]]
name = "loa"
kind = "null"
[[slot]]
name = "Big"
start = "+3s"
[[slot.item]]
file = "big.wav"
title = "Tin dài"
topic = "m"
form = "tin"
TOML
    # Idle starts, then (from load_at) starts under load: 2 s apart.
    for i in $(seq 0 $((2 * starts - 1))); do
        printf '[[slot]]\nname = "S%03d"\nstart = "+%ds"\n[[slot.item]]\nfile = "tick.wav"\ntitle = "Tick"\ntopic = "m"\nform = "tin"\n' \
            "$i" $((idle_first + i * 2))
    done
} >"$work/lp.toml"
load_at=$((idle_first + starts * 2 - 1))

"$daemon" --config "$work/lp.toml" >"$work/daemon.log" 2>&1 &
dpid=$!
pids+=($dpid)
for _ in $(seq 100); do grep -q "ready:" "$work/daemon.log" && break; sleep 0.1; done
grep -q "ready:" "$work/daemon.log" || die "loaphuongd did not start: $(tail -5 "$work/daemon.log")"
t0=$(date +%s.%N)
for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -r 0-0 -w '%{http_code}' "http://127.0.0.1:$pport/nghe/1")" = 206 ] && break
    sleep 0.1
done

cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types { audio/wav wav; }
    default_type audio/wav;
    server { listen 127.0.0.1:$nport; root $work/www; }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" -g "daemon off;" &
npid=$!
pids+=($npid)
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$nport) 2>/dev/null && break; sleep 0.1; done
nginx_cpu() {
    local total=0 p
    for p in $npid $(pgrep -P $npid); do total=$(echo "$total + $(cpu "$p")" | bc); done
    echo "$total"
}

# Idle starts run until load_at; then the daemon's load.
sleep "$(echo "$load_at - ($(date +%s.%N) - $t0)" | bc)"
d0=$(cpu $dpid)
read -r dbytes dreq derr dsec < <(python3 "$here/public_load.py" "$pport" /nghe/1 "$size" "$clients" "$load_s")
d1=$(cpu $dpid)
n0=$(nginx_cpu)
read -r nbytes nreq nerr nsec < <(python3 "$here/public_load.py" "$nport" /nghe/1 "$size" "$clients" "$load_s")
n1=$(nginx_cpu)

awk -v d="$(echo "$d1 - $d0" | bc)" -v db="$dbytes" -v dr="$dreq" -v de="$derr" -v ds="$dsec" \
    -v n="$(echo "$n1 - $n0" | bc)" -v nb="$nbytes" -v nr="$nreq" -v ne="$nerr" -v ns="$nsec" -v c="$clients" 'BEGIN {
    printf "%d listeners, Range requests of 64 KiB..1 MiB of a %s-byte file\n", c, '"$size"'
    printf "loaphuongd: %.2f GB in %d requests (%d errors) over %.0f s, %.2f s CPU, %.2f s CPU/GB\n", db/1e9, dr, de, ds, d, d/(db/1e9)
    printf "nginx:      %.2f GB in %d requests (%d errors) over %.0f s, %.2f s CPU, %.2f s CPU/GB\n", nb/1e9, nr, ne, ns, n, n/(nb/1e9)
    printf "ratio (CPU per GB, loaphuongd / nginx): %.2fx\n", (d/(db/1e9)) / (n/(nb/1e9)) }'

# Lateness of the starts: S000..S(starts-1) idle, the rest under load (those due after the
# load ended are left out).
python3 - "$work/daemon.log" "$starts" "$starts" <<'PY'
import re, sys
log, starts, loaded_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
idle, loaded = [], []
for line in open(log, encoding="utf-8"):
    m = re.search(r'airing "Tick" \(S(\d+)\) started .* first sample ([0-9.]+) ms after', line)
    if m:
        i = int(m.group(1))
        (idle if i < starts else loaded).append(float(m.group(2))) if i < starts + loaded_n else None
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] if v else float("nan")
for name, v in (("idle", idle), ("under load", loaded)):
    print(f"start lateness {name}: {len(v)} starts, p50 {pct(v, 50):.2f} ms, p99 {pct(v, 99):.2f} ms, max {max(v) if v else float('nan'):.2f} ms")
PY
