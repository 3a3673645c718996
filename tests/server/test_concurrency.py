"""Many participants editing one shared workshop at once, each in its own process.

Every client edits its own notes, renames the shared teams, undoes and redoes at random.
Afterwards every client's live view (kept only from notifications) equals the server's
state, and every edit a client was told was saved is there. The full size of the issue
(8 processes × 500 commands) runs with MOTW_CONCURRENCY=full; the suite runs a small one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.dump import to_data
from mot_workshop.persistence.server.server import Server

ROOT = Path(__file__).resolve().parents[2]


def test_clients_end_up_seeing_what_the_server_holds(pg_url, tmp_path):
    clients, commands = (8, 500) if os.environ.get("MOTW_CONCURRENCY") == "full" else (3, 20)
    with Server(pg_url) as server:
        with server.create(title="Busy room", language="en") as store:
            history = History(store)
            for name in ("Red", "Blue", "Green"):
                history.push(CreateEntity("team", {"name": name}))
        go = tmp_path / "go"
        outs = [tmp_path / f"client{i}.json" for i in range(clients)]
        procs = [subprocess.Popen([sys.executable, "-m", "tests.server.client_worker", pg_url, "Busy room",
                                   str(i), str(commands), str(100 + i), str(outs[i]), str(go)], cwd=ROOT)
                 for i in range(clients)]
        deadline = time.monotonic() + 600
        while not all(Path(str(o) + ".done").exists() for o in outs):
            assert all(p.poll() in (None, 0) for p in procs), "a client failed"
            assert time.monotonic() < deadline, "the clients did not finish"
            time.sleep(0.1)
        go.write_text("go")
        for p in procs:
            assert p.wait(timeout=120) == 0
        with server.open("Busy room", read_only=True) as store:
            truth = to_data(store.snapshot())
            notes = {str(n.id): n.text for n in store.select("note")}
    results = [json.loads(o.read_text()) for o in outs]
    for i, result in enumerate(results):
        assert result["mirror"] == truth, f"client {i}'s view differs from the server: {_diff(result['mirror'], truth)}"
        for id, text in result["own_notes"].items():
            assert notes.get(id) == text, f"client {i}: note {id} should be {text!r}, is {notes.get(id)!r}"
    assert len(truth["entities"]["note"]) > 0


def _diff(seen: dict, truth: dict) -> list:
    out = []
    for kind, rows in truth["entities"].items():
        mine = {r["id"]: r for r in seen["entities"].get(kind, [])}
        real = {r["id"]: r for r in rows}
        out += [(kind, id, mine.get(id), real.get(id)) for id in sorted(set(mine) | set(real))
                if mine.get(id) != real.get(id)]
    return out[:5]
