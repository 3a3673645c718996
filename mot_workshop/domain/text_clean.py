"""Characters no text field keeps: what a paste from a word processor brings along (bell,
vertical tab, form feed …), lone surrogates and the two non-characters. XML 1.0 — and so
BPMN and XLSX — cannot hold them, so the app would write files its own import refuses.

A line break in disguise (vertical tab, form feed: Word's manual line break) becomes a
line break; a lone surrogate becomes the replacement character; the rest is removed.
"""

from __future__ import annotations

import re

_BAD = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = {"\x0b": "\n", "\x0c": "\n"}


def _fix(match: re.Match) -> str:
    char = match.group()
    if char in _BREAKS:
        return _BREAKS[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""


def clean_text(text: str) -> str:
    """``text`` without control characters, lone surrogates and non-characters (NUL is
    refused by the rules with its own message, not removed)."""
    return _BAD.sub(_fix, text) if _BAD.search(text) else text


def is_clean(text: str) -> bool:
    return _BAD.search(text) is None
