"""Where the app keeps its own files (the sample copies), without asking Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "mot-workshop"


def data_dir() -> Path:
    if override := os.environ.get("MOT_WORKSHOP_DATA"):
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home())) / APP_DIR_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_DIR_NAME
    base.mkdir(parents=True, exist_ok=True)
    return base


def sample_copy_path(lang: str) -> Path:
    return data_dir() / f"sample-{lang}.motw"
