"""Edits a workshop file for ever, through History, until it is killed (tests/persistence/test_crash.py).

Usage: python crash_worker.py FILE SEED

Before each push, undo or redo it prints ``["do", OPS]``, where OPS says in simple terms
what the step does to the file (teams with their members, and notes); after the call
returns, and so after the step is committed, it prints ``["ok"]``. The parent kills it at
random moments and checks that the file holds every step reported "ok" and nothing but,
allowing only for the one step that was under way.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mot_workshop.editing.command import Macro  # noqa: E402
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity  # noqa: E402
from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.persistence.store import Store  # noqa: E402


def emit(*parts) -> None:
    print(json.dumps(parts), flush=True)


def note_text(key: str, size: int) -> str:
    """Big enough to span pages, and checkable: the parent rebuilds it from the key."""
    unit = f"{key}|"
    return (unit * (size // len(unit) + 1))[:size]


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    history = History(store)
    done: list[tuple[list, list]] = []      # (ops of the step, ops of its undo), parallel to history
    undone: list[tuple[list, list]] = []
    emit("ready")
    n = 0
    while True:
        n += 1
        teams = {t.name: t.id for t in store.select("team")}
        choice = rng.random()
        tag = f"s{seed}-{n}"
        command = None
        if choice < 0.12 and history.can_undo:
            do, undo = done.pop()
            emit("do", undo)
            history.undo()
            undone.append((do, undo))
            emit("ok")
            continue
        if choice < 0.18 and history.can_redo:
            do, undo = undone.pop()
            emit("do", do)
            history.redo()
            done.append((do, undo))
            emit("ok")
            continue
        if choice < 0.35 or not teams:
            name = f"team {tag}"
            command = CreateEntity("team", {"name": name})
            do, undo = [["add_team", name]], [["remove_team", name]]
        elif choice < 0.50:
            team = rng.choice(sorted(teams))
            member = f"member {tag}"
            command = CreateEntity("participant", {"team_id": teams[team], "name": member})
            do, undo = [["add_member", team, member]], [["remove_member", team, member]]
        elif choice < 0.60:
            team = rng.choice(sorted(teams))
            if len(team) > 400:
                continue
            renamed = team + "~"
            command = UpdateEntity("team", teams[team], {"name": renamed})
            do, undo = [["rename", team, renamed]], [["rename", renamed, team]]
        elif choice < 0.72:
            team = rng.choice(sorted(teams))
            members = sorted(p.name for p in store.select("participant", team_id=teams[team]))
            command = DeleteEntity("team", teams[team])
            do, undo = [["remove_team", team]], [["restore_team", team, members]]
        elif choice < 0.82:
            names = [f"team {tag}a", f"team {tag}b", f"team {tag}c"]
            command = Macro("three teams", [CreateEntity("team", {"name": name}) for name in names])
            do = [["add_team", name] for name in names]
            undo = [["remove_team", name] for name in reversed(names)]
        else:
            key = f"note {tag}"
            size = rng.randrange(2_000, 19_000)
            command = CreateEntity("note", {"author": key, "text": note_text(key, size)})
            do, undo = [["add_note", key, size]], [["remove_note", key]]
        emit("do", do)
        history.push(command)
        done.append((do, undo))
        undone.clear()
        emit("ok")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
