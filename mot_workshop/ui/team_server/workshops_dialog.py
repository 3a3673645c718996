"""The server's workshops in a dialog (File → Connect to a team server while a workshop is
open): the same list and buttons as the start screen's."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mot_workshop.i18n import tr
from mot_workshop.ui.team_server.workshop_list import WorkshopList


class WorkshopsDialog(QDialog):
    def __init__(self, server, parent: QWidget | None = None):
        super().__init__(parent)
        self.server = server
        self.chosen = None            # the ServerStore opened, when the dialog is accepted
        self.setObjectName("workshopsDialog")
        self.setWindowTitle(tr("Workshops on {server}", server=server.where))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(server.where, self))
        self.list = WorkshopList(server, self)
        self.list.opened.connect(self._chosen)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(self)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.table = self.list.table
        self.open_button = self.list.open_button
        self.resize(720, 420)

    def _chosen(self, store) -> None:
        self.chosen = store
        self.accept()
