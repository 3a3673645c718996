"""Faults on a shared workshop: a client killed mid-command, the server going away."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.errors import ServerUnavailable
from mot_workshop.persistence.server.server import Server

ROOT = Path(__file__).resolve().parents[2]


def test_a_client_killed_mid_command_leaves_nothing_half_applied(pg_url, tmp_path):
    with Server(pg_url) as server:
        server.create(title="Kill").close()
        marker = tmp_path / "inside"
        proc = subprocess.Popen([sys.executable, "-m", "tests.server.kill_worker", pg_url, "Kill", str(marker)],
                                cwd=ROOT)
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        time.sleep(0.5)       # the server notices the closed connection and rolls back
        with server.open("Kill") as store:
            assert store.select("team") == []
            History(store).push(CreateEntity("team", {"name": "after"}))   # and the rows are not locked
            assert [t.name for t in store.select("team")] == ["after"]


def test_server_restart_during_edits_loses_nothing_acknowledged_and_the_store_reconnects(pg_url, pg_cluster):
    with Server(pg_url) as server:
        store = server.create(title="Restart")
        history = History(store)
        done = []
        for n in range(3):
            command = CreateEntity("team", {"name": f"before {n}"})
            history.push(command)
            done.append(command.id)
        pg_cluster.stop()
        with pytest.raises(ServerUnavailable):          # refused visibly, nothing half-applied
            history.push(CreateEntity("team", {"name": "while away"}))
        assert len(history) == 3
        pg_cluster.start()
        assert [t.id for t in store.select("team")] == done
        history.push(CreateEntity("team", {"name": "after"}))
        history.undo()
        assert [t.name for t in store.select("team")] == ["before 0", "before 1", "before 2"]
        store.close()


def test_a_window_store_keeps_showing_the_last_state_while_the_server_is_away(pg_url, pg_cluster, tmp_path):
    with Server(pg_url) as server:
        store = server.create(title="Last state")
        lost = []
        store.keep_last_state(lost.append)
        history = History(store)
        for name in ("Blue", "Red"):
            history.push(CreateEntity("team", {"name": name}))
        blue = store.select("team", name="Blue")[0]
        store.snapshot()
        pg_cluster.stop()
        # every read answers from what was read last, none raises; the store turns read-only once
        assert [t.name for t in store.select("team")] == ["Blue", "Red"]
        assert store.get("team", blue.id).name == "Blue"
        assert store.count("team") == 2
        assert store.workshop().title == "Last state"
        assert store.snapshot().by_kind["team"].keys() == {t.id for t in store.select("team")}
        assert store.read_only and store.offline
        assert len(lost) == 1 and isinstance(lost[0], ServerUnavailable)
        with pytest.raises(ServerUnavailable):          # writing is refused, nothing half-applied
            history.push(CreateEntity("team", {"name": "while away"}))
        with pytest.raises(ServerUnavailable):          # a copy of a stale state is no download
            store.copy_to(tmp_path / "copy.motw")
        assert not (tmp_path / "copy.motw").exists()
        pg_cluster.start()
        store.reconnect()
        assert not store.offline and not store.read_only
        history.push(CreateEntity("team", {"name": "after"}))
        assert [t.name for t in store.select("team")] == ["Blue", "Red", "after"]
        store.close()


def test_a_headless_store_still_fails_in_one_line_when_the_server_is_away(pg_url, pg_cluster):
    with Server(pg_url) as server:
        store = server.create(title="Headless")
        pg_cluster.stop()
        try:
            with pytest.raises(ServerUnavailable):       # the command line says so, no stale answer
                store.select("team")
        finally:
            pg_cluster.start()
            store.close()
