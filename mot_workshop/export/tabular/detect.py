"""What a CSV file is written in and separated by, as spreadsheet programs save it.

Encodings: a byte-order mark says UTF-8, UTF-16 LE or BE; UTF-16 saved without one shows
as a NUL in every other byte of ASCII text; then UTF-8, and CP949 (Korean Excel's
"CSV", a superset of EUC-KR). Separators: commas, semicolons (Excel where the decimal mark
is a comma), tabs ("Unicode text") and bars; ``csv.Sniffer`` proposes one and the header
decides between the candidates: the separator that splits it into the most known columns.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable

SEPARATORS = (",", ";", "\t", "|")
SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding name) or None when the bytes are none of the encodings we read."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = _utf16_without_mark(data) + ["utf-8", "cp949"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue                  # binary, or UTF-16 read as something else
        return text, {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp949": "CP949 (EUC-KR)"}.get(encoding, "UTF-16")
    return None


def _utf16_without_mark(data: bytes) -> list[str]:
    head = data[:4096]
    if len(head) < 4:
        return []
    # text never holds NUL: NULs mostly in odd (even) bytes are the high (low) halves of the
    # separators, digits and line ends of UTF-16 little- (big-) endian text (a Hangul
    # syllable's own half may be 0 too, hence "mostly"); decoding then has the last word
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 2 and odd > 4 * even:
        return ["utf-16-le"]
    if even >= 2 and even > 4 * odd:
        return ["utf-16-be"]
    return []


def separator(text: str, score: Callable[[list[str]], int]) -> str:
    """The separator of ``text``: the sniffer's guess unless another candidate splits the
    header line into more cells that ``score`` knows (known column names)."""
    sample = text[:65536]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        sniffed = ","
    lines = [line for line in sample.splitlines()[:20] if line.strip()]

    def best_score(sep: str) -> int:
        return max((score(next(csv.reader([line], delimiter=sep), [])) for line in lines), default=0)

    scores = {sep: best_score(sep) for sep in SEPARATORS}
    top = max(scores.values())
    if scores.get(sniffed, 0) == top:
        return sniffed
    return next(sep for sep in SEPARATORS if scores[sep] == top)
