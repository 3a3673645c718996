"""Facilitation → Open the room to phones: pick the interface and port, open the room, show
the QR code, the short URL and the room code large; choose what phones see now; follow the
results live (hidden until revealed); remove a post; close the room to one phone."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.editing.entities import DeleteEntity
from mot_workshop.i18n import tr
from mot_workshop.room.activity import Activity
from mot_workshop.ui import messages
from mot_workshop.ui.facilitation.qr_widget import QrWidget
from mot_workshop.ui.facilitation.room_results import progress, result_lines

ROLE = Qt.ItemDataRole.UserRole


def activities() -> list[tuple[str, str]]:
    """(spec, label) of everything phones can be shown."""
    return [("waiting", tr("Waiting screen")),
            ("vote:process", tr("Dot vote: processes (step 1)")),
            ("vote:step", tr("Dot vote: problems (step 3)")),
            ("vote:touchpoint", tr("Dot vote: touchpoints of a cycle")),
            ("score", tr("Score the touchpoints of a cycle")),
            ("post:idea", tr("Post ideas for touchpoints")),
            ("post:voc", tr("Post VOC notes")),
            ("post:note", tr("Post parking-lot items"))]


def interfaces() -> list[tuple[str, str]]:
    """(address, label) of this computer's IPv4 interfaces that are up; loopback last."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    found, loopback = [], []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            pair = (ip.toString(), f"{ip.toString()}  ({interface.humanReadableName()})")
            (loopback if ip.isLoopback() else found).append(pair)
    return found + (loopback or [("127.0.0.1", "127.0.0.1")])


def _big(label: QLabel, points: float) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(True)
    label.setFont(font)
    return label


class RoomDialog(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("roomDialog")
        self.controller = controller
        self.setModal(False)
        # ---- opening
        self.interface = QComboBox()
        self.interface.setObjectName("roomInterface")
        self.port = QSpinBox()
        self.port.setObjectName("roomPort")
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(tr("any free port"))
        self.typed = QCheckBox()
        self.typed.setObjectName("roomTypedNames")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openRoom")
        self.open_button.clicked.connect(self.open_room)
        self.setup = QWidget()
        form = QFormLayout(self.setup)
        self.interface_label, self.port_label = QLabel(), QLabel()
        form.addRow(self.interface_label, self.interface)
        form.addRow(self.port_label, self.port)
        form.addRow("", self.typed)
        form.addRow("", self.open_button)
        self.off_note = QLabel()
        self.off_note.setWordWrap(True)
        form.addRow(self.off_note)
        # ---- open
        self.qr = QrWidget(minimum=300)
        self.url = QLabel()
        self.url.setObjectName("roomUrl")
        self.url.setTextFormat(Qt.TextFormat.PlainText)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        self.short = _big(QLabel(), 16)
        self.short.setObjectName("roomShortUrl")
        self.short.setTextFormat(Qt.TextFormat.PlainText)
        self.code = _big(QLabel(), 40)
        self.code.setObjectName("roomCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.activity = QComboBox()
        self.activity.setObjectName("roomActivity")
        self.subject = QComboBox()
        self.subject.setObjectName("roomSubject")
        self.reveal = QCheckBox()
        self.reveal.setObjectName("roomReveal")
        self.activity.currentIndexChanged.connect(self._activity_picked)
        self.subject.currentIndexChanged.connect(self.apply_activity)
        self.reveal.toggled.connect(self.apply_activity)
        self.results_title = _big(QLabel(), 13)
        self.results = QListWidget()
        self.results.setObjectName("roomResults")
        font = QFont(self.results.font())
        font.setPointSizeF(max(13.0, font.pointSizeF() * 1.3))      # read on the projector too
        self.results.setFont(font)
        self.results.setWordWrap(True)
        self.remove_post = QPushButton()
        self.remove_post.setObjectName("removePost")
        self.remove_post.clicked.connect(self.remove_selected_post)
        self.devices = QListWidget()
        self.devices.setObjectName("roomDevices")
        self.close_device = QPushButton()
        self.close_device.setObjectName("closeDevice")
        self.close_device.clicked.connect(self.close_selected_device)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeRoom")
        self.close_button.clicked.connect(self.controller.close)
        self.live = QWidget()
        left = QVBoxLayout()
        left.addWidget(self.qr, 1)
        left.addWidget(self.short)
        left.addWidget(self.code)
        left.addWidget(self.url)
        right = QVBoxLayout()
        choose = QFormLayout()
        self.activity_label, self.subject_label = QLabel(), QLabel()
        choose.addRow(self.activity_label, self.activity)
        choose.addRow(self.subject_label, self.subject)
        choose.addRow("", self.reveal)
        right.addLayout(choose)
        right.addWidget(self.results_title)
        right.addWidget(self.results, 3)
        right.addWidget(self.remove_post)
        self.devices_title = QLabel()
        right.addWidget(self.devices_title)
        right.addWidget(self.devices, 1)
        right.addWidget(self.close_device)
        right.addWidget(self.close_button)
        row = QHBoxLayout(self.live)
        row.addLayout(left, 5)
        row.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.setup)
        layout.addWidget(self.live, 1)
        controller.state_changed.connect(self.show_state)
        controller.window.bus.language_changed.connect(lambda _lang: self.retranslate())
        controller.opened.connect(self.show_open)
        controller.closed.connect(self.show_closed)
        self._filling = False
        self.retranslate()
        self.show_open() if controller.is_open else self.show_closed()
        self.device_timer = QTimer(self)               # phones join and send between the room's events
        self.device_timer.setInterval(1000)
        self.device_timer.timeout.connect(self.refresh_devices)
        self.device_timer.start()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("The room for phones"))
        self.interface_label.setText(tr("Network interface:"))
        self.port_label.setText(tr("Port:"))
        self.typed.setText(tr("Let phones type a name that is not on the list"))
        self.open_button.setText(tr("Open the room"))
        self.off_note.setText(tr("Nothing listens until you open the room. Phones on the same network scan the "
                                 "code; the workshop never leaves this computer. Closing the room stops it."))
        self.activity_label.setText(tr("Phones show:"))
        self.subject_label.setText(tr("Subject:"))
        self.reveal.setText(tr("Show the results"))
        self.remove_post.setText(tr("Remove the selected post"))
        self.devices_title.setText(tr("Phones in the room"))
        self.close_device.setText(tr("Close the room to the selected phone"))
        self.close_button.setText(tr("Close the room"))
        self._filling = True
        current = self.activity.currentData()
        self.activity.clear()
        for spec, label in activities():
            self.activity.addItem(label, spec)
        self.activity.setCurrentIndex(max(0, self.activity.findData(current)))
        self._filling = False

    # ---------------------------------------------------------------- opening and closing
    def show_closed(self) -> None:
        self.interface.clear()
        for address, label in interfaces():
            self.interface.addItem(label, address)
        self.setup.show()
        self.live.hide()
        # only the few settings: a compact dialog, not a screen-sized one empty below them
        self.setMinimumSize(0, 0)
        self.resize(max(600, self.setup.sizeHint().width()), 1)
        self.resize(self.width(), self.heightForWidth(self.width()) if self.hasHeightForWidth()
                    else self.sizeHint().height())

    def open_room(self) -> None:
        from mot_workshop.room.runner import RoomError

        if self.controller.window.session is None or self.controller.window.session.read_only:
            messages.warning(self, tr("The room cannot open"), tr("Open a workshop you can write to first."))
            return
        try:
            self.controller.open(self.interface.currentData() or "127.0.0.1", self.port.value(),
                                 typed_names=self.typed.isChecked())
        except (RoomError, ValueError) as exc:
            messages.warning(self, tr("The room cannot open"), str(exc))

    def _room_size(self) -> None:
        """Open: room for the code to scan and the results, within the screen."""
        free = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 980, 680
        if free is not None:
            width, height = min(width, free.width() - 40), min(height, free.height() - 60)
        self.resize(max(width, self.width()), max(height, self.height()))

    def show_open(self) -> None:
        room = self.controller.room
        self.setup.hide()
        self.live.show()
        self._room_size()
        self.qr.set_text(room.url)
        self.url.setText(room.url)
        self.short.setText(tr("Or open {url} and type the room code:", url=room.short_url))
        self.code.setText(room.code)
        self._activity_picked()
        self.show_state(self.controller.state)

    # ---------------------------------------------------------------- the activity
    def _activity_picked(self) -> None:
        if self._filling or not self.controller.is_open:
            return
        spec = self.activity.currentData() or "waiting"
        activity = Activity.parse(spec)
        store = self.controller.session.store
        self._filling = True
        previous = self.subject.currentData()
        self.subject.clear()
        if activity.needs_cycle:
            for cycle in store.select("cycle"):
                self.subject.addItem(cycle.name, cycle.id)
        elif spec in ("vote:step", "post:voc"):
            self.subject.addItem(tr("All processes"), None)
            for process in store.select("process"):
                self.subject.addItem(process.name, process.id)
        found = self.subject.findData(previous)
        self.subject.setCurrentIndex(found if found >= 0 else 0)
        self.subject.setEnabled(self.subject.count() > 0)
        self._filling = False
        self.apply_activity()

    def apply_activity(self) -> None:
        if self._filling or not self.controller.is_open:
            return
        activity = Activity.parse(self.activity.currentData() or "waiting", self.subject.currentData())
        self.controller.set_activity(activity.revealed(self.reveal.isChecked()))

    # ---------------------------------------------------------------- live results
    def show_state(self, state: dict) -> None:
        if not state or not self.controller.is_open:
            return
        revealed = state.get("activity", {}).get("reveal")
        self.results_title.setText(tr("Results") + " — " + (progress(state) or tr("Waiting screen")))
        selected = self.results.currentItem().data(ROLE) if self.results.currentItem() else None
        self.results.clear()
        lines = result_lines(state) if revealed or state["activity"]["kind"] == "post" else []
        if not revealed and state["activity"]["kind"] in ("vote", "score"):
            self.results.addItem(tr("Hidden until you show the results."))
        for line in lines:
            item = QListWidgetItem(line.text)
            item.setData(ROLE, (line.kind, line.id) if line.kind else None)
            self.results.addItem(item)
            if selected and item.data(ROLE) == selected:
                self.results.setCurrentItem(item)
        self.remove_post.setEnabled(state["activity"]["kind"] == "post")
        self.refresh_devices()

    def refresh_devices(self) -> None:
        if not self.controller.is_open or not self.isVisible():
            return
        current = self.devices.currentItem().data(ROLE) if self.devices.currentItem() else None
        self.devices.clear()
        for device in self.controller.devices():
            item = QListWidgetItem(tr("{name} — {address}, {count} sent", name=device["name"],
                                      address=device["address"], count=device["sent"]))
            item.setData(ROLE, device["key"])
            self.devices.addItem(item)
            if device["key"] == current:
                self.devices.setCurrentItem(item)

    def remove_selected_post(self) -> None:
        item = self.results.currentItem()
        target = item.data(ROLE) if item is not None else None
        if target and self.controller.session is not None:
            self.controller.session.push(DeleteEntity(target[0], target[1], text=tr("Remove a post")))

    def close_selected_device(self) -> None:
        item = self.devices.currentItem()
        if item is not None:
            self.controller.close_device(item.data(ROLE))
            self.refresh_devices()
