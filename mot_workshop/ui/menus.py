"""The menu bar and the toolbar, built from the window's actions (and rebuilt on a
language switch)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from mot_workshop.i18n import tr


def build_menus(window) -> None:
    a = window.actions
    bar = window.menuBar()
    bar.clear()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(a.new)
    file_menu.addAction(a.open)
    window.recent_menu = QMenu(tr("Open &recent"), window)
    window.recent_menu.setObjectName("recentMenu")
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addMenu(window.recent_menu)
    samples = file_menu.addMenu(tr("Open the &sample workshop"))
    samples.addAction(a.sample_ko)
    samples.addAction(a.sample_en)
    from mot_workshop.ui.team_server import menu as team_server_menu

    team_server_menu.add_to(window, file_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.save_as)
    file_menu.addSeparator()
    from mot_workshop.ui import interchange_menu

    interchange_menu.add_to(window, file_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.close_tab)
    file_menu.addAction(a.close_workshop)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu(tr("&Edit"))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    for name in ("cut", "copy", "paste", "delete"):
        edit.addAction(a.items[name])
    edit.addSeparator()
    edit.addAction(a.select_all)
    edit.addAction(a.rename)

    window.insert_menu = insert = bar.addMenu(tr("&Insert"))
    fill_insert_menu(window, insert)

    view = bar.addMenu(tr("&View"))
    for name in ("zoom_in", "zoom_out", "zoom_fit", "zoom_reset"):
        view.addAction(a.items[name])
    view.addSeparator()
    view.addAction(a.journey)
    view.addSeparator()
    panels = view.addMenu(tr("&Panels"))
    for dock in window.docks():
        panels.addAction(dock.toggleViewAction())
    view.addAction(a.full_screen)
    view.addAction(a.steps)
    view.addAction(a.present)
    view.addSeparator()
    language = view.addMenu(tr("&Language"))
    language.addAction(a.lang_ko)
    language.addAction(a.lang_en)

    from mot_workshop.ui.facilitation import room_menu

    room_menu.add_to(window, bar.addMenu(tr("F&acilitation")))

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(a.guide)
    help_menu.addAction(a.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def fill_insert_menu(window, menu: QMenu) -> None:
    """Everything one can add, without the right mouse button (menu bar and toolbar)."""
    a = window.actions
    for group in (("new_process", "new_map", "new_team"), ("new_cycle", "new_sub_cycle", "add_touchpoint"),
                  ("new_lane", "new_phase")):
        if menu.actions():
            menu.addSeparator()
        for name in group:
            menu.addAction(a.items[name])


def build_toolbar(window) -> QToolBar:
    a = window.actions
    toolbar = getattr(window, "toolbar", None)
    if toolbar is None:
        toolbar = QToolBar(window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    toolbar.clear()
    toolbar.setWindowTitle(tr("Toolbar"))
    toolbar.addAction(a.new)
    toolbar.addAction(a.open)
    toolbar.addSeparator()
    toolbar.addAction(window.undo_action)
    toolbar.addAction(window.redo_action)
    toolbar.addSeparator()
    toolbar.addAction(a.new_cycle)
    toolbar.addAction(a.add_touchpoint)
    insert = QToolButton()                        # the whole Insert menu, one click away
    insert.setObjectName("insertButton")
    insert.setText(tr("Insert"))
    insert.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(insert)
    fill_insert_menu(window, menu)
    insert.setMenu(menu)
    toolbar.addWidget(insert)
    toolbar.addSeparator()
    toolbar.addAction(a.zoom_out)
    toolbar.addAction(a.zoom_in)
    toolbar.addAction(a.zoom_fit)
    toolbar.addSeparator()
    toolbar.addAction(a.steps)
    toolbar.addAction(a.present)
    # a narrow window: these show their icons only, in this order, before any button is hidden
    narrow = (a.zoom_out, a.zoom_in, a.zoom_fit, window.undo_action, window.redo_action, a.open, a.new,
              a.add_touchpoint, a.new_cycle)
    fit = getattr(toolbar, "fit", None)
    if fit is None:
        from mot_workshop.ui.toolbar_fit import ToolbarFit

        toolbar.fit = ToolbarFit(toolbar, narrow)
    else:
        fit.set_actions(narrow)
    return toolbar
