"""`mot-workshop room FILE`: prints the URL with its token and the room code; Ctrl+C or
SIGTERM closes it cleanly; and the app never loads the web server before a room opens."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest

from mot_workshop.persistence.store import Store
from tests.room.conftest import build


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _start(path, *extra, sigint=signal.SIG_DFL):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mot_workshop", "room", str(path), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, sigint))
    lines = [proc.stdout.readline() for _ in range(4)]
    return proc, lines


# A terminal's Ctrl+C; and a room started from a script in the background, where the shell
# hands SIGINT down ignored: Ctrl+C (or `kill -INT`) still closes it.
@pytest.mark.parametrize("stop, sigint", [(signal.SIGTERM, signal.SIG_DFL), (signal.SIGINT, signal.SIG_DFL),
                                          (signal.SIGINT, signal.SIG_IGN)], ids=["term", "int", "int-ignored"])
def test_the_room_command_prints_its_url_and_code_and_closes_cleanly(tmp_path, stop, sigint):
    built = build(tmp_path / "cli.motw", people=2)
    proc, lines = _start(built.path, "--activity", "vote:process", sigint=sigint)
    try:
        assert lines[0].startswith("room open: http://127.0.0.1:"), lines
        url = lines[0].split()[-1]
        token = url.rstrip("/").rsplit("/", 1)[-1]
        assert len(token) >= 22
        assert "room code: " in lines[1]
        port = int(url.split(":")[2].split("/")[0])
        with urllib.request.urlopen(url + "state", timeout=10) as r:
            state = json.load(r)
        assert state["activity"]["kind"] == "vote" and len(state["items"]) == 3
        request = urllib.request.Request(url + "join", data=json.dumps({"voter": "p:1"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as r:
            device = json.load(r)["device"]
        request = urllib.request.Request(url + "vote", data=json.dumps({"target_id": 2}).encode(),
                                         headers={"Content-Type": "application/json", "X-Device": device})
        with urllib.request.urlopen(request, timeout=10) as r:
            assert json.load(r)["ok"]
        proc.send_signal(stop)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "room closed." in err
    assert not _listening(port)
    with Store.open(built.path, read_only=True) as store:
        assert [(v.target_id, v.dots) for v in store.select("vote")] == [(2, 1)]


def test_a_room_that_cannot_open_says_so_in_one_line(tmp_path):
    built = build(tmp_path / "bad.motw", people=1)
    result = subprocess.run([sys.executable, "-m", "mot_workshop", "room", str(built.path), "--bind", "not-an-ip"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "not an IP address" in result.stderr
    result = subprocess.run([sys.executable, "-m", "mot_workshop", "room", str(built.path), "--activity", "dance"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_starting_the_app_does_not_load_the_web_server():
    code = ("import sys, mot_workshop.cli, mot_workshop.ui.main_window, mot_workshop.room, "
            "mot_workshop.room.host, mot_workshop.room.state\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'segno', 'yarl', 'multidict') "
            "or m == 'mot_workshop.room.server'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
