"""Every command test runs twice: on a workshop file and on a workshop on a team server."""

from __future__ import annotations

import pytest

from tests.backends import backend_for


@pytest.fixture(params=["file", "server"])
def backend(request, workshop_path):
    chosen = backend_for(request, workshop_path)
    yield chosen
    chosen.close()


@pytest.fixture
def store(backend):
    s = backend.create(title="Test workshop")
    yield s
    s.close()
