"""Render the app icon (mot_workshop/resources/icons/mot-workshop.svg) to every size the app
and the installers need.

    python installer/make_icons.py            # the PNGs the app loads (committed)
    python installer/make_icons.py --all OUT  # plus OUT/mot-workshop.ico, .icns and 512/1024 PNGs

Qt (QtSvg, already a dependency of the app) draws the SVG; Pillow, from the ``build`` extra,
only packs the PNGs into .ico (Windows) and .icns (macOS).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "mot_workshop" / "resources" / "icons"
SVG = ICONS / "mot-workshop.svg"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)          # the window, task bar, start screen
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)           # Windows Explorer up to "large icons"
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)       # macOS, @1x and @2x of 16…512


def render(size: int, svg: Path = SVG):
    """The icon drawn at ``size`` pixels square, as a QImage (antialiased, transparent)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        render.app = QGuiApplication([])            # kept: QImage painting needs the app alive
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def app_png(size: int) -> Path:
    return ICONS / f"mot-workshop-{size}.png"


def write_app_pngs() -> list[Path]:
    out = []
    for size in APP_SIZES:
        render(size).save(str(app_png(size)))
        out.append(app_png(size))
    return out


def write_installer_icons(folder: Path) -> dict[str, Path]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for size in sorted(set(ICO_SIZES) | set(ICNS_SIZES)):
        pngs[size] = folder / f"mot-workshop-{size}.png"
        render(size).save(str(pngs[size]))
    ico = folder / "mot-workshop.ico"
    largest = Image.open(pngs[256])
    largest.save(ico, sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[Image.open(pngs[s]) for s in ICO_SIZES if s != 256])
    icns = folder / "mot-workshop.icns"
    Image.open(pngs[1024]).save(icns, append_images=[Image.open(pngs[s]) for s in ICNS_SIZES if s != 1024])
    return {"ico": ico, "icns": icns, "png": pngs[256], "svg": SVG}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", metavar="OUT", type=Path, help="also write the installers' icons to OUT")
    args = parser.parse_args(argv)
    for path in write_app_pngs():
        print(path.relative_to(ROOT))
    if args.all:
        for path in write_installer_icons(args.all).values():
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
