"""Shared fixtures. GUI tests run headless; a run that collects no test fails."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the command line speaks the system's language when no workshop says otherwise: the tests
# run as on an English system whatever the machine's locale (a test sets another to check it)
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "en_US.UTF-8"


def _temporary_files_in_memory() -> None:
    """Every temporary file of the run (tmp_path, the PostgreSQL cluster, the CLI's children) in
    a folder of /dev/shm where the machine has one with room to spare. Every edit is a durable
    commit, and on a disk each fsync waits: creating a workshop and building a small world in
    it took 0.7 s there against 0.08 s in memory. A killed writer leaves the same file either
    way (the tests kill processes, not the machine). Workers and child processes inherit
    TMPDIR; a TMPDIR the user set is kept."""
    if os.environ.get("TMPDIR") or not (os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK)):
        return
    room = os.statvfs("/dev/shm")
    if room.f_bavail * room.f_frsize < 2 << 30:       # a container's 64 MB /dev/shm: stay on disk
        return
    folder = tempfile.mkdtemp(prefix="motw-tests-tmp-", dir="/dev/shm")
    os.chmod(folder, 0o711)          # the test server, run as `postgres` under root, reaches its folder
    atexit.register(shutil.rmtree, folder, True)
    os.environ["TMPDIR"] = folder
    tempfile.tempdir = None


_temporary_files_in_memory()
# The app's own files (sample copies) and its settings go to a folder of this process's own,
# never the user's: the suite runs in several worker processes at once (pytest-xdist), and two
# workers writing one sample copy or one settings file would trip over each other.
_OWN = tempfile.mkdtemp(prefix="motw-tests-")
atexit.register(shutil.rmtree, _OWN, True)
os.environ["MOT_WORKSHOP_DATA"] = os.path.join(_OWN, "data")
os.environ["MOT_WORKSHOP_SETTINGS"] = os.path.join(_OWN, "settings.ini")

import pytest  # noqa: E402

from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.i18n import set_language  # noqa: E402
from mot_workshop.persistence.store import Store  # noqa: E402


def pytest_collection_modifyitems(config, items):
    for item in items:      # `-m "not server"` leaves out everything that needs PostgreSQL
        if "pg_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.server)


def pytest_sessionfinish(session, exitstatus):
    # pytest's exit code 5 ("no tests collected") must never pass as success.
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _english_by_default():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def workshop_path(tmp_path):
    return tmp_path / "workshop.motw"


@pytest.fixture
def store(workshop_path):
    s = Store.create(workshop_path, title="Test workshop")
    yield s
    s.close()


@pytest.fixture
def history(store):
    return History(store)


# ------------------------------------------------------------------ a PostgreSQL server
def _no_server(reason: str):
    # A developer without PostgreSQL skips these tests; CI must run them, so there it fails.
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs a PostgreSQL server: {reason}", pytrace=False)
    pytest.skip(reason)


def server_binaries():
    """The folder of the PostgreSQL server's programs; without one, no server (a failure
    under CI, a skip elsewhere)."""
    from tests.server.cluster import find_bin

    bin_dir = find_bin()
    if bin_dir is None:
        _no_server("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin; PostgreSQL tests skipped")
    return bin_dir


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster, started once for the whole run when a test needs it."""
    from tests.server.cluster import Cluster

    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_server("psycopg is not installed; PostgreSQL tests skipped")
    cluster = Cluster(server_binaries())
    try:
        cluster.init()
        cluster.start()
    except Exception as exc:  # noqa: BLE001 - any failure to start means "no server"
        detail = getattr(exc, "stderr", "") or str(exc)
        cluster.destroy()
        _no_server(f"the PostgreSQL test server did not start: {detail.strip().splitlines()[-1:]}")
    cluster.psql("CREATE DATABASE motw_test")
    yield cluster
    cluster.destroy()


@pytest.fixture
def pg_url(pg_cluster):
    """The test database's URL, the database empty; every workshop made on it is dropped after the test."""
    from tests.server import spare
    from tests.server.cleanup import drop_everything

    # a command test may have left its emptied schema (and the catalog, owned by the
    # superuser) for the next command test; a test of the server itself starts from nothing,
    # whichever tests ran before it in this process
    if spare.forget():
        drop_everything(pg_cluster)
    yield pg_cluster.url(database="motw_test")
    drop_everything(pg_cluster)
