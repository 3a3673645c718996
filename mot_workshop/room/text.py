"""Text from a phone: control characters removed, space tidied, length bounded."""

from __future__ import annotations

import unicodedata


def clean(raw: object, limit: int, *, lines: bool = False) -> str:
    """Printable text only (newlines kept for posts), trimmed; '' when not text."""
    if not isinstance(raw, str):
        return ""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in raw:
        if ch == "\n" and lines:
            out.append(ch)
        elif ch in "\t\n":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") or ch in "\u2028\u2029":
            continue
        else:
            out.append(ch)
    text = "".join(out)
    if lines:
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
    else:
        text = " ".join(text.split())
    return text.strip()[:limit]
