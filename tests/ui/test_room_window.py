"""The room from the window: open it on loopback, phones score and post (real HTTP from a
thread while the GUI thread keeps running), results hidden until revealed, a post removed,
a phone closed out, the overlay in presentation mode, and no socket left after closing."""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request

from PySide6.QtCore import Qt

from mot_workshop.ui.facilitation import room_menu


def _call(url, body=None, device=None):
    headers = {"Content-Type": "application/json"}
    if device:
        headers["X-Device"] = device
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def _in_thread(qtbot, work):
    """Run phone requests off the GUI thread while Qt keeps handling the room's signals."""
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", work()))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30000)
    return out["value"]


def _listening(port):
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _open(window, qtbot):
    action = window.findChild(type(window.menuBar().actions()[0]), "openRoomAction")
    assert action is not None and action.text().replace("&", "") == "Open the room to phones…"
    action.trigger()
    dialog = window.room_dialog
    qtbot.waitExposed(dialog)
    dialog.interface.setCurrentIndex(dialog.interface.findData("127.0.0.1"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.room_controller.is_open
    return dialog, window.room_controller.room


def _choose(dialog, spec):
    dialog.activity.setCurrentIndex(dialog.activity.findData(spec))


def test_phones_score_and_post_through_the_window_and_the_facilitator_keeps_control(opened, qtbot):
    window, path, ids = opened
    dialog, room = _open(window, qtbot)
    assert dialog.code.text() == room.code and room.token in dialog.url.text()
    assert dialog.qr.matrix and len(dialog.qr.matrix) >= 29          # a real QR symbol of the URL
    assert dialog.live.isVisible() and not dialog.setup.isVisible()

    _choose(dialog, "score")
    assert dialog.subject.currentData() == ids["parking"]
    device = _in_thread(qtbot, lambda: _call(room.url + "join", {"voter": f"t:{ids['team']}"}))[1]["device"]
    answer = _in_thread(qtbot, lambda: _call(room.url + "score", {"target_id": ids["touchpoints"][0], "level": 4,
                                                                 "importance": 2}, device))
    assert answer == (200, answer[1]) and answer[1]["ok"]
    assert window.stack.undoText() == "Service team (phone): Score a touchpoint"
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert texts == ["Hidden until you show the results."]
    qtbot.mouseClick(dialog.reveal, Qt.MouseButton.LeftButton, pos=dialog.reveal.rect().bottomLeft() / 2 + dialog.reveal.rect().topLeft())
    if not dialog.reveal.isChecked():
        dialog.reveal.setChecked(True)
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert texts[0].startswith("1. Sees the entrance sign — room: level 4.0 ± 0.0, importance 2.0 ± 0.0 (n=1)")
    assert "team: 1 / 3" in texts[0]

    _choose(dialog, "post:idea")
    hostile = "<b>bold</b> <img src=x onerror=alert(1)>"
    answer = _in_thread(qtbot, lambda: _call(room.url + "post", {"target_id": ids["touchpoints"][1], "text": hostile},
                                             device))
    assert answer[0] == 200
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.results.item(0).text() == f"2. Takes a ticket: {hostile} — Service team"     # plain text
    dialog.results.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_post, Qt.MouseButton.LeftButton)
    assert window.session.store.select("idea") == []
    window.stack.undo()
    assert [i.text for i in window.session.store.select("idea")] == [hostile]
    window.stack.undo()                                           # the phone's post itself is undoable
    assert window.session.store.select("idea") == []

    assert dialog.devices.count() == 1
    dialog.devices.setCurrentRow(0)
    qtbot.mouseClick(dialog.close_device, Qt.MouseButton.LeftButton)
    closed = _in_thread(qtbot, lambda: _call(room.url + "post", {"target_id": ids["touchpoints"][1], "text": "x"},
                                             device))
    assert closed[0] == 403 and closed[1]["code"] == "closed"

    port = room.address.port
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not window.room_controller.is_open and not _listening(port)
    assert dialog.setup.isVisible()


def test_the_overlay_shows_in_presentation_mode_and_closing_the_window_stops_the_room(opened, qtbot):
    window, path, ids = opened
    dialog, room = _open(window, qtbot)
    dialog.close()
    window.wizard_host.presentation.enter(full_screen=False)
    overlay = window.room_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    assert overlay.code.text() == room.code and overlay.qr.matrix
    window.grab().save(str(path.with_name("presenting.png")))
    window.wizard_host.presentation.leave()
    qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=3000)
    port = room.address.port
    window.close()
    assert not window.room_controller.is_open and not _listening(port)


def test_opening_another_file_closes_the_room(opened, qtbot, tmp_path):
    window, path, ids = opened
    dialog, room = _open(window, qtbot)
    port = room.address.port
    window.set_store(None)
    assert not window.room_controller.is_open and not _listening(port)


def test_the_room_window_speaks_korean_after_a_language_switch(opened, qtbot):
    window, path, ids = opened
    dialog, room = _open(window, qtbot)
    window.actions.lang_ko.trigger()
    try:
        assert dialog.windowTitle() == "휴대폰 참여 방"
        assert dialog.close_button.text() == "방 닫기"
        assert dialog.activity.itemText(dialog.activity.findData("score")) == "사이클의 접점 점수 매기기"
        assert any(a.text() == "진행(&A)" for a in window.menuBar().actions())
        dialog.grab().save(str(path.with_name("room-ko.png")))
    finally:
        window.actions.lang_en.trigger()


def test_the_room_dialog_is_as_big_as_what_it_shows(opened, qtbot):
    """Closed, the dialog holds its few settings (it was 980×680 with everything in its top
    fifth); open, it grows for the code to scan and the results, within the screen; closed
    again, it is compact again."""
    window, _path, _ids = opened
    window.findChild(type(window.menuBar().actions()[0]), "openRoomAction").trigger()
    dialog = window.room_dialog
    qtbot.waitExposed(dialog)
    last = dialog.off_note
    blank_below = dialog.height() - last.mapTo(dialog, last.rect().bottomLeft()).y()
    assert blank_below <= 30, blank_below
    assert dialog.width() <= 700
    dialog.interface.setCurrentIndex(dialog.interface.findData("127.0.0.1"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.room_controller.is_open
    qtbot.wait(50)
    free = dialog.screen().availableGeometry()
    assert dialog.width() >= min(900, free.width() - 40) and dialog.height() >= min(600, free.height() - 60)
    assert dialog.qr.isVisible() and dialog.qr.height() >= 250
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not window.room_controller.is_open
    qtbot.wait(50)
    assert dialog.height() - last.mapTo(dialog, last.rect().bottomLeft()).y() <= 30
