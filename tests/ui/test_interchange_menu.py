"""File → Import / Export from the window: team files, BPMN, tables, images — each import one
undoable step, refusals as messages with nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from mot_workshop.ui import interchange_menu as menu


@pytest.fixture
def files(monkeypatch):
    """Answers for the file dialogs, in order."""
    answers: list[str] = []
    pick = lambda *a, **k: (str(answers.pop(0)) if answers else "", "")   # noqa: E731
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pick))
    return answers


@pytest.fixture
def choices(monkeypatch):
    """Answers for item choices (by position) and the DPI question."""
    state = {"item": 0, "dpi": 144}
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda parent, title, label, items, *a, **k: (items[state["item"]], True)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (state["dpi"], True)))
    return state


def team_file(path, process_name="Exchange defective goods"):
    with Store.create(path, title="Team B") as store:
        h = History(store)
        h.push(CreateEntity("team", {"name": "Team B"}))
        h.push(CreateEntity("process", {"name": process_name}))
        h.push(CreateEntity("cycle", {"name": "Parking"}))      # clashes with the master's cycle
    return path


def test_importing_a_team_file_is_one_undoable_step(opened, tmp_path, files, dialogs):
    window, path, _ = opened
    files.append(team_file(tmp_path / "team.motw"))
    before = window.session.stack.count()
    menu.import_workshop_file(window)
    store = window.session.store
    assert window.session.stack.count() == before + 1
    names = [c.name for c in store.select("cycle")]
    assert "Parking (Team B)" in names
    assert any("Renamed" in d for _, _, d in dialogs)
    window.session.stack.undo()
    assert "Parking (Team B)" not in [c.name for c in store.select("cycle")]
    window.session.stack.redo()
    with Store.open(path, read_only=True) as again:
        assert "Parking (Team B)" in [c.name for c in again.select("cycle")]


def test_a_file_cannot_be_merged_into_itself(opened, files, dialogs):
    window, path, _ = opened
    files.append(path)
    before = window.session.stack.count()
    menu.import_workshop_file(window)
    assert window.session.stack.count() == before
    assert any("itself" in text for _, text, _ in dialogs)


def test_a_damaged_team_file_is_a_message(opened, tmp_path, files, dialogs):
    window, _, _ = opened
    bad = tmp_path / "bad.motw"
    bad.write_bytes(b"not a workshop")
    files.append(bad)
    menu.import_workshop_file(window)
    assert dialogs and dialogs[-1][0] == QMessageBox.Icon.Critical


def test_tables_export_and_import_with_bad_rows(opened, tmp_path, files, choices, dialogs):
    window, _, _ = opened
    session = window.session
    session.push(CreateEntity("process", {"name": "Exchange defective goods"}))
    process = session.store.select("process")[0].id
    session.push(CreateEntity("obstacle", {"process_id": process, "obstacle": "Approval by the manager",
                                            "solution": "Empower staff"}))
    choices["item"] = 3                           # obstacles
    csv = tmp_path / "obstacles.csv"
    files.append(csv)
    menu.export_table(window)
    text = csv.read_text(encoding="utf-8-sig")
    assert "Approval by the manager" in text
    csv.write_text(text + "Nope,x,y,z,w\n", encoding="utf-8-sig")      # a row naming no such process
    before = session.stack.count()
    dialogs.answer = QMessageBox.ButtonRole.NoRole                     # don't skip: nothing imported
    files.append(csv)
    menu.import_table(window)
    assert session.stack.count() == before and len(session.store.select("obstacle")) == 1
    dialogs.answer = QMessageBox.ButtonRole.YesRole                    # skip the bad row
    files.append(csv)
    menu.import_table(window)
    assert session.stack.count() == before + 1 and len(session.store.select("obstacle")) == 2


def test_image_of_the_open_cycle_at_the_chosen_dpi(editor, tmp_path, files, choices):
    window = editor.window()
    png, svg = tmp_path / "ring.png", tmp_path / "ring.svg"
    files.extend([png, svg])
    choices["dpi"] = 144
    menu.export_image(window)
    menu.export_image(window)
    scene = window.current_editor().current_scene()
    image = QImage(str(png))
    assert image.width() == round(scene.sceneRect().width() * 2)
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_bpmn_round_trip_through_the_menu(opened, tmp_path, files, choices, dialogs):
    from mot_workshop.sample.builder import _build

    window, _, _ = opened
    sample = tmp_path / "sample.motw"
    with Store.create(sample) as store:
        _build(store, "en")
    window.files.open_path(sample)
    choices["item"] = 0                                               # the first map (As-Is)
    bpmn = tmp_path / "as-is.bpmn"
    files.append(bpmn)
    menu.export_bpmn(window)
    assert b"bpmn:process" in bpmn.read_bytes() or b"<process" in bpmn.read_bytes()
    maps_before = len(window.session.store.select("process_map"))
    files.append(bpmn)
    menu.import_bpmn(window)
    assert len(window.session.store.select("process_map")) == maps_before + 1
    window.session.stack.undo()
    assert len(window.session.store.select("process_map")) == maps_before


def test_hostile_bpmn_is_refused_and_nothing_changes(opened, tmp_path, files, dialogs):
    window, _, _ = opened
    evil = tmp_path / "evil.bpmn"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<definitions>&x;</definitions>', encoding="utf-8")
    files.append(evil)
    before = window.session.stack.count()
    menu.import_bpmn(window)
    assert window.session.stack.count() == before
    assert dialogs and dialogs[-1][0] == QMessageBox.Icon.Critical


def test_the_file_menu_offers_import_and_export(opened):
    window, _, _ = opened
    file_menu = window.menuBar().actions()[0].menu()
    titles = [a.text() for a in file_menu.actions()]
    assert "&Import from another workshop file…" in titles and "E&xport" in titles and "I&mport" in titles
    exports = next(a.menu() for a in file_menu.actions() if a.text() == "E&xport")
    assert len(exports.actions()) == 5


def test_a_to_be_imported_through_the_menu_keeps_its_links_or_says_which_it_lost(opened, tmp_path, files,
                                                                                 choices, dialogs):
    from mot_workshop.sample.builder import _build

    window, _, _ = opened
    sample = tmp_path / "sample.motw"
    with Store.create(sample) as store:
        _build(store, "en")
    window.files.open_path(sample)
    store = window.session.store
    to_be = next(m for m in store.select("process_map") if str(m.kind) == "to-be")
    choices["item"] = [m.id for m in store.select("process_map")].index(to_be.id)
    bpmn = tmp_path / "to-be.bpmn"
    files.append(bpmn)
    menu.export_bpmn(window)
    # into the map's own process: derived from its As-Is, touchpoints linked
    choices["item"] = 1 + [p.id for p in store.select("process")].index(to_be.process_id)
    files.append(bpmn)
    menu.import_bpmn(window)
    new = max(store.select("process_map"), key=lambda m: m.id)
    as_is = next(m for m in store.select("process_map") if str(m.kind) == "as-is" and m.process_id == to_be.process_id)
    assert (new.process_id, new.derived_from_id, str(new.kind)) == (to_be.process_id, as_is.id, "to-be")
    steps = store.select("step", map_id=new.id)
    assert all(s.origin_id in {a.id for a in store.select("step", map_id=as_is.id)} for s in steps)
    assert {s.touchpoint_id for s in steps} == {s.touchpoint_id for s in store.select("step", map_id=to_be.id)}
    # into a new process: the report says what could not be linked
    choices["item"] = 0
    files.append(bpmn)
    menu.import_bpmn(window)
    assert "which this process does not have" in dialogs[-1][2]


def test_a_table_from_a_chosen_sheet_of_a_workbook_and_what_the_reading_noticed(opened, tmp_path, files, dialogs,
                                                                                 monkeypatch):
    import openpyxl

    window, _, _ = opened
    session = window.session
    session.push(CreateEntity("process", {"name": "Exchange"}))
    asked: list[list[str]] = []
    def pick(parent, title, label, items, *a, **k):
        asked.append(list(items))
        return (next(i for i in items if i.lower().startswith("action")) if len(asked) == 1 else "Later"), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    book = openpyxl.Workbook()
    book.active.title = "Now"
    book.active.append(["Process", "Description", "Due date", "Done", "My notes"])
    book.active.append(["Exchange", "Write the grading table", "12/15/2026", "no", "x"])
    later = book.create_sheet("Later")
    later.append(["Process", "Description", "Due date", "Done"])
    later.append(["Exchange", "Change the approval rule", "2026. 12. 15.", "yes"])
    later.append(["Exchange", "Train the staff", "1/5/2027", "5.0"])           # not yes or no: a bad row
    path = tmp_path / "actions.xlsx"
    book.save(path)
    files.append(path)
    dialogs.answer = QMessageBox.ButtonRole.YesRole                            # skip the bad row
    menu.import_table(window)
    assert asked[1] == ["The sheet with this table's header", "Now", "Later"]
    actions = session.store.select("action")
    assert [(a.description, a.due, a.done) for a in actions] == [("Change the approval rule", "2026-12-15", True)]
    assert any("Imported 1 row. Skipped 1 bad row." == text for _, text, _ in dialogs)
    assert window.statusBar().currentMessage() == "Imported 1 row. Skipped 1 bad row."


def test_a_map_exported_for_camunda_8_has_feel_conditions(opened, tmp_path, choices, monkeypatch):
    from mot_workshop.sample.builder import _build

    window, _, _ = opened
    sample = tmp_path / "sample.motw"
    with Store.create(sample) as store:
        _build(store, "en")
    window.files.open_path(sample)
    choices["item"] = 0
    out = tmp_path / "c8.bpmn"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, path, filters, *a: (str(out), filters.split(";;")[1])))
    menu.export_bpmn(window)
    xml = out.read_text(encoding="utf-8")
    assert 'language="https://www.omg.org/spec/DMN/20191111/FEEL/">= decision_' in xml
    assert 'language="javascript"' not in xml
