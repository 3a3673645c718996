"""Help, offline: a short guide (the eight steps, what each editor is for, presentation mode),
the method reference (the same texts as the printed reference pages) and the keyboard
shortcuts, in the UI language."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout

from mot_workshop.domain.method import steps as method_steps
from mot_workshop.i18n import tr
from mot_workshop.ui.actions import plain_text


def guide_html() -> str:
    parts = [f"<h2>{escape(tr('How MOT Workshop works'))}</h2>",
             f"<p>{escape(tr('Every change is saved in the workshop file the moment it is made; Undo takes it back.'))}</p>",
             f"<h3>{escape(tr('The eight redesign steps'))}</h3><ol>"]
    for step in method_steps():
        parts.append(f"<li><b>{escape(step.title)}</b> — {escape(step.purpose)}</li>")
    parts.append("</ol>")
    parts.append(f"<p>{escape(tr('Open them with View → Redesign steps; the navigator on the left shows what each step has filled and what is missing, for the process chosen at its top.'))}</p>")
    parts.append(f"<h3>{escape(tr('The editors'))}</h3><ul>")
    for text in (tr("MOT cycle: the customer's touchpoints on a ring from IN to OUT. Drag a touchpoint along the ring to reorder it; select one and press 1–5 for its experienced level, Shift+1–5 for its importance, C to flag a critical moment."),
                 tr("Journey line: the same touchpoints left to right with the experience curve (View → Journey line)."),
                 tr("Process map: lanes (customer, contact, departments, systems) and phases; drag shapes from the palette, draw a flow from a step's edge to another step, note outputs, measures and problems on each step."),
                 tr("Worksheets: the tables of the eight steps; Add row starts with the name, Copy and Paste work with spreadsheets.")):
        parts.append(f"<li>{escape(text)}</li>")
    parts.append("</ul>")
    parts.append(f"<h3>{escape(tr('Presentation mode'))}</h3>")
    parts.append(f"<p>{escape(tr('F5 shows the current tab full screen in large type for the room: the map, cycle, chart or worksheet you are on. A map too large to read whole is shown phase by phase: PgDn and PgUp page through it. Alt+PgDn and Alt+PgUp move between the redesign steps, Ctrl+Alt+T starts or pauses the timer. F5 or Esc leaves, and the window comes back as it was.'))}</p>")
    return "".join(parts)


def reference_html() -> str:
    """The printed method reference pages as one page to read: the FACT process and the seven
    MOT principles, the C = G formula and the complaining customer types, the H/S/H diagnosis."""
    from mot_workshop.domain import reference

    def rows(pairs) -> str:
        return "".join(f"<tr><td style='padding-right:14px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                       for k, v in pairs)

    def numbered(items) -> str:
        return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"

    return "".join([
        f"<h2>{escape(tr('MOT improvement: the FACT process and the seven principles'))}</h2>",
        f"<h3>{escape(tr('The FACT process'))}</h3><table cellspacing='4'>{rows(reference.fact_process())}</table>",
        f"<h3>{escape(tr('Seven principles of MOT improvement'))}</h3>{numbered(reference.mot_principles())}",
        f"<h2>{escape(tr('Complaint = Gift: handling a complaint'))}</h2>",
        f"<h3>{escape(tr('The eight steps of the C = G formula'))}</h3>{numbered(reference.complaint_steps())}",
        f"<h3>{escape(tr('Types of complaining customers'))}</h3>"
        f"<table cellspacing='4'>{rows(reference.complainer_types())}</table>",
        f"<h2>{escape(tr('H/S/H diagnosis of a touchpoint'))}</h2>"
        f"<table cellspacing='4'>{rows(reference.hsh_elements())}</table>",
        f"<p>{escape(tr('File → Export → Worksheets (PDF) prints these pages, with a blank H/S/H diagnosis table.'))}</p>",
    ])


LAST_KEYBOARD_KEY = 0x01000052      # Qt.Key: Escape … arrows, page keys, F1–F35; beyond are media keys


def on_a_keyboard(sequence: QKeySequence) -> bool:
    """Keys every keyboard has. The platform's standard bindings also carry dedicated keys
    ("Save", "Zoom In", "Undo") that read as nonsense in a list of shortcuts ("Shift+Save")."""
    return all(sequence[i].key().value <= LAST_KEYBOARD_KEY for i in range(sequence.count()))


def key_text(action) -> str:
    return " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                      for k in action.shortcuts() if on_a_keyboard(k))


def shortcuts(window) -> list[tuple[str, str]]:
    rows = []
    for action in window.actions.items.values():
        if keys := key_text(action):
            rows.append((plain_text(action.text()), keys))
    for action in (window.undo_action, window.redo_action):
        rows.append((plain_text(action.iconText()), key_text(action)))
    rows += [(tr("Experienced level of the selected touchpoints"), "1 – 5"),
             (tr("Importance of the selected touchpoints"), "Shift+1 – Shift+5"),
             (tr("Critical moment on or off"), "C"),
             (tr("Duplicate the selected steps"), "Ctrl+D"),
             (tr("Zoom"), tr("Ctrl+mouse wheel")),
             (tr("Presentation: next / previous page of a map"), "PgDown / PgUp"),
             (tr("Presentation: next / previous step"), "Alt+PgDown / Alt+PgUp"),
             (tr("Presentation: start or pause the timer"), "Ctrl+Alt+T"),
             (tr("Leave presentation mode"), "F5 / Esc")]
    return rows


def shortcuts_html(window) -> str:
    rows = "".join(f"<tr><td>{escape(what)}</td><td style='padding-left:18px'><b>{escape(keys)}</b></td></tr>"
                   for what, keys in shortcuts(window))
    return f"<h2>{escape(tr('Keyboard shortcuts'))}</h2><table cellspacing='4'>{rows}</table>"


class HelpDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("helpDialog")
        self.setWindowTitle(tr("MOT Workshop help"))
        self.tabs = QTabWidget()
        self.guide = QTextBrowser()
        self.guide.setObjectName("helpGuide")
        self.guide.setOpenLinks(False)            # offline: nothing to follow
        self.guide.setHtml(guide_html())
        self.keys = QTextBrowser()
        self.keys.setObjectName("helpShortcuts")
        self.keys.setHtml(shortcuts_html(window))
        self.reference = QTextBrowser()
        self.reference.setObjectName("helpReference")
        self.reference.setOpenLinks(False)
        self.reference.setHtml(reference_html())
        self.tabs.addTab(self.guide, tr("Guide"))
        self.tabs.addTab(self.keys, tr("Keyboard shortcuts"))
        self.tabs.addTab(self.reference, tr("Method reference"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 640)


def show_help(window, page: str = "guide") -> HelpDialog:
    dialog = HelpDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.tabs.setCurrentIndex({"shortcuts": 1, "reference": 2}.get(page, 0))
    dialog.show()
    return dialog
