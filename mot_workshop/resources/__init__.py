"""The files the app reads at run time besides code (touchpoint templates, the icon): kept
inside the package so a wheel, an installed copy and the installer's bundle all carry them."""

from __future__ import annotations

from pathlib import Path


def resource_dir() -> Path:
    return Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
