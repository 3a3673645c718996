"""Message boxes for errors the user can act on. The app keeps running after each one.

In batch mode (``--screenshot``, rendering) nothing may wait for a click: messages go to
standard error instead. Qt's message box class (and its enums) loads when a box is first
shown: the window's first paint needs none.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

APP_TITLE = "MOT Workshop"
batch_mode = False


def error(parent: QWidget | None, text: str, detail: str = "") -> None:
    _show(parent, "Critical", text, detail)


def warning(parent: QWidget | None, text: str, detail: str = "") -> None:
    _show(parent, "Warning", text, detail)


def info(parent: QWidget | None, text: str, detail: str = "") -> None:
    _show(parent, "Information", text, detail)


def _show(parent, icon: str, text: str, detail: str) -> None:
    if batch_mode:
        print(f"mot-workshop: {text}{(' ' + detail) if detail else ''}", file=sys.stderr)
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon[icon], APP_TITLE, text, QMessageBox.StandardButton.Ok, parent)
    set_detail(box, detail)
    box.exec()


SHOWN_LINES = 14        # a box taller than this would push its buttons off a 768-high screen
LINE_CHARS = 64         # about what a line of the box holds before it wraps


def set_detail(box: QMessageBox, detail: str) -> None:
    """``detail`` under the message; a long one (an import report of fifty changes) shows its
    beginning and the whole text in the box's scrolling details."""
    if not detail:
        return
    lines = detail.splitlines()
    rows = [1 + len(line) // LINE_CHARS for line in lines]
    if sum(rows) <= SHOWN_LINES:
        box.setInformativeText(detail)
        return
    kept, used = 0, 0
    while kept < len(lines) and used + rows[kept] <= SHOWN_LINES - 2:
        used += rows[kept]
        kept += 1
    kept = max(kept, 1)
    box.setInformativeText("\n".join(lines[:kept]) + "\n" +
                           tr("… {count} more lines in the details.", count=len(lines) - kept))
    box.setDetailedText(detail)


def offer_read_only(parent: QWidget | None, text: str) -> bool:
    """The file cannot be opened for writing: offer to open it for reading. True = open."""
    if batch_mode:
        print(f"mot-workshop: {text}", file=sys.stderr)
        return False
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, text, QMessageBox.StandardButton.Cancel, parent)
    read_only = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def confirm(parent: QWidget | None, text: str, detail: str, action: str) -> bool:
    if batch_mode:
        return True
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE, text, QMessageBox.StandardButton.Cancel, parent)
    set_detail(box, detail)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go


def offer_recovery(parent: QWidget | None, text: str, *, read_only: bool) -> str | None:
    """A damaged or foreign-tainted file: "recover" (make a checked copy of what is readable),
    "read-only" (when ``read_only`` is offered) or None (cancel)."""
    if batch_mode:
        print(f"mot-workshop: {text}", file=sys.stderr)
        return None
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, text, QMessageBox.StandardButton.Cancel, parent)
    recover = box.addButton(tr("Make a recovered copy"), QMessageBox.ButtonRole.ActionRole)
    reader = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole) if read_only else None
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover:
        return "recover"
    if reader is not None and clicked is reader:
        return "read-only"
    return None
