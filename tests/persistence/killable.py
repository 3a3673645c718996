"""A worker process the crash tests kill with SIGKILL: it prints one JSON list per line on
stdout, which is read as it comes, so a test waits for work the worker reports as done (never
for a length of time) before it kills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Killable:
    def __init__(self, script: Path, *args: str):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, str(script), *args], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[list] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(json.loads(line))

    def wait_for(self, done: Callable[[list[list]], bool], timeout: float = 60) -> bool:
        """Wait until ``done(lines so far)``; False if the worker stopped or time ran out first."""
        deadline = time.monotonic() + timeout
        while not done(list(self.lines)):
            if self.proc.poll() is not None:
                self._reader.join()
                return done(list(self.lines))
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
        return True

    def stopped(self) -> str:
        """Wait for a worker that ends by itself; its stderr."""
        self.proc.wait()
        return self._finish()

    def kill(self) -> str:
        """SIGKILL (the worker must still be running); its stderr."""
        if self.proc.poll() is not None:
            raise AssertionError("worker stopped by itself:\n" + self._finish())
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        err = self._finish()
        assert self.proc.returncode == -signal.SIGKILL
        return err

    def _finish(self) -> str:
        self._reader.join()
        err = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return err
