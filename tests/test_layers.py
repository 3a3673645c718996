"""The layers of the house, checked by reading the source (nothing is imported).

ui > editing > persistence > domain: a layer imports only layers below it. PySide6 lives in
ui/ only, SQLAlchemy and Alembic in persistence/ only; layout, analysis, charts and export
import neither ui, editing nor persistence; domain imports only domain and i18n. The window
starts fast: matplotlib, reportlab and networkx are never imported at module level in ui/
or cli.py (they load when first used).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mot_workshop"

QT = ("PySide6", "shiboken6")
DATABASE = ("sqlalchemy", "alembic")
HEAVY = ("matplotlib", "reportlab", "networkx")
RANK = {"domain": 0, "persistence": 1, "editing": 2, "ui": 3}
PLAIN = ("layout", "analysis", "charts", "export")       # below the app: no ui, editing, persistence
ENTRY = ("cli", "__main__")


@dataclass(frozen=True)
class Import:
    name: str           # absolute dotted name of the module imported
    line: int
    top_level: bool     # runs when the module is imported (not inside a function)
    type_only: bool     # under ``if TYPE_CHECKING:``


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(module: str, level: int, importer: tuple[str, ...], is_package: bool) -> str:
    if level == 0:
        return module
    base = list(importer if is_package else importer[:-1])
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_of(source: str, module: tuple[str, ...], is_package: bool = False) -> list[Import]:
    """Every import in ``source``, including ``importlib.import_module("…")`` with a literal."""
    found: list[Import] = []

    def visit(node: ast.AST, top: bool, typing_only: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(a.name, node.lineno, top, typing_only) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, module, is_package)
            if base == "mot_workshop":      # "from mot_workshop import ui": the name is the module
                found.extend(Import(f"{base}.{a.name}", node.lineno, top, typing_only) for a in node.names)
            else:
                found.append(Import(base, node.lineno, top, typing_only))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (isinstance(node.func, ast.Name) and node.func.id in ("import_module", "__import__"))):
            found.append(Import(node.args[0].value, node.lineno, top, typing_only))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            top = False
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, top, True)
            for child in node.orelse:
                visit(child, top, typing_only)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, top, typing_only)

    visit(ast.parse(source), True, False)
    return found


def _root(name: str) -> str:
    return name.split(".")[0]


def _area(name: str) -> str | None:
    """The part of mot_workshop a dotted name is in: 'ui', 'domain', 'cli' …, or None."""
    parts = name.split(".")
    if parts[0] != "mot_workshop" or len(parts) < 2:
        return None
    return parts[1]


def problems_of(relative: str, source: str) -> list[str]:
    """What breaks the rules in one module; ``relative`` is its path inside mot_workshop/."""
    path = Path(relative)
    is_package = path.name == "__init__.py"
    parts = ("mot_workshop", *path.with_suffix("").parts)
    if is_package:
        parts = parts[:-1]
    here = parts[1] if len(parts) > 1 else "__init__"
    out = []
    for imp in imports_of(source, parts, is_package):
        where = f"{relative}:{imp.line}: imports {imp.name}"
        root, area = _root(imp.name), _area(imp.name)
        if root in QT and here != "ui":
            if here in ENTRY and not imp.top_level:
                pass        # the entry point may start the window lazily
            else:
                out.append(f"{where} (Qt outside ui/)")
        if root in DATABASE and here != "persistence":
            out.append(f"{where} (SQLAlchemy/Alembic outside persistence/)")
        if root in HEAVY and imp.top_level and not imp.type_only and (here == "ui" or relative == "cli.py"):
            out.append(f"{where} (heavy library at module level: import it where it is used)")
        if area is None or area == here:
            continue
        if here in RANK and area in RANK and RANK[area] > RANK[here]:
            out.append(f"{where} ({here} must not import the higher layer {area})")
        if here in PLAIN and area in ("ui", "editing", "persistence"):
            out.append(f"{where} ({here} must not import {area})")
        if here == "domain" and area not in ("domain", "i18n"):
            out.append(f"{where} (domain imports only domain and i18n)")
        if (here in RANK or here in PLAIN) and area in ENTRY:
            out.append(f"{where} ({here} must not import the command line)")
        if (here in RANK and here != "ui" or here in PLAIN) and area == "jobs":
            out.append(f"{where} ({here} must not import the command-line jobs)")
    return sorted(set(out))


def all_problems() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        out += problems_of(relative, path.read_text(encoding="utf-8"))
    return out


def test_the_package_respects_its_layers():
    modules = list(PACKAGE.rglob("*.py"))
    assert len(modules) > 30, "the scan found too few modules"
    problems = all_problems()
    assert not problems, "layer violations:\n" + "\n".join(problems)


def test_the_ui_really_is_where_qt_is():
    """The scan sees real imports: the ui package does import PySide6, persistence SQLAlchemy."""
    def roots(area: str) -> set[str]:
        names = set()
        for path in (PACKAGE / area).rglob("*.py"):
            parts = ("mot_workshop", *path.relative_to(PACKAGE).with_suffix("").parts)
            names |= {_root(i.name) for i in imports_of(path.read_text(encoding="utf-8"), parts)}
        return names

    assert "PySide6" in roots("ui")
    assert "sqlalchemy" in roots("persistence")


# ------------------------------------------------------------------ the checker checks
BAD_DOMAIN = """
import sqlalchemy
from PySide6.QtCore import QObject
from mot_workshop.editing.history import History
from ..persistence import store
from mot_workshop.paths import data_dir

def later():
    import alembic
"""


def test_checker_reports_a_domain_module_reaching_up():
    found = problems_of("domain/bad.py", BAD_DOMAIN)
    text = "\n".join(found)
    assert "domain/bad.py:2: imports sqlalchemy (SQLAlchemy/Alembic outside persistence/)" in text
    assert "domain/bad.py:3: imports PySide6.QtCore (Qt outside ui/)" in text
    assert "domain/bad.py:4: imports mot_workshop.editing.history (domain must not import the higher layer editing)" \
        in text
    assert "domain/bad.py:5: imports mot_workshop.persistence (domain must not import the higher layer" in text
    assert "domain/bad.py:6: imports mot_workshop.paths (domain imports only domain and i18n)" in text
    assert "domain/bad.py:9: imports alembic" in text           # inside a function counts too


def test_checker_reports_heavy_libraries_at_module_level_in_the_ui_and_cli():
    source = """
import matplotlib.pyplot as plt
from reportlab.platypus import SimpleDocTemplate
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import networkx
try:
    import networkx as nx
except ImportError:
    nx = None

class Chart:
    from matplotlib.figure import Figure

def draw():
    import matplotlib.pyplot as plt
    from reportlab.lib import colors
"""
    for relative in ("ui/charts_view.py", "cli.py"):
        found = "\n".join(problems_of(relative, source))
        assert f"{relative}:2: imports matplotlib.pyplot (heavy library" in found
        assert f"{relative}:3: imports reportlab.platypus (heavy library" in found
        assert f"{relative}:8: imports networkx (heavy library" in found      # in a try at module level
        assert f"{relative}:13: imports matplotlib.figure (heavy library" in found   # a class body runs on import
        assert ":6:" not in found and ":16:" not in found and ":17:" not in found
    assert problems_of("charts/cycle.py", source) == []      # charts may load matplotlib at will
    assert problems_of("export/pdf.py", source) == []


def test_checker_reports_the_lower_layers_reaching_up():
    assert problems_of("editing/x.py", "from mot_workshop.ui.app import App\n") == [
        "editing/x.py:1: imports mot_workshop.ui.app (editing must not import the higher layer ui)"]
    assert problems_of("editing/y.py", "from mot_workshop import ui\n") == [
        "editing/y.py:1: imports mot_workshop.ui (editing must not import the higher layer ui)"]
    assert problems_of("persistence/z.py", "from mot_workshop.jobs.files import write_text_atomic\n")
    assert problems_of("persistence/x.py",
                       "import importlib\nimportlib.import_module('mot_workshop.editing.history')\n")
    assert problems_of("layout/ring.py", "from mot_workshop.persistence.store import Store\n")
    assert problems_of("analysis/m.py", "from ..editing.entities import CreateEntity\n")
    assert problems_of("export/pdf/report.py", "from ...ui import app\n")
    assert problems_of("charts/c.py", "import PySide6\n")
    assert problems_of("persistence/y.py", "from mot_workshop.cli import main\n")
    assert problems_of("cli.py", "import PySide6\n")
    assert problems_of("__main__.py", "from PySide6.QtWidgets import QApplication\n")
    # allowed: downward imports, type-only hints, a lazy window in the entry point
    assert problems_of("editing/ok.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                        "    from mot_workshop.persistence.store import Store\n") == []
    assert problems_of("ui/ok.py", "import PySide6\nfrom mot_workshop.editing import history\n") == []
    assert problems_of("cli.py", "def gui():\n    from PySide6.QtWidgets import QApplication\n") == []
    assert problems_of("layout/ok.py", "from mot_workshop.domain.snapshot import Snapshot\n") == []
    assert problems_of("domain/ok.py", "from . import enums\nfrom mot_workshop.i18n import tr\n") == []


def test_relative_imports_resolve_against_the_module():
    assert [i.name for i in imports_of("from . import b\nfrom ..ui import app\nfrom .. import layout\n",
                                       ("mot_workshop", "editing", "a"))] == [
        "mot_workshop.editing", "mot_workshop.ui", "mot_workshop.layout"]
    assert [i.name for i in imports_of("from .store import Store\n", ("mot_workshop", "persistence"),
                                       is_package=True)] == ["mot_workshop.persistence.store"]
