"""Who else is in the shared workshop: a button in the status bar ("3 connected") whose
menu lists each person's name, team and since when — as plain text (they are not commands:
greyed-out entries read as "unavailable"), one's own entry in bold and marked."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidgetAction

from mot_workshop.i18n import tr


class PersonLine(QWidgetAction):
    """One person in the menu: text in the menu's own colours, not a greyed command."""

    def __init__(self, menu: QMenu, text: str, own: bool):
        super().__init__(menu)
        self.setText(text)
        label = QLabel(text)
        label.setObjectName("presencePerson")
        label.setForegroundRole(menu.foregroundRole())
        # in line with the entries' text after the menu's icon column
        pad = menu.style().pixelMetric(menu.style().PixelMetric.PM_SmallIconSize, None, menu) + 10
        label.setContentsMargins(pad, 3, 12, 3)
        if own:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        self.setDefaultWidget(label)
        self.own = own


class PresenceButton(QToolButton):
    def __init__(self, window, store, me: tuple[str, str] | None = None):
        super().__init__(window.statusBar())
        self.me = me                    # (name, team) this window announced itself with
        self.setObjectName("presence")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.store = store
        self.lines: list[str] = []
        window.statusBar().addPermanentWidget(self)

    def refresh(self) -> None:
        people = self.store.present()
        self.lines = [self._line(person) for person in people]
        self.setText(tr("{count} connected", count=len(people)))
        menu = self.menu()
        menu.clear()
        login = getattr(getattr(self.store, "address", None), "user", "") or ""
        for person, line in zip(people, self.lines):
            own = self.me is not None and (person.name, person.team) == tuple(self.me) and \
                (not login or person.login == login)
            menu.addAction(PersonLine(menu, tr("{line} (you)", line=line) if own else line, own))
        if not people:
            menu.addAction(PersonLine(menu, tr("(no one)"), False))
        menu.addSeparator()
        people = menu.addAction(tr("People and roles…"))
        people.setObjectName("peopleAndRoles")
        people.triggered.connect(self.show_people)
        self.setToolTip("\n".join(self.lines))

    def show_people(self) -> None:
        """Who is admitted to this workshop; its facilitators change it (people_dialog.py)."""
        from mot_workshop.persistence.server.server import Server
        from mot_workshop.ui import messages
        from mot_workshop.ui.team_server.people_dialog import PeopleDialog

        server = Server(self.store.address, self.store._password)
        try:
            PeopleDialog(server, self.store.workshop().title, self.window()).exec()
        except Exception as exc:  # noqa: BLE001 - the server away or refusing: say so
            messages.warning(self.window(), tr("The team server refused."), str(exc))
        finally:
            server.close()

    @staticmethod
    def _line(person) -> str:
        since = person.since.astimezone().strftime("%H:%M")
        if person.team:
            return tr("{name} ({team}), since {time}", name=person.name, team=person.team, time=since)
        return tr("{name}, since {time}", name=person.name, time=since)
