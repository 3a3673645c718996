"""Step 8: the Redesign map, its key management indicators and the key supplementary
actions with owner and due date."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mot_workshop.domain.enums import MapKind
from mot_workshop.i18n import tr
from mot_workshop.ui.wizard.maps import MapSlot
from mot_workshop.ui.wizard.page import StepPage
from mot_workshop.ui.worksheet_table.model import WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable


class Step8Page(StepPage):
    NUMBER = 8

    def build(self) -> None:
        self.map_slot = self.part(MapSlot(self, MapKind.REDESIGN, source=MapKind.TO_BE))
        indicators = WorksheetModel(self.session, "key_indicator", ("name", "definition", "target", "owner"),
                                    scope=self.process_scope())
        actions = WorksheetModel(self.session, "action", ("description", "owner", "due", "done"),
                                 scope=self.process_scope())
        self.indicators = self.part(WorksheetTable(indicators))
        self.actions = self.part(WorksheetTable(actions))
        self.indicators.set_width(1, 320)
        self.actions.set_width(0, 380)
        sheets = self.split(self.titled(lambda: tr("Key management indicators"), self.indicators),
                            self.titled(lambda: tr("Key supplementary actions"), self.actions),
                            orientation=Qt.Orientation.Vertical)
        self.parts_tabs = self.tabs([(lambda: tr("Redesign map"), self.map_slot),
                                     (lambda: tr("Indicators and actions"), sheets)])
        self.body.addWidget(self.parts_tabs, 1)
