"""The Linux .tar.gz's install.sh, run on an unpacked archive laid out as build-linux.sh
lays it: the command, the menu entry, the icons and the .motw file type land in the user's
folders (the MIME database then maps *.motw and our SQLite header to the app), and
--uninstall takes them away again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "installer" / "linux"
ICONS = ROOT / "mot_workshop" / "resources" / "icons"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux installer")


@pytest.fixture
def unpacked(tmp_path) -> Path:
    top = tmp_path / "mot-workshop-0-linux-x86_64"
    (top / "mot-workshop").mkdir(parents=True)
    program = top / "mot-workshop" / "mot-workshop"
    program.write_text("#!/bin/sh\necho bundled \"$@\"\n")
    program.chmod(0o755)
    (top / "share" / "icons").mkdir(parents=True)
    for name in ("mot-workshop.desktop", "mot-workshop-mime.xml"):
        shutil.copy(LINUX / name, top / "share" / name)
    for icon in ICONS.iterdir():
        shutil.copy(icon, top / "share" / "icons" / icon.name)
    shutil.copy(LINUX / "install.sh", top / "install.sh")
    return top


def install(unpacked: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config")}
    done = subprocess.run(["sh", str(unpacked / "install.sh"), *args], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def test_install_registers_the_app_and_the_file_type_and_uninstall_removes_them(unpacked, tmp_path):
    home = tmp_path / "home"
    install(unpacked, home)
    data = home / "data"
    command = home / ".local" / "bin" / "mot-workshop"
    assert subprocess.run([str(command), "x.motw"], capture_output=True, text=True).stdout == "bundled x.motw\n"
    desktop = (data / "applications" / "mot-workshop.desktop").read_text()
    assert f'Exec="{home}/.local/opt/mot-workshop/mot-workshop" %f' in desktop
    assert "MimeType=application/x-mot-workshop;" in desktop
    assert (data / "mime" / "packages" / "mot-workshop.xml").is_file()
    for size in (16, 48, 256):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "mot-workshop.png").is_file()
    if shutil.which("update-mime-database"):
        assert "application/x-mot-workshop:*.motw" in (data / "mime" / "globs2").read_text()
        assert b"application/x-mot-workshop" in (data / "mime" / "magic").read_bytes()

    install(unpacked, home, "--uninstall")
    assert not command.exists() and not (home / ".local" / "opt" / "mot-workshop").exists()
    assert not (data / "applications" / "mot-workshop.desktop").exists()
    assert not (data / "mime" / "packages" / "mot-workshop.xml").exists()
