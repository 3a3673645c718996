"""The repository stands on its own: the BPMN test files are kept here byte for byte with
their sources and licences, and nothing in the project reads a folder beside the clone."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tests.interchange.bpmn_support import CORPUS

ROOT = Path(__file__).resolve().parents[1]
# Written in two parts so this file does not match its own search.
OUTSIDE = re.compile(r"\.\./" + r"shared\b|\bshared/" + r"corpus\b")
SCANNED = ("mot_workshop", "tests", "benchmarks", "docs", "installer")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".txt", ".json", ".sh", ".spec", ".yml",
                 ".yaml", ".iss", ".desktop", ".xml", ".svg", ".mako"}


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def test_every_corpus_file_is_the_source_repository_bytes():
    listed = dict(re.findall(r"^([0-9a-f]{40})  (\S+\.bpmn)$",
                             (CORPUS / "SOURCES.md").read_text(encoding="utf-8"), re.M))
    files = sorted(CORPUS.glob("*.bpmn"))
    assert len(files) == 13 and len(listed) == 13
    assert {git_blob_id(p.read_bytes()): p.name for p in files} == listed


def test_every_source_repository_has_its_licence_here():
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    repos = set(re.findall(r"^\| \S+\.bpmn \| (\S+/\S+) \|", sources, re.M))
    assert len(repos) == 4
    licences = {p.name for p in (CORPUS / "licenses").iterdir()}
    for repo in repos:
        assert any(name.startswith(repo.replace("/", "-") + ".LICENSE") for name in licences), repo
    assert "Apache License" in (CORPUS / "licenses" / "camunda-camunda-bpm-examples.LICENSE").read_text()
    assert "Creative Commons Attribution 3.0" in (
        CORPUS / "licenses" / "bpmn-miwg-bpmn-miwg-test-suite.LICENSE.txt").read_text()


def test_nothing_in_the_project_reads_a_folder_beside_the_clone():
    offenders = []
    paths = [ROOT / "README.md", ROOT / "pyproject.toml"]
    for top in SCANNED:
        paths += [p for p in (ROOT / top).rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file()]
    for path in paths:
        if ".pytest_cache" in path.parts or "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
                      for m in OUTSIDE.finditer(text)]
    assert offenders == []
