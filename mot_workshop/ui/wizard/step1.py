"""Step 1: the process hierarchy, the discussion viewpoints, the selection matrix
(innovation effect × feasibility), dot votes and marking the core processes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mot_workshop.domain.method import viewpoints
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.charts.chart_view import ChartView
from mot_workshop.ui.facilitation.voting import VotingBar, dots_badge, tallies
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import Extra, WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

COLUMNS = ("major", "medium", "name", "role", "viewpoint", "innovation", "feasibility", "selected")


class Step1Page(StepPage):
    NUMBER = 1

    def build(self) -> None:
        dots = Extra(lambda: tr("Dots"), lambda p: dots_badge(tallies(self.store, "process").get(p.id, 0)))
        model = WorksheetModel(self.session, "process", COLUMNS, extras=[dots], watch=("vote",))
        self.table = self.part(WorksheetTable(model))
        widths = {"major": 110, "medium": 120, "name": 170, "role": 60, "viewpoint": 110, "innovation": 70,
                  "feasibility": 70, "selected": 60}
        for column, name in enumerate(COLUMNS):
            self.table.set_width(column, widths[name])
        self.table.set_width(len(COLUMNS), 110)
        # the room decides on name, scores, choice and dots; the hierarchy stays on the sheet
        self.table.presented_columns = [COLUMNS.index(c) for c in ("name", "innovation", "feasibility",
                                                                   "selected")] + [len(COLUMNS)]
        self.voting = self.part(VotingBar(self.session, self.vote_target))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.voting)
        self.chart = self.part(ChartView(self.matrix, ("process",), ready=self.alive, min_height=300))
        self.chart.setMinimumWidth(340)          # the table keeps room on a 1024 screen
        self.viewpoints = QLabel()
        self.viewpoints.setObjectName("viewpoints")
        self.viewpoints.setWordWrap(True)
        self.aspects = self.part(aspect_sheet(self.session))
        right = self.tabs([(lambda: tr("Selection matrix"), self.chart, lambda: tr("Matrix")),
                           (lambda: tr("Discussion viewpoints"), self.viewpoints, lambda: tr("Viewpoints")),
                           (lambda: tr("Discussion by aspect"), self.aspects, lambda: tr("By aspect"))])
        self.body.addWidget(self.split(left, right, sizes=[600, 520]), 1)
        self.retranslate_page()

    def matrix(self, width: float, height: float):
        from mot_workshop.charts.selection import selection_matrix

        model = self.table.model            # the table beside the chart is the key of its numbers
        keys = {model.entity(row).id: str(row + 1) for row in range(len(model.rows))}
        return selection_matrix(self.store.select("process"), width=width, height=height, keys=keys)

    def vote_target(self):
        rows = self.table.selected_rows()
        entity = self.table.model.entity(rows[0]) if rows else None
        return ("process", entity.id) if entity else None

    def retranslate_page(self) -> None:
        items = "".join(f"<p><b>{enum_name(v)}</b><br>{text}</p>" for v, text in viewpoints().items())
        self.viewpoints.setText(items)


def aspect_sheet(session):
    """Step 1's discussion viewpoints row by row: what was said under each sub-aspect, and
    the core processes it points to."""
    from mot_workshop.domain.method import VIEWPOINT_ASPECTS, aspect_name
    from mot_workshop.ui.wizard.fixed_rows import FixedRowsSheet, RowSpec

    rows = [RowSpec({"viewpoint": viewpoint, "aspect": code},
                    lambda v=viewpoint, c=code: f"{enum_name(v)} · {aspect_name(c)}")
            for viewpoint, codes in VIEWPOINT_ASPECTS.items() for code in codes]
    return FixedRowsSheet(session, "viewpoint_aspect", rows, ("discussion", "core_processes"), scope=lambda: {},
                          headers=lambda: [tr("Aspect"), tr("Discussion"), tr("Selected core processes")],
                          empty=lambda: "")
