"""Passwords: from libpq's password file, never from the address, never in a message."""

from __future__ import annotations

import pytest

from mot_workshop.cli import main
from mot_workshop.persistence.server.errors import ServerUnavailable
from mot_workshop.persistence.server.opening import connect


@pytest.fixture
def password_role(pg_cluster, pg_url):
    pg_cluster.psql("CREATE ROLE motw_pw LOGIN PASSWORD 'pa55-w0rd' CREATEROLE")
    pg_cluster.psql("GRANT CREATE ON DATABASE motw_test TO motw_pw")
    yield pg_cluster.url(user="motw_pw", database="motw_test")
    pg_cluster.psql("REASSIGN OWNED BY motw_pw TO motw_admin", database="motw_test")
    pg_cluster.psql("DROP OWNED BY motw_pw", database="motw_test")
    pg_cluster.psql("DROP ROLE motw_pw")


def test_the_password_file_is_used_and_a_missing_password_is_one_clear_line(password_role, pg_cluster,
                                                                            tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(ServerUnavailable, match="password"):
        connect(password_role)                   # no file, nobody to ask: refused, not hung
    assert main(["dump", password_role, "--workshop", "X"]) == 1
    err = capsys.readouterr().err
    assert "password" in err and len(err.strip().splitlines()) == 1

    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{pg_cluster.host}:{pg_cluster.port}:motw_test:motw_pw:pa55-w0rd\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with connect(password_role) as server:
        server.create(title="Secret room").close()
        assert [e.title for e in server.workshops()] == ["Secret room"]
    assert main(["check", password_role, "--workshop", "Secret room"]) == 0
    out, err = capsys.readouterr()
    assert "pa55-w0rd" not in out + err


def test_a_password_typed_when_asked_is_used_and_kept_in_memory_only(password_role, tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    asked = []
    with connect(password_role, lambda address: asked.append(address.display()) or "pa55-w0rd") as server:
        assert server.workshops() == []
    assert asked == [password_role]
    assert not any("pa55" in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file())


def test_tls_is_honoured_when_asked(pg_url):
    # the test server has no certificate: asking for TLS must fail, not fall back to plain text
    with pytest.raises(ServerUnavailable, match="SSL"):
        connect(pg_url + "?sslmode=require")
    connect(pg_url + "?sslmode=prefer").close()      # "prefer" may fall back, as libpq documents
