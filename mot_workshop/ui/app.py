"""The QApplication: names (for QSettings), the Korean font, the look, the app icon."""

from __future__ import annotations

import atexit
import sys

from PySide6.QtWidgets import QApplication

from mot_workshop.ui import fonts
from mot_workshop.ui.file_open_events import Application
from mot_workshop.ui.icons import app_icon

# Style sheets are set on the few widgets that need them, not on the application: an
# application-wide sheet makes Qt polish and paint every widget through the (slower)
# style-sheet style, which costs start-up time and drag frames.
STYLE_SHEET = """
QWidget#startScreen { background: #ffffff; }
QLabel#startTitle { font-size: 30px; font-weight: 700; color: #1f2933; }
QLabel#startSubtitle { font-size: 15px; color: #52606d; }
QLabel#startHeading, QLabel#sectionHeading { font-size: 14px; font-weight: 700; color: #3e4c59;
    padding: 6px 0 4px 0; }
QLabel#startHint, QLabel#muted { color: #616e7c; }
QPushButton[card="true"] { text-align: left; background: #ffffff; border: 1px solid #d9dee3;
    border-radius: 8px; }
QPushButton[card="true"]:hover { border: 1px solid #1e6ee8; background: #f5f9ff; }
QPushButton[card="true"]:focus { border: 2px solid #1e6ee8; }
QPushButton[card="true"]:pressed { background: #e3edfc; }
QWidget#startScreen QPushButton:checked { font-weight: 700; }
QListWidget#recentList { background: #ffffff; font-size: 13px; }
QListWidget#recentList::item { padding: 6px 4px; border-bottom: 1px solid #eef1f4; }
QListWidget#recentList::item:selected { background: #e3edfc; color: #1f2933; }
QLabel#cardTitle { font-size: 16px; font-weight: 700; color: #1f2933; }
QLabel#formMessage { background: #fdecea; color: #8e1b1b; border: 1px solid #f2b8b5;
    border-radius: 4px; padding: 6px; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 2px solid #c62828; border-radius: 3px; }
QLabel#propertiesHeader { font-weight: 700; font-size: 14px; padding-bottom: 6px; }
QLabel#propertiesPlaceholder { color: #616e7c; }
QWidget#editorBar { background: #f5f7fa; border-bottom: 1px solid #d9dee3; }
QWidget#editorBar QToolButton { padding: 3px 10px; border: 1px solid transparent; border-radius: 4px; }
QWidget#editorBar QToolButton:checked { background: #dce8fb; border: 1px solid #9dbcf0; font-weight: 600; }
QWidget#editorBar QToolButton:hover { border: 1px solid #c3ccd5; }
QLabel#cycleSummary { color: #3e4c59; }
QLabel#zoomLabel { color: #616e7c; min-width: 70px; }
"""


def create_app(lang: str, argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = Application(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("MOT Workshop")
    app.setApplicationName("MOT Workshop")
    app.setWindowIcon(app_icon())
    fonts.install(app, lang)
    _release_clipboard_at_exit()
    return app


_clipboard_release_registered = False


def _release_clipboard_at_exit() -> None:
    """Give the clipboard's data back before Qt tears down: a QMimeData made in Python and
    still on the clipboard when the application is destroyed crashes the process on exit.
    Registered after the QApplication exists, so it runs before PySide's own clean-up."""
    global _clipboard_release_registered
    if _clipboard_release_registered:
        return
    _clipboard_release_registered = True

    def release() -> None:
        app = QApplication.instance()
        if app is None:
            return
        clipboard = app.clipboard()
        # Only our own data: never wipe what another program put there.
        if clipboard.ownsClipboard() or QApplication.platformName() in ("offscreen", "minimal"):
            clipboard.clear()

    atexit.register(release)


def styled(widget) -> None:
    """Give ``widget`` (and its children) the app's look."""
    widget.setStyleSheet(STYLE_SHEET)


def editor_bar():
    """The strip of buttons on top of an editor tab: the bar and its row layout (which wraps
    onto a second line rather than widen the window)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from mot_workshop.ui.flow_row import FlowRow

    bar = QWidget()
    bar.setObjectName("editorBar")
    bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    styled(bar)
    row = FlowRow(bar)
    row.setContentsMargins(8, 4, 8, 4)
    return bar, row
