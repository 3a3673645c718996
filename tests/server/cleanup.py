"""Leaving the shared test database empty after each test."""

from __future__ import annotations


def drop_everything(cluster) -> None:
    import psycopg

    if not _running(cluster):
        cluster.start()
    with psycopg.connect(host=cluster.host, port=cluster.port, user="motw_admin", dbname="motw_test",
                         autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = 'motw_test' AND pid <> pg_backend_pid()")
        schemas = [r[0] for r in conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'motw%' OR nspname LIKE 'ws\\_%'")]
        for name in schemas:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')
        roles = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'motw\\_t\\_%'"
                                            " OR rolname LIKE 'motw\\_ws\\_%'")]
        for role in roles:
            conn.execute(f'DROP OWNED BY "{role}" CASCADE')
            conn.execute(f'DROP ROLE "{role}"')


def _running(cluster) -> bool:
    import psycopg

    try:
        psycopg.connect(host=cluster.host, port=cluster.port, user="motw_admin", dbname="postgres",
                        connect_timeout=2).close()
        return True
    except psycopg.OperationalError:
        return False
