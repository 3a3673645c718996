"""The room's web server (aiohttp), loaded only when a room opens.

Every URL but the room-code form carries the room token: ``/r/TOKEN/…`` for phones and
``/f/ADMIN/…`` for the facilitator's controls; anything else is refused. Phones join and get
a device key, then vote, score and post with it; each edit goes to the store's thread
through ``RoomHost.submit`` and the answer comes back when the command has been saved. The
page follows the room through server-sent events of the published state.
"""

from __future__ import annotations

import asyncio
import html
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from aiohttp import web

from mot_workshop.room import tokens
from mot_workshop.room.actions import Action
from mot_workshop.room.activity import Activity
from mot_workshop.room.devices import Devices
from mot_workshop.room.limits import Limits
from mot_workshop.room.text import clean

STATIC = {"room.js": "text/javascript", "room.css": "text/css", "code.css": "text/css"}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
RESULTS = ("dots", "room", "posts")          # hidden from phones until the facilitator reveals them
ANSWER_WAIT = 10.0                           # seconds a phone waits for its edit to be saved


def _static(name: str) -> bytes:
    return resources.files("mot_workshop.room").joinpath("static", name).read_bytes()


def public(data: dict) -> dict:
    """What phones may see: results only once revealed."""
    if data.get("activity", {}).get("reveal"):
        return data
    shown = dict(data)
    shown["items"] = [{k: v for k, v in item.items() if k not in RESULTS} for item in data.get("items", [])]
    shown["posts"] = []
    return shown


def code_form(texts: dict) -> str:
    """The one page without the token: a form for the room code, in both languages."""
    title = " / ".join(html.escape(texts[lang]["enter_code"]) for lang in texts)
    label = " / ".join(html.escape(texts[lang]["room_code"]) for lang in texts)
    go = " / ".join(html.escape(texts[lang]["go"]) for lang in texts)
    return ('<!doctype html><html><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{label}</title><link rel="stylesheet" href="/code.css"></head><body><main>'
            f'<h1>{title}</h1><form method="post" action="/code"><label for="c">{label}</label>'
            '<input id="c" name="code" autocomplete="off" autocapitalize="characters" maxlength="12" required>'
            f'<button type="submit">{go}</button></form></main></body></html>')


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _score(value: Any) -> int | None:
    value = _int(value)
    if value is not None and not 1 <= value <= 5:
        raise web.HTTPBadRequest(text="score out of range")
    return value


class RoomServer:
    """The aiohttp application of one room. Runs on the room's own event loop."""

    def __init__(self, submit: Callable[[str, Any], Any], *, token: str, admin: str, code: str,
                 texts: Callable[[], dict], limits: Limits | None = None):
        self.submit = submit
        self.token, self.admin, self.code = token, admin, code
        self.texts = texts
        self.limits = limits or Limits()
        self.devices = Devices(self.limits)
        self.state: dict = {}
        self.state_json = b"{}"
        self.full_json = b"{}"
        self.version = 0
        self.changed: asyncio.Event | None = None
        self.closing = False
        self.streams = 0
        self.code_failures = 0
        self.app = web.Application(client_max_size=self.limits.max_body, middlewares=[self._guard])
        r = self.app.router
        r.add_get("/", self.code_page)
        r.add_post("/code", self.code_entry)
        r.add_get("/code.css", self.code_css)
        r.add_get("/r/{token}/", self.page)
        r.add_get("/r/{token}/s/{name}", self.static)
        r.add_get("/r/{token}/texts", self.texts_json)
        r.add_get("/r/{token}/state", self.state_get)
        r.add_get("/r/{token}/events", self.events)
        r.add_get("/r/{token}/me", self.me)
        r.add_post("/r/{token}/join", self.join)
        for op in ("vote", "unvote", "score", "post"):
            r.add_post(f"/r/{{token}}/{op}", self.edit)
        r.add_get("/f/{token}/state", self.admin_state)
        r.add_post("/f/{token}/activity", self.admin_activity)
        self.app.on_shutdown.append(self._on_shutdown)

    # ---------------------------------------------------------------- publishing
    def publish(self, version: int, data: dict) -> None:
        """On the server's loop: the room's new state goes to every open page."""
        if version <= self.version:
            return
        self.version, self.state = version, data
        self.state_json = json.dumps(public(data), ensure_ascii=False).encode("utf-8")
        self.full_json = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if self.changed is not None:
            self.changed.set()
        self.changed = asyncio.Event()

    async def _on_shutdown(self, app) -> None:
        self.closing = True
        if self.changed is not None:
            self.changed.set()

    # ---------------------------------------------------------------- the guard
    @web.middleware
    async def _guard(self, request: web.Request, handler):
        path = request.path
        address = request.remote or "?"
        if path.startswith(("/r/", "/f/")):
            given = request.match_info.get("token")
            expected = self.token if path.startswith("/r/") else self.admin
            if not tokens.same(given, expected):
                return self._refuse(403, "This room link is not valid.")
        elif path not in ("/", "/code", "/code.css"):
            return self._refuse(404, "Not found.")
        if request.content_length is not None and request.content_length > self.limits.max_body:
            return self._refuse(413, "Too large.")
        device = self.devices.get(request.headers.get("X-Device") or request.query.get("device"))
        key = request.headers.get("X-Device") or request.query.get("device")
        if key and key in self.devices.closed_keys:
            return self._refuse(403, "closed")
        if device is not None:
            if not device.bucket.take():
                return self._refuse(429, "Too many requests.")
        elif not path.startswith("/f/") and not self.devices.address_allowed(address):
            return self._refuse(429, "Too many requests.")
        request["device"] = device
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if exc.status >= 400:
                return self._refuse(exc.status, exc.text or exc.reason)
            raise
        if not response.prepared:
            for header, value in HEADERS.items():
                response.headers.setdefault(header, value)
        return response

    @staticmethod
    def _refuse(status: int, text: str) -> web.Response:
        """Every refusal the same way: a status, a short code, no detail of the room."""
        code = {403: "closed" if text == "closed" else "refused", 413: "too-large", 429: "busy"}.get(status, "bad")
        response = web.json_response({"ok": False, "code": code, "error": text}, status=status)
        response.headers.update(HEADERS)
        return response

    # ---------------------------------------------------------------- pages
    async def code_page(self, request: web.Request) -> web.Response:
        return web.Response(text=code_form(self.texts()), content_type="text/html", charset="utf-8")

    async def code_entry(self, request: web.Request) -> web.Response:
        form = await request.post()
        given = tokens.normal_code(str(form.get("code", "")))
        if self.code_failures < self.limits.code_tries and tokens.same(given, self.code):
            raise web.HTTPSeeOther(f"/r/{self.token}/")
        self.code_failures += 1
        return self._refuse(403, "Wrong room code.")

    async def code_css(self, request: web.Request) -> web.Response:
        return web.Response(body=_static("code.css"), content_type="text/css", charset="utf-8")

    async def page(self, request: web.Request) -> web.Response:
        return web.Response(body=_static("room.html"), content_type="text/html", charset="utf-8")

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name == "korean.ttf":                       # only for a browser without a Korean font
            from mot_workshop.fontfiles import FontMissing
            from mot_workshop.room.webfont import korean_font

            try:
                body = await asyncio.get_running_loop().run_in_executor(None, korean_font)
            except FontMissing:
                raise web.HTTPNotFound() from None
            return web.Response(body=body, content_type="font/ttf", headers={"Cache-Control": "max-age=86400"})
        if name not in STATIC:
            raise web.HTTPNotFound()
        return web.Response(body=_static(name), content_type=STATIC[name], charset="utf-8")

    async def texts_json(self, request: web.Request) -> web.Response:
        return web.json_response(self.texts())

    async def state_get(self, request: web.Request) -> web.Response:
        return web.Response(body=self.state_json, content_type="application/json")

    async def me(self, request: web.Request) -> web.Response:
        device = self._device(request)
        return web.json_response({"voter": device.voter, "name": device.name, "sent": device.sent[-50:]})

    async def events(self, request: web.Request) -> web.StreamResponse:
        self._device(request)
        if self.streams >= self.limits.max_devices + 10:
            raise web.HTTPServiceUnavailable(text="The room is full.")
        response = web.StreamResponse(headers={**HEADERS, "Content-Type": "text/event-stream",
                                               "X-Accel-Buffering": "no"})
        await response.prepare(request)
        self.streams += 1
        sent = -1
        try:
            await response.write(b"retry: 1000\n\n")
            while not self.closing:
                if self.version != sent:
                    sent = self.version
                    await response.write(b"data: " + self.state_json + b"\n\n")
                    continue
                waiter = self.changed
                if waiter is None:
                    waiter = self.changed = asyncio.Event()
                try:
                    await asyncio.wait_for(waiter.wait(), 15)
                except TimeoutError:
                    await response.write(b": still here\n\n")
                if request.get("device") is not None and request["device"].key not in self.devices.by_key:
                    break                                  # the facilitator closed the room to it
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.streams -= 1
        return response

    # ---------------------------------------------------------------- edits
    async def _body(self, request: web.Request) -> dict:
        try:
            data = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            raise web.HTTPBadRequest(text="The request is not JSON.") from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest(text="The request is not a JSON object.")
        return data

    def _device(self, request: web.Request):
        device = request.get("device")
        if device is None:
            raise web.HTTPUnauthorized(text="Join the room first.")
        return device

    async def _answer(self, kind: str, payload: Any) -> dict:
        future = self.submit(kind, payload)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), ANSWER_WAIT)
        except TimeoutError:
            return {"ok": False, "code": "busy", "error": ""}

    async def join(self, request: web.Request) -> web.Response:
        address = request.remote or "?"
        if address in self.devices.closed_addresses:
            raise web.HTTPForbidden(text="closed")
        data = await self._body(request)
        voter = data.get("voter")
        voter = voter if isinstance(voter, str) and len(voter) < 24 else ""
        name = clean(data.get("name"), self.limits.name_chars)
        if not voter and not name:
            raise web.HTTPBadRequest(text="Pick your name first.")
        answer = await self._answer("action", Action("join", voter=voter, name=name))
        if not answer.get("ok"):
            return web.json_response(answer, status=422)
        device = self.devices.add(address, answer["voter"], answer["name"])
        if device is None:
            return web.json_response({"ok": False, "code": "full", "error": ""}, status=503)
        return web.json_response({"ok": True, "device": device.key, "voter": device.voter, "name": device.name})

    async def edit(self, request: web.Request) -> web.Response:
        device = self._device(request)
        op = request.path.rsplit("/", 1)[-1]
        data = await self._body(request)
        if device.pending >= self.limits.max_pending:
            return web.json_response({"ok": False, "code": "busy", "error": ""}, status=429)
        target = _int(data.get("target_id"))
        action = Action(op, voter=device.voter, name=device.name, target_id=target,
                        level=_score(data.get("level")), importance=_score(data.get("importance")),
                        text=clean(data.get("text"), self.limits.post_chars, lines=True))
        device.pending += 1
        try:
            answer = await self._answer("action", action)
        finally:
            device.pending -= 1
        if answer.get("ok"):
            device.sent.append({"op": op, "target_id": target, "level": action.level,
                                "importance": action.importance, "text": action.text})
            answer["sent"] = device.sent[-50:]
        return web.json_response(answer, status=200 if answer.get("ok") else 422)

    # ---------------------------------------------------------------- the facilitator
    async def admin_state(self, request: web.Request) -> web.Response:
        return web.Response(body=self.full_json, content_type="application/json")

    async def admin_activity(self, request: web.Request) -> web.Response:
        data = await self._body(request)
        try:
            activity = Activity.parse(str(data.get("activity", "waiting")), _int(data.get("subject_id")))
            if isinstance(data.get("reveal"), bool):
                activity = activity.revealed(data["reveal"])
        except ValueError as exc:
            raise web.HTTPBadRequest(text=str(exc)) from None
        return web.json_response(await self._answer("activity", activity))
