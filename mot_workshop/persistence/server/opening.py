"""Opening a workshop named by a server address and a title, for the command line and the
window alike. A password, when the server asks for one and no password file holds it, is
asked through ``ask_password`` (the caller's way: a terminal prompt, a dialog) and kept in
memory only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.errors import ServerUnavailable
from mot_workshop.persistence.server.server import Server
from mot_workshop.persistence.server.store import ServerStore

AskPassword = Callable[[ServerAddress], "str | None"]


def connect(url: str | ServerAddress, ask_password: AskPassword | None = None) -> Server:
    """A Server whose address answered (asking for a password once if it wants one)."""
    from mot_workshop.persistence.server.connect import needs_password, raw_connection

    address = url if isinstance(url, ServerAddress) else ServerAddress.parse(url)
    try:
        raw_connection(address).close()
        return Server(address)
    except ServerUnavailable as exc:
        if ask_password is None or not needs_password(exc):
            raise
    password = ask_password(address)
    if password is None:
        raise ServerUnavailable(address.display(), "no password given")
    raw_connection(address, password).close()
    return Server(address, password)


@contextmanager
def open_workshop(url: str | ServerAddress, title: str, *, read_only: bool,
                  ask_password: AskPassword | None = None) -> Iterator[ServerStore]:
    server = connect(url, ask_password)
    try:
        store = server.open(title, read_only=read_only)
        try:
            yield store
        finally:
            store.close()
    finally:
        server.close()
