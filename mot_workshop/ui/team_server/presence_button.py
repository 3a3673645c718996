"""Who else is in the shared workshop: a button in the status bar ("3 connected") whose
menu lists each person's name, team and since when."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton

from mot_workshop.i18n import tr


class PresenceButton(QToolButton):
    def __init__(self, window, store):
        super().__init__(window.statusBar())
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
        for line in self.lines or [tr("(no one)")]:
            menu.addAction(line).setEnabled(False)
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
