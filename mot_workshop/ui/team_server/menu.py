"""File → Connect to a team server…"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mot_workshop.i18n import tr


def add_to(window, file_menu: QMenu) -> None:
    action = QAction(tr("Connect to a &team server…"), file_menu)
    action.setObjectName("connectTeamServer")
    action.triggered.connect(lambda _=False: _connect(window))
    file_menu.addAction(action)


def _connect(window) -> None:
    from mot_workshop.ui.team_server.opening import connect_and_choose

    connect_and_choose(window)
