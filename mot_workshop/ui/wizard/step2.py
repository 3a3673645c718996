"""Step 2: the VOC sheet, every field of the survey form, filtered by process and by
Q/C/D/S characteristic."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from mot_workshop.domain.enums import Qcds
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

# What the room discusses first (the requirement and its Q/C/D/S), then the survey record.
COLUMNS = ("requirement", "characteristic", "expected_level", "indicator", "voc_type", "direction",
           "target_customer", "interviewee", "interviewer", "held_at", "place", "method")
ALL = "*"


class Step2Page(StepPage):
    NUMBER = 2

    def build(self) -> None:
        self.model = WorksheetModel(self.session, "voc", COLUMNS, scope=self.process_scope(),
                                    defaults={"process_id": self.process_id})
        self.table = self.part(WorksheetTable(self.model))
        self.filter_label = QLabel()
        self.process_filter = QComboBox()
        self.process_filter.setObjectName("vocProcessFilter")
        self.qcds_filter = QComboBox()
        self.qcds_filter.setObjectName("vocQcdsFilter")
        self.process_filter.currentIndexChanged.connect(self.apply_filters)
        self.qcds_filter.currentIndexChanged.connect(self.apply_filters)
        row = QHBoxLayout()
        row.addWidget(self.filter_label)
        row.addWidget(self.process_filter)
        row.addWidget(self.qcds_filter)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.table, 1)
        self.table.set_width(COLUMNS.index("requirement"), 300)
        self.retranslate_page()

    def retranslate_page(self) -> None:
        self.filter_label.setText(tr("Show:"))
        for combo in (self.process_filter, self.qcds_filter):
            combo.blockSignals(True)
        keep_p, keep_q = self.process_filter.currentData(), self.qcds_filter.currentData()
        self.process_filter.clear()
        self.process_filter.addItem(tr("This process"), "this")
        self.process_filter.addItem(tr("All processes"), ALL)
        self.qcds_filter.clear()
        self.qcds_filter.addItem(tr("Every characteristic"), ALL)
        for q in Qcds:
            self.qcds_filter.addItem(enum_name(q), q.value)
        self.process_filter.setCurrentIndex(max(0, self.process_filter.findData(keep_p)))
        self.qcds_filter.setCurrentIndex(max(0, self.qcds_filter.findData(keep_q)))
        for combo in (self.process_filter, self.qcds_filter):
            combo.blockSignals(False)

    def process_scope(self) -> dict:
        combo = getattr(self, "process_filter", None)
        if combo is not None and combo.currentData() == ALL:
            return {}
        return {"process_id": self.process_id}

    def process_changed(self) -> None:
        self.apply_filters()

    def apply_filters(self) -> None:
        scope = self.process_scope()
        self.model.defaults = {"process_id": self.process_id}
        qcds = self.qcds_filter.currentData()
        self.model.scope = scope
        self.model.set_filter(None if qcds in (None, ALL) else (lambda v, q=qcds: v.characteristic == q))
