"""Writing output files whole or not at all, and refusing to clobber by accident."""

from __future__ import annotations

from pathlib import Path

from mot_workshop.i18n import tr


def write_text_atomic(path: str | Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Whole, on the disk (fsync of the file and its folder), or not at all."""
    from mot_workshop.durable import write_atomic

    write_atomic(path, data)


def require_new(path: str | Path, force: bool) -> Path:
    from mot_workshop.cli import UserError

    path = Path(path)
    if path.exists() and not force:
        raise UserError(tr("{path} already exists (use --force to replace it).", path=str(path)))
    if path.suffix.lower() != ".motw":
        raise UserError(tr("{path}: a workshop file must end in .motw.", path=str(path)))
    return path
