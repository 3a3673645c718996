"""Who is connected to a shared workshop: name, team, and since when.

Each client's listening connection enters itself in the catalog's presence list when it
connects (keyed by its server process) and leaves when it stops; an entry whose server
process is gone (a client killed, a cable pulled) is not shown. A row may be written only
by the login that made it (row-level security); everyone may read them all. Entering and
leaving notify the workshop's channel, so the others re-read the list.

A client that dies cannot say goodbye. Its server process ends as soon as the connection
closes (at once for a killed program; a pulled cable is found by the keep-alives set in
``KEEPALIVE``), and each client's listener asks the server every two seconds which of the
people in the workshop still have a live server process (``live_pids``: one small read of
the presence rows and of the server's process list on the connection it already holds; no
write, no notification, no new connection); the list is re-read only when that set changed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from mot_workshop.persistence.server.catalog import CATALOG

_TABLE = f'"{CATALOG}".presence'
# a live server process that was already running when the row was written (a pid reused
# by a later connection does not bring a dead client back)
_LIVE = ("EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = presence.pid "
         "AND a.backend_start <= presence.since)")
# the server drops a listener whose peer went silent (cable pulled, laptop asleep) after
# about 5 + 3 x 2 seconds, instead of the system's default of hours
KEEPALIVE = ("SET tcp_keepalives_idle = 5", "SET tcp_keepalives_interval = 2", "SET tcp_keepalives_count = 3")


@dataclass(frozen=True)
class Person:
    name: str
    team: str
    since: dt.datetime
    login: str


def enter(conn, channel: str, workshop_id: int, name: str, team: str) -> None:
    """On a psycopg connection in autocommit: this connection is here, until it closes."""
    for statement in KEEPALIVE:
        conn.execute(statement)
    conn.execute(f"DELETE FROM {_TABLE} WHERE login = current_user AND NOT {_LIVE}")   # our own leftovers
    conn.execute(f"INSERT INTO {_TABLE} (pid, workshop_id, name, team) VALUES (pg_backend_pid(), %s, %s, %s)",
                 (int(workshop_id), name, team))
    conn.execute("SELECT pg_notify(%s, %s)", (channel, json.dumps({"client": "", "presence": True})))


def leave(conn, channel: str) -> None:
    conn.execute(f"DELETE FROM {_TABLE} WHERE pid = pg_backend_pid()")
    conn.execute("SELECT pg_notify(%s, %s)", (channel, json.dumps({"client": "", "presence": True})))


def live_pids(conn, workshop_id: int) -> tuple[int, ...]:
    """The server processes of the people now shown in the workshop (psycopg, autocommit)."""
    row = conn.execute(f"SELECT array_agg(pid ORDER BY pid) FROM {_TABLE} WHERE workshop_id = %s AND {_LIVE}",
                       (int(workshop_id),)).fetchone()
    return tuple(row[0] or ())


QUERY = (f"SELECT name, team, since, login FROM {_TABLE} WHERE workshop_id = :id AND {_LIVE} "
         "ORDER BY since, name")
