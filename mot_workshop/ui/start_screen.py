"""What the window shows with no workshop open: start a new one, open one, reopen a recent
one, or open the sample workshop in Korean or English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.i18n import current_language, tr
from mot_workshop.ui.icons import app_icon

PATH = 0x0100 + 1


class ActionCard(QPushButton):
    """A large button with a title and a line of description (keyboard: Tab, Enter/Space)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setProperty("card", True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(68)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(2)
        for label in (self.title, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)

    def set_texts(self, title: str, detail: str) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)

    def text(self) -> str:
        return self.title.text()

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint().expandedTo(QSize(300, 0))


class StartScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal(str)
    recent_requested = Signal(str)
    recent_removed = Signal(str)
    language_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        from mot_workshop.ui.app import styled

        styled(self)
        self._recent: list[str] = []
        page = QVBoxLayout(self)
        page.setContentsMargins(40, 0, 40, 20)
        page.addStretch(1)
        middle = QHBoxLayout()
        page.addLayout(middle, 12)
        body = QWidget()
        body.setMaximumWidth(1080)
        middle.addStretch(1)
        middle.addWidget(body, 30)
        middle.addStretch(1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(18)

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(72, 72)))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        self.title = QLabel("MOT Workshop")
        self.title.setObjectName("startTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("startSubtitle")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        outer.addLayout(head)

        columns = QHBoxLayout()
        columns.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(6)
        self.start_heading = QLabel()
        self.start_heading.setObjectName("startHeading")
        left.addWidget(self.start_heading)
        self.new_button = ActionCard()
        self.open_button = ActionCard()
        self.sample_ko = ActionCard()
        self.sample_en = ActionCard()
        self.new_button.setObjectName("newButton")
        self.open_button.setObjectName("openButton")
        self.sample_ko.setObjectName("sampleKo")
        self.sample_en.setObjectName("sampleEn")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_ko.clicked.connect(lambda: self.sample_requested.emit("ko"))
        self.sample_en.clicked.connect(lambda: self.sample_requested.emit("en"))
        for button in (self.new_button, self.open_button, self.sample_ko, self.sample_en):
            left.addWidget(button)
        left.addStretch(1)
        columns.addLayout(left, 4)

        right = QVBoxLayout()
        self.recent_heading = QLabel()
        self.recent_heading.setObjectName("startHeading")
        right.addWidget(self.recent_heading)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent_list.customContextMenuRequested.connect(self._recent_menu)
        self.recent_list.itemActivated.connect(self._recent_activated)
        self.recent_list.setSpacing(2)
        right.addWidget(self.recent_list, 1)
        self.recent_empty = QLabel()
        self.recent_empty.setObjectName("startHint")
        self.recent_empty.setWordWrap(True)
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.recent_empty, 1)
        from mot_workshop.ui.team_server.start_panel import ServerPanel

        right.addSpacing(12)
        self.server_panel = ServerPanel(self)        # a team server's shared workshops
        right.addWidget(self.server_panel, 2)
        columns.addLayout(right, 5)
        outer.addLayout(columns, 1)

        outer.addSpacing(8)
        foot = QHBoxLayout()
        self.language_label = QLabel()
        self.language_label.setObjectName("startHint")
        foot.addWidget(self.language_label)
        self.lang_buttons = {}
        for lang, text in (("ko", "한국어"), ("en", "English")):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setFlat(True)
            button.setObjectName(f"lang_{lang}")
            button.clicked.connect(lambda _=False, code=lang: self.language_requested.emit(code))
            self.lang_buttons[lang] = button
            foot.addWidget(button)
        foot.addStretch(1)
        self.privacy = QLabel()
        self.privacy.setObjectName("startHint")
        foot.addWidget(self.privacy)
        outer.addLayout(foot)
        page.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.subtitle.setText(tr("Customer moments of truth (MOT) and process redesign workshops"))
        self.start_heading.setText(tr("Start"))
        self.recent_heading.setText(tr("Recent workshops"))
        self.new_button.set_texts(tr("New workshop…"),
                                  tr("Create an empty workshop file. Every change is saved as you work."))
        self.open_button.set_texts(tr("Open…"), tr("Open a workshop file (.motw)."))
        self.sample_ko.set_texts(tr("Sample workshop (Korean)"),
                                 tr("A complete example: parking cycle, processes and maps, in Korean."))
        self.sample_en.set_texts(tr("Sample workshop (English)"), tr("The same example in English."))
        self.recent_empty.setText(tr("Workshops you open appear here."))
        self.language_label.setText(tr("Language:"))
        self.privacy.setText(tr("Works offline · nothing leaves this computer"))
        for lang, button in self.lang_buttons.items():
            button.setChecked(lang == current_language())
        self.server_panel.retranslate()
        self.set_recent(self._recent)

    def set_recent(self, paths: list[str]) -> None:
        self._recent = list(paths)
        self.recent_list.clear()
        for text in self._recent:
            path = Path(text)
            exists = path.exists()
            when = ""
            if exists:
                when = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            detail = f"{path.parent}   ·   {when}" if exists else f"{path.parent}   ·   {tr('missing')}"
            item = QListWidgetItem(f"{path.name}\n{detail}")
            item.setData(PATH, text)
            item.setToolTip(text)
            if not exists:
                item.setForeground(self.palette().placeholderText())
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(self._recent))
        self.recent_empty.setVisible(not self._recent)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(PATH))

    def _recent_menu(self, pos) -> None:
        item = self.recent_list.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(tr("Open")).triggered.connect(lambda: self.recent_requested.emit(item.data(PATH)))
        menu.addAction(tr("Remove from this list")).triggered.connect(
            lambda: self.recent_removed.emit(item.data(PATH)))
        menu.exec(self.recent_list.viewport().mapToGlobal(pos))
