"""Dot voting: choose who votes (a participant or a team), then cast or take back dots on
the item selected in the worksheet beside it. Every dot is one undoable command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from mot_workshop.analysis.votes import dots_used, tally
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.changes import Changes
from mot_workshop.editing.voting import cast_dot, take_back_dot
from mot_workshop.i18n import tr
from mot_workshop.ui.flow_row import FlowRow
from mot_workshop.ui.whole_text import show_whole_text

DOT = "●"


def dots_badge(count: int) -> str:
    """A tally as dots a room can read from the back: ●●●● 4 (capped at ten dots), in groups of
    five that wrap in a narrow cell: ●●●●● ●●●●● 12."""
    if not count:
        return ""
    shown = min(count, 10)
    return " ".join(DOT * min(5, shown - start) for start in range(0, shown, 5)) + f" {count}"


def tallies(store, target_kind: str) -> dict[int, int]:
    if store.closed:
        return {}
    return tally(store.select("vote"), target_kind)


class VotingBar(QWidget):
    """``target`` returns the (kind, id) the next dot goes on, or None."""

    def __init__(self, session, target: Callable[[], tuple[str, int] | None], parent=None):
        super().__init__(parent)
        self.session = session
        self.target = target
        self.title = QLabel()
        self.title.setObjectName("votingTitle")
        self.voter = QComboBox()
        self.voter.setObjectName("voter")
        self.voter.setMinimumContentsLength(12)   # "Team: " and a team name of a few words
        # a long team name must not make the page wider than a 1024-wide projector: elide it
        self.voter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        show_whole_text(self.voter)
        self.left = QLabel()
        self.left.setObjectName("dotsLeft")   # one line: the row wraps whole widgets instead
        self.cast_button = QPushButton()
        self.cast_button.setObjectName("castDot")
        self.take_button = QPushButton()
        self.take_button.setObjectName("takeBackDot")
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.cast_button.clicked.connect(self.cast)
        self.take_button.clicked.connect(self.take_back)
        self.voter.currentIndexChanged.connect(self.show_left)
        row = FlowRow(self)            # wraps beside a narrow table instead of widening the page
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.voter, self.left, self.cast_button, self.take_button):
            row.addWidget(widget)
        row.addWidget(self.message, 1)
        self.retranslate()

    def set_presented(self, on: bool) -> None:
        """Presented, the room reads whose dots these are: the chooser shows the whole name (the
        row wraps it onto a line of its own; only a name wider than the row is still elided)."""
        policy = QComboBox.SizeAdjustPolicy
        self.voter.setSizeAdjustPolicy(policy.AdjustToContents if on else policy.AdjustToMinimumContentsLengthWithIcon)
        self.voter.updateGeometry()

    def retranslate(self) -> None:
        self.title.setText(tr("Dot vote:"))
        self.cast_button.setText(tr("Cast a dot") + f" {DOT}")
        self.take_button.setText(tr("Take back a dot"))
        self.reload()

    def reload(self) -> None:
        current = self.voter.currentData()
        self.voter.blockSignals(True)
        self.voter.clear()
        store = self.session.store
        for team in store.select("team"):
            self.voter.addItem(tr("Team: {name}", name=team.name), f"team:{team.id}")
            for person in store.select("participant", team_id=team.id):
                self.voter.addItem("   " + person.name, f"participant:{person.id}")
        for person in store.select("participant"):
            if person.team_id is None:
                self.voter.addItem(person.name, f"participant:{person.id}")
        found = self.voter.findData(current) if current is not None else -1
        self.voter.setCurrentIndex(found if found >= 0 else 0)
        self.voter.blockSignals(False)
        self.show_left()

    def voter_args(self) -> dict | None:
        data = self.voter.currentData()
        if not data:
            return None
        kind, _, id = data.partition(":")
        return {"participant_id": int(id)} if kind == "participant" else {"team_id": int(id)}

    def set_voter(self, kind: str, id: int) -> None:
        self.voter.setCurrentIndex(self.voter.findData(f"{kind}:{id}"))

    def show_left(self) -> None:
        args = self.voter_args()
        if args is None:
            self.left.setText(tr("Add participants or teams to vote"))
            return
        workshop = self.session.store.workshop()
        used = dots_used(self.session.store.select("vote"), **args)
        self.left.setText(tr("{left} of {total} dots left", left=max(0, workshop.dots_per_voter - used),
                             total=workshop.dots_per_voter))

    def _run(self, make) -> None:
        target, args = self.target(), self.voter_args()
        if target is None:
            self.message.setText(tr("Select the item to vote on first."))
            return
        if args is None:
            self.message.setText(tr("Add participants or teams to vote"))
            return
        try:
            command = make(self.session.store, target[0], target[1], **args)
        except RuleError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.session.push(command)

    def cast(self) -> None:
        self._run(cast_dot)

    def take_back(self) -> None:
        self._run(take_back_dot)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("team") or changes.touches("participant"):
            self.reload()
        elif changes.touches("vote") or changes.touches("workshop"):
            self.show_left()
