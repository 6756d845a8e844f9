#!/bin/sh
# Adds Fieldreader to the desktop's application menu for this user (or removes it with
# --uninstall): the .desktop entry, the AppStream metadata and the icons, from the share/
# folder beside this script, into ${XDG_DATA_HOME:-~/.local/share}. The menu entry runs the
# fieldreader executable beside this script, so move the folder first, then run this.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=io.github.fieldreader.Fieldreader
case "${1:-}" in
    "" | --uninstall) ;;
    *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/fieldreader.desktop" "$data/metainfo/$id.metainfo.xml"
    rm -f "$data"/icons/hicolor/*/apps/fieldreader.png "$data/icons/hicolor/scalable/apps/fieldreader.svg"
else
    mkdir -p "$data/applications" "$data/metainfo"
    sed "s|^Exec=fieldreader|Exec=\"$here/fieldreader\"|; s|^TryExec=fieldreader|TryExec=$here/fieldreader|" \
        "$here/share/applications/fieldreader.desktop" >"$data/applications/fieldreader.desktop"
    cp "$here/share/metainfo/$id.metainfo.xml" "$data/metainfo/"
    (cd "$here/share" && find icons -type f) | while read -r icon; do
        mkdir -p "$data/$(dirname "$icon")"
        cp "$here/share/$icon" "$data/$icon"
    done
fi
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Fieldreader ${1:+un}installed in $data"
