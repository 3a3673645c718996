"""The main window: start screen, tree, tabs, title, standard shortcuts, zoom, sub-cycles."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from mot_workshop.editing.entities import CreateEntity


def test_start_screen_first(window):
    assert window.central.currentWidget() is window.start
    assert window.windowTitle() == "MOT Workshop"
    assert not window.tree_dock.isVisible()
    assert window.start.sample_ko.text() and window.start.sample_en.text()


def test_title_shows_the_file(opened):
    window, path, _ = opened
    assert window.windowTitle().startswith(f"{path.name} — UI test workshop")
    assert window.windowFilePath() == str(path.absolute())
    assert window.tree_dock.isVisible() and window.properties_dock.isVisible()


def test_tree_shows_teams_cycles_and_sub_cycles(opened):
    window, _, ids = opened
    tree = window.tree
    parking = tree.item_for("cycle", ids["parking"])
    assert parking.parent() is tree.item_for("team", ids["team"])
    assert parking.text(0) == "Parking (5)"
    phone = tree.item_for("cycle", ids["phone"])
    assert phone.parent() is parking                       # a sub-cycle sits under its cycle
    tree.setCurrentItem(parking)
    assert window.properties.form.kind == "cycle"
    tree.itemActivated.emit(parking, 0)
    assert window.current_cycle_editor().cycle_id == ids["parking"]


def test_new_sub_cycle_from_the_open_cycle(opened):
    window, _, ids = opened
    window.open_cycle(ids["parking"])
    window.edit.update_actions()
    window.actions.new_sub_cycle.trigger()
    store = window.session.store
    children = store.select("cycle", parent_id=ids["parking"])
    assert [c.name for c in children] == ["Phone", "New sub-cycle"]
    new = children[-1]
    assert window.tree.item_for("cycle", new.id).parent() is window.tree.item_for("cycle", ids["parking"])
    assert window.current_cycle_editor().cycle_id == new.id
    window.stack.undo()
    assert window.tree.item_for("cycle", new.id) is None
    assert window.current_cycle_editor() is None or window.current_cycle_editor().cycle_id != new.id


def test_deleting_an_open_cycle_closes_its_tab(opened):
    window, _, ids = opened
    window.open_cycle(ids["other"])
    tabs = window.tabs.count()
    window.edit.tree_action("delete", "cycle", ids["other"])
    assert window.tabs.count() == tabs - 1
    window.stack.undo()
    assert window.tree.item_for("cycle", ids["other"]) is not None


def test_standard_shortcuts(window):
    a = window.actions
    assert a.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert a.copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert a.zoom_in.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert a.full_screen.shortcut() == QKeySequence(QKeySequence.StandardKey.FullScreen)


def test_zoom_in_out_fit(editor):
    window = editor.window()
    view = editor.ring_view
    fitted = view.zoom
    window.actions.zoom_in.trigger()
    assert view.zoom > fitted and not view.auto_fit
    window.actions.zoom_out.trigger()
    window.actions.zoom_out.trigger()
    assert view.zoom < fitted
    window.actions.zoom_fit.trigger()
    assert abs(view.zoom - fitted) < 1e-6 and view.auto_fit
    window.actions.zoom_reset.trigger()
    assert view.zoom == 1.0
    assert "100 %" in editor.zoom_label.text()


def test_full_screen_toggle(window):
    window.actions.full_screen.trigger()
    assert window.isFullScreen()
    window.actions.full_screen.trigger()
    assert not window.isFullScreen()


def test_changes_from_elsewhere_reach_every_view(editor):
    """A command pushed outside the editor (as the CLI or an importer would) shows everywhere."""
    window = editor.window()
    command = CreateEntity("touchpoint", {"cycle_id": editor.cycle_id, "name": "Gets a receipt"}, at=0)
    window.session.push(command)
    assert editor.ring_scene.touchpoints[0].name == "Gets a receipt"
    editor.set_mode("journey")                              # the hidden view re-reads when shown
    assert editor.journey_scene.touchpoints[0].name == "Gets a receipt"
    assert window.tree.item_for("cycle", editor.cycle_id).text(0) == "Parking (6)"
    assert window.history.model().rowCount() == 2           # "<opened>" and the step


def test_overview_opens_cycles(opened):
    window, _, ids = opened
    overview = window.tabs.widget(0)
    overview.open_cycle.emit(ids["parking"])
    assert window.current_cycle_editor().cycle_id == ids["parking"]


def test_palette_double_click_inserts_after_selection(editor):
    window = editor.window()
    editor.select([editor.ring_scene.touchpoints[0].id])
    item = window.palette.find("Parks the car")
    window.palette.tree.itemActivated.emit(item, 0)
    names = [t.name for t in window.session.store.select("touchpoint", cycle_id=editor.cycle_id)]
    assert names[1] == "Parks the car"


def test_palette_filter(window):
    palette = window.palette
    palette.filter.setText("ticket")
    visible = []

    def walk(item):
        if not item.isHidden():
            visible.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(palette.tree.topLevelItemCount()):
        walk(palette.tree.topLevelItem(i))
    assert "Takes a parking ticket" in visible
    assert "Shops" not in visible
