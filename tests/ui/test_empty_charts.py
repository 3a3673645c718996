"""A chart with nothing to show yet (a new workshop) says so in words a person can read whole:
the note is wrapped inside the widget, not cut at both ends of a narrow chart beside a table;
and a step without any process says to add one (there is nothing to pick in the navigator)."""

from __future__ import annotations

import pytest

from mot_workshop.persistence.store import Store
from mot_workshop.ui.charts.chart_view import ChartView


@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_empty_chart_notes_are_whole(window, qtbot, tmp_path, lang, size):
    window.set_language(lang)
    path = tmp_path / "new.motw"
    Store.create(path, title="Workshop", language=lang).close()
    assert window.files.open_path(path)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    for step in (1, 4, 7):
        window.wizard_host.open_step(step)
        page = window.wizard_host.wizard().pages[step]
        charts = [c for c in page.findChildren(ChartView) if c.isVisible()]
        assert charts
        for chart in charts:
            qtbot.waitUntil(lambda c=chart: c.canvas is not None and c._built_size == c.size()
                            and not c._timer.isActive(), timeout=5000)
            figure = chart.canvas.figure
            renderer = chart.canvas.get_renderer()
            figure.draw(renderer)
            notes = [t for ax in figure.axes for t in ax.texts if t.get_text()]
            assert len(notes) == 1
            box, frame = notes[0].get_window_extent(renderer), figure.bbox
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, \
                f"step {step}: the note {notes[0].get_text()!r} is cut ({box} in {frame})"
        if step != 1:
            assert page.process_label.text() == ("No process yet — add one in step 1 (Insert ▸ New process)"
                                                 if lang == "en" else
                                                 "아직 프로세스가 없습니다 — 1단계에서 추가하세요 (삽입 ▸ 새 프로세스)")


def test_map_steps_without_any_process_say_to_add_one(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    path = tmp_path / "new.motw"
    Store.create(path, title="Workshop", language="en").close()
    assert window.files.open_path(path)
    for step in (3, 5, 8):
        window.wizard_host.open_step(step)
        page = window.wizard_host.wizard().pages[step]
        texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
        assert not any("This process has no" in t for t in texts)
        assert texts.count("No process yet — add one in step 1 (Insert ▸ New process)") == 2   # header + map area
