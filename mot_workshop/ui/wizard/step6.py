"""Step 6: obstacles — current features, To-Be features, the obstacle and its solution;
new rows can start from a problem noted on the As-Is map in step 3."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton

from mot_workshop.domain.enums import MapKind
from mot_workshop.i18n import tr
from mot_workshop.ui.whole_text import show_whole_text
from mot_workshop.ui.wizard.maps import find_map
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

COLUMNS = ("current_features", "tobe_features", "obstacle", "solution")


def as_is_problems(store, process_id) -> list:
    """The As-Is steps with a problem noted, in map order (left to right)."""
    pmap = find_map(store, process_id, MapKind.AS_IS)
    if pmap is None:
        return []
    steps = [s for s in store.select("step", map_id=pmap.id) if s.problems.strip()]
    return sorted(steps, key=lambda s: (s.x, s.id))


class Step6Page(StepPage):
    NUMBER = 6

    def build(self) -> None:
        self.model = WorksheetModel(self.session, "obstacle", COLUMNS, scope=self.process_scope(),
                                    watch=("step",))
        self.table = self.part(WorksheetTable(self.model))
        self.table.set_stretch(range(len(COLUMNS)))     # four text columns share the width: all in view
        self.from_label = QLabel()
        self.problem_choice = QComboBox()
        self.problem_choice.setObjectName("problemChoice")
        self.problem_choice.setMinimumContentsLength(40)
        show_whole_text(self.problem_choice)
        self.add_problem = QPushButton()
        self.add_problem.setObjectName("addFromProblem")
        self.add_problem.clicked.connect(self.add_from_problem)
        row = QHBoxLayout()
        row.addWidget(self.from_label)
        row.addWidget(self.problem_choice, 1)
        row.addWidget(self.add_problem)
        self.body.addLayout(row)
        self.body.addWidget(self.table, 1)
        self.retranslate_page()

    def fill_problems(self) -> None:
        self.problem_choice.clear()
        used = {o.source_step_id for o in self.model.all_rows}
        for step in as_is_problems(self.store, self.process_id):
            first = step.problems.strip().splitlines()[0]
            mark = "✓ " if step.id in used else ""
            self.problem_choice.addItem(f"{mark}{step.label} — {first}", step.id)
        if not self.problem_choice.count():
            self.problem_choice.addItem(tr("(no problems noted on the As-Is map)"), None)
        self.add_problem.setEnabled(self.problem_choice.currentData() is not None)

    def add_from_problem(self) -> None:
        step_id = self.problem_choice.currentData()
        step = self.store.get("step", step_id) if step_id is not None else None
        if step is None:
            return
        command = self.model.create_command({"current_features": step.problems.strip(),
                                             "source_step_id": step.id})
        if self.session.push(command) is not None:
            self.table.select_id(command.id, 2)

    def on_changes(self, changes) -> None:
        super().on_changes(changes)
        if changes.touches("step") or changes.touches("obstacle") or changes.touches("process_map"):
            self.fill_problems()

    def process_changed(self) -> None:
        super().process_changed()
        self.fill_problems()

    def retranslate_page(self) -> None:
        self.from_label.setText(tr("Start from a step-3 problem:"))
        self.add_problem.setText(tr("Add as obstacle"))
        self.fill_problems()
