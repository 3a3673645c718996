"""Opening connections to a team server: libpq through psycopg 3, driven by SQLAlchemy.

The engine is built from a ``creator`` so that no connection string (and so no password)
is ever handed to SQLAlchemy, which would repeat it in its logs and error messages. A
password asked from the user lives in this process's memory only.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.pool import NullPool, StaticPool

from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.errors import ServerUnavailable


def raw_connection(address: ServerAddress, password: str | None = None, *, autocommit: bool = True):
    import psycopg

    kwargs = address.connect_kwargs()
    if password is not None:
        kwargs["password"] = password
    try:
        return psycopg.connect(autocommit=autocommit, **kwargs)
    except psycopg.OperationalError as exc:
        raise ServerUnavailable(address.display(), _first_line(exc)) from None


def needs_password(exc: BaseException) -> bool:
    text = str(exc)
    return "password" in text and ("no password supplied" in text or "authentication failed" in text)


def engine(address: ServerAddress, password: str | None = None, *, pooled: bool = True) -> sa.Engine:
    """Transactions are begun and ended explicitly. ``pooled``: one connection for the
    engine's life (an open workshop); otherwise a fresh one for each visit."""
    return sa.create_engine("postgresql+psycopg://", creator=lambda: raw_connection(address, password),
                            poolclass=StaticPool if pooled else NullPool, isolation_level="AUTOCOMMIT")


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__
