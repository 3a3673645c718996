"""The CS check-points' ticks, kept in step 5's progress notes as one line
``cs-checked: 1,3,4`` (check-point numbers, so the line means the same in both languages).
The facilitator's own notes around that line are left as they are."""

from __future__ import annotations

PREFIX = "cs-checked:"


def checked(notes: str) -> set[int]:
    for line in notes.splitlines():
        if line.strip().startswith(PREFIX):
            numbers = line.strip()[len(PREFIX):].split(",")
            return {int(n) for n in numbers if n.strip().isdigit()}
    return set()


def with_checked(notes: str, numbers: set[int]) -> str:
    lines = [line for line in notes.splitlines() if not line.strip().startswith(PREFIX)]
    while lines and not lines[-1].strip():
        lines.pop()
    if numbers:
        lines.append(PREFIX + " " + ",".join(str(n) for n in sorted(numbers)))
    return "\n".join(lines)
