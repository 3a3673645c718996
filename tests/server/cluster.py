"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl from the system's server
package, a unix socket and a loopback port, everything in one temporary folder.

PostgreSQL refuses to run as root (CI runs as root), so as root the server runs as the
unprivileged ``postgres`` system user, created when missing, owning its data folder.
Authentication is ``trust`` on the socket and loopback, except for the role ``motw_pw``
which needs its password (the tests of password files use it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "motw_admin"
PASSWORD_ROLE = "motw_pw"
RUN_AS = "postgres"


def find_bin() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl (or $MOTW_PG_BIN)."""
    if os.environ.get("MOTW_PG_BIN"):
        candidates = [os.environ["MOTW_PG_BIN"]]
    else:
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2])
                         if p.split("/")[-2].isdigit() else 0, reverse=True)
    for folder in candidates:
        if all(os.access(os.path.join(folder, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_user() -> tuple[int, int]:
    try:
        entry = pwd.getpwnam(RUN_AS)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS],
                       check=True, capture_output=True)
        entry = pwd.getpwnam(RUN_AS)
    return entry.pw_uid, entry.pw_gid


class Cluster:
    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="motw-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.host = "127.0.0.1"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            uid, gid = _ensure_user()
            os.chown(self.root, uid, gid)
        os.chmod(self.root, 0o755)   # the socket must be reachable by the tests' own user

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", RUN_AS, "--"] if self._as_root else []
        return subprocess.run([*prefix, str(self.bin / tool), *args], check=check, capture_output=True,
                              text=True, cwd=self.root, env={**os.environ, "LC_ALL": "C.UTF-8"})

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 trust\n")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.root}'\n"
                       # fsync off: a killed server process keeps its WAL in the OS cache; only a
                       # machine crash would lose it, and the cluster is thrown away anyway
                       "fsync = off\nfull_page_writes = off\nmax_connections = 200\n"
                       "shared_buffers = 32MB\n")

    def start(self) -> None:
        log = self.root / "server.log"
        for attempt in range(3):
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(log), "-w", "-t", "60", "start")
                return
            except subprocess.CalledProcessError:
                # the free port found at init can be taken before the server binds it (another
                # test worker, another program): take another one; any other failure is final
                if attempt == 2 or "Address already in use" not in (log.read_text(errors="replace")
                                                                    if log.exists() else ""):
                    raise
                self.port = _free_port()
                with open(self.data / "postgresql.conf", "a") as conf:
                    conf.write(f"port = {self.port}\n")      # the last setting of a name wins

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, user: str = SUPERUSER, database: str = "postgres") -> str:
        return f"postgresql://{user}@{self.host}:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=SUPERUSER, dbname=database,
                             autocommit=True) as conn:
            conn.execute(sql)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
