"""The PostgreSQL fixture itself: without server binaries a developer's run skips with one
line; CI's run fails instead of passing with the server tests quietly left out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path, ci: bool, workers: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    test = tmp_path / "test_needs_server.py"
    test.write_text("def test_it(pg_url):\n    pass\n")
    # a run inside a worker process must not look like one to the run it starts
    env = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith("PYTEST_XDIST")}
    env.update(MOTW_PG_BIN=str(tmp_path / "no-such-bin"), PYTHONPATH=str(ROOT))
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *workers,
                           "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"),
                           "--confcutdir", str(ROOT / "tests"), str(test)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_without_server_binaries_a_developer_run_skips_with_one_line(monkeypatch, tmp_path):
    from tests import conftest

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("MOTW_PG_BIN", str(tmp_path / "no-such-bin"))
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server binaries"):
        next(conftest.pg_cluster.__wrapped__())


@pytest.mark.parametrize("workers", [("-p", "no:xdist"), ("-n", "2")], ids=["one-process", "two-workers"])
def test_without_server_binaries_a_ci_run_fails(tmp_path, workers):
    # the test file lives outside tests/, so borrow the suite's conftest explicitly
    (tmp_path / "conftest.py").write_text("from tests.conftest import *  # noqa: F401,F403\n")
    ci = _run(tmp_path, ci=True, workers=workers)
    assert ci.returncode == 1, ci.stdout + ci.stderr
    assert "CI needs a PostgreSQL server" in ci.stdout
    summary = ci.stdout.strip().splitlines()[-1]      # the fixture's failure is the test's error
    assert summary.startswith("1 error") and "skipped" not in summary, summary


@pytest.mark.server
def test_a_port_taken_before_the_server_binds_it_is_traded_for_another():
    # Each test worker starts its own cluster on a free port found at init; another worker
    # (or any program) can take that port before the server binds it.
    import socket

    from tests.conftest import server_binaries
    from tests.server.cluster import Cluster

    cluster = Cluster(server_binaries())
    try:
        cluster.init()
        taken = cluster.port
        with socket.socket() as other:
            other.bind(("127.0.0.1", taken))
            other.listen()
            cluster.start()
        assert cluster.port != taken
        cluster.psql("SELECT 1")
    finally:
        cluster.destroy()
