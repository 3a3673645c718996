"""Where a team server is: ``postgresql://user@host:port/database`` and nothing secret.

A password never travels in the address (it would land in the process list, the shell's
history and the recent-files list): libpq finds it in the password file (~/.pgpass or
PGPASSFILE) or a service file, or the user is asked for it each time and it is kept in
memory only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from mot_workshop.i18n import tr
from mot_workshop.persistence.server.errors import ServerError

SCHEMES = ("postgresql", "postgres")
TLS_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_ALLOWED_QUERY = {"sslmode", "host", "service", "sslrootcert", "connect_timeout", "application_name"}


class AddressError(ServerError):
    """An address that cannot name a team server; the message says why."""

    def __init__(self, message: str):
        super().__init__("", message)


def is_server_url(text: object) -> bool:
    return isinstance(text, str) and text.split("://", 1)[0].lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class ServerAddress:
    host: str = ""
    port: int | None = None
    database: str = ""
    user: str = ""
    options: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def parse(cls, text: str) -> ServerAddress:
        if not is_server_url(text):
            raise AddressError(tr("{address} is not a team server address (postgresql://user@host/database).",
                                  address=text))
        parts = urlsplit(text)
        if parts.password is not None:
            raise AddressError(tr("Do not put the password in the address: keep it in the PostgreSQL password "
                                  "file (~/.pgpass) or let MOT Workshop ask for it."))
        try:
            port = parts.port
        except ValueError:
            raise AddressError(tr("{address}: the port must be a number.", address=cls._safe(text))) from None
        options = tuple(parse_qsl(parts.query, keep_blank_values=True))
        unknown = sorted({k for k, _ in options} - _ALLOWED_QUERY)
        if unknown:
            raise AddressError(tr("Unknown connection options: {names}.", names=", ".join(unknown)))
        tls = dict(options).get("sslmode")
        if tls is not None and tls not in TLS_MODES:
            raise AddressError(tr("Unknown TLS mode {mode}; use one of {modes}.", mode=tls, modes=", ".join(TLS_MODES)))
        return cls(host=unquote(parts.hostname or ""), port=port, database=unquote(parts.path.lstrip("/")),
                   user=unquote(parts.username or ""), options=options)

    @staticmethod
    def _safe(text: str) -> str:
        return text.split("?", 1)[0]

    def connect_kwargs(self) -> dict[str, object]:
        """Keyword arguments for libpq; empty parts fall back to libpq's own defaults."""
        kwargs: dict[str, object] = {k: v for k, v in self.options}
        if self.host:
            kwargs["host"] = self.host
        if self.port:
            kwargs["port"] = self.port
        if self.database:
            kwargs["dbname"] = self.database
        if self.user:
            kwargs["user"] = self.user
        kwargs.setdefault("application_name", "mot-workshop")
        kwargs.setdefault("connect_timeout", "5")
        return kwargs

    def display(self) -> str:
        """The address as shown to people and written to settings (no secret in it)."""
        host = self.host or dict(self.options).get("host", "")
        where = f"{host}:{self.port}" if self.port else host
        user = f"{self.user}@" if self.user else ""
        return f"postgresql://{user}{where}/{self.database}"

    def url(self) -> str:
        """The whole address with its options (TLS mode, service, …) and still no secret: what
        the settings remember, so that the next connection asks for the same TLS."""
        from urllib.parse import urlencode

        return self.display() + (f"?{urlencode(self.options)}" if self.options else "")

    def __str__(self) -> str:
        return self.display()
