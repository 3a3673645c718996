"""Hostile or broken XML is refused with a clear message, and nothing is written."""

from __future__ import annotations

import hashlib

import pytest

from mot_workshop.cli import main
from mot_workshop.export.bpmn import MAX_BYTES, BpmnError, read_bpmn
from mot_workshop.persistence.store import Store

HEAD = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">'

XXE = f"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
{HEAD}<bpmn:process id="P"><bpmn:task id="T" name="&secret;"/></bpmn:process></bpmn:definitions>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
""" + HEAD + '<bpmn:process id="P"><bpmn:task id="T" name="&lol9;"/></bpmn:process></bpmn:definitions>'

EXTERNAL_DTD = f"""<?xml version="1.0"?>
<!DOCTYPE definitions SYSTEM "http://example.invalid/evil.dtd">
{HEAD}<bpmn:process id="P"/></bpmn:definitions>"""

PARAMETER_ENTITY = f"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
{HEAD}</bpmn:definitions>"""


@pytest.fixture
def master(tmp_path):
    path = tmp_path / "master.motw"
    Store.create(path, title="워크숍").close()
    return path


def fingerprint(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("text, words", [
    (XXE, "document type declaration"),
    (LAUGHS, "document type declaration"),
    (EXTERNAL_DTD, "document type declaration"),
    (PARAMETER_ENTITY, "document type declaration"),
    ("<html><body>not bpmn</body></html>", "not a BPMN 2.0 file"),
    (HEAD + "<bpmn:process id='P'>", "not well-formed"),
    ("", "not well-formed"),
])
def test_refused_by_the_reader(text, words):
    with pytest.raises(BpmnError, match=words):
        read_bpmn(text.encode(), source="evil.bpmn")


@pytest.mark.parametrize("text", [XXE, LAUGHS, EXTERNAL_DTD, PARAMETER_ENTITY])
def test_cli_refuses_and_writes_nothing(text, master, tmp_path, capsys):
    bad = tmp_path / "evil.bpmn"
    bad.write_text(text, encoding="utf-8")
    before = fingerprint(tmp_path)
    assert main(["import-bpmn", str(master), str(bad), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "evil.bpmn was refused" in err and "Traceback" not in err
    assert fingerprint(tmp_path) == before       # the workshop file (and everything beside it) unchanged


def test_files_over_the_size_limit_are_refused_before_parsing(master, tmp_path, capsys):
    big = tmp_path / "huge.bpmn"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)        # sparse: the size is what counts, nothing is read
    before = fingerprint(tmp_path)
    assert main(["import-bpmn", str(master), str(big), "--lang", "en"]) == 1
    assert "too large" in capsys.readouterr().err
    assert fingerprint(tmp_path) == before


def test_the_limit_is_checked_on_bytes_too():
    data = (HEAD + "<bpmn:process id='P'/></bpmn:definitions>").encode()
    with pytest.raises(BpmnError, match="too large"):
        read_bpmn(data, source="a.bpmn", max_bytes=len(data) - 1)
    assert read_bpmn(data, source="a.bpmn", max_bytes=len(data)).name == "a"


def test_korean_message(master, tmp_path, capsys):
    bad = tmp_path / "evil.bpmn"
    bad.write_text(XXE, encoding="utf-8")
    assert main(["import-bpmn", str(master), str(bad), "--lang", "ko"]) == 1
    err = capsys.readouterr().err
    assert "evil.bpmn" in err and any("\uac00" <= ch <= "\ud7a3" for ch in err)
