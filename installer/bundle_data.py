"""What the installers' bundle must carry besides Python modules: every file the app reads
from disk at run time. Plain Python (no PyInstaller), so a fast test can check the list
(tests/test_installer_spec.py) without building anything.

Each entry is (source file, folder inside the bundle), the form PyInstaller's ``datas`` takes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mot_workshop"

# The Korean fonts the UI, the charts and the PDFs load (mot_workshop/fontfiles.py, ui/fonts.py).
FONTS = ("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumGothicExtraBold.ttf")
# Qt's own strings (standard buttons, dialogs) in the app's two languages, when the app loads them.
QT_TRANSLATIONS = ("qtbase_ko.qm", "qt_ko.qm", "qtbase_en.qm", "qt_en.qm")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install -e '.[build]'")
    return Path(next(iter(spec.submodule_search_locations)))


def package_files() -> list[tuple[Path, str]]:
    """The package's own data: templates, icons, catalogs; and the migrations as source
    files, because Alembic reads env.py and versions/*.py from disk, not from the archive."""
    out = []
    migrations = PACKAGE / "persistence" / "migrations"
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if path.suffix == ".py" and migrations not in path.parents:
            continue
        if path.name == "__init__.py" and path.parent == PACKAGE / "resources":
            continue
        out.append((path, path.parent.relative_to(ROOT).as_posix()))
    return out


def font_files() -> list[tuple[Path, str]]:
    folder = _package_dir("koreanize_matplotlib") / "fonts"
    return [(folder / name, "koreanize_matplotlib/fonts") for name in FONTS]


def qt_translation_files() -> list[tuple[Path, str]]:
    folder = _package_dir("PySide6") / "Qt" / "translations"
    return [(folder / name, "PySide6/Qt/translations") for name in QT_TRANSLATIONS if (folder / name).is_file()]


def version() -> str:
    """mot_workshop.__version__, read without importing the app."""
    import re

    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def datas() -> list[tuple[str, str]]:
    return [(str(src), dest) for src, dest in package_files() + font_files() + qt_translation_files()]


if __name__ == "__main__":
    for src, dest in datas():
        print(f"{dest}\t{src}")
