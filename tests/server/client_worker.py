"""One participant of the concurrency test, in its own process.

    python -m tests.server.client_worker URL TITLE INDEX COMMANDS SEED OUT.json GO_FILE

Runs COMMANDS random edits, undos and redos on the shared workshop (its own notes, and
renames of the shared teams everyone fights over). Refused undos (someone else changed the
row since) are expected and counted. Then it waits for GO_FILE (every client has finished;
it names the note the coordinator added last), until its mirror has heard of that note,
and writes: its live mirror as a dump, and its own notes
as the server acknowledged them last (their text, or None: deleted).
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.dump import to_data
from mot_workshop.persistence.errors import WorkshopFileError
from mot_workshop.persistence.server.mirror import Mirror
from mot_workshop.persistence.server.server import Server


def main(url, title, index, commands, seed, out, go) -> int:
    rng = random.Random(int(seed))
    index = int(index)
    server = Server(url)
    store = server.open(title)
    mirror = Mirror(store).start()
    history = History(store)
    refused = 0
    expected: dict[str, str | None] = {}     # own notes as last acknowledged by the server

    def acknowledged(changes) -> None:
        for kind, id in changes.keys:
            if kind == "note":       # creating a note renumbers everyone's: keep only our own
                note = store.get("note", id)
                if note is not None and note.author == f"client {index}":
                    expected[str(id)] = note.text
                elif note is None and str(id) in expected:
                    expected[str(id)] = None

    history.subscribe(acknowledged)
    for n in range(int(commands)):
        mine = [note.id for note in store.select("note") if note.author == f"client {index}"]
        teams = [team.id for team in store.select("team")]
        roll = rng.random()
        try:
            if roll < 0.2 and history.can_undo:
                history.undo()
            elif roll < 0.3 and history.can_redo:
                history.redo()
            elif roll < 0.55 or not mine:
                history.push(CreateEntity("note", {"text": f"{index}:{n}", "author": f"client {index}"}))
            elif roll < 0.75:
                history.push(UpdateEntity("note", rng.choice(mine), {"text": f"{index}:{n} edited"}))
            elif roll < 0.85:
                history.push(DeleteEntity("note", rng.choice(mine)))
            elif teams:
                history.push(UpdateEntity("team", rng.choice(teams), {"name": f"team by {index} at {n}"}))
        except WorkshopFileError:     # refused (someone else changed the row since): nothing written
            refused += 1
    Path(out + ".done").write_text("done")
    while not Path(go).exists() or not Path(go).read_text().strip():
        time.sleep(0.05)
    # The coordinator's last note was committed after every client's last edit: once the
    # mirror has heard of it, it has heard of everything before it (notifications come in
    # commit order), however slowly this machine delivers them.
    last = int(Path(go).read_text())
    deadline = time.monotonic() + 300
    while not mirror.has("note", last) and time.monotonic() < deadline:
        time.sleep(0.05)
    Path(out).write_text(json.dumps({"mirror": to_data(mirror.snapshot), "own_notes": expected,
                                     "refused": refused, "resets": mirror.resets}))
    mirror.stop()
    store.close()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
