#!/usr/bin/env bash
# Build the Linux installers: the one-folder bundle (dist/mot-workshop/), a .tar.gz with
# install.sh, the .desktop entry, the icons and the .motw MIME type, and an AppImage when
# appimagetool is on PATH. Then run the smoke test on the bundle.
#   installer/build-linux.sh            (from the repository root; uses .venv)
# Needs: pip install -e '.[build]' (PyInstaller, Pillow). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
VERSION=$("$PY" -c "import sys; sys.path.insert(0, 'installer'); import bundle_data; print(bundle_data.version())")
ARCH=$(uname -m)
NAME="mot-workshop-$VERSION-linux-$ARCH"

"$PY" installer/make_icons.py --all build/icons >/dev/null
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/mot-workshop.spec

# The .tar.gz: unpack anywhere, run ./mot-workshop/mot-workshop or sh install.sh.
STAGE="build/$NAME"
rm -rf "$STAGE" && mkdir -p "$STAGE/share/icons"
cp -R dist/mot-workshop "$STAGE/mot-workshop"
cp installer/linux/mot-workshop.desktop installer/linux/mot-workshop-mime.xml "$STAGE/share/"
cp mot_workshop/resources/icons/mot-workshop.svg "$STAGE/share/icons/"
cp mot_workshop/resources/icons/mot-workshop-*.png "$STAGE/share/icons/"
cp installer/linux/install.sh "$STAGE/install.sh"
cp installer/linux/README.txt "$STAGE/README.txt"
tar -C build -czf "dist/$NAME.tar.gz" "$NAME"

# The AppImage, when its tool can be had (it is not in PyPI, Debian or npm).
APPDIR="build/MOT_Workshop.AppDir"
rm -rf "$APPDIR" && mkdir -p "$APPDIR/usr/share/mime/packages"
cp -R dist/mot-workshop "$APPDIR/usr/lib-mot-workshop"
cp installer/linux/mot-workshop.desktop "$APPDIR/mot-workshop.desktop"
cp mot_workshop/resources/icons/mot-workshop-256.png "$APPDIR/mot-workshop.png"
cp installer/linux/mot-workshop-mime.xml "$APPDIR/usr/share/mime/packages/mot-workshop.xml"
cat > "$APPDIR/AppRun" <<'RUN'
#!/bin/sh
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/usr/lib-mot-workshop/mot-workshop" "$@"
RUN
chmod +x "$APPDIR/AppRun"
if command -v appimagetool >/dev/null 2>&1; then
    ARCH=$ARCH appimagetool --no-appstream "$APPDIR" "dist/$NAME.AppImage"
else
    echo "appimagetool not found: no AppImage (the .tar.gz is the Linux installer)"
fi

bash installer/smoke.sh dist/mot-workshop
du -sh dist/mot-workshop "dist/$NAME.tar.gz"
