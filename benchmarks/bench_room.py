"""The room under a full room's load, over real HTTP on 127.0.0.1.

1. *votes*: N phones (50) each cast a dot at the same moment; measured from the first request
   until every phone has its answer (each vote a command, saved) **and** the projector's event
   stream shows all N dots. Budget: ≤ 1 s.
2. *activity*: with N phones following the room, the facilitator changes the activity;
   measured until each phone's event stream has it. Budget: the slowest phone ≤ 300 ms.

    python benchmarks/bench_room.py [--phones 50] [--rounds 5] [--strict] [--dir DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

VOTE_BUDGET_S = 1.0
ACTIVITY_BUDGET_MS = 300.0


def build(path: Path, phones: int) -> list[int]:
    from mot_workshop.editing.entities import CreateEntity, UpdateEntity
    from mot_workshop.editing.history import History
    from mot_workshop.persistence.store import Store

    store = Store.create(path, title="Room benchmark", language="en")
    history = History(store)
    history.push(UpdateEntity("workshop", store.workshop().id, {"dots_per_voter": 99}))   # dots for every round
    people = []
    for i in range(phones):
        command = CreateEntity("participant", {"name": f"Phone {i:03d}"})
        history.push(command)
        people.append(command.id)
    for i in range(3):
        history.push(CreateEntity("process", {"name": f"Process {i}"}))
    history.push(CreateEntity("cycle", {"name": "Parking"}))
    store.close()
    return people


async def _events(session, url, device, sink: asyncio.Queue, ready: asyncio.Event):
    async with session.get(url + "events", params={"device": device}) as response:
        ready.set()
        async for line in response.content:
            if line.startswith(b"data: "):
                await sink.put((time.perf_counter(), json.loads(line[6:])))


async def run(room, people: list[int], rounds: int) -> dict:
    import aiohttp

    from mot_workshop.room.activity import Activity

    url = room.room.url
    results = {"votes": [], "activity": [], "warmup": 0}
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as s:
        devices = []
        for person in people:
            async with s.post(url + "join", json={"voter": f"p:{person}"}) as r:
                devices.append((await r.json())["device"])
        queues = [asyncio.Queue() for _ in devices]
        readies = [asyncio.Event() for _ in devices]
        streams = [asyncio.create_task(_events(s, url, d, q, e)) for d, q, e in zip(devices, queues, readies)]
        await asyncio.gather(*(e.wait() for e in readies))
        projector = queues[0]
        loop = asyncio.get_running_loop()

        async def drain(queue):
            while not queue.empty():
                queue.get_nowait()

        for round_no in range(rounds):
            # ---- the facilitator changes the activity; every phone must see it
            spec = Activity("vote", "process", reveal=True) if round_no % 2 == 0 else Activity("post", "note")
            for q in queues:
                await drain(q)
            started = time.perf_counter()
            await loop.run_in_executor(None, room.set_activity, spec)

            async def seen(queue):
                while True:
                    at, data = await queue.get()
                    if data["activity"]["kind"] == spec.kind:
                        return at - started

            delays = await asyncio.gather(*(seen(q) for q in queues))
            results["activity"].append(max(delays) * 1000)
            # ---- every phone votes at once (on vote rounds); the projector must show them all
            if spec.kind != "vote":
                continue
            await drain(projector)
            async with s.get(url + "state") as r:
                before = sum(i.get("dots", 0) for i in (await r.json())["items"])
            started = time.perf_counter()

            async def vote(device, n):
                async with s.post(url + "vote", json={"target_id": 1 + n % 3}, headers={"X-Device": device}) as r:
                    return r.status

            async def plain(device):
                async with s.get(url + "me", headers={"X-Device": device}) as r:
                    return r.status

            baseline_started = time.perf_counter()     # the same 50 requests, no edit: this machine's HTTP cost now
            await asyncio.gather(*(plain(d) for d in devices))
            results.setdefault("baseline", []).append(time.perf_counter() - baseline_started)
            started = time.perf_counter()
            statuses = await asyncio.gather(*(vote(d, n) for n, d in enumerate(devices)))
            answered = time.perf_counter() - started
            while True:
                at, data = await projector.get()
                if sum(i.get("dots", 0) for i in data["items"]) == before + len(devices):
                    break
            if round_no:                              # the first vote round warms the path up
                results["votes"].append((max(answered, at - started), statuses.count(200), len(devices)))
            else:
                results["warmup"] = statuses.count(200)
        for task in streams:
            task.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The room: votes from a full room, activity changes.")
    parser.add_argument("--phones", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=8,
                        help="activity changes (every other one a vote round; the first vote round is a warm-up)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--dir", help="folder for the temporary workshop file")
    args = parser.parse_args(argv)

    from mot_workshop.persistence.store import Store
    from mot_workshop.room.activity import Activity
    from mot_workshop.room.headless import HeadlessRoom
    from mot_workshop.room.limits import Limits

    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "room.motw"
        people = build(path, args.phones)
        room = HeadlessRoom(path, activity=Activity("waiting"), limits=Limits(max_devices=max(120, args.phones)))
        room.start()
        try:
            results = asyncio.run(run(room, people, args.rounds))
        finally:
            room.stop()
        with Store.open(path, read_only=True) as store:
            in_file = sum(v.dots for v in store.select("vote"))

    votes, activity = results["votes"], results["activity"]
    applied = sum(ok for _, ok, _ in votes)
    wanted = sum(n for _, _, n in votes)
    vote_worst = max((t for t, _, _ in votes), default=0.0)
    vote_ok = vote_worst <= VOTE_BUDGET_S and applied == wanted and in_file == wanted + results["warmup"]
    act_worst = max(activity, default=0.0)
    act_ok = act_worst <= ACTIVITY_BUDGET_MS
    print(f"room benchmark: {args.phones} phones on 127.0.0.1, {args.rounds} activity changes")
    print(f"{'line':<34}{'median':>10}{'worst':>10}{'budget':>10}")
    print(f"{'votes applied and shown (s)':<34}{statistics.median([t for t, _, _ in votes] or [0]):>10.3f}"
          f"{vote_worst:>10.3f}{VOTE_BUDGET_S:>10.3f}  {'PASS' if vote_ok else 'FAIL'}")
    print(f"{'activity seen by every phone (ms)':<34}{statistics.median(activity or [0]):>10.1f}"
          f"{act_worst:>10.1f}{ACTIVITY_BUDGET_MS:>10.1f}  {'PASS' if act_ok else 'FAIL'}")
    import os

    baseline = results.get("baseline") or [0.0]
    print(f"{'baseline: same requests, no edit (s)':<34}{statistics.median(baseline):>10.3f}{max(baseline):>10.3f}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs (phones and room share this process)")
    print(f"votes: {applied} of {wanted} applied (+{results['warmup']} warm-up), {in_file} in the file after closing")
    print(f"budget votes <= {VOTE_BUDGET_S:.0f} s: {'PASS' if vote_ok else 'FAIL'}")
    print(f"budget activity <= {ACTIVITY_BUDGET_MS:.0f} ms: {'PASS' if act_ok else 'FAIL'}")
    return 1 if args.strict and not (vote_ok and act_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
