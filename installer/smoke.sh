#!/usr/bin/env bash
# Smoke test of a built bundle, run with no Python anywhere on PATH and no Python
# variables: write the sample workshop, check it, open it in the window and save a
# screenshot, write the PDF report; exit 0 only when all of that worked.
#   installer/smoke.sh [BUNDLE_DIR]      (default dist/mot-workshop)
set -euo pipefail
BUNDLE=$(cd "${1:-dist/mot-workshop}" && pwd)
EXE="$BUNDLE/mot-workshop"
[ -x "$EXE" ] || EXE="$BUNDLE/mot-workshop.exe"
OUT=$(mktemp -d)
mkdir -p "$OUT/empty-path" "$OUT/home"

# A clean environment: PATH holds an empty folder, so no python (nor anything else) is found.
run() {
    env -i HOME="$OUT/home" PATH="$OUT/empty-path" LANG=C.UTF-8 \
        QT_QPA_PLATFORM="${QPA:-offscreen}" ${DISPLAY:+DISPLAY="$DISPLAY"} ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} \
        MOT_WORKSHOP_DATA="$OUT/data" MOT_WORKSHOP_SETTINGS="$OUT/settings.ini" \
        "$EXE" "$@" 2>>"$OUT/stderr.log"
}
# A step whose error the app only logged still fails the smoke test.
check_log() {
    if grep -q -E "Traceback|Error:" "$OUT/stderr.log" 2>/dev/null; then
        echo "smoke: the app reported an error (its output follows)" >&2; exit 1
    fi
}
trap 'rc=$?; [ $rc -eq 0 ] || cat "$OUT/stderr.log" >&2 2>/dev/null; rm -rf "$OUT"' EXIT
if env -i PATH="$OUT/empty-path" sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
    echo "smoke: python is still on PATH" >&2; exit 1
fi

run demo "$OUT/sample.motw" --lang ko
run check "$OUT/sample.motw"
run "$OUT/sample.motw" --screenshot "$OUT/window.png" --size 1280x800
# step 1 of the wizard draws its selection matrix with matplotlib inside Qt
run "$OUT/sample.motw" --screenshot "$OUT/step1.png" --view step:1 --size 1280x800
run report "$OUT/sample.motw" -o "$OUT/report.pdf" --lang ko

check_log
[ "$(head -c 4 "$OUT/report.pdf")" = "%PDF" ] || { echo "smoke: report.pdf is not a PDF" >&2; exit 1; }
[ "$(head -c 8 "$OUT/window.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || { echo "smoke: window.png is not a PNG" >&2; exit 1; }
png_bytes=$(wc -c < "$OUT/window.png")
[ "$png_bytes" -gt 20000 ] || { echo "smoke: window.png is too small to show a window ($png_bytes B)" >&2; exit 1; }
if command -v pdftotext >/dev/null 2>&1; then
    text=$(pdftotext "$OUT/report.pdf" -)
    case "$text" in *워크숍*) ;; *) echo "smoke: the report has not its Korean text" >&2; exit 1 ;; esac
fi

# On a real X server too (the xcb plugin and its libraries), when Xvfb is at hand.
if [ -z "${SMOKE_NO_X:-}" ] && command -v xvfb-run >/dev/null 2>&1 && [ "$(uname)" = Linux ]; then
    xvfb-run -a -s "-screen 0 1280x800x24" env QPA=xcb OUT="$OUT" EXE="$EXE" bash -c "$(declare -f run); run \"\$OUT/sample.motw\" --screenshot \"\$OUT/window-x11.png\""
    [ -s "$OUT/window-x11.png" ] || { echo "smoke: no screenshot under X" >&2; exit 1; }
    check_log
fi

if [ -n "${SMOKE_KEEP:-}" ]; then
    mkdir -p "$SMOKE_KEEP" && cp "$OUT"/*.png "$OUT/report.pdf" "$SMOKE_KEEP/"
fi
echo "smoke: ok — sample written and checked, screenshot ($png_bytes B) and PDF report ($(wc -c < "$OUT/report.pdf") B)"
