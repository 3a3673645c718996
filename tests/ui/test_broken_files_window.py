"""The window's open path (plain and quick) against the broken files of the CLI matrix: a
message, no exception, no session on a file it must not edit, the bytes unchanged."""

from __future__ import annotations

import pytest

from tests.persistence.broken_files import BROKEN, broken_set


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return broken_set(tmp_path_factory.mktemp("broken"))


@pytest.mark.parametrize("quick", [False, True])
def test_the_window_refuses_broken_files_with_a_message(window, dialogs, broken, quick, qtbot):
    for kind in sorted(BROKEN):
        path = broken[kind]
        before = path.read_bytes()
        shown = len(dialogs)
        window.files.open_path(path, quick=quick)
        qtbot.waitUntil(lambda: window.session is None or not window.session.pending, timeout=10000)
        assert len(dialogs) > shown, f"{kind}: no message"
        assert window.session is None or window.session.read_only, f"{kind}: opened for editing"
        window.set_store(None)
        assert path.read_bytes() == before, f"{kind}: changed"
        assert not list(path.parent.glob("*backup*")), f"{kind}: a backup was left"
