"""One open room: the web server on its own thread and event loop, one listening socket on
the address the facilitator chose, closed with the room.

The caller's thread never waits for the network: ``open`` returns once the socket listens,
``publish`` only schedules, and ``close`` stops the loop and joins the thread.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass

from mot_workshop.room import tokens
from mot_workshop.room.host import RoomHost
from mot_workshop.room.limits import Limits
from mot_workshop.room.texts import page_texts


class RoomError(Exception):
    """The room could not open (address in use, not an address of this computer …)."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int
    https: bool

    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.https else 'http'}://{host}:{self.port}"


class Room:
    def __init__(self, host: RoomHost, *, limits: Limits | None = None):
        self.host = host
        self.limits = limits or Limits()
        self.token = tokens.new_token()
        self.admin = tokens.new_token()
        self.code = host.code
        self.address: Address | None = None
        self.server = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        """The participants' URL, with its token (what the QR code holds)."""
        return f"{self.address.base()}/r/{self.token}/"

    @property
    def short_url(self) -> str:
        """Typed by hand, then the room code."""
        return f"{self.address.base()}/"

    @property
    def admin_url(self) -> str:
        return f"{self.address.base()}/f/{self.admin}/"

    @property
    def is_open(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def open(self, bind: str = "127.0.0.1", port: int = 0, *, certificate: tuple[str, str] | None = None) -> None:
        try:
            ip = ipaddress.ip_address(bind)
        except ValueError:
            raise RoomError(f"{bind!r} is not an IP address") from None
        context = None
        if certificate is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            try:
                context.load_cert_chain(*certificate)
            except (OSError, ssl.SSLError) as exc:
                raise RoomError(f"the certificate could not be read: {exc}") from None
        family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        try:
            sock = socket.create_server((bind, port), family=family, backlog=256)
        except OSError as exc:
            raise RoomError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}") from None
        self._socket = sock
        self.address = Address(bind, sock.getsockname()[1], context is not None)
        from mot_workshop.room.server import RoomServer           # aiohttp loads here, not before

        self.server = RoomServer(self.host.submit, token=self.token, admin=self.admin, code=self.code,
                                 texts=page_texts, limits=self.limits)
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, args=(sock, context, ready, failure),
                                        name="room-server", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            self.close()
            raise RoomError(str(failure[0]))
        self.host.published = self.publish
        self.host.publish()

    def _run(self, sock, context, ready: threading.Event, failure: list) -> None:
        from aiohttp import web

        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            self._runner = web.AppRunner(self.server.app, access_log=None, shutdown_timeout=0.5,
                                         handle_signals=False)
            loop.run_until_complete(self._runner.setup())
            loop.run_until_complete(web.SockSite(self._runner, sock, ssl_context=context).start())
        except BaseException as exc:  # noqa: BLE001 - reported to open()
            failure.append(exc)
            ready.set()
            return
        ready.set()
        loop.run_forever()
        loop.run_until_complete(self._runner.cleanup())
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

    def publish(self, version: int, data: dict) -> None:
        """Any thread: the server's pages follow the new state."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self.server.publish, version, data)
            except RuntimeError:         # the loop closed in between
                pass

    def close_device(self, key: str):
        """Close the room to one phone (its key and its address)."""
        if self._loop is None:
            return None
        done = asyncio.run_coroutine_threadsafe(self._close_device(key), self._loop)
        return done.result(5)

    async def _close_device(self, key: str):
        device = self.server.devices.close(key)
        if self.server.changed is not None:
            self.server.changed.set()
            self.server.changed = asyncio.Event()
        return device

    def devices(self) -> list[dict]:
        if self._loop is None or self._loop.is_closed():
            return []
        return asyncio.run_coroutine_threadsafe(self._devices(), self._loop).result(5)

    async def _devices(self) -> list[dict]:
        return self.server.devices.summary()

    def close(self) -> None:
        """Stop the server: the listening socket and every connection are closed on return."""
        self.host.published = lambda version, data: None
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self._thread = None
        self._loop = None
