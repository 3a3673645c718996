"""Shared fixtures. GUI tests run headless; a run that collects no test fails."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOT_WORKSHOP_DATA", os.path.join(os.path.dirname(__file__), "..", ".pytest_cache", "data"))

import pytest  # noqa: E402

from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.i18n import set_language  # noqa: E402
from mot_workshop.persistence.store import Store  # noqa: E402


def pytest_sessionfinish(session, exitstatus):
    # pytest's exit code 5 ("no tests collected") must never pass as success.
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _english_by_default():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def workshop_path(tmp_path):
    return tmp_path / "workshop.motw"


@pytest.fixture
def store(workshop_path):
    s = Store.create(workshop_path, title="Test workshop")
    yield s
    s.close()


@pytest.fixture
def history(store):
    return History(store)
