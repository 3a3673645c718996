"""Step 5: the To-Be map (derived from the As-Is), the CS check-points as a checklist, and
the As-Is / To-Be comparison."""

from __future__ import annotations

from mot_workshop.domain.enums import MapKind
from mot_workshop.i18n import tr
from mot_workshop.ui.wizard.checklist import CsChecklist
from mot_workshop.ui.wizard.maps import MapSlot, find_map
from mot_workshop.ui.wizard.page import StepPage


class Step5Page(StepPage):
    NUMBER = 5

    def build(self) -> None:
        self.map_slot = self.part(MapSlot(self, MapKind.TO_BE, source=MapKind.AS_IS))
        self.checklist = self.part(CsChecklist(self.session,
                                               lambda: find_map(self.store, self.process_id, MapKind.TO_BE)))
        self.compare = self.part(MapSlot(self, MapKind.TO_BE, source=MapKind.AS_IS, compare=True))
        self.parts_tabs = self.tabs([(lambda: tr("To-Be map"), self.map_slot),
                                     (lambda: tr("CS check-points"), self.checklist),
                                     (lambda: tr("As-Is / To-Be comparison"), self.compare)])
        self.body.addWidget(self.parts_tabs, 1)
