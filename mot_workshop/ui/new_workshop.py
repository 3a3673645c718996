"""The small dialog a new workshop starts with: its title and the language of its content
(lane names, phases, worksheets, report), which may differ from the UI's."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from mot_workshop.i18n import current_language, tr


class NewWorkshopDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("newWorkshopDialog")
        self.setWindowTitle(tr("New workshop"))
        self.title = QLineEdit()
        self.title.setObjectName("newWorkshopTitle")
        self.title.setPlaceholderText(tr("e.g. Exchange and refund service redesign"))
        self.title.setMinimumWidth(320)
        self.language = QComboBox()
        self.language.setObjectName("newWorkshopLanguage")
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._check)
        form = QFormLayout(self)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Content language"), self.language)
        form.addRow(self.buttons)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title.text().strip()))

    def values(self) -> tuple[str, str]:
        return self.title.text().strip(), self.language.currentData()


def ask(parent) -> tuple[str, str] | None:
    """(title, content language), or None when cancelled."""
    dialog = NewWorkshopDialog(parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
