"""The room's QR code as a plain matrix of dark modules (segno loads when a room opens)."""

from __future__ import annotations


def qr_matrix(text: str) -> list[list[bool]]:
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix]
