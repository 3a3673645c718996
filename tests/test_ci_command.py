"""CI runs exactly the test command the README gives, and that command runs the suite on every
core (pytest-xdist, a dependency of the test extra)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Test it"):]
    return re.search(r"```sh\n(.+?)\n```", section, re.S).group(1).strip()


def test_ci_runs_exactly_the_readmes_test_command():
    command = readme_test_command()
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    runs = [line for line in lines if "-m pytest" in line and not line.startswith("#")]
    assert runs == [command]
    assert lines[-1] == command             # the last thing it does: its exit code is CI's


def test_the_command_runs_on_every_core_with_a_tool_the_test_extra_installs():
    assert "-n auto --dist loadscope" in readme_test_command()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(re.match(r"pytest-xdist\b", dep) for dep in project["project"]["optional-dependencies"]["test"])
