"""A free file name beside a workshop file, for a copy the app writes on the user's behalf:
"client (recovered).motw", then "client (recovered 2).motw" …; never an existing file."""

from __future__ import annotations

from pathlib import Path


def free_name_beside(path: Path, label: str) -> Path:
    """``label`` is already in the user's language ("recovered", "kept")."""
    n = 1
    while True:
        suffix = f" ({label})" if n == 1 else f" ({label} {n})"
        candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1
