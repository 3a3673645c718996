"""Step 2: the VOC survey as the method's form — one interview form per interview (target
customer, interviewee, interviewer, date, place, method) holding several requirement rows —
above the VOC sheet. Choosing an interview shows its requirements only, and rows added then
belong to it; with no interview chosen the sheet shows every VOC row of the process, each
naming its interview. Filters by process and by Q/C/D/S characteristic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mot_workshop.domain.enums import Qcds
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import Extra, WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable

# What the room discusses first (the requirement and its Q/C/D/S), then the survey record.
COLUMNS = ("requirement", "characteristic", "expected_level", "indicator", "voc_type", "direction",
           "target_customer", "interviewee", "interviewer", "held_at", "place", "method")
INTERVIEW_COLUMNS = ("target_customer", "interviewee", "interviewer", "held_at", "place", "method")
SURVEY_RECORD = COLUMNS[COLUMNS.index("target_customer"):]     # held by the interview form when one is chosen
ALL = "*"


class Step2Page(StepPage):
    NUMBER = 2

    def build(self) -> None:
        self.interview_id: int | None = None
        self.interviews = WorksheetModel(self.session, "interview", INTERVIEW_COLUMNS,
                                         scope={"process_id": self.process_id})
        self.forms = self.part(WorksheetTable(self.interviews))
        self.forms.view.selectionModel().currentRowChanged.connect(lambda *_: self.choose_interview())
        self.interviews.modelReset.connect(self.choose_interview)
        self.model = WorksheetModel(self.session, "voc", COLUMNS, scope=self.process_scope(),
                                    defaults={"process_id": self.process_id},
                                    extras=[Extra(lambda: tr("Interview"), self.interview_name)],
                                    watch=("interview",))
        self.table = self.part(WorksheetTable(self.model))
        # presented, the room reads the requirements; the survey record stays on the sheet
        self.table.presented_columns = list(range(COLUMNS.index("target_customer")))
        self.requirements_title = QLabel()
        self.requirements_title.setObjectName("vocRequirementsTitle")
        self.requirements_title.setStyleSheet("font-size: 12pt;")
        self.show_all = QLabel()
        self.show_all.setObjectName("vocShowAll")
        self.show_all.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.show_all.linkActivated.connect(lambda _: self.forms.view.setCurrentIndex(self.interviews.index(-1, -1)))
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
        head = QHBoxLayout()
        head.addWidget(self.requirements_title)
        head.addWidget(self.show_all)
        head.addStretch(1)
        requirements = QWidget()
        column = QVBoxLayout(requirements)
        column.setContentsMargins(0, 4, 0, 0)
        column.addLayout(head)
        column.addLayout(row)
        column.addWidget(self.table, 1)
        self.body.addWidget(self.split(self.titled(lambda: tr("Interview forms"), self.forms), requirements,
                                       orientation=Qt.Orientation.Vertical, sizes=[200, 420]), 1)
        self.table.set_width(COLUMNS.index("requirement"), 300)
        self.retranslate_page()

    def retranslate_page(self) -> None:
        self.filter_label.setText(tr("Show:"))
        self._title()
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
        self.interviews.defaults = {"process_id": self.process_id}
        self.interviews.set_scope({"process_id": self.process_id})
        self.apply_filters()

    def choose_interview(self) -> None:
        """The interview form whose requirements the sheet shows (none: every VOC row)."""
        entity = self.interviews.entity(self.forms.view.currentIndex().row())
        chosen = entity.id if entity is not None else None
        if chosen != self.interview_id:
            self.interview_id = chosen
            self.apply_filters()

    def apply_filters(self) -> None:
        scope = self.process_scope()
        self.model.defaults = {"process_id": self.process_id}
        if self.interview_id is not None:
            scope = {**scope, "interview_id": self.interview_id}
        for name in SURVEY_RECORD:            # the form above holds them for its rows
            self.table.view.setColumnHidden(COLUMNS.index(name), self.interview_id is not None)
        self.table.view.setColumnHidden(len(COLUMNS), self.interview_id is not None)
        qcds = self.qcds_filter.currentData()
        self.model.scope = scope
        self.model.set_filter(None if qcds in (None, ALL) else (lambda v, q=qcds: v.characteristic == q))
        self._title()

    def interview_name(self, voc) -> str:
        """"Interview 2": the form's number among the process's interviews."""
        if voc.interview_id is None:
            return ""
        ids = [i.id for i in self.interviews.all_rows]
        if voc.interview_id in ids:
            return tr("Interview {n}", n=ids.index(voc.interview_id) + 1)
        return tr("Interview")

    def _title(self) -> None:
        if self.interview_id is None:
            self.requirements_title.setText(f"<b>{tr('Requirements (VOC)')}</b> · {tr('every interview')}")
            self.show_all.setText("")
            return
        n = [i.id for i in self.interviews.all_rows].index(self.interview_id) + 1
        self.requirements_title.setText(f"<b>{tr('Requirements (VOC)')}</b> · {tr('Interview {n}', n=n)}")
        self.show_all.setText(f"<a href='all'>{tr('Show every interview')}</a>")
