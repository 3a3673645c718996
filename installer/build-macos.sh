#!/usr/bin/env bash
# Build the macOS installer: the PyInstaller bundle as "MOT Workshop.app" (which declares
# the .motw document type), packed in dist/mot-workshop-VERSION-macos-ARCH.dmg, then the
# smoke test on the one-folder build. Unsigned: see installer/README.md.
#   installer/build-macos.sh        (on macOS, from the repository root; uses .venv)
# Not run on the development machine (Linux): see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
VERSION=$("$PY" -c "import sys; sys.path.insert(0, 'installer'); import bundle_data; print(bundle_data.version())")
NAME="mot-workshop-$VERSION-macos-$(uname -m)"

"$PY" installer/make_icons.py --all build/icons >/dev/null
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/mot-workshop.spec

STAGE="build/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "dist/MOT Workshop.app" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "MOT Workshop" -srcfolder "$STAGE" -ov -format UDZO "dist/$NAME.dmg"

bash installer/smoke.sh dist/mot-workshop
du -sh "dist/MOT Workshop.app" "dist/$NAME.dmg"
