"""What a sub-command works on: a workshop file, or a workshop on a team server
(``postgresql://user@host/db --workshop TITLE``)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from mot_workshop.i18n import tr


def add_workshop_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workshop", metavar="TITLE",
                        help="with a team server address (postgresql://user@host/db) instead of a file: "
                             "the workshop's title on that server")


def is_server(target: str | None) -> bool:
    from mot_workshop.persistence.server.address import is_server_url

    return is_server_url(target)


def title_for(target: str, workshop: str | None) -> str:
    """The workshop title a server address needs; a file needs none."""
    from mot_workshop.cli import UserError

    if not is_server(target):
        if workshop is not None:
            raise UserError(tr("--workshop goes with a team server address (postgresql://…), not a file."))
        return ""
    if not workshop:
        raise UserError(tr("Name the workshop on the team server with --workshop TITLE."))
    return workshop


def ask_password(address) -> str | None:
    """Asked on the terminal each time, never echoed nor stored."""
    import getpass
    import sys

    if not sys.stdin or not sys.stdin.isatty():
        return None
    return getpass.getpass(tr("Password for {server}: ", server=address.display()))


@contextmanager
def reading(target: str, workshop: str | None = None, **file_options) -> Iterator:
    """The workshop, read only: a file of any older version, or a server workshop."""
    title = title_for(target, workshop)
    if not title:
        from mot_workshop.persistence.reading import reading as reading_file

        with reading_file(target, **file_options) as store:
            yield store
        return
    from mot_workshop.persistence.server.opening import open_workshop

    with open_workshop(target, title, read_only=True, ask_password=ask_password) as store:
        yield store


@contextmanager
def writing(target: str, workshop: str | None = None) -> Iterator:
    """The workshop, open for changes (each one a transaction on the file or the server)."""
    title = title_for(target, workshop)
    if not title:
        from mot_workshop.persistence.store import Store

        with Store.open(target) as store:
            yield store
        return
    from mot_workshop.persistence.server.opening import open_workshop

    with open_workshop(target, title, read_only=False, ask_password=ask_password) as store:
        yield store


def connect(target: str):
    from mot_workshop.persistence.server.opening import connect as connect_server

    return connect_server(target, ask_password)
