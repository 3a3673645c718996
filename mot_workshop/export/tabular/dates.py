"""Dates as spreadsheet users write them, stored as ISO dates.

Excel in English writes "12/15/2026" (month first; day first when the first number cannot be
a month, "15/12/2026"), Korean Excel "2026. 12. 15." or "2026-12-15", people "2026년 12월
15일" or "2026/12/15"; a time may follow ("14:30", "2:30 PM", "오후 2:30"). Anything else is
left as it was written: these columns are free text in the worksheets.
"""

from __future__ import annotations

import datetime as _dt
import re

_TIME = r"(?:\s+(?P<ampm1>오전|오후|AM|PM|am|pm)?\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm2>AM|PM|am|pm)?)?"
_YMD = re.compile(r"^\s*(?P<y>\d{4})\s*(?:[./-]|년)\s*(?P<m>\d{1,2})\s*(?:[./-]|월)\s*(?P<d>\d{1,2})\s*[.일]?" + _TIME + r"\s*$")
_MDY = re.compile(r"^\s*(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*(?P<y>\d{4})" + _TIME + r"\s*$")


def iso_date(text: str) -> str | None:
    """``text`` as "YYYY-MM-DD" (with " HH:MM" when it has a time), or None when it is not a
    date written in one of the forms above."""
    match = _YMD.match(text) or _MDY.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    if "a" in parts and parts.get("a") is not None:
        a, b = int(parts["a"]), int(parts["b"])
        month, day = (a, b) if a <= 12 else (b, a)
    else:
        month, day = int(parts["m"]), int(parts["d"])
    try:
        date = _dt.date(int(parts["y"]), month, day)
    except ValueError:
        return None
    if parts.get("h") is None:
        return date.isoformat()
    hour, minute = int(parts["h"]), int(parts["mi"])
    ampm = (parts.get("ampm1") or parts.get("ampm2") or "").lower()
    if ampm in ("pm", "오후") and hour < 12:
        hour += 12
    elif ampm in ("am", "오전") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{date.isoformat()} {hour:02d}:{minute:02d}"
