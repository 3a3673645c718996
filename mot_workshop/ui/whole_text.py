"""A combo box holding names the user typed (processes, teams, problems) may be narrower
than its longest entry: it shows the start and the whole text as its tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def show_whole_text(combo: QComboBox) -> QComboBox:
    def follow(_text: str = "") -> None:
        combo.setToolTip(combo.currentText())

    combo.currentTextChanged.connect(follow)
    model = combo.model()                   # filled with its signals blocked: follow the items too
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
        signal.connect(follow)
    follow()
    return combo
