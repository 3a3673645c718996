"""A client that is killed in the middle of a command (tests/server/test_faults.py).

    python -m tests.server.kill_worker URL TITLE MARKER

Its command inserts one team, says so in MARKER, and then waits to be killed before the
second insert and the commit.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.server import Server


class SlowCommand(Command):
    def __init__(self, marker: str):
        self.marker = marker

    def execute(self, store) -> Changes:
        first = store.insert("team", {"seq": 90, "name": "half", "colour": ""})
        store.count("team")                    # the insert has reached the server
        Path(self.marker).write_text("inside")
        time.sleep(60)
        second = store.insert("team", {"seq": 91, "name": "other half", "colour": ""})
        return Changes.of(created=[("team", first), ("team", second)])


def main(url: str, title: str, marker: str) -> int:
    with Server(url) as server, server.open(title) as store:
        History(store).push(SlowCommand(marker))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
