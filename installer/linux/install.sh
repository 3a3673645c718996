#!/bin/sh
# Install MOT Workshop from this unpacked folder for the current user (no root needed):
# the program under ~/.local/opt, the command ~/.local/bin/mot-workshop, the menu entry,
# the icon and the .motw file type (double-clicking a .motw file opens it).
#   sh install.sh             install or update
#   sh install.sh --uninstall remove it again (workshop files are never touched)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${MOT_WORKSHOP_PREFIX:-$HOME/.local/opt/mot-workshop}
BIN=${MOT_WORKSHOP_BIN:-$HOME/.local/bin}
SIZES="16 24 32 48 64 128 256"

remove() {
    rm -rf "$PREFIX"
    rm -f "$BIN/mot-workshop" "$DATA/applications/mot-workshop.desktop" "$DATA/mime/packages/mot-workshop.xml"
    rm -f "$DATA/icons/hicolor/scalable/apps/mot-workshop.svg" \
          "$DATA/icons/hicolor/scalable/mimetypes/application-x-mot-workshop.svg"
    for s in $SIZES; do
        rm -f "$DATA/icons/hicolor/${s}x${s}/apps/mot-workshop.png" \
              "$DATA/icons/hicolor/${s}x${s}/mimetypes/application-x-mot-workshop.png"
    done
}

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    remove
    refresh
    echo "MOT Workshop removed."
    exit 0
fi

remove
mkdir -p "$PREFIX" "$BIN" "$DATA/applications" "$DATA/mime/packages" \
         "$DATA/icons/hicolor/scalable/apps" "$DATA/icons/hicolor/scalable/mimetypes"
cp -R "$HERE/mot-workshop/." "$PREFIX/"
ln -sf "$PREFIX/mot-workshop" "$BIN/mot-workshop"
sed "s|^Exec=.*|Exec=\"$PREFIX/mot-workshop\" %f|" "$HERE/share/mot-workshop.desktop" \
    > "$DATA/applications/mot-workshop.desktop"
cp "$HERE/share/mot-workshop-mime.xml" "$DATA/mime/packages/mot-workshop.xml"
cp "$HERE/share/icons/mot-workshop.svg" "$DATA/icons/hicolor/scalable/apps/mot-workshop.svg"
cp "$HERE/share/icons/mot-workshop.svg" "$DATA/icons/hicolor/scalable/mimetypes/application-x-mot-workshop.svg"
for s in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${s}x${s}/apps" "$DATA/icons/hicolor/${s}x${s}/mimetypes"
    cp "$HERE/share/icons/mot-workshop-$s.png" "$DATA/icons/hicolor/${s}x${s}/apps/mot-workshop.png"
    cp "$HERE/share/icons/mot-workshop-$s.png" "$DATA/icons/hicolor/${s}x${s}/mimetypes/application-x-mot-workshop.png"
done
refresh
command -v xdg-mime >/dev/null 2>&1 && xdg-mime default mot-workshop.desktop application/x-mot-workshop 2>/dev/null || true
echo "MOT Workshop installed: $BIN/mot-workshop (and in the applications menu)."
