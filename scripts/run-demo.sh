#!/usr/bin/env bash
# One command from a fresh Debian 12 clone to a running daemon on the embedded demo
# configuration: installs packages, builds, makes the demo announcement, starts loaphuongd.
# The demo slot airs one minute after start to ALSA's "null" device (no sound card needed)
# and to var/air/demo.wav; the journal is in var/loaphuong.db. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release -DLOAPHUONG_TESTS=OFF

mkdir -p var/media
if [ ! -s var/media/demo.wav ]; then
  # A jingle tone, then a Vietnamese announcement spoken by espeak-ng.
  espeak-ng -v vi -s 140 -w var/media/announcement.wav \
    "Xin chào bà con. Đây là bản tin cải cách hành chính của phường An Hải. Bà con có thể nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng dịch vụ công quốc gia."
  ffmpeg -nostdin -loglevel error -y -f lavfi -i "sine=frequency=660:duration=1.5" \
    -i var/media/announcement.wav \
    -filter_complex "[0:a]aresample=22050,afade=t=out:st=1:d=0.5[j];[1:a]aresample=22050[v];[j][v]concat=n=2:v=0:a=1" \
    var/media/demo.wav
  rm -f var/media/announcement.wav
fi

# The operator's page on the demo: an admin account "demo" with a generated password, made
# only here, only in the demo database (./var, --demo) -- a real install makes its first admin
# with `loaphuong user add --role admin`. The login is kept in var/demo-login.txt (mode 600).
demo_cli=(build/release/cli/loaphuong --demo)
if [ ! -s var/demo-login.txt ]; then
  (
    umask 077
    password="$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
    printf '%s\n' "$password" > var/demo-password.tmp
    trap 'rm -f var/demo-password.tmp' EXIT
    if "${demo_cli[@]}" user list 2>/dev/null | grep -qw demo; then
      "${demo_cli[@]}" user passwd demo --password-file var/demo-password.tmp
    else
      "${demo_cli[@]}" user add demo --role admin --password-file var/demo-password.tmp
    fi
    printf 'demo %s\n' "$password" > var/demo-login.txt
  )
fi
read -r demo_name demo_password < var/demo-login.txt
# [http] of the embedded demo configuration: 127.0.0.1:8480, this machine only.
echo "Demo page: http://127.0.0.1:8480/ — log in as \"$demo_name\" with password \"$demo_password\" (demo only; kept in var/demo-login.txt)"

# Without dates the export is today in the configured zone (Asia/Ho_Chi_Minh), not the machine's.
echo "Demo: the slot airs in about 60 s. Afterwards: build/release/cli/loaphuong --demo journal export -o nhat-ky.csv"
exec build/release/daemon/loaphuongd
