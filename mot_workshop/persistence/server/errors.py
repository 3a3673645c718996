"""What can go wrong with a team server, each with a message a user can act on.

They are WorkshopFileErrors so that every caller that already turns a file problem into a
one-line message (the command line, the window) does the same for the server; ``path``
holds the server's address, which never contains a password.
"""

from __future__ import annotations

from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import WorkshopFileError


class ServerError(WorkshopFileError):
    def __init__(self, where: str, message: str):
        super().__init__(where, message)
        self.where = where


class ServerUnavailable(ServerError):
    def __init__(self, where: str, detail: str):
        super().__init__(where, tr("The team server {server} cannot be reached: {detail}",
                                   server=where, detail=detail))
        self.detail = detail


class WorkshopNotFound(ServerError):
    def __init__(self, where: str, title: str):
        super().__init__(where, tr("The team server {server} has no workshop called \u201c{title}\u201d.",
                                   server=where, title=title))


class WorkshopExists(ServerError):
    def __init__(self, where: str, title: str):
        super().__init__(where, tr("The team server {server} already has a workshop called \u201c{title}\u201d.",
                                   server=where, title=title))


class NotAllowed(ServerError):
    def __init__(self, where: str, detail: str):
        super().__init__(where, tr("The team server refused the change: {detail}", detail=detail))


class Conflict(ServerError):
    """An undo or edit whose rows someone else changed since: nothing was written."""

    def __init__(self, where: str, what: str):
        super().__init__(where, tr("Someone else changed {what} since; your change was not made.", what=what))
