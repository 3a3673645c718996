"""Who is connected to a shared workshop: name, team, and since when.

Each client's listening connection enters itself in the catalog's presence list when it
connects (keyed by its server process) and leaves when it stops; an entry whose server
process is gone (a client killed, a cable pulled) is not shown. A row may be written only
by the login that made it (row-level security); everyone may read them all. Entering and
leaving notify the workshop's channel, so the others re-read the list: no polling.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from mot_workshop.persistence.server.catalog import CATALOG

_TABLE = f'"{CATALOG}".presence'
_LIVE = "pid IN (SELECT pid FROM pg_stat_activity)"


@dataclass(frozen=True)
class Person:
    name: str
    team: str
    since: dt.datetime
    login: str


def enter(conn, channel: str, workshop_id: int, name: str, team: str) -> None:
    """On a psycopg connection in autocommit: this connection is here, until it closes."""
    conn.execute(f"DELETE FROM {_TABLE} WHERE login = current_user AND NOT {_LIVE}")   # our own leftovers
    conn.execute(f"INSERT INTO {_TABLE} (pid, workshop_id, name, team) VALUES (pg_backend_pid(), %s, %s, %s)",
                 (int(workshop_id), name, team))
    conn.execute("SELECT pg_notify(%s, %s)", (channel, json.dumps({"client": "", "presence": True})))


def leave(conn, channel: str) -> None:
    conn.execute(f"DELETE FROM {_TABLE} WHERE pid = pg_backend_pid()")
    conn.execute("SELECT pg_notify(%s, %s)", (channel, json.dumps({"client": "", "presence": True})))


QUERY = (f"SELECT name, team, since, login FROM {_TABLE} WHERE workshop_id = :id AND {_LIVE} "
         "ORDER BY since, name")
