"""Dataclass methods compiled once and reused: the same code Python compiles, nothing written
when Python writes no bytecode, a bad file ignored, and a second start compiles none."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mot_workshop import dataclass_code
from mot_workshop.dataclass_code import MAGIC, MethodCache

CLASS = '''
import dataclasses
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Base:
    id: int | None = None

@dataclass(frozen=True)
class Thing(Base):
    name: str = ""
    tags: tuple = ()
    extra: list = field(default_factory=list, hash=False)
    score: int | None = None

@dataclass(order=True)
class Plain:
    x: float
    y: float = 0.0
'''


def _classes(cache: MethodCache | None) -> dict:
    """The module above, built with ``cache`` standing in for dataclasses' exec (or without)."""
    namespace: dict = {"__name__": "made"}
    if cache is not None:
        dataclasses.exec = cache.exec
    try:
        exec(compile(CLASS, "made.py", "exec", dont_inherit=True), namespace)
    finally:
        vars(dataclasses).pop("exec", None)
    return namespace


def _methods(namespace: dict) -> dict:
    out = {}
    for name in ("Base", "Thing", "Plain"):
        cls = namespace[name]
        for attr, value in vars(cls).items():
            if callable(value) and hasattr(value, "__code__"):
                out[f"{name}.{attr}"] = value
    return out


@pytest.fixture(autouse=True)
def _writing_bytecode(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_reused_code_is_the_code_python_compiles(tmp_path):
    plain = _methods(_classes(None))
    first = MethodCache(tmp_path / "methods")
    built = _methods(_classes(first))
    assert first.compiled == len(plain) >= 12
    assert first.save()
    again = MethodCache(tmp_path / "methods")
    reused = _methods(_classes(again))
    assert again.compiled == 0                                  # nothing compiled the second time
    assert set(plain) == set(built) == set(reused)
    for name, function in plain.items():
        for other in (built[name], reused[name]):
            assert other.__code__ == function.__code__, name       # bytecode, constants, flags
            assert other.__code__.co_flags == function.__code__.co_flags
            assert other.__annotations__ == function.__annotations__, name
            assert other.__defaults__ == function.__defaults__, name


def test_classes_from_reused_code_behave_the_same(tmp_path):
    MethodCache(tmp_path / "methods").save()
    cache = MethodCache(tmp_path / "methods")
    _classes(cache)
    assert cache.save()
    reused = _classes(MethodCache(tmp_path / "methods"))
    Thing, Plain = reused["Thing"], reused["Plain"]
    a = Thing(id=1, name="a", tags=("x",))
    assert a == Thing(id=1, name="a", tags=("x",)) and a != Thing(id=2, name="a", tags=("x",))
    assert hash(a) == hash(Thing(id=1, name="a", tags=("x",)))
    assert repr(a) == "Thing(id=1, name='a', tags=('x',), extra=[], score=None)"
    assert a.extra is not Thing().extra                          # a new list per instance
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "b"
    assert dataclasses.replace(a, name="b").name == "b"
    assert Plain(1.0) < Plain(2.0) and Plain(1.0, 2.0) == Plain(1.0, 2.0)
    assert Thing.__init__.__annotations__["return"] is None       # evaluated, not a string
    with pytest.raises(TypeError):
        Plain()


def test_a_damaged_or_foreign_file_only_means_compiling(tmp_path):
    path = tmp_path / "methods"
    for content in (b"", b"junk", MAGIC + b"\x00garbage", b"\x00\x00\x00\x00" + b"x" * 40,
                    MAGIC + __import__("marshal").dumps(["not", "a", "table"]),
                    MAGIC + __import__("marshal").dumps({"source": "not code", 1: 2})):
        path.write_bytes(content)
        cache = MethodCache(path)
        assert cache.known == {}
        _classes(cache)
        assert cache.compiled > 0 and cache.save()
        assert MethodCache(path).known                           # written anew, readable
    assert not list(tmp_path.glob("*.tmp"))


def test_nothing_is_written_when_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = MethodCache(tmp_path / "methods")
    _classes(cache)
    assert cache.compiled > 0
    assert not cache.save() and not (tmp_path / "methods").exists()


def test_an_unwritable_place_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = MethodCache(blocker / "sub" / "methods")             # its folder cannot be made
    _classes(cache)
    assert not cache.save()


def test_the_file_lives_beside_the_bytecode():
    path = dataclass_code.default_path()
    assert path is not None and path.suffix == ".methods"
    assert sys.implementation.cache_tag in path.name


def test_the_second_start_compiles_no_dataclass_methods(tmp_path):
    """Two fresh processes that start the window's way (install, then the modules of the first
    paint and the store): the first compiles and writes, the second compiles nothing."""
    code = textwrap.dedent("""
        from mot_workshop import dataclass_code
        cache = dataclass_code.install()
        import mot_workshop.ui.main_window, mot_workshop.persistence.fast_read, mot_workshop.persistence.store
        import mot_workshop.ui.wizard.navigator, mot_workshop.ui.cycle.palette
        print(len(cache.known), cache.compiled)
    """)
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    counts = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        known, compiled = map(int, out.stdout.split()[-2:])
        counts.append(compiled)
    assert counts[0] == known > 200, counts                      # the entities' methods, and more
    assert counts[1] == 0, counts
    assert list(Path(tmp_path / "pycache").rglob("dataclass_code.*.methods"))
