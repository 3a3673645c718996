"""A run that collects no test fails (pytest's own exit code 5 would pass many CI checks), in
one process as on several workers (the README's command runs the suite with pytest-xdist)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("workers", [("-p", "no:xdist"), ("-n", "2")], ids=["one-process", "two-workers"])
def test_a_run_that_collects_no_test_fails(tmp_path, workers):
    (tmp_path / "conftest.py").write_text("from tests.conftest import *  # noqa: F401,F403\n")
    (tmp_path / "test_nothing.py").write_text('"""No test here."""\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *workers,
                          "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"),
                          "--confcutdir", str(ROOT / "tests"), str(tmp_path / "test_nothing.py")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert "no tests ran" in run.stdout, run.stdout + run.stderr
    assert run.returncode == pytest.ExitCode.TESTS_FAILED, run.stdout + run.stderr
