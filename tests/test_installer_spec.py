"""The installers' spec, checked without building (the build takes minutes: it runs in
installer/build-*.sh before each release): the spec is valid Python, it takes its data
files from installer/bundle_data.py, and that list holds every file the app reads from
disk at run time, at the place the app looks for it inside the bundle."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from mot_workshop import fontfiles
from mot_workshop.persistence.marks import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"


def bundle_data():
    spec = importlib.util.spec_from_file_location("bundle_data", INSTALLER / "bundle_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundled() -> dict[str, Path]:
    """Place inside the bundle -> source file."""
    return {f"{dest}/{Path(src).name}": Path(src) for src, dest in bundle_data().datas()}


def test_the_spec_parses_and_uses_the_data_list():
    tree = ast.parse((INSTALLER / "mot-workshop.spec").read_text(encoding="utf-8"))
    calls = {n.func.id: n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= set(calls)
    datas = next(k.value for k in calls["Analysis"].keywords if k.arg == "datas")
    assert ast.unparse(datas) == "bundle_data.datas()"


def test_every_package_file_read_at_run_time_is_bundled_where_the_package_looks():
    inside = bundled()
    package = ROOT / "mot_workshop"
    wanted = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
              and p.suffix not in (".py", ".pyc")]
    assert any("templates" in p.parts for p in wanted) and any(p.suffix == ".json" for p in wanted)
    for path in wanted:
        assert inside.get(path.relative_to(ROOT).as_posix()) == path, path


def test_the_migrations_travel_as_source_files_for_alembic():
    inside = bundled()
    migrations = ROOT / "mot_workshop" / "persistence" / "migrations"
    scripts = [migrations / "env.py", *sorted((migrations / "versions").glob("*.py"))]
    assert len(scripts) >= 4
    for script in scripts:
        assert inside.get(script.relative_to(ROOT).as_posix()) == script


def test_the_korean_fonts_are_bundled_where_fontfiles_finds_them():
    inside = bundled()
    for bold in (False, True):
        font = fontfiles.font_path(bold)
        assert inside.get(f"koreanize_matplotlib/fonts/{font.name}") == font
    # nothing else of that package: it would bring matplotlib's set-up code along
    assert all(not k.startswith("koreanize_matplotlib/") or k.endswith(".ttf") for k in inside)


def test_the_icons_exist_in_every_size_the_build_scripts_copy():
    icons = ROOT / "mot_workshop" / "resources" / "icons"
    install = (INSTALLER / "linux" / "install.sh").read_text()
    sizes = install.split('SIZES="', 1)[1].split('"', 1)[0].split()
    for size in sizes:
        assert (icons / f"mot-workshop-{size}.png").is_file()
    assert (icons / "mot-workshop.svg").is_file()


def test_the_linux_desktop_entry_and_mime_type_register_motw():
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(INSTALLER / "linux" / "mot-workshop.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"].endswith("%f") and entry["Icon"] == "mot-workshop"
    assert "application/x-mot-workshop;" in entry["MimeType"]
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(INSTALLER / "linux" / "mot-workshop-mime.xml").getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-mot-workshop"
    assert mime.find("m:glob", ns).get("pattern") == "*.motw"
    assert int(mime.find("m:magic/m:match/m:match", ns).get("value"), 16) == APPLICATION_ID


def test_windows_and_macos_register_motw_too():
    iss = (INSTALLER / "windows" / "mot-workshop.iss").read_text(encoding="utf-8")
    assert 'Subkey: "Software\\Classes\\.motw"' in iss and '""%1""' in iss
    assert "CFBundleTypeExtensions\": [\"motw\"]" in (INSTALLER / "mot-workshop.spec").read_text()


def test_the_build_tools_stay_out_of_the_runtime_and_test_dependencies():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime_and_test = " ".join(project["dependencies"] + project["optional-dependencies"]["test"]).lower()
    assert "pyinstaller" not in runtime_and_test and "pillow" not in runtime_and_test
    assert any(d.lower().startswith("pyinstaller") for d in project["optional-dependencies"]["build"])


def test_the_spec_excludes_no_module_the_app_imports():
    tree = ast.parse((INSTALLER / "mot-workshop.spec").read_text(encoding="utf-8"))
    excludes = next(ast.literal_eval(n.value) for n in ast.walk(tree)
                    if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "EXCLUDES")
    imported = set()
    for source in (ROOT / "mot_workshop").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module)
    clashes = {m for m in imported for x in excludes if m == x or m.startswith(x + ".")}
    assert clashes == set(), f"the bundle would lack {sorted(clashes)}: take them out of EXCLUDES"
