"""File → Connect to a team server: where the server is, never the password (libpq's
password file, or asked each time and kept in memory only)."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from mot_workshop.i18n import tr

TLS_CHOICES = ("prefer", "require", "verify-full", "disable")


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, address: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Connect to a team server"))
        self.setObjectName("connectDialog")
        form = QFormLayout(self)
        self.host = QLineEdit(self, objectName="host", placeholderText="server.example")
        self.port = QSpinBox(self, objectName="port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self, objectName="database", placeholderText="workshops")
        self.user = QLineEdit(self, objectName="user")
        self.tls = QComboBox(self, objectName="tls")
        self.name = QLineEdit(self, objectName="name")        # shown to the others in the workshop
        self.team = QLineEdit(self, objectName="team")
        for mode in TLS_CHOICES:
            self.tls.addItem(mode, mode)
        for field in (self.host, self.database, self.user, self.name, self.team):
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("x" * 44))   # a host name whole
        form.addRow(tr("Server"), self.host)
        form.addRow(tr("Port"), self.port)
        form.addRow(tr("Database"), self.database)
        form.addRow(tr("User"), self.user)
        form.addRow(tr("TLS"), self.tls)
        form.addRow(tr("Your name"), self.name)
        form.addRow(tr("Your team"), self.team)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Connect"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if address:
            self.fill(address)

    def fill(self, address: str) -> None:
        from mot_workshop.persistence.server.address import ServerAddress

        parsed = ServerAddress.parse(address)
        self.host.setText(parsed.host)
        if parsed.port:
            self.port.setValue(parsed.port)
        self.database.setText(parsed.database)
        self.user.setText(parsed.user)
        for field in (self.host, self.database, self.user):
            field.setCursorPosition(0)          # a long value shows its beginning
        mode = dict(parsed.options).get("sslmode")
        if mode in TLS_CHOICES:
            self.tls.setCurrentIndex(TLS_CHOICES.index(mode))

    def address(self) -> str:
        user = f"{quote(self.user.text().strip())}@" if self.user.text().strip() else ""
        url = f"postgresql://{user}{self.host.text().strip()}:{self.port.value()}/{quote(self.database.text().strip())}"
        mode = self.tls.currentData()
        return url if mode == "prefer" else f"{url}?sslmode={mode}"
