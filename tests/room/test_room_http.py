"""The room over HTTP, as phones use it: forty phones at once, the token, hostile input,
rate limits, and a clean close. Only ever talks to 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket
import statistics
import time
from collections import Counter

import aiohttp
import pytest

from mot_workshop.analysis.votes import tally
from mot_workshop.persistence.store import Store
from mot_workshop.room.activity import Activity
from mot_workshop.room.limits import Limits
from tests.room.conftest import PHONES, run


async def join(session, room, voter):
    async with session.post(room.url + "join", json={"voter": voter}) as r:
        assert r.status == 200, await r.text()
        return (await r.json())["device"]


async def send(session, room, device, op, **body):
    async with session.post(room.url + op, json=body, headers={"X-Device": device}) as r:
        return r.status, await r.json(content_type=None)


def listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_forty_phones_vote_score_and_post_at_once_and_every_edit_is_in_the_file(built, open_room):
    room = open_room(Activity("vote", "process"))
    url = room.room
    budget = 5
    # each phone tries budget + 2 dots, spread over the three processes, all at the same time
    wanted = {p: [built.processes[(i + k) % 3] for k in range(budget + 2)] for i, p in enumerate(built.participants)}

    async def phones_vote():
        async with aiohttp.ClientSession() as s:
            devices = await asyncio.gather(*(join(s, url, f"p:{p}") for p in built.participants))

            async def one(device, targets):
                return [await send(s, url, device, "vote", target_id=t) for t in targets]

            answers = await asyncio.gather(*(one(d, wanted[p]) for d, p in zip(devices, built.participants)))
            return devices, answers

    devices, answers = run(phones_vote())
    for person_answers in answers:
        statuses = [status for status, _ in person_answers]
        assert statuses == [200] * budget + [422] * 2, statuses
        assert person_answers[-1][1]["code"] == "no-dots"
    expected = Counter(t for targets in wanted.values() for t in targets[:budget])

    room.set_activity(Activity("score", subject_id=built.cycle))
    levels = {(p, tp): 1 + (i + j) % 5 for i, p in enumerate(built.participants)
              for j, tp in enumerate(built.touchpoints)}

    async def phones_score_and_post():
        async with aiohttp.ClientSession() as s:
            async def one(device, person):
                out = []
                for tp in built.touchpoints:
                    out.append(await send(s, url, device, "score", target_id=tp, level=levels[person, tp],
                                          importance=5))
                return out

            return await asyncio.gather(*(one(d, p) for d, p in zip(devices, built.participants)))

    for person in run(phones_score_and_post()):
        assert [status for status, _ in person] == [200] * len(built.touchpoints)

    room.set_activity(Activity("post", "idea", built.cycle))

    async def phones_post():
        async with aiohttp.ClientSession() as s:
            return await asyncio.gather(*(send(s, url, d, "post", target_id=built.touchpoints[i % 5],
                                               text=f"Idea from phone {i}")
                                          for i, d in enumerate(devices)))

    assert all(status == 200 for status, _ in run(phones_post()))
    undo_text = room.history.undo_text
    room.stop()

    with Store.open(built.path, read_only=True) as store:
        votes = store.select("vote")
        assert tally(votes, "process") == dict(expected)
        assert sum(v.dots for v in votes) == PHONES * budget
        scores = store.select("room_score")
        assert len(scores) == PHONES * len(built.touchpoints)
        for tp in built.touchpoints:
            mine = [s.level for s in scores if s.touchpoint_id == tp]
            assert statistics.fmean(mine) == statistics.fmean(levels[p, tp] for p in built.participants)
            assert store.get("touchpoint", tp).level == 3            # the team's score is untouched
        ideas = store.select("idea")
        assert sorted(i.text for i in ideas) == sorted(f"Idea from phone {i}" for i in range(PHONES))
        assert {i.author for i in ideas} == {f"Person {i:02d}" for i in range(PHONES)}
    assert undo_text.startswith("Person ") and "(phone" in undo_text       # who sent it, by name


def test_a_phone_edit_is_one_undo_step_named_after_the_participant(built, open_room):
    room = open_room(Activity("vote", "touchpoint", built.cycle))

    async def go():
        async with aiohttp.ClientSession() as s:
            device = await join(s, room.room, f"p:{built.participants[3]}")
            return await send(s, room.room, device, "vote", target_id=built.touchpoints[1])

    assert run(go())[0] == 200
    assert room.history.undo_text == "Person 03 (phone): Cast a dot"
    undone = room.host.submit("activity", room.host.activity)   # the store's thread is free to undo
    assert undone.result(5)["ok"]
    room.stop()
    with Store.open(built.path) as store:
        assert [(v.target_id, v.dots) for v in store.select("vote")] == [(built.touchpoints[1], 1)]


def test_every_request_without_the_token_is_refused(built, open_room):
    room = open_room(Activity("vote", "process"))
    url = room.room
    base = url.short_url.rstrip("/")
    wrong = "A" * len(url.token)

    async def go():
        async with aiohttp.ClientSession() as s:
            out = {}
            for path in (f"/r/{wrong}/", f"/r/{wrong}/state", f"/r/{wrong}/texts", f"/r/{wrong}/events",
                         f"/r/{url.token[:-1]}/state", "/r//state", "/state", "/texts", "/events",
                         f"/f/{url.token}/state", f"/f/{wrong}/state", "/r/", "/favicon.ico",
                         f"/r/{wrong}/s/room.js", "/../etc/passwd"):
                async with s.get(base + path) as r:
                    out[path] = (r.status, await r.text())
            async with s.post(f"{base}/r/{wrong}/join", json={"voter": f"p:{built.participants[0]}"}) as r:
                out["join"] = (r.status, await r.text())
            async with s.get(url.url + "state") as r:
                out["right"] = (r.status, await r.text())
            return out

    out = run(go())
    assert out.pop("right")[0] == 200
    for path, (status, text) in out.items():
        assert status in (403, 404), path
        assert "Person" not in text and "Process" not in text, path
    assert len(url.token) >= 22 and url.token != url.admin        # 192 random bits each


def test_the_room_code_leads_to_the_room_and_guessing_is_bounded(built, open_room):
    room = open_room(limits=Limits(code_tries=3))
    url = room.room

    async def go():
        async with aiohttp.ClientSession() as s:
            async with s.post(url.short_url + "code", data={"code": url.code.lower()}, allow_redirects=False) as r:
                right = (r.status, r.headers.get("Location"))
            wrong = []
            for _ in range(4):
                async with s.post(url.short_url + "code", data={"code": "ZZZZZZ"}, allow_redirects=False) as r:
                    wrong.append(r.status)
            async with s.post(url.short_url + "code", data={"code": url.code}, allow_redirects=False) as r:
                after = r.status
            return right, wrong, after

    right, wrong, after = run(go())
    assert right == (303, f"/r/{url.token}/")
    assert wrong == [403] * 4 and after == 403          # too many wrong codes: code entry closes


def test_oversized_malformed_and_hostile_input_is_refused_or_kept_as_plain_text(built, open_room):
    room = open_room(Activity("post", "note"))
    url = room.room

    async def go():
        async with aiohttp.ClientSession() as s:
            device = await join(s, url, f"p:{built.participants[0]}")
            h = {"X-Device": device}
            out = {}
            async with s.post(url.url + "post", data=b"{" + b"x" * 20000 + b"}", headers=h) as r:
                out["huge"] = r.status
            async with s.post(url.url + "post", data=b"{not json", headers=h) as r:
                out["malformed"] = r.status
            async with s.post(url.url + "post", json=[1, 2], headers=h) as r:
                out["array"] = r.status
            async with s.post(url.url + "post", data=b"\xff\xfe", headers=h) as r:
                out["bytes"] = r.status
            async with s.post(url.url + "join", json={"voter": "p:999999"}) as r:
                out["nobody"] = r.status
            async with s.post(url.url + "join", json={"voter": "x" * 5000}) as r:
                out["long voter"] = r.status
            out["script"] = await send(s, url, device, "post", text="<script>alert(1)</script>\x00\x1b[31m\u202eok")
            out["long"] = await send(s, url, device, "post", text="y" * 5000)
            out["empty"] = await send(s, url, device, "post", text="\x00\x01 \n ")
            out["not text"] = await send(s, url, device, "post", text={"a": 1})
            out["vote now"] = await send(s, url, device, "vote", target_id=built.processes[0])
            room.set_activity(Activity("score", subject_id=built.cycle))
            out["score 7"] = await send(s, url, device, "score", target_id=built.touchpoints[0], level=7)
            out["score true"] = await send(s, url, device, "score", target_id=built.touchpoints[0], level=True)
            out["other cycle"] = await send(s, url, device, "score", target_id=10**12, level=3)
            out["string id"] = await send(s, url, device, "score", target_id="1 OR 1=1", level=3)
            return out

    out = run(go())
    assert out["huge"] == 413 and out["malformed"] == 400 and out["array"] == 400 and out["bytes"] == 400
    assert out["nobody"] == 422 and out["long voter"] == 400
    assert out["script"][0] == 200 and out["long"][0] == 200
    assert out["empty"][0] == 422 and out["not text"][0] == 422 and out["vote now"][0] == 422
    assert out["score 7"][0] == 400 and out["score true"][0] == 422
    assert out["other cycle"][0] == 422 and out["string id"][0] == 422
    room.stop()
    with Store.open(built.path, read_only=True) as store:
        texts = [n.text for n in store.select("note")]
        assert texts == ["<script>alert(1)</script>[31mok", "y" * 500]     # kept as text, controls gone
        assert store.select("room_score") == []


def test_a_flooding_phone_is_held_back_and_the_others_are_not_slowed(built, open_room):
    room = open_room(Activity("vote", "process"))
    url = room.room

    async def go():
        async with aiohttp.ClientSession() as s:
            flood = await join(s, url, f"p:{built.participants[0]}")
            calm = await join(s, url, f"p:{built.participants[1]}")

            async def flooding():
                statuses = []
                for _ in range(300):
                    async with s.get(url.url + "me", headers={"X-Device": flood}) as r:
                        statuses.append(r.status)
                return statuses

            async def calm_phone():
                times = []
                for _ in range(5):
                    started = time.perf_counter()
                    async with s.get(url.url + "me", headers={"X-Device": calm}) as r:
                        assert r.status == 200
                    times.append(time.perf_counter() - started)
                    await asyncio.sleep(0.15)
                status, _ = await send(s, url, calm, "vote", target_id=built.processes[1])
                return times, status

            return await asyncio.gather(flooding(), calm_phone())

    statuses, (times, vote) = run(go())
    limit = Limits()
    assert statuses.count(200) <= limit.burst + limit.rate * 10          # held to its rate
    assert statuses.count(429) >= 300 - statuses.count(200) and statuses.count(429) > 200
    assert vote == 200 and max(times) < 1.0


def test_the_number_of_phones_is_limited_and_one_phone_can_be_closed_out(built, open_room):
    room = open_room(Activity("vote", "process"), limits=Limits(max_devices=3))
    url = room.room

    async def go():
        async with aiohttp.ClientSession() as s:
            devices = [await join(s, url, f"p:{p}") for p in built.participants[:3]]
            async with s.post(url.url + "join", json={"voter": f"p:{built.participants[3]}"}) as r:
                full = r.status
            url.close_device(devices[0])
            closed = await send(s, url, devices[0], "vote", target_id=built.processes[0])
            other = await send(s, url, devices[1], "vote", target_id=built.processes[0])
            return full, closed[0], other[0]

    assert run(go()) == (503, 403, 200)


def test_a_page_following_the_room_sees_the_facilitators_change(built, open_room):
    room = open_room()
    url = room.room

    async def go():
        async with aiohttp.ClientSession() as s:
            device = await join(s, url, f"p:{built.participants[0]}")
            async with s.get(url.url + "events", params={"device": device}) as r:
                assert r.headers["Content-Type"].startswith("text/event-stream")
                seen = []
                changed_at = None
                async for line in r.content:
                    if line.startswith(b"data: "):
                        seen.append(line)
                        if len(seen) == 1:
                            changed_at = time.perf_counter()
                            await asyncio.get_running_loop().run_in_executor(
                                None, room.set_activity, Activity("post", "voc"))
                        elif b'"kind": "post"' in line:
                            return seen, time.perf_counter() - changed_at

    seen, delay = run(go())
    assert b'"kind": "waiting"' in seen[0] and b'"kind": "post"' in seen[-1]
    assert delay < 5


def test_the_facilitators_control_changes_the_activity(built, open_room):
    room = open_room()
    url = room.room

    async def go():
        async with aiohttp.ClientSession() as s:
            async with s.post(url.admin_url + "activity", json={"activity": "vote:step", "reveal": True}) as r:
                assert (await r.json())["ok"]
            async with s.post(url.admin_url + "activity", json={"activity": "dance"}) as r:
                bad = r.status
            async with s.get(url.url + "state") as r:
                return bad, await r.json()

    bad, state = run(go())
    assert bad == 400
    assert state["activity"]["kind"] == "vote" and state["activity"]["reveal"] is True
    assert [i["label"] for i in state["items"]] == ["Step 0", "Step 1", "Step 2"]     # the steps with problems


def test_closing_the_room_leaves_no_listening_socket(built, open_room):
    room = open_room()
    port = room.room.address.port
    assert listening(port)

    async def follow():                                    # a page keeps a stream open while closing
        async with aiohttp.ClientSession() as s:
            device = await join(s, room.room, f"p:{built.participants[0]}")
            async with s.get(room.room.url + "events", params={"device": device}) as r:
                await r.content.readline()
                started = time.perf_counter()
                await asyncio.get_running_loop().run_in_executor(None, room.stop)
                return time.perf_counter() - started

    assert run(follow()) < 5
    assert not listening(port)
    assert not room.room.is_open


def test_results_stay_hidden_from_phones_until_revealed(built, open_room):
    room = open_room(Activity("vote", "process"))
    url = room.room

    async def state(s):
        async with s.get(url.url + "state") as r:
            return await r.json()

    async def go():
        async with aiohttp.ClientSession() as s:
            device = await join(s, url, f"p:{built.participants[0]}")
            await send(s, url, device, "vote", target_id=built.processes[2])
            hidden = await state(s)
            room.set_activity(Activity("vote", "process", reveal=True))
            shown = await state(s)
            return hidden, shown

    hidden, shown = run(go())
    assert all("dots" not in item for item in hidden["items"])
    assert {i["id"]: i["dots"] for i in shown["items"]}[built.processes[2]] == 1
    assert hidden["used"][f"p:{built.participants[0]}"] == 1          # a phone still sees its own dots


@pytest.mark.parametrize("voter", ["t:1"])
def test_a_team_votes_as_one(built, open_room, voter):
    room = open_room(Activity("vote", "process"))

    async def go():
        async with aiohttp.ClientSession() as s:
            a = await join(s, room.room, voter)
            b = await join(s, room.room, voter)
            return [(await send(s, room.room, d, "vote", target_id=built.processes[0]))[0] for d in (a, b, a, b, a, b)]

    assert run(go()) == [200] * 5 + [422]                  # one budget for the team, on two phones


def test_typed_names_only_when_the_facilitator_allows_them(built, open_room):
    closed = open_room(Activity("vote", "process"))

    async def typed(room):
        async with aiohttp.ClientSession() as s:
            async with s.post(room.url + "join", json={"name": "  Newbie\x07  "}) as r:
                first = r.status, await r.json()
            async with s.post(room.url + "join", json={"name": "newbie"}) as r:
                second = r.status, await r.json()
            return first, second

    (status, answer), _ = run(typed(closed.room))
    assert status == 422 and answer["code"] == "pick-name"
    closed.stop()
    room = open_room(Activity("vote", "process"), typed_names=True)
    (status, first), (_, second) = run(typed(room.room))
    assert status == 200 and first["name"] == "Newbie" and second["voter"] == first["voter"]
    assert room.history.undo_text == "Newbie (phone): Join the room"


@pytest.mark.skipif(not __import__("shutil").which("openssl"), reason="openssl is needed to make a test certificate")
def test_the_room_speaks_https_with_the_facilitators_certificate(built, open_room, tmp_path):
    import ssl
    import subprocess

    cert, key = tmp_path / "room.pem", tmp_path / "room.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=120)
    room = open_room(Activity("vote", "process"), certificate=(str(cert), str(key)))
    assert room.room.url.startswith("https://127.0.0.1:")
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False

    async def go():
        async with aiohttp.ClientSession() as s:
            async with s.get(room.room.url + "state", ssl=context) as r:
                return r.status

    assert run(go()) == 200
