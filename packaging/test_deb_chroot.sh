#!/bin/sh
# Installs dist/fieldreader_*_amd64.deb in a clean Debian 12 (bookworm, minbase) chroot and
# starts it: needs root, debootstrap and a Debian mirror (the .deb's Depends are installed
# with apt). The pristine chroot is made once and cached in $FIELDREADER_CHROOT_CACHE
# (default /tmp/fieldreader-chroot/bookworm, a few minutes the first time); every run works
# on a fresh copy of it, so nothing a run installs leaks into the next.
#
#   sudo sh packaging/test_deb_chroot.sh [PACKAGE.deb]
#
# 1. Before the dependencies: the bundle unpacked alone (dpkg-deb -x), `fieldreader
#    --version` runs, and `gui --screenshot` stops with one line naming the missing system
#    library (no traceback).
#    Then every dependency but libgl1 and libegl1: the line names libGL.so.1 or libEGL.so.1.
# 2. `apt-get install ./fieldreader_*.deb` (which pulls in the Depends), then
#    `fieldreader --version`, `fieldreader samples` and
#    `QT_QPA_PLATFORM=offscreen fieldreader gui --screenshot /tmp/x.png` (a 1400x900 PNG,
#    nothing on stderr).
# Exit status 0 when every step passed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
deb=${1:-$(ls "$here"/../dist/fieldreader_*_amd64.deb 2>/dev/null | tail -n 1)}
cache=${FIELDREADER_CHROOT_CACHE:-/tmp/fieldreader-chroot/bookworm}
run=${cache%/*}/run
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

[ "$(id -u)" = 0 ] || { echo "test_deb_chroot: needs root" >&2; exit 2; }
[ -f "$deb" ] || { echo "test_deb_chroot: no .deb (run packaging/build.py)" >&2; exit 2; }
if [ ! -x "$cache/bin/sh" ]; then
    command -v debootstrap >/dev/null || apt-get install -y debootstrap >/dev/null
    echo "test_deb_chroot: making the bookworm chroot in $cache (once)"
    debootstrap --variant=minbase bookworm "$cache" "$mirror" >/dev/null
fi

rm -rf "$run"
cp -a "$cache" "$run"
cleanup() {
    umount "$run/proc" 2>/dev/null || true
    rm -rf "$run"
}
trap cleanup EXIT INT TERM
mount -t proc proc "$run/proc"
cp /etc/resolv.conf "$run/etc/resolv.conf"
cp "$deb" "$run/tmp/fieldreader.deb"
failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1" >&2; failures=$((failures + 1)); }
in_root() { chroot "$run" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# 1. The bundle alone, before its dependencies are installed.
in_root dpkg-deb -x /tmp/fieldreader.deb /
if version=$(in_root /opt/fieldreader/fieldreader --version 2>&1); then
    pass "without dependencies: --version ($version)"
else
    fail "without dependencies: --version: $version"
fi
status=0
err=$(in_root env QT_QPA_PLATFORM=offscreen /opt/fieldreader/fieldreader \
    --library /tmp/a.sqlite gui --screenshot /tmp/a.png 2>&1 >/dev/null) || status=$?
lines=$(printf '%s\n' "$err" | grep -c . || true)
if [ "$status" != 0 ] && [ "$lines" = 1 ] && printf '%s' "$err" | grep -q 'system library lib.*\.so'; then
    pass "without dependencies: gui names the missing library: $err"
else
    fail "without dependencies: gui (exit $status, $lines lines): $err"
fi

# 1b. Every dependency but OpenGL's (libgl1, libegl1): gui names libGL or libEGL.
others=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g' | grep -v -x -e libgl1 -e libegl1 -e libc6 | tr '\n' ' ')
if in_root apt-get -qq update && in_root env DEBIAN_FRONTEND=noninteractive \
    apt-get -qq install -y --no-install-recommends $others >/dev/null 2>&1; then
    status=0
    err=$(in_root env QT_QPA_PLATFORM=offscreen /opt/fieldreader/fieldreader \
        --library /tmp/a.sqlite gui --screenshot /tmp/a.png 2>&1 >/dev/null) || status=$?
    lines=$(printf '%s\n' "$err" | grep -c . || true)
    if [ "$status" != 0 ] && [ "$lines" = 1 ] && printf '%s' "$err" | grep -q 'libE\{0,1\}GL\.so\.1'; then
        pass "without libGL: gui says so in one line: $err"
    else
        fail "without libGL: gui (exit $status, $lines lines): $err"
    fi
else
    fail "apt-get install (every dependency but OpenGL's)"
fi
rm -rf "$run/opt/fieldreader" "$run/usr/bin/fieldreader"

# 2. Installed with apt, dependencies and all.
if in_root env DEBIAN_FRONTEND=noninteractive \
    apt-get -qq install -y --no-install-recommends /tmp/fieldreader.deb >/dev/null; then
    pass "apt-get install $(basename "$deb")"
else
    fail "apt-get install $(basename "$deb")"
fi
if version=$(in_root fieldreader --version 2>&1); then
    pass "fieldreader --version ($version)"
else
    fail "fieldreader --version: $version"
fi
if out=$(in_root fieldreader --library /tmp/l.sqlite samples 2>&1); then
    pass "fieldreader samples"
else
    fail "fieldreader samples: $out"
fi
status=0
err=$(in_root env QT_QPA_PLATFORM=offscreen fieldreader --library /tmp/l.sqlite \
    gui --screenshot /tmp/x.png 2>&1 >/dev/null) || status=$?
size=$(od -An -tu1 -j16 -N8 "$run/tmp/x.png" 2>/dev/null | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
if [ "$status" = 0 ] && [ -z "$err" ] && [ "$size" = 1400x900 ]; then
    pass "QT_QPA_PLATFORM=offscreen fieldreader gui --screenshot /tmp/x.png ($size)"
    cp "$run/tmp/x.png" "${cache%/*}/last-screenshot.png"
else
    fail "gui --screenshot (exit $status, size ${size:-none}): $err"
fi
if [ -f "$run/usr/share/applications/fieldreader.desktop" ] && \
    grep -q '^MimeType=.*application/pdf' "$run/usr/share/applications/fieldreader.desktop"; then
    pass "desktop entry installed with its MIME types"
else
    fail "desktop entry"
fi

if [ "$failures" = 0 ]; then
    echo "test_deb_chroot: passed ($(basename "$deb") in a clean bookworm chroot)"
else
    echo "test_deb_chroot: $failures step(s) FAILED" >&2
    exit 1
fi
