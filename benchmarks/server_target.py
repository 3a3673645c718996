"""The PostgreSQL server a server benchmark talks to: the one given with --url, else a
throwaway cluster from the system's server binaries, removed afterwards."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class NoServer(Exception):
    """Neither --url nor PostgreSQL's server binaries."""


@contextlib.contextmanager
def server_url(url: str | None) -> Iterator[str]:
    if url is not None:
        yield url
        return
    from tests.server.cluster import Cluster, find_bin

    bin_dir = find_bin()
    if bin_dir is None:
        raise NoServer("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin; pass --url")
    cluster = Cluster(bin_dir)
    try:
        cluster.init()
        cluster.start()
        yield cluster.url()
    finally:
        cluster.destroy()
