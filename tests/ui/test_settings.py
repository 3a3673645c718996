"""What the app remembers: language, recent files, window layout (QSettings, INI)."""

from __future__ import annotations

from mot_workshop.ui.settings import RECENT_MAX, Settings


def test_language_round_trip(qtbot):
    s = Settings()
    assert s.language is None
    s.language = "en"
    assert Settings().language == "en"
    s.q.setValue("ui/language", "fr")
    assert Settings().language is None            # unknown values are ignored


def test_recent_files_most_recent_first_without_duplicates(qtbot, tmp_path):
    s = Settings()
    a, b = tmp_path / "a.motw", tmp_path / "b.motw"
    s.add_recent(a)
    s.add_recent(b)
    s.add_recent(a)
    assert Settings().recent_files() == [str(a), str(b)]
    s.remove_recent(b)
    assert Settings().recent_files() == [str(a)]
    for i in range(RECENT_MAX + 5):
        s.add_recent(tmp_path / f"f{i}.motw")
    assert len(Settings().recent_files()) == RECENT_MAX
    s.clear_recent()
    assert Settings().recent_files() == []


def test_opening_a_file_adds_it_to_recent(window, cycles_file):
    path, _ = cycles_file
    window.files.open_path(path)
    assert Settings().recent_files()[0] == str(path.absolute())
    window.set_store(None)
    items = [window.start.recent_list.item(i).text() for i in range(window.start.recent_list.count())]
    assert items and items[0].startswith(path.name)


def test_window_layout_is_remembered(qtbot, cycles_file):
    from mot_workshop.ui.main_window import MainWindow

    path, _ = cycles_file
    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.resize(780, 560)
    first.show()
    first.files.open_path(path)
    first.palette_dock.hide()
    size = (first.width(), first.height())
    first.close()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    second.files.open_path(path)
    assert not second.palette_dock.isVisible()
    assert second.tree_dock.isVisible()
    second.close()


def test_screenshot_mode_remembers_nothing(qtbot, cycles_file):
    from mot_workshop.ui.main_window import MainWindow

    path, _ = cycles_file
    window = MainWindow(Settings(), remember=False)
    qtbot.addWidget(window)
    window.files.open_path(path)
    window.close()
    assert Settings().recent_files() == []
