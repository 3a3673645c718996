"""Many participants editing one shared workshop at once, each in its own process
(the issue's proof: 8 clients × 500 random commands with undo and redo).

Every client edits its own notes, renames the shared teams everyone fights over, undoes and
redoes at random (tests/server/client_worker.py). Afterwards it checks, and prints PASS or
FAIL for each:

- every client's live view (kept only from the server's notifications) equals the server;
- every edit a client was told was saved is there (its own notes as last acknowledged);
- the workshop's invariants hold (the same audit a file passes when it is opened).

    python benchmarks/bench_concurrency.py                   # 8 clients x 500 commands
    python benchmarks/bench_concurrency.py --clients 3 --commands 20
    python benchmarks/bench_concurrency.py --url postgresql://user@host/db

Without --url it starts a throwaway PostgreSQL cluster the way the tests do. It also prints
the commands per second the server took in all (a number for a quiet machine only).
Exit status 0, or 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from server_target import NoServer, server_url  # noqa: E402

from mot_workshop.editing.entities import CreateEntity  # noqa: E402
from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.persistence.dump import to_data  # noqa: E402
from mot_workshop.persistence.server.server import Server  # noqa: E402

TITLE = "Busy room"


def run(url: str, *, clients: int, commands: int, folder: Path, timeout: float = 3600) -> dict:
    """Run the clients; return what was found: the checks' failures (empty lists: all good)."""
    from mot_workshop.domain.audit import audit

    with Server(url) as server:
        for entry in server.workshops():
            if entry.title == TITLE:
                server.drop(TITLE)
        with server.create(title=TITLE, language="en") as store:
            history = History(store)
            for name in ("Red", "Blue", "Green"):
                history.push(CreateEntity("team", {"name": name}))
        go = folder / "go"
        outs = [folder / f"client{i}.json" for i in range(clients)]
        started = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-m", "tests.server.client_worker", url, TITLE,
                                   str(i), str(commands), str(100 + i), str(outs[i]), str(go)], cwd=ROOT)
                 for i in range(clients)]
        try:
            deadline = time.monotonic() + timeout
            while not all(Path(str(o) + ".done").exists() for o in outs):
                if any(p.poll() not in (None, 0) for p in procs):
                    raise RuntimeError("a client failed")
                if time.monotonic() > deadline:
                    raise RuntimeError("the clients did not finish")
                time.sleep(0.1)
            seconds = time.perf_counter() - started
            with server.open(TITLE) as store:      # the last edit of all: each client waits to hear it
                last = CreateEntity("note", {"text": "the end", "author": "coordinator"})
                History(store).push(last)
            go.write_text(str(last.id))
            for p in procs:
                if p.wait(timeout=120) != 0:
                    raise RuntimeError("a client failed")
        finally:
            for p in procs:
                if p.poll() is None:
                    p.kill()
        with server.open(TITLE, read_only=True) as store:
            snapshot = store.snapshot()
            truth = to_data(snapshot)
            notes = {str(n.id): n.text for n in store.select("note")}
            problems = audit(snapshot) + store.integrity_problems()
    results = [json.loads(o.read_text()) for o in outs]
    views = [f"client {i}'s view differs from the server: {_diff(r['mirror'], truth)}"
             for i, r in enumerate(results) if r["mirror"] != truth]
    lost = [f"client {i}: note {id} should be {text!r}, is {notes.get(id)!r}"
            for i, r in enumerate(results) for id, text in r["own_notes"].items() if notes.get(id) != text]
    return {"views": views, "lost": lost, "invariants": problems, "seconds": seconds,
            "refused": sum(r["refused"] for r in results), "notes": len(notes)}


def _diff(seen: dict, truth: dict) -> list:
    out = []
    for kind, rows in truth["entities"].items():
        mine = {r["id"]: r for r in seen["entities"].get(kind, [])}
        real = {r["id"]: r for r in rows}
        out += [(kind, id, mine.get(id), real.get(id)) for id in sorted(set(mine) | set(real))
                if mine.get(id) != real.get(id)]
    return out[:5]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Many clients editing one shared workshop at once.")
    parser.add_argument("--url", help="an existing server (default: start a throwaway cluster)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--commands", type=int, default=500)
    args = parser.parse_args(argv)
    try:
        with server_url(args.url) as url, tempfile.TemporaryDirectory(prefix="motw-concurrency-") as folder:
            found = run(url, clients=args.clients, commands=args.commands, folder=Path(folder))
    except NoServer as missing:
        print(missing, file=sys.stderr)
        return 1
    total = args.clients * args.commands
    print(f"{args.clients} clients x {args.commands} commands: {total} in {found['seconds']:.1f} s "
          f"({total / found['seconds']:.0f} commands/s), {found['refused']} undos refused as conflicts, "
          f"{found['notes']} notes at the end")
    ok = True
    for label, failures in (("every client's view equals the server", found["views"]),
                            ("no acknowledged edit lost", found["lost"]),
                            ("the workshop's invariants hold", found["invariants"])):
        ok &= not failures
        print(f"{label:<44}{'PASS' if not failures else 'FAIL'}")
        for line in failures[:5]:
            print(f"    {line}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
