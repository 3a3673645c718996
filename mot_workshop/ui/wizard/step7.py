"""Step 7: targets — each measure's current, competitor, customer-required and target
levels, and the chart of those levels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mot_workshop.ui.charts.chart_view import ChartView
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

COLUMNS = ("measure", "kind", "unit", "higher_is_better", "current", "competitor", "required_level", "target")


class Step7Page(StepPage):
    NUMBER = 7

    def build(self) -> None:
        model = WorksheetModel(self.session, "target", COLUMNS, scope=self.process_scope())
        self.table = self.part(WorksheetTable(model))
        self.table.set_width(0, 260)
        self.chart = self.part(ChartView(self.levels, ("target",), ready=self.alive, min_height=240,
                                         panels=self.level_panels))
        self.body.addWidget(self.split(self.table, self.chart, orientation=Qt.Orientation.Vertical,
                                       sizes=[300, 360]), 1)

    def levels(self, width: float, height: float):
        from mot_workshop.charts.panels import panel_figure

        return panel_figure(self.level_panels(width, height, max(1, min(4, int(width // 2.6)))))

    def level_panels(self, width: float, height: float, columns: int):
        from mot_workshop.charts.targets import targets_panels

        return targets_panels(self.store.select("target", process_id=self.process_id),
                              width=width, height=height, columns=columns)
