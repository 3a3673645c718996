"""File → Import / Export: team files, BPMN maps, worksheet tables, diagram images, and the
PDF report and worksheets. Each import is one undoable command; exports never touch the
workshop. The heavy modules (BPMN, spreadsheets, PDF) load when an entry is first used."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, kind_name
from mot_workshop.ui import messages


def add_to(window, file_menu: QMenu) -> None:
    """Add the import and export entries to the File menu (rebuilt on a language switch)."""
    entries = [
        (file_menu, tr("&Import from another workshop file…"), import_workshop_file),
    ]
    imports = file_menu.addMenu(tr("I&mport"))
    exports = file_menu.addMenu(tr("E&xport"))
    entries += [
        (imports, tr("Process map from &BPMN…"), import_bpmn),
        (imports, tr("Worksheet &table (CSV, Excel)…"), import_table),
        (exports, tr("Session &report (PDF)…"), lambda w: _pdf("export_report", w)),
        (exports, tr("&Worksheets (PDF)…"), lambda w: _pdf("export_worksheets", w)),
        (exports, tr("&Image of this diagram (PNG, SVG)…"), export_image),
        (exports, tr("Process map as &BPMN…"), export_bpmn),
        (exports, tr("Worksheet t&able (CSV, Excel)…"), export_table),
    ]
    for menu, text, handler in entries:
        action = QAction(text, menu)
        action.triggered.connect(lambda _=False, h=handler: _guarded(window, h))
        menu.addAction(action)
    imports.aboutToShow.connect(lambda: _enable(window, imports, writes=True))
    exports.aboutToShow.connect(lambda: _enable(window, exports, writes=False))


def _enable(window, menu: QMenu, *, writes: bool) -> None:
    session = window.session
    usable = session is not None and not (writes and session.read_only)
    for action in menu.actions():
        action.setEnabled(usable)


def _guarded(window, handler) -> None:
    if window.session is None:
        messages.info(window, tr("Open a workshop first."))
        return
    if not window.session.ensure_store():
        return
    handler(window)


def _pdf(name: str, window) -> None:
    from mot_workshop.ui import pdf_export

    getattr(pdf_export, name)(window)


def _folder(window) -> str:
    return str(window.session.path.parent)


def _save_name(window, title: str, default: str, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog     # the dialogs load when first used

    name, _ = QFileDialog.getSaveFileName(window, title, os.path.join(_folder(window), default), filters)
    return Path(name) if name else None


def _open_name(window, title: str, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(window, title, _folder(window), filters)
    return Path(name) if name else None


def _choose(window, title: str, label: str, items: list[tuple[str, object]]) -> object | None:
    if not items:
        return None
    from PySide6.QtWidgets import QInputDialog

    texts = [text for text, _ in items]
    text, ok = QInputDialog.getItem(window, title, label, texts, 0, False)
    return items[texts.index(text)][1] if ok and text in texts else None


# ---------------------------------------------------------------------- team files
def import_workshop_file(window) -> None:
    from mot_workshop.editing.merge import MergeWorkshop, merge_notes, same_workshop
    from mot_workshop.persistence.errors import WorkshopFileError
    from mot_workshop.persistence.reading import reading

    session = window.session
    path = _open_name(window, tr("Import from another workshop file"), tr("Workshop files (*.motw)"))
    if path is None:
        return
    if path.absolute() == session.path.absolute():
        messages.warning(window, tr("A workshop file cannot be merged into itself."))
        return
    try:
        with reading(path) as team_store:
            team = team_store.snapshot()
    except WorkshopFileError as exc:
        messages.error(window, str(exc))
        return
    if same_workshop(session.store, team):
        messages.warning(window, tr("A workshop file cannot be merged into itself."),
                         tr("{name} is this workshop (the same workshop identity).", name=path.name))
        return
    command = MergeWorkshop(team)
    changes = session.push(command)
    if changes is None:
        return
    made = {kind: sum(1 for k, _ in changes.created if k == kind) for kind, _ in changes.created}
    summary = ", ".join(f"{kind_name(k)} {n}" for k, n in made.items() if k in ("process", "cycle", "team"))
    window.statusBar().showMessage(tr("Imported {name}: {summary}", name=path.name, summary=summary or "-"), 8000)
    lines = merge_notes(command)
    if lines:
        messages.info(window, tr("Imported {name}.", name=path.name), "\n".join(lines))


# ---------------------------------------------------------------------- BPMN
def _maps(window) -> list[tuple[str, int]]:
    store = window.session.store
    names = {p.id: p.name for p in store.select("process")}
    return [(f"{names.get(m.process_id, '?')} — {enum_name(m.kind)}" + (f" ({m.title})" if m.title else ""), m.id)
            for m in store.select("process_map")]


def _current_map(window) -> int | None:
    editor = window.current_editor()
    key = getattr(editor, "key", None)
    return key[1] if key and key[0] == "process_map" else None


def export_bpmn(window) -> None:
    from PySide6.QtWidgets import QFileDialog

    from mot_workshop.export.bpmn import export_map
    from mot_workshop.jobs.files import write_bytes_atomic

    map_id = _current_map(window) or _choose(window, tr("Export a process map as BPMN"), tr("Map"), _maps(window))
    if map_id is None:
        if not _maps(window):
            messages.info(window, tr("This workshop has no process map yet."))
        return
    # the file type chooses the condition dialect: JavaScript for most engines, FEEL for Camunda 8
    camunda8 = tr("BPMN for Camunda 8, FEEL conditions (*.bpmn)")
    name, chosen = QFileDialog.getSaveFileName(
        window, tr("Export a process map as BPMN"), os.path.join(_folder(window), tr("map") + ".bpmn"),
        ";;".join((tr("BPMN files (*.bpmn)"), camunda8)))
    if not name:
        return
    target = Path(name)
    conditions = "feel" if chosen == camunda8 else "javascript"
    try:
        write_bytes_atomic(target, export_map(window.session.store.snapshot(), map_id, conditions=conditions))
    except OSError as exc:
        messages.error(window, tr("The file could not be written."), f"{target}: {exc.strerror or exc}")
        return
    window.statusBar().showMessage(tr("Wrote {path}", path=str(target)), 8000)


def import_bpmn(window) -> None:
    from mot_workshop.editing.imports import import_map_command
    from mot_workshop.ui.import_progress import push_with_progress
    from mot_workshop.export.bpmn import BpmnError, read_bpmn_file
    from mot_workshop.export.bpmn.report import report_lines
    from mot_workshop.ui.reading_file import ReadingCancelled, read_beside

    path = _open_name(window, tr("Import a process map from BPMN"), tr("BPMN files (*.bpmn *.xml)"))
    if path is None:
        return
    try:                                        # hostile or broken files stop here: nothing is written
        plan = read_beside(window, tr("Import a process map from BPMN"), tr("Reading {name}…", name=path.name),
                           lambda _stop: read_bpmn_file(path))
    except ReadingCancelled:
        window.statusBar().showMessage(tr("The import was cancelled; nothing was added."), 8000)
        return
    except BpmnError as exc:
        messages.error(window, str(exc))
        return
    store = window.session.store
    choices = [(tr("A new process named after the file"), None)] + [(p.name, p.name) for p in store.select("process")]
    process = _choose(window, tr("Import a process map from BPMN"), tr("Into process"), choices) \
        if len(choices) > 1 else None
    command = import_map_command(store, plan, process=process)
    if push_with_progress(window, command, tr("Import a process map from BPMN")) is None:
        return
    lines = report_lines(plan.report)
    window.statusBar().showMessage(tr("Imported {name}.", name=path.name), 8000)
    if lines:
        messages.info(window, tr("Imported {name}.", name=path.name), "\n".join(lines))


# ---------------------------------------------------------------------- worksheet tables
def _table_choice(window, title: str) -> str | None:
    from mot_workshop.export.tabular import TABLES

    return _choose(window, title, tr("Table"), [(kind_name(kind), kind) for kind in TABLES.values()])


def export_table(window) -> None:
    from mot_workshop.export.tabular import TableError, export_table as table_bytes, table_format
    from mot_workshop.jobs.files import write_bytes_atomic

    kind = _table_choice(window, tr("Export a worksheet table"))
    if kind is None:
        return
    target = _save_name(window, tr("Export a worksheet table"), kind + ".xlsx",
                        tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"))
    if target is None:
        return
    try:
        data = table_bytes(window.session.store.snapshot(), kind, table_format(target), window.session.content_language)
        write_bytes_atomic(target, data)
    except TableError as exc:
        messages.error(window, str(exc))
        return
    except OSError as exc:
        messages.error(window, tr("The file could not be written."), f"{target}: {exc.strerror or exc}")
        return
    window.statusBar().showMessage(tr("Wrote {path}", path=str(target)), 8000)


def import_table(window) -> None:
    from mot_workshop.editing.imports import import_rows_command
    from mot_workshop.ui.import_progress import push_with_progress
    from mot_workshop.export.tabular import TableError, read_table
    from mot_workshop.export.tabular.files import sheet_names
    from mot_workshop.export.tabular.report import imported_rows
    from mot_workshop.ui.reading_file import ReadingCancelled, read_beside

    kind = _table_choice(window, tr("Import a worksheet table"))
    if kind is None:
        return
    path = _open_name(window, tr("Import a worksheet table"), tr("Tables (*.xlsx *.csv)"))
    if path is None:
        return
    store = window.session.store
    sheet = None
    if path.suffix.lower() == ".xlsx":
        names = sheet_names(path)
        if len(names) > 1:                     # which sheet: found by its header, or the user's pick
            picked = _choose(window, tr("Import a worksheet table"), tr("Sheet"),
                             [(tr("The sheet with this table's header"), "")] + [(n, n) for n in names])
            if picked is None:
                return
            sheet = picked or None
    processes = {p.name: p.id for p in store.select("process")}
    try:
        result = read_beside(window, tr("Import a worksheet table"), tr("Reading {name}…", name=path.name),
                             lambda stop: read_table(path, kind, processes, sheet=sheet, stop=stop))
    except ReadingCancelled:
        window.statusBar().showMessage(tr("The import was cancelled; nothing was added."), 8000)
        return
    except TableError as exc:
        messages.error(window, str(exc))
        return
    if result.problems:
        detail = "\n".join(str(p) for p in result.problems[:30])
        if not result.rows or not _skip_bad_rows(window, len(result.rows), len(result.bad_rows), detail):
            window.statusBar().showMessage(tr("Nothing was imported."), 8000)
            return
    if result.rows and push_with_progress(window, import_rows_command(kind, [v for _, v in result.rows]),
                                          tr("Import a worksheet table")) is None:
        return
    done = imported_rows(len(result.rows), len(result.bad_rows))
    window.statusBar().showMessage(done, 8000)
    if result.notes:
        messages.info(window, done, "\n".join(result.notes))


def _skip_bad_rows(window, good: int, bad: int, detail: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from mot_workshop.export.tabular.report import bad_rows_question

    box = QMessageBox(QMessageBox.Icon.Warning, "MOT Workshop",
                      bad_rows_question(bad, good), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    messages.set_detail(box, detail)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


# ---------------------------------------------------------------------- images
def export_image(window) -> None:
    from PySide6.QtWidgets import QInputDialog

    from mot_workshop.ui.render import render_scene
    from mot_workshop.ui.views import ViewError

    editor = window.current_editor()
    scene = None
    if editor is not None:
        scene = editor.current_scene() if hasattr(editor, "current_scene") else getattr(editor, "scene", None)
        scene = scene() if callable(scene) else scene
    if scene is None:
        messages.info(window, tr("Open a cycle or a process map first; its diagram is what is exported."))
        return
    target = _save_name(window, tr("Export an image of this diagram"), tr("diagram") + ".png",
                        tr("PNG images (*.png);;SVG drawings (*.svg)"))
    if target is None:
        return
    scale = 1.0
    if target.suffix.lower() != ".svg":
        dpi, ok = QInputDialog.getInt(window, tr("Image resolution"), tr("Dots per inch"), 150, 72, 600, 10)
        if not ok:
            return
        scale = dpi / 72.0             # the scene's unit is the point (1/72 inch)
    try:
        render_scene(scene, target, scale=scale)
    except (OSError, ViewError) as exc:
        messages.error(window, tr("The file could not be written."), str(exc))
        return
    window.statusBar().showMessage(tr("Wrote {path}", path=str(target)), 8000)
