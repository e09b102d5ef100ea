#!/usr/bin/env bash
# What `cmake --install` puts in place, checked in a throwaway DESTDIR (as the .deb lays it
# out: prefix /usr): the files and their modes, the unit's paths and its systemd-analyze
# security score, the sysusers.d user and tmpfiles.d folders applied to that root, the
# example config passing --check-config, the man pages rendering and naming every option the
# programs' --help lists, the maintainer scripts starting nothing.
# Usage: tree.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
. "$src/tests/install/common.sh"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
DESTDIR=$root cmake --install "$build" --prefix /usr >/dev/null

for f in usr/sbin/loaphuongd usr/bin/loaphuong lib/systemd/system/loaphuongd.service \
    usr/lib/sysusers.d/loaphuong.conf usr/lib/tmpfiles.d/loaphuong.conf etc/loaphuong/loaphuong.toml \
    usr/share/man/man8/loaphuongd.8.gz usr/share/man/man1/loaphuong.1.gz usr/share/man/man5/loaphuong.toml.5.gz \
    usr/share/doc/loaphuong/README.md usr/share/doc/loaphuong/copyright usr/share/doc/loaphuong/changelog.Debian.gz; do
    [ -f "$root/$f" ] || fail "not installed: /$f"
done
[ -x "$root/usr/sbin/loaphuongd" ] && [ -x "$root/usr/bin/loaphuong" ] || fail "the programs are not executable"
if [ -d "$src/web" ]; then
    [ -f "$root/usr/share/loaphuong/web/index.html" ] || fail "web/ is not installed in /usr/share/loaphuong/web"
fi
echo "files: in place"

# The unit names the installed daemon and config; its exposure stays under 3.0.
unit=$root/lib/systemd/system/loaphuongd.service
grep -qx 'ExecStart=/usr/sbin/loaphuongd --config /etc/loaphuong/loaphuong.toml' "$unit" ||
    fail "ExecStart does not name /usr/sbin/loaphuongd and /etc/loaphuong/loaphuong.toml: $(grep ExecStart= "$unit")"
for line in Type=notify NotifyAccess=main WatchdogSec=30s Restart=on-failure RestartPreventExitStatus=78 \
    'ExecReload=/bin/kill -HUP $MAINPID' User=loaphuong Group=loaphuong SupplementaryGroups=audio \
    StateDirectory=loaphuong 'DeviceAllow=char-alsa rw' ProtectSystem=strict CapabilityBoundingSet= UMask=0027; do
    grep -qxF "$line" "$unit" || fail "the unit lacks $line"
done
score=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1 |
    sed -n 's/.*Overall exposure level for loaphuongd.service: \([0-9.]*\).*/\1/p')
[ -n "$score" ] || fail "systemd-analyze security gave no score"
awk -v s="$score" 'BEGIN { exit !(s < 3.0) }' || fail "exposure $score is not under 3.0"
echo "unit: exposure $score"

# The user and folders, applied to the throwaway root.
systemd-sysusers --root="$root" loaphuong.conf 2>/dev/null
grep -q '^loaphuong:x:[0-9]*:[0-9]*:[^:]*:/var/lib/loaphuong:/usr/sbin/nologin$' "$root/etc/passwd" ||
    fail "sysusers.d made no system user loaphuong with home /var/lib/loaphuong: $(grep loaphuong "$root/etc/passwd")"
grep -Eq '^audio:x:[0-9]+:(.*,)?loaphuong(,.*)?$' "$root/etc/group" || fail "loaphuong is not in group audio"
systemd-tmpfiles --root="$root" --create loaphuong.conf
uid=$(awk -F: '$1 == "loaphuong" { print $3 ":" $4 }' "$root/etc/passwd")
for d in "" /media /reports /archive /backups; do
    got=$(stat -c '%04a %u:%g' "$root/var/lib/loaphuong$d")
    [ "$got" = "0750 $uid" ] || fail "/var/lib/loaphuong$d is $got, not 0750 $uid"
done
echo "sysusers/tmpfiles: user loaphuong in audio, /var/lib/loaphuong/{media,reports,archive,backups} 0750"

# The installed example passes the daemon's check, and names only folders the service may write.
"$build/daemon/loaphuongd" --config "$root/etc/loaphuong/loaphuong.toml" --check-config >/dev/null ||
    fail "the installed config does not pass --check-config"
bad_paths=$(grep -E '^\s*(database|media_dir|dir|path)\s*=' "$root/etc/loaphuong/loaphuong.toml" |
    grep -v '"/var/lib/loaphuong[/"]' || true)
[ -z "$bad_paths" ] || fail "the installed config writes outside /var/lib/loaphuong: $bad_paths"
echo "config: passes --check-config"

# The installed daemon has no test hooks (issue 12): their variables are not in the binary (the
# build's loaphuongd-test has them), and with both set to stall at once it still airs a
# programme, logs no "test hook", and stops on SIGTERM with status 0.
installed=$root/usr/sbin/loaphuongd
! grep -q LOAPHUONG_TEST_STALL "$installed" || fail "the installed loaphuongd holds the test hooks"
if [ -x "$build/daemon/loaphuongd-test" ]; then
    grep -q LOAPHUONG_TEST_STALL_PLAYER_AFTER "$build/daemon/loaphuongd-test" ||
        fail "loaphuongd-test has no hooks: the check above proves nothing"
fi
hooks=$root/hooks-test
mkdir -p "$hooks/media"
ffmpeg -nostdin -loglevel error -f lavfi -i 'sine=frequency=587:duration=1' -ac 2 "$hooks/media/hooks-587hz.wav"
cat >"$hooks/loaphuong.toml" <<'TOML'
[daemon]
media_dir = "media"

[http]
enabled = false

[[output]]
name = "cam"
kind = "null"

[[slot]]
name = "Kiểm tra móc thử"
start = "+1s"
max_length = "1m"

[[slot.item]]
file = "hooks-587hz.wav"
TOML
log=$hooks/daemon.log
LOAPHUONG_TEST_STALL_PLAYER_AFTER=0 LOAPHUONG_TEST_STALL_LOOP_AFTER=0 \
    "$installed" --config "$hooks/loaphuong.toml" >"$log" 2>&1 &
hooked=$!
wait_for 30 "the daemon ready with the hook variables set" grep -q '\[daemon\] ready: database' "$log"
aired() { "$root/usr/bin/loaphuong" --config "$hooks/loaphuong.toml" journal list --json 2>/dev/null | grep -q '"status": *"completed"'; }
wait_for 30 "the programme journaled completed with the hook variables set" aired
kill -TERM "$hooked"
status=0
wait "$hooked" || status=$?
[ "$status" -eq 0 ] || fail "the installed daemon exited with $status on SIGTERM: $(tail -5 "$log")"
! grep -q 'test hook' "$log" || fail "the installed daemon obeyed a test hook: $(grep 'test hook' "$log")"
echo "test hooks: not in the installed daemon (LOAPHUONG_TEST_STALL_* ignored, the programme aired)"

# Man pages: render without warnings, and name every option and command --help lists.
for page in man8/loaphuongd.8 man1/loaphuong.1 man5/loaphuong.toml.5; do
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$root/usr/share/man/$page.gz" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "$page: $warnings"
done
page_text() { zcat "$root/usr/share/man/$1.gz" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g'; }
# documented PAGE_TEXT BINARY ARGS...: every option and subcommand of `BINARY ARGS... --help`,
# recursively, appears in the page.
documented() {
    local text=$1 bin=$2
    shift 2
    local help opt cmd
    help=$("$bin" "$@" --help)
    for opt in $(grep -oE '^  +(-[a-zA-Z],)?--[a-z][a-z0-9-]*' <<<"$help" | grep -oE '\-\-[a-z][a-z0-9-]*'); do
        [ "$opt" = --help ] && continue
        local short
        short=$(grep -oE "^  +-[a-zA-Z],$opt\b" <<<"$help" | grep -oE '\-[a-zA-Z],' | tr -d , || true)
        grep -qe "$opt" <<<"$text" || { [ -n "$short" ] && grep -qe "$short " <<<"$text"; } ||
            fail "${bin##*/} $* $opt is not in its man page"
    done
    for cmd in $(sed -n '/^Subcommands:/,/^$/p' <<<"$help" | grep -oE '^  [a-z][a-z0-9-]*'); do
        # The command heads an item: a .B/.BI/.BR line naming it, e.g. .BI "journal list ...
        local path="${*:+$* }$cmd"
        grep -qE "^\.B[IR]? (.* )?\"?$path( |\"|$)" <<<"$text" ||
            fail "${bin##*/} $path is not in its man page"
        documented "$text" "$bin" "$@" "$cmd"
    done
}
documented "$(page_text man8/loaphuongd.8)" "$build/daemon/loaphuongd"
documented "$(page_text man1/loaphuong.1)" "$build/cli/loaphuong"
# Every table and key of the installed example is in loaphuong.toml(5).
toml_page=$(page_text man5/loaphuong.toml.5)
for key in $(sed -nE 's/^\[\[?([a-z_.]+)\]\]?.*/\1/p; s/^([a-z_]+) *=.*/\1/p' "$root/etc/loaphuong/loaphuong.toml" | sort -u); do
    grep -qE "(^|[^a-z_])$key([^a-z_]|$)" <<<"$toml_page" || fail "loaphuong.toml(5) does not describe \"$key\" of the example"
done
echo "man pages: render, and document every option of --help and every key of the example config"

check_scripts_start_nothing "$src/packaging/debian"
echo "maintainer scripts: start and enable nothing"
