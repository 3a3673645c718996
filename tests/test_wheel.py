"""``pip install .`` (not only ``-e .``) gives a working app: the wheel is built offline from
a copy of the checkout, installed into a fresh environment that sees the dependencies but
not the source tree, and the installed command writes, checks and reports on the sample."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK_INSIDE = """
import sqlite3, sys
from pathlib import Path
import mot_workshop
from mot_workshop.domain.templates import load_libraries
from mot_workshop.persistence import migrate
from mot_workshop.persistence.schema import APPLICATION_ID
from mot_workshop.resources import resource

assert Path(mot_workshop.__file__).is_relative_to(Path(sys.argv[1])), mot_workshop.__file__
assert len(load_libraries(resource("templates"))) >= 4
old = Path(sys.argv[2])
raw = sqlite3.connect(old)
raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
raw.close()
migrate.upgrade(old)
print(mot_workshop.__version__)
"""


def run(args, cwd, **kw):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, **kw)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Build from a copy: an in-tree build leaves build/ behind, and stale files there would
    # hide a file missing from the package data.
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(ROOT / "mot_workshop", src / "mot_workshop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    import setuptools

    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    assert (major, minor) >= (70, 1), (f"setuptools {setuptools.__version__} cannot build wheels on its own: "
                                       "pip install -e '.[test]' again (the test extra asks for 70.1+)")
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-index", "--no-deps", "--no-build-isolation",
         "-w", str(dist), str(src)], cwd=src)
    (built,) = dist.glob("mot_workshop-*.whl")
    return built


def test_the_wheel_carries_every_file_read_at_run_time(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "mot_workshop"
    wanted = {p.relative_to(ROOT).as_posix() for p in package.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert wanted - names == set()


def test_the_installed_app_writes_checks_and_reports_on_the_sample(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], cwd=tmp_path)
    python = env_dir / "bin" / "python"
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                    cwd=tmp_path).strip())
    # The dependencies come from this environment; its own copy of the app (an editable
    # install, a finder hook run from a .pth file) is not activated by a plain path entry.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-index", "--no-deps",
         str(wheel)], cwd=tmp_path)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_DATA=str(tmp_path / "data"))
    app = str(env_dir / "bin" / "mot-workshop")
    sample = tmp_path / "sample.motw"
    run([app, "demo", str(sample), "--lang", "en"], cwd=tmp_path, env=env)
    run([app, "check", str(sample)], cwd=tmp_path, env=env)
    run([app, "report", str(sample), "-o", str(tmp_path / "report.pdf"), "--lang", "ko"], cwd=tmp_path, env=env)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    version = run([str(python), "-c", CHECK_INSIDE, str(site), str(tmp_path / "old.motw")], cwd=tmp_path, env=env)
    import mot_workshop

    assert version.strip() == mot_workshop.__version__
