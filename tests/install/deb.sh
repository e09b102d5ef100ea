#!/usr/bin/env bash
# The .deb on this Debian, for real: built with cpack from the build tree, checked with
# lintian (no error), installed with dpkg -i; then the user loaphuong (in audio), the folders,
# the conffile and its mode, the TLS pair, nothing started or enabled; the installed daemon,
# run as loaphuong on the installed config (ALSA null in an override copy), opens its
# database in /var/lib/loaphuong, says ready, airs a programme, the installed CLI (as
# loaphuong) lists the airing completed, and SIGTERM stops it with status 0; dpkg -r and
# dpkg --purge keep /var/lib/loaphuong. It changes the machine, so it runs only when
# LOAPHUONG_INSTALL_TEST=1 (scripts/test.sh sets it), as root, and not where loaphuong is
# installed already; otherwise it is reported skipped (exit 77). It cleans up after itself:
# the package purged, the data folder and the user removed when the test made them.
# The daemon runs under lp_mdwe_exec (the kernel's memory-deny-write-execute, what the unit's
# MemoryDenyWriteExecute=yes enforces) when the kernel has it.
# Usage: deb.sh SOURCE_DIR BUILD_DIR LP_MDWE_EXEC
set -euo pipefail
src=$1
build=$2
mdwe=$3
. "$src/tests/install/common.sh"

skip() {
    echo "SKIPPED: $*"
    exit 77
}
[ "${LOAPHUONG_INSTALL_TEST:-}" = 1 ] || skip "set LOAPHUONG_INSTALL_TEST=1 to install the .deb on this machine"
[ "$(id -u)" -eq 0 ] || skip "installing the .deb needs root"
command -v dpkg >/dev/null || skip "no dpkg here"
if dpkg-query -W -f='${Status}' loaphuong 2>/dev/null | grep -q 'installed\|config-files'; then
    skip "loaphuong is installed on this machine already; the test does not replace it"
fi

user_existed=$(getent passwd loaphuong >/dev/null && echo yes || echo no)
group_existed=$(getent group loaphuong >/dev/null && echo yes || echo no)
data_existed=$([ -e /var/lib/loaphuong ] && echo yes || echo no)
work=$(mktemp -d)
chmod 0755 "$work"
runner=
cleanup() {
    [ -n "$runner" ] && kill -TERM "$runner" 2>/dev/null && wait "$runner" 2>/dev/null
    dpkg-query -W loaphuong >/dev/null 2>&1 && dpkg --purge loaphuong >/dev/null 2>&1
    [ "$data_existed" = no ] && rm -rf /var/lib/loaphuong
    [ "$user_existed" = no ] && getent passwd loaphuong >/dev/null && userdel loaphuong
    [ "$group_existed" = no ] && getent group loaphuong >/dev/null && groupdel loaphuong
    rm -rf "$work"
}
trap cleanup EXIT

# Build the package from this build tree.
t0=$SECONDS
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
    fail "cpack failed: $(cat "$work/cpack.log")"
deb=$(echo "$work"/pkg/loaphuong_*.deb)
[ -f "$deb" ] || fail "cpack made no .deb: $(ls "$work/pkg")"
echo "cpack: ${deb##*/} ($(stat -c %s "$deb") bytes) in $((SECONDS - t0)) s"
dpkg-deb -f "$deb" Depends | grep -q 'libavformat' || fail "no shared-library dependencies (shlibdeps): $(dpkg-deb -f "$deb" Depends)"
for d in espeak-ng tzdata; do
    dpkg-deb -f "$deb" Depends | grep -qw "$d" || fail "the package does not depend on $d"
done
if command -v lintian >/dev/null; then
    lintian "$deb" >"$work/lintian.log" 2>&1 || true
    ! grep -q '^E:' "$work/lintian.log" || fail "lintian errors: $(grep '^E:' "$work/lintian.log")"
    echo "lintian: no error ($(grep -c '^[WI]:' "$work/lintian.log" || true) warning(s)/info)"
fi

dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1 || fail "dpkg -i failed: $(cat "$work/dpkg-i.log")"
echo "dpkg -i: installed"

files=(/usr/sbin/loaphuongd /usr/bin/loaphuong /lib/systemd/system/loaphuongd.service
    /usr/lib/sysusers.d/loaphuong.conf /usr/lib/tmpfiles.d/loaphuong.conf /etc/loaphuong/loaphuong.toml)
# Slim Debian images tell dpkg to leave out man pages (path-exclude in /etc/dpkg/dpkg.cfg.d).
verify_man=no
if ! grep -qs '^path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg /etc/dpkg/dpkg.cfg.d/*; then
    verify_man=yes
    files+=(/usr/share/man/man8/loaphuongd.8.gz /usr/share/man/man1/loaphuong.1.gz /usr/share/man/man5/loaphuong.toml.5.gz)
fi
for f in "${files[@]}"; do
    [ -f "$f" ] || fail "not installed: $f"
done
dpkg-query -W -f='${Conffiles}\n' loaphuong | grep -q '/etc/loaphuong/loaphuong.toml' ||
    fail "/etc/loaphuong/loaphuong.toml is not a conffile"
[ "$(mode_owner /etc/loaphuong/loaphuong.toml)" = "0640 root:loaphuong" ] ||
    fail "/etc/loaphuong/loaphuong.toml is $(mode_owner /etc/loaphuong/loaphuong.toml), not 0640 root:loaphuong"

getent passwd loaphuong | grep -q ':/var/lib/loaphuong:/usr/sbin/nologin$' ||
    fail "no system user loaphuong with home /var/lib/loaphuong: $(getent passwd loaphuong)"
[ "$(id -u loaphuong)" -lt 1000 ] || fail "loaphuong is not a system user (uid $(id -u loaphuong))"
id -nG loaphuong | tr ' ' '\n' | grep -qx audio || fail "loaphuong is not in group audio: $(id loaphuong)"
for d in "" /media /reports /archive /backups; do
    [ "$(mode_owner "/var/lib/loaphuong$d")" = "0750 loaphuong:loaphuong" ] ||
        fail "/var/lib/loaphuong$d is $(mode_owner "/var/lib/loaphuong$d")"
done
echo "user: $(id loaphuong); /var/lib/loaphuong/{media,reports,archive,backups}: 0750 loaphuong:loaphuong"

if command -v openssl >/dev/null; then
    [ "$(mode_owner /etc/loaphuong/tls/loaphuong.key)" = "0640 root:loaphuong" ] ||
        fail "the TLS key is $(mode_owner /etc/loaphuong/tls/loaphuong.key), not 0640 root:loaphuong"
    [ "$(mode_owner /etc/loaphuong/tls)" = "0750 root:loaphuong" ] || fail "/etc/loaphuong/tls is $(mode_owner /etc/loaphuong/tls)"
    openssl x509 -in /etc/loaphuong/tls/loaphuong.crt -noout -checkend 86400 >/dev/null ||
        fail "the TLS certificate is not valid"
    echo "tls: self-signed pair in /etc/loaphuong/tls, key 0640 root:loaphuong"
fi

# Nothing started, nothing enabled.
! pgrep -u loaphuong >/dev/null || fail "a process runs as loaphuong after dpkg -i: $(pgrep -a -u loaphuong)"
! ls /etc/systemd/system/*.wants/loaphuongd.service >/dev/null 2>&1 || fail "dpkg -i enabled loaphuongd.service"
if [ -d /run/systemd/system ]; then
    [ "$(systemctl is-active loaphuongd.service || true)" != active ] || fail "dpkg -i started loaphuongd.service"
fi
check_scripts_start_nothing "$src/packaging/debian"
echo "started/enabled: nothing"

systemd-analyze verify --man="$verify_man" /lib/systemd/system/loaphuongd.service >"$work/verify.log" 2>&1 ||
    fail "systemd-analyze verify: $(cat "$work/verify.log")"
/usr/sbin/loaphuongd --config /etc/loaphuong/loaphuong.toml --check-config >/dev/null ||
    fail "the installed config does not pass --check-config"
runuser -u loaphuong -- /usr/sbin/loaphuongd --config /etc/loaphuong/loaphuong.toml --check-config >/dev/null ||
    fail "loaphuong cannot read /etc/loaphuong/loaphuong.toml"
echo "config: passes --check-config (as root and as loaphuong); unit: systemd-analyze verify passes"

# The installed daemon as loaphuong on the installed paths; the sound card swapped for ALSA's
# null device, and one programme 3 s after the start.
ffmpeg -nostdin -loglevel error -f lavfi -i 'sine=frequency=659:duration=2' -ac 2 "$work/tone.mp3"
install -o loaphuong -g loaphuong -m 0640 "$work/tone.mp3" /var/lib/loaphuong/media/install-test-659hz.mp3
cfg=$work/loaphuong.toml
sed 's/^device = "default"$/device = "null"/' /etc/loaphuong/loaphuong.toml >"$cfg"
grep -q '^device = "null"$' "$cfg" || fail "the installed config has no device = \"default\" to override"
cat >>"$cfg" <<'TOML'

[[slot]]
name = "Kiểm tra cài đặt"
start = "+3s"
max_length = "1m"
outputs = ["loa"]

[[slot.item]]
file = "install-test-659hz.mp3"
title = "Âm thử cài đặt"
TOML
chmod 0644 "$cfg"
log=$work/daemon.log
wrapper=()
if "$mdwe" true 2>/dev/null; then
    wrapper=("$mdwe")
    echo "MemoryDenyWriteExecute: the daemon runs under PR_SET_MDWE"
else
    echo "MemoryDenyWriteExecute: this kernel has no PR_SET_MDWE; the daemon runs without it"
fi
# The unit's LimitRTPRIO=20 lets the unprivileged player thread take SCHED_FIFO 10 (when this
# machine lets root raise the limit).
rtprio=no
if prlimit --rtprio=20:20 true 2>/dev/null; then
    wrapper+=(prlimit --rtprio=20:20)
    rtprio=yes
else
    echo "RLIMIT_RTPRIO: root cannot raise it here; the player's SCHED_FIFO is not shown"
fi
# The test hooks' variables set to stall at once: the packaged daemon has no hooks and airs.
! grep -q LOAPHUONG_TEST_STALL /usr/sbin/loaphuongd || fail "the packaged loaphuongd holds the test hooks"
"${wrapper[@]}" runuser -u loaphuong -- env LOAPHUONG_TEST_STALL_PLAYER_AFTER=0 LOAPHUONG_TEST_STALL_LOOP_AFTER=0 \
    /usr/sbin/loaphuongd --config "$cfg" >"$log" 2>&1 &
runner=$!
daemon_pid() {
    if [ "$(cat "/proc/$runner/comm" 2>/dev/null)" = loaphuongd ]; then echo "$runner"; else pgrep -P "$runner" -x loaphuongd; fi
}
wait_for 30 "ready in the daemon's log" grep -q 'ready: database /var/lib/loaphuong/loaphuong.db' "$log"
pid=$(daemon_pid) || fail "no loaphuongd under runuser"
uid=$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")
[ "$uid" = "$(id -u loaphuong)" ] || fail "the daemon runs as uid $uid, not loaphuong"
audio_gid=$(getent group audio | cut -d: -f3)
grep '^Groups:' "/proc/$pid/status" | grep -qw "$audio_gid" || fail "the daemon is not in group audio: $(grep '^Groups:' "/proc/$pid/status")"
[ "$(stat -c %U /var/lib/loaphuong/loaphuong.db)" = loaphuong ] || fail "the database is not loaphuong's"
echo "daemon: pid $pid as loaphuong (uid $uid, in audio), ready on /var/lib/loaphuong/loaphuong.db"

if [ "$rtprio" = yes ]; then
    player_policy=unknown
    for task in /proc/$pid/task/*; do
        [ "$(cat "$task/comm")" = lp-player ] && player_policy=$(chrt -p "${task##*/}" | sed -n 's/.*scheduling policy: //p')
    done
    echo "lp-player thread under RLIMIT_RTPRIO 20 as loaphuong: $player_policy"
fi

aired() {
    runuser -u loaphuong -- /usr/bin/loaphuong --config "$cfg" journal list --json 2>/dev/null |
        grep -q '"status": *"completed"'
}
wait_for 30 "the programme journaled completed (loaphuong journal list --json, as loaphuong)" aired
echo "airing: journaled completed"

kill -TERM "$pid"
status=0
wait "$runner" || status=$?
runner=
[ "$status" -eq 0 ] || fail "the daemon exited with $status on SIGTERM: $(tail -5 "$log")"
grep -q '\[daemon\] stopped' "$log" || fail "the daemon did not log its stop: $(tail -5 "$log")"
! grep -q 'test hook' "$log" || fail "the packaged daemon obeyed a test hook: $(grep 'test hook' "$log")"
echo "daemon: stopped on SIGTERM with status 0; the test hooks' variables were ignored"

dpkg -r loaphuong >"$work/dpkg-r.log" 2>&1 || fail "dpkg -r failed: $(cat "$work/dpkg-r.log")"
[ ! -e /usr/sbin/loaphuongd ] || fail "dpkg -r left /usr/sbin/loaphuongd"
[ -f /var/lib/loaphuong/loaphuong.db ] || fail "dpkg -r removed the database"
[ -f /etc/loaphuong/loaphuong.toml ] || fail "dpkg -r removed the conffile"
getent passwd loaphuong >/dev/null || fail "dpkg -r removed the user"
dpkg --purge loaphuong >"$work/dpkg-purge.log" 2>&1 || fail "dpkg --purge failed: $(cat "$work/dpkg-purge.log")"
[ ! -e /etc/loaphuong ] || fail "dpkg --purge left /etc/loaphuong: $(ls -R /etc/loaphuong)"
! dpkg-statoverride --list /etc/loaphuong/loaphuong.toml >/dev/null || fail "dpkg --purge left the statoverride"
[ -f /var/lib/loaphuong/loaphuong.db ] || fail "dpkg --purge removed the database (the journal is kept)"
echo "dpkg -r / --purge: programs gone, /var/lib/loaphuong and the user kept; purge removed /etc/loaphuong"
echo "total: $SECONDS s"
