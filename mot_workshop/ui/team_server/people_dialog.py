"""The people admitted to a shared workshop (login, role, since when, by whom); its
facilitators admit someone, move someone to another role or remove them, each after a
confirmation. The server enforces and logs every change (persistence/server/people.py):
the buttons are only a convenience, a non-facilitator's change is refused by the server."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.i18n import tr
from mot_workshop.persistence.server.roles import Role


def role_name(role: Role) -> str:
    return {Role.FACILITATOR: tr("Facilitator"), Role.MEMBER: tr("Team member"), Role.VIEWER: tr("Viewer")}[role]


class PeopleDialog(QDialog):
    def __init__(self, server, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.server = server
        self.title = title
        self.people = []
        self.setObjectName("peopleDialog")
        self.setWindowTitle(tr("People in \u201c{title}\u201d", title=title))
        layout = QVBoxLayout(self)
        self.explain = QLabel(self, objectName="peopleHint")
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.table = QTableWidget(0, 4, self, objectName="people")
        self.table.setHorizontalHeaderLabels([tr("Login"), tr("Role"), tr("Since"), tr("Admitted by")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.admit_button = QPushButton(tr("Admit someone…"), self, objectName="admitPerson")
        self.role_button = QPushButton(tr("Change role…"), self, objectName="changeRole")
        self.remove_button = QPushButton(tr("Remove…"), self, objectName="removePerson")
        for button in (self.admit_button, self.role_button, self.remove_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        close.clicked.connect(self.accept)
        self.admit_button.clicked.connect(self.admit)
        self.role_button.clicked.connect(self.change_role)
        self.remove_button.clicked.connect(self.remove)
        layout.addWidget(buttons)
        self.manages = server.role(title) == Role.FACILITATOR
        self.explain.setText(
            tr("Facilitators manage the workshop and its people; team members edit; viewers only look.")
            + ("" if self.manages else "\n" + tr("Only the workshop's facilitators can change who is admitted.")))
        self.refresh()
        self.resize(640, 360)

    def refresh(self) -> None:
        self.people = self.server.people(self.title)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            since = person.since.astimezone().strftime("%Y-%m-%d %H:%M") if person.since else "\u2014"
            for col, text in enumerate((person.login, role_name(person.role), since, person.by or "\u2014")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.people:
            self.table.selectRow(0)
        self._enable()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.people[row] if 0 <= row < len(self.people) else None

    def _enable(self) -> None:
        self.admit_button.setEnabled(self.manages)
        for button in (self.role_button, self.remove_button):
            button.setEnabled(self.manages and self.selected() is not None)

    def _change(self, change, *args) -> bool:
        from mot_workshop.ui import messages

        try:
            change(self.title, *args)
        except Exception as exc:  # noqa: BLE001 - refused by the server: say why, change nothing
            messages.warning(self, tr("The team server refused."), str(exc))
            self.refresh()
            return False
        self.refresh()
        return True

    def _ask_role(self, label: str, current: Role | None) -> Role | None:
        roles = list(Role)
        names = [role_name(r) for r in roles]
        index = roles.index(current) if current is not None else roles.index(Role.MEMBER)
        choice, ok = QInputDialog.getItem(self, tr("Role"), label, names, index, False)
        return roles[names.index(choice)] if ok and choice in names else None

    def admit(self) -> None:
        login, ok = QInputDialog.getText(self, tr("Admit someone"), tr("Their login on the server:"))
        login = login.strip()
        if not ok or not login:
            return
        role = self._ask_role(tr("Role in \u201c{title}\u201d:", title=self.title), None)
        if role is not None:
            self._change(self.server.admit, login, role)

    def change_role(self) -> None:
        from mot_workshop.ui import messages

        person = self.selected()
        if person is None:
            return
        role = self._ask_role(tr("New role of {login} in \u201c{title}\u201d:", login=person.login, title=self.title),
                              person.role)
        if role is None or role == person.role:
            return
        if messages.confirm(self, tr("Make {login} {role} of \u201c{title}\u201d?", login=person.login,
                                     role=role_name(role).lower(), title=self.title),
                            tr("It takes effect at once, on every computer they use."), tr("Change role")):
            self._change(self.server.admit, person.login, role)

    def remove(self) -> None:
        from mot_workshop.ui import messages

        person = self.selected()
        if person is None:
            return
        if messages.confirm(self, tr("Remove {login} from \u201c{title}\u201d?", login=person.login, title=self.title),
                            tr("The server refuses them this workshop from now on: they can no longer open, "
                               "read or change it. What they added stays."), tr("Remove")):
            self._change(self.server.remove, person.login)
