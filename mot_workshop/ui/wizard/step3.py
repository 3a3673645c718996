"""Step 3: the As-Is map, the output analysis, and the problems noted on the map's steps
(editable here too, and open to a dot vote)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from mot_workshop.domain.enums import MapKind
from mot_workshop.i18n import tr
from mot_workshop.ui.facilitation.voting import VotingBar, dots_badge, tallies
from mot_workshop.ui.wizard.maps import MapSlot, find_map
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import Extra, WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

OUTPUT_COLUMNS = ("output", "characteristic", "importance", "measure", "current_level", "expected_level",
                  "target_level", "priority")


class Step3Page(StepPage):
    NUMBER = 3

    def build(self) -> None:
        self.map_slot = self.part(MapSlot(self, MapKind.AS_IS))
        outputs = WorksheetModel(self.session, "output_analysis", OUTPUT_COLUMNS, scope=self.process_scope())
        self.outputs = self.part(WorksheetTable(outputs))
        dots = Extra(lambda: tr("Dots"), lambda s: dots_badge(tallies(self.store, "step").get(s.id, 0)))
        problems = WorksheetModel(self.session, "step", ("label", "problems"), scope=self.map_scope(),
                                  extras=[dots], watch=("vote",))
        problems.set_filter(lambda s: bool(s.problems.strip()))
        self.problems = self.part(WorksheetTable(problems, row_edits=False))
        self.problems.set_width(0, 240)
        self.problems.set_width(2, 120)
        self.problems.set_stretch({1})          # the problems get the room
        self.voting = self.part(VotingBar(self.session, self.vote_target))
        problem_box = QWidget()
        column = QVBoxLayout(problem_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.problems, 1)
        column.addWidget(self.voting)
        self.answers = self.part(asis_sheet(self))
        self.parts_tabs = self.tabs([(lambda: tr("As-Is map"), self.map_slot),
                                     (lambda: tr("As-Is questions"), self.answers),
                                     (lambda: tr("Output analysis"), self.outputs),
                                     (lambda: tr("Problems on the map"), problem_box)])
        self.body.addWidget(self.parts_tabs, 1)

    def map_scope(self) -> dict:
        pmap = find_map(self.store, self.process_id, MapKind.AS_IS)
        return {"map_id": pmap.id if pmap else -1}

    def process_changed(self) -> None:
        super().process_changed()
        self.problems.model.set_scope(self.map_scope())

    def on_changes(self, changes) -> None:
        if changes.touches("process_map"):
            self.problems.model.set_scope(self.map_scope())
        super().on_changes(changes)

    def vote_target(self):
        rows = self.problems.selected_rows()
        entity = self.problems.model.entity(rows[0]) if rows else None
        return ("step", entity.id) if entity else None


def asis_sheet(page):
    """The As-Is analysis questions, answered for the As-Is map of the step's process."""
    from mot_workshop.domain.method import asis_questions
    from mot_workshop.ui.wizard.fixed_rows import FixedRowsSheet, RowSpec

    def scope():
        pmap = find_map(page.store, page.process_id, MapKind.AS_IS)
        return {"map_id": pmap.id} if pmap else None

    rows = [RowSpec({"question": n}, lambda n=n: f"{n}. {asis_questions()[n - 1]}") for n in range(1, 7)]
    return FixedRowsSheet(page.session, "asis_answer", rows, ("answer",), scope=scope,
                          headers=lambda: [tr("As-Is analysis question"), tr("Answer")],
                          empty=lambda: tr("Draw the As-Is map first; the answers belong to it."))
