"""When Qt's platform plugin cannot load, the app names the missing system libraries and the
command that installs them, instead of letting Qt abort with its own misleading message.

The failure is real: a copy of PySide6's xcb plugin whose needed libxcb-icccm and
libxcb-keysyms names are changed to versions no system has, found through
QT_QPA_PLATFORM_PLUGIN_PATH as Qt itself would find it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mot_workshop.ui import platform_check

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")

RENAMED = {b"libxcb-icccm.so.4": b"libxcb-icccm.so.0", b"libxcb-keysyms.so.1": b"libxcb-keysyms.so.0"}


def real_plugin_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"


@pytest.fixture
def broken_plugins(tmp_path) -> Path:
    """plugins/platforms/libqxcb.so with two needed libraries renamed; its RUNPATH
    ($ORIGIN/../../lib) still finds Qt's own libraries through a link."""
    real = real_plugin_dir()
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    data = (real / "libqxcb.so").read_bytes()
    for old, new in RENAMED.items():
        assert data.count(old + b"\0") == 1
        data = data.replace(old + b"\0", new + b"\0")
    (folder / "libqxcb.so").write_bytes(data)
    (tmp_path / "lib").symlink_to(real.parent.parent / "lib")
    return folder


def test_a_plugin_that_loads_passes():
    env = {"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(real_plugin_dir())}
    assert platform_check.check(env) is None


def test_the_message_names_each_missing_library_and_the_install_command(broken_plugins):
    problem = platform_check.check({"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins)})
    assert problem is not None
    assert set(problem.missing) == {"libxcb-icccm.so.0", "libxcb-keysyms.so.0"}
    text = problem.message()
    assert "libxcb-icccm.so.0" in text and "libxcb-keysyms.so.0" in text
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text
    assert "xcb-cursor" not in text          # Qt's own message blames this one whatever is missing


def test_known_libraries_get_their_packages_for_debian_and_fedora():
    problem = platform_check.PluginProblem("xcb", Path("/x/libqxcb.so"),
                                           ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfoo.so.3"), "")
    text = problem.message()
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in text
    assert "libfoo.so.3" in text.splitlines()[-1] and "apt-file search" in text


def test_the_window_command_says_it_and_exits_instead_of_aborting(broken_plugins, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_QPA_PLATFORM_PLUGIN_PATH=str(broken_plugins),
               DISPLAY=":0", MOT_WORKSHOP_DATA=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "mot_workshop", "--sample", "en"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Missing libraries: libxcb-icccm.so.0, libxcb-keysyms.so.0" in done.stderr
    assert "sudo apt install" in done.stderr
    assert "Traceback" not in done.stderr and "xcb-cursor0" not in done.stderr


def test_without_a_platform_plugin_of_that_name_it_says_so(tmp_path):
    problem = platform_check.check({"QT_QPA_PLATFORM": "nosuch", "QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path)})
    assert problem is not None and problem.plugin is None
    assert "'nosuch' platform plugin" in problem.message()


def test_qt_tries_the_platforms_in_order():
    assert platform_check.candidate_platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    assert platform_check.candidate_platforms({"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}) == ["offscreen"]
    assert platform_check.candidate_platforms({}) == ["xcb"]
