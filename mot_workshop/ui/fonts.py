"""Korean glyphs on every machine.

A system Korean font is preferred where one exists (Malgun Gothic on Windows, Apple SD
Gothic Neo on macOS, Noto Sans CJK KR or NanumGothic on Linux). Otherwise the NanumGothic
TTFs shipped in the ``koreanize-matplotlib`` wheel are registered with Qt; the wheel is found
with ``importlib.util.find_spec`` and never imported (importing it reconfigures matplotlib).
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

SYSTEM_KOREAN_FAMILIES = (
    "Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", "Noto Sans CJK KR", "Noto Sans KR",
    "NanumGothic", "나눔고딕", "NanumBarunGothic", "UnDotum", "Baekmuk Gulim",
)
BUNDLED_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumGothicExtraBold.ttf")


def bundled_font_dir() -> Path | None:
    """The wheel's font folder, without importing the package."""
    try:
        spec = importlib.util.find_spec("koreanize_matplotlib")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    return folder if folder.is_dir() else None


@functools.cache
def korean_family() -> str | None:
    """The family used for Hangul: a system font if present, else the bundled NanumGothic."""
    installed = set(QFontDatabase.families())
    for family in SYSTEM_KOREAN_FAMILIES:
        if family in installed and QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family):
            return family
    folder = bundled_font_dir()
    if folder is None:
        return None
    family = None
    for name in BUNDLED_FILES:
        path = folder / name
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0 and family is None:
                families = QFontDatabase.applicationFontFamilies(font_id)
                family = families[0] if families else None
    return family


def ui_font(base: QFont, korean_first: bool) -> QFont:
    """``base`` with the Korean family added: first for a Korean UI (Latin glyphs of
    NanumGothic match its Hangul), as a fallback for an English one (Korean content)."""
    family = korean_family()
    font = QFont(base)
    if family is None:
        return font
    families = [f for f in base.families() if f != family] or [base.family()]
    font.setFamilies([family, *families] if korean_first else [*families, family])
    return font


def install(app, lang: str) -> None:
    """Set the application font for the UI language."""
    default = QFont(app.property("mot_default_font") or app.font())
    if app.property("mot_default_font") is None:
        app.setProperty("mot_default_font", default)
    app.setFont(ui_font(default, korean_first=(lang == "ko")))
    from mot_workshop.ui.cycle.style import reset_fonts

    reset_fonts()
