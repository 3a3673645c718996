"""Facilitation → Open the room to phones (the room's controller and overlay are made when
first used, so a window that never opens a room never loads any of it)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mot_workshop.i18n import tr


def add_to(window, menu: QMenu) -> None:
    action = QAction(tr("Open the &room to phones…"), menu)
    action.setObjectName("openRoomAction")
    action.triggered.connect(lambda: show_room(window))
    menu.addAction(action)


def controller(window):
    """The window's room controller (one per window)."""
    found = getattr(window, "room_controller", None)
    if found is None:
        from mot_workshop.ui.facilitation.room_controller import RoomController
        from mot_workshop.ui.facilitation.room_overlay import RoomOverlay

        found = window.room_controller = RoomController(window)
        window.room_overlay = RoomOverlay(found, lambda: window.wizard_host.presenting, window)
    return found


def show_room(window):
    from mot_workshop.ui.facilitation.room_dialog import RoomDialog

    dialog = getattr(window, "room_dialog", None)
    if dialog is None:
        dialog = window.room_dialog = RoomDialog(controller(window), window)
    dialog.show()
    dialog.activateWindow()
    return dialog
