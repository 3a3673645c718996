"""Before Qt starts on Linux: can its platform plugin load? If not, say which system
libraries are missing and how to install them.

Qt's own message on a fresh Debian/Ubuntu machine names libxcb-cursor0 whatever is really
missing, and then aborts. Loading the plugin ourselves first (with the loader Qt would use)
costs nothing when it works — Qt maps the same libraries a moment later — and when it fails,
``ldd`` lists every library that is not found. PySide6 is not imported here: a missing
library may be one that importing QtGui already needs.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package): the libraries the xcb plugin and QtGui
# need that a minimal desktop installation may lack.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}


@dataclass(frozen=True)
class PluginProblem:
    platform: str
    plugin: Path | None          # None: Qt has no plugin of that name here
    missing: tuple[str, ...]     # sonames the loader could not find
    detail: str                  # the loader's own words, when it named no library

    def message(self) -> str:
        if self.plugin is None:
            return (f"mot-workshop: error: Qt has no '{self.platform}' platform plugin in this installation. "
                    "Reinstall the app (or PySide6), or set QT_QPA_PLATFORM to one of its platforms.")
        lines = [f"mot-workshop: error: Qt's '{self.platform}' platform plugin cannot load "
                 f"({self.plugin})."]
        if not self.missing:
            lines.append(f"The loader said: {self.detail}")
            return "\n".join(lines)
        lines.append("Missing libraries: " + ", ".join(self.missing))
        known = [m for m in self.missing if packages_of(m)]
        if known:
            debian = _unique(packages_of(m)[0] for m in known)
            fedora = _unique(packages_of(m)[1] for m in known)
            lines.append("Install them with:")
            lines.append("  Debian/Ubuntu: sudo apt install " + " ".join(debian))
            lines.append("  Fedora:        sudo dnf install " + " ".join(fedora))
        unknown = [m for m in self.missing if not packages_of(m)]
        if unknown:
            lines.append("Find the package that provides " + ", ".join(unknown) +
                         " (Debian/Ubuntu: apt-file search NAME; Fedora: dnf provides '*/NAME').")
        return "\n".join(lines)


def packages_of(soname: str) -> tuple[str, str] | None:
    """The packages for a library, matched on its name without the version (a plugin built
    for another release may ask for another soname of the same library)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    stem = soname.split(".so", 1)[0]
    return next((v for k, v in PACKAGES.items() if k.split(".so", 1)[0] == stem), None)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def candidate_platforms(environ=os.environ) -> list[str]:
    """The platform plugins Qt will try, in order (QT_QPA_PLATFORM, else its own default)."""
    if chosen := environ.get("QT_QPA_PLATFORM", "").strip():
        return [part.split(":", 1)[0].strip() for part in chosen.split(";") if part.strip()]
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_dirs(environ=os.environ) -> list[Path]:
    if explicit := environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        return [Path(explicit)]
    dirs = [Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        dirs.append(Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms")
    return dirs


def find_plugin(platform: str, dirs: list[Path]) -> Path | None:
    for folder in dirs:
        candidate = folder / f"libq{platform}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_libraries(plugin: Path) -> tuple[tuple[str, ...], str]:
    """Loads ``plugin``; ((), "") when it loads, else the sonames not found and the error."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
        return (), ""
    except OSError as exc:
        error = str(exc)
    import shutil            # only when the plugin does not load: not on every start
    import subprocess

    missing: list[str] = []
    if ldd := shutil.which("ldd"):
        try:
            listing = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20).stdout
            missing = re.findall(r"^\s*(\S+) => not found", listing, re.M)
        except (OSError, subprocess.SubprocessError):
            pass
    if not missing:
        # Without ldd the loader still names the first library it could not open.
        first = re.search(r"(\S+\.so[.\d]*): cannot open shared object file", error)
        missing = [first.group(1)] if first else []
    return tuple(_unique(missing)), error


def check(environ=os.environ) -> PluginProblem | None:
    """None when one of the platforms Qt will try can load (or this is not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    dirs = plugin_dirs(environ)
    problems = []
    for platform in candidate_platforms(environ):
        plugin = find_plugin(platform, dirs)
        if plugin is None:
            problems.append(PluginProblem(platform, None, (), ""))
            continue
        missing, error = missing_libraries(plugin)
        if not error:
            return None
        problems.append(PluginProblem(platform, plugin, missing, error))
    # Report the plugin that exists (its libraries are what the user can fix), else the first.
    return next((p for p in problems if p.plugin is not None), problems[0] if problems else None)
