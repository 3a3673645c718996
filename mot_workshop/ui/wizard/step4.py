"""Step 4: benchmarking — us, company A, company B and the best per Q/C/D/S measure,
the cause of each gap and the ideas to adopt; the seed's Q/C/D/S grid; a chart of each
(the chart follows the table in front)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mot_workshop.i18n import tr
from mot_workshop.ui.charts.chart_view import ChartView
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

COLUMNS = ("problem", "size_class", "major_process", "medium_process", "page_no", "characteristic", "measure", "unit",
           "higher_is_better", "us", "company_a", "company_b", "top", "design_or_execution", "nature", "gap_cause",
           "ideas")
QCDS_COLUMNS = ("characteristic", "us", "company_a", "company_b", "top", "note")


class Step4Page(StepPage):
    NUMBER = 4

    def build(self) -> None:
        model = WorksheetModel(self.session, "benchmark", COLUMNS, scope=self.process_scope())
        self.table = self.part(WorksheetTable(model))
        # presented, the room compares the figures and talks about causes and ideas
        self.table.presented_columns = [COLUMNS.index(c) for c in ("characteristic", "measure", "unit", "us",
                                                                   "company_a", "company_b", "top", "gap_cause",
                                                                   "ideas")]
        grid = WorksheetModel(self.session, "qcds_score", QCDS_COLUMNS, scope=self.process_scope())
        self.grid = self.part(WorksheetTable(grid))
        self.chart = self.part(ChartView(self.gaps, ("benchmark", "workshop"), ready=self.alive, min_height=240,
                                         panels=self.gap_panels))
        self.grid_chart = self.part(ChartView(self.qcds, ("qcds_score", "workshop"), ready=self.alive,
                                              min_height=240, panels=self.qcds_panels))
        tables = self.tabs([(lambda: tr("Benchmark rows"), self.table),
                            (lambda: tr("Q/C/D/S × us, A, B, TOP"), self.grid)])
        charts = self.tabs([(lambda: tr("Benchmark gaps"), self.chart),
                            (lambda: tr("Q/C/D/S × us, A, B, TOP"), self.grid_chart)])
        tables.currentChanged.connect(charts.setCurrentIndex)     # the chart of the table in front
        self.body.addWidget(self.split(tables, charts, orientation=Qt.Orientation.Vertical, sizes=[330, 330]), 1)

    def qcds(self, width: float, height: float):
        from mot_workshop.charts.panels import panel_figure

        return panel_figure(self.qcds_panels(width, height, max(1, min(4, int(width // 2.6)))))

    def qcds_panels(self, width: float, height: float, columns: int):
        from mot_workshop.charts.qcds import qcds_panels

        workshop = self.store.workshop()
        scores = self.store.select("qcds_score", process_id=self.process_id)
        return qcds_panels(scores, company_a=workshop.benchmark_a, company_b=workshop.benchmark_b, width=width,
                           height=height, columns=columns)

    def gaps(self, width: float, height: float):
        from mot_workshop.charts.panels import panel_figure

        return panel_figure(self.gap_panels(width, height, max(1, min(4, int(width // 2.6)))))

    def gap_panels(self, width: float, height: float, columns: int):
        from mot_workshop.charts.benchmark import benchmark_panels

        workshop = self.store.workshop()
        rows = self.store.select("benchmark", process_id=self.process_id)
        return benchmark_panels(rows, company_a=workshop.benchmark_a, company_b=workshop.benchmark_b,
                                width=width, height=height, columns=columns)
