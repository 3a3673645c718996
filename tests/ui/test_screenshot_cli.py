"""`mot-workshop FILE --screenshot OUT.png [--view VIEW]` and `mot-workshop render`, run as
the user runs them (a fresh process, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.ui.conftest import build_cycles_file


def _run(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "s.ini"),
               MOT_WORKSHOP_DATA=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "mot_workshop", *args], env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def workshop(tmp_path):
    path = tmp_path / "w.motw"
    build_cycles_file(path)
    return path


def test_screenshot_of_the_start_view(workshop, tmp_path):
    out = tmp_path / "start.png"
    result = _run(str(workshop), "--screenshot", str(out), "--size", "1200x760", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 760)
    assert not (tmp_path / "s.ini").exists() or "recent" not in (tmp_path / "s.ini").read_text()


def test_screenshot_of_a_cycle(workshop, tmp_path):
    out = tmp_path / "cycle.png"
    result = _run(str(workshop), "--screenshot", str(out), "--view", "cycle:Parking", "--lang", "en",
                  tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    colours = {image.pixelColor(x, y).name() for x in range(300, 1100, 7) for y in range(150, 850, 7)}
    assert "#d7301f" in colours or "#fc8d59" in colours     # the level fills are drawn


def test_screenshot_without_a_file_shows_the_start_screen(tmp_path):
    out = tmp_path / "empty.png"
    result = _run("--screenshot", str(out), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1440


def test_unknown_view_is_an_error(workshop, tmp_path):
    result = _run(str(workshop), "--screenshot", str(tmp_path / "x.png"), "--view", "cycle:Nope", "--lang", "en",
                  tmp_path=tmp_path)
    assert result.returncode == 2
    assert "No MOT cycle named 'Nope'" in result.stderr and "Parking" in result.stderr


def test_bad_file_screenshot_fails_without_waiting(tmp_path):
    bad = tmp_path / "bad.motw"
    bad.write_bytes(b"nope")
    result = _run(str(bad), "--screenshot", str(tmp_path / "x.png"), "--lang", "en", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "could not be opened" in result.stderr


def test_render_png_and_svg(workshop, tmp_path):
    png, svg = tmp_path / "ring.png", tmp_path / "ring.svg"
    result = _run("render", str(workshop), "--view", "cycle:Parking", "-o", str(png), "--lang", "en",
                  tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert image.width() > 800 and image.height() > 800
    result = _run("render", str(workshop), "--view", "journey:Parking", "-o", str(svg), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text


def test_render_refuses_bad_views_and_suffixes(workshop, tmp_path):
    result = _run("render", str(workshop), "--view", "start", "-o", str(tmp_path / "a.png"), "--lang", "en",
                  tmp_path=tmp_path)
    assert result.returncode == 1 and "window view" in result.stderr
    result = _run("render", str(workshop), "--view", "cycle:Parking", "-o", str(tmp_path / "a.bmp"), "--lang", "en",
                  tmp_path=tmp_path)
    assert result.returncode == 1 and ".png or .svg" in result.stderr


def test_render_at_a_chosen_dpi(tmp_path):
    """--dpi 144 draws twice as many pixels per side as --dpi 72 (a point is 1/72 inch)."""
    from PySide6.QtGui import QImage

    from mot_workshop.cli import main
    from mot_workshop.editing.entities import CreateEntity
    from mot_workshop.editing.history import History
    from mot_workshop.persistence.store import Store

    path = tmp_path / "dpi.motw"
    with Store.create(path) as store:
        history = History(store)
        cycle = CreateEntity("cycle", {"name": "Parking"})
        history.push(cycle)
        history.push(CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": "Pays the fee", "level": 1}))
    low, high = tmp_path / "low.png", tmp_path / "high.png"
    assert main(["render", str(path), "--view", "cycle:Parking", "-o", str(low), "--dpi", "72"]) == 0
    assert main(["render", str(path), "--view", "cycle:Parking", "-o", str(high), "--dpi", "144"]) == 0
    small, big = QImage(str(low)), QImage(str(high))
    assert abs(big.width() - 2 * small.width()) <= 1 and abs(big.height() - 2 * small.height()) <= 1


def test_render_speaks_the_workshops_language_unless_told(tmp_path):
    """An English workshop renders with English labels by default, whatever the UI language."""
    from mot_workshop.editing.entities import CreateEntity
    from mot_workshop.editing.history import History
    from mot_workshop.persistence.store import Store

    path = tmp_path / "english.motw"
    with Store.create(path, title="Car park", language="en") as store:
        history = History(store)
        cycle = CreateEntity("cycle", {"name": "Parking"})
        history.push(cycle)
        history.push(CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": "Pays the fee", "level": 1}))
    (tmp_path / "s.ini").write_text("[General]\nlanguage=ko\n", encoding="utf-8")   # a Korean UI
    images = {}
    for name, extra in (("default", ()), ("en", ("--lang", "en")), ("ko", ("--lang", "ko"))):
        out = tmp_path / f"{name}.svg"
        result = _run("render", str(path), "--view", "cycle:Parking", "-o", str(out), *extra, tmp_path=tmp_path)
        assert result.returncode == 0, result.stderr
        images[name] = out.read_text(encoding="utf-8")
    assert images["default"] == images["en"]
    assert images["default"] != images["ko"]
