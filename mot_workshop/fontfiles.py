"""Where the NanumGothic TTFs are, for matplotlib and reportlab (plain Python, no Qt).

They ship in the ``koreanize-matplotlib`` wheel. The package is found with
``importlib.util.find_spec`` and never imported: importing it reconfigures matplotlib.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

REGULAR = "NanumGothic.ttf"
BOLD = "NanumGothicBold.ttf"


class FontMissing(RuntimeError):
    """The bundled Korean font cannot be found (a broken installation)."""


@functools.cache
def font_dir() -> Path:
    try:
        spec = importlib.util.find_spec("koreanize_matplotlib")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
        if (folder / REGULAR).is_file():
            return folder
    raise FontMissing("NanumGothic was not found: reinstall the koreanize-matplotlib package")


def font_path(bold: bool = False) -> Path:
    return font_dir() / (BOLD if bold else REGULAR)
