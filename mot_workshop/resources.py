"""Where the top-level ``resources/`` folder is (templates, icons): beside the package in a
source checkout and in the installer's bundle (PyInstaller puts it next to the package)."""

from __future__ import annotations

from pathlib import Path

import mot_workshop


def resource_dir() -> Path:
    return Path(mot_workshop.__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
