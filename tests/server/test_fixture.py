"""The PostgreSQL fixture itself: without server binaries a developer's run skips with one
line; CI's run fails instead of passing with the server tests quietly left out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path, ci: bool) -> subprocess.CompletedProcess:
    test = tmp_path / "test_needs_server.py"
    test.write_text("def test_it(pg_url):\n    pass\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(MOTW_PG_BIN=str(tmp_path / "no-such-bin"), PYTHONPATH=str(ROOT))
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"),
                           "--confcutdir", str(ROOT / "tests"), str(test)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_without_server_binaries_a_developer_run_skips_with_one_line(monkeypatch, tmp_path):
    import pytest

    from tests import conftest

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("MOTW_PG_BIN", str(tmp_path / "no-such-bin"))
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server binaries"):
        next(conftest.pg_cluster.__wrapped__())


def test_without_server_binaries_a_ci_run_fails(tmp_path):
    # the test file lives outside tests/, so borrow the suite's conftest explicitly
    (tmp_path / "conftest.py").write_text("from tests.conftest import *  # noqa: F401,F403\n")
    ci = _run(tmp_path, ci=True)
    assert ci.returncode != 0
    assert "CI needs a PostgreSQL server" in ci.stdout
