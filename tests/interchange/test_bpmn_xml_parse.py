"""The BPMN reader's XML parse (the prolog read alone for a DTD, then ElementTree's C parser)
builds the same tree as defusedxml's parser, and refuses what it refuses, with the same
messages for broken files."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring as defused_fromstring

from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.bpmn import BpmnError
from mot_workshop.export.bpmn.writer import export_map
from mot_workshop.export.bpmn.xmlsafety import parse_xml
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample
from tests.interchange.bpmn_support import CORPUS

HEAD = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">'
TAIL = "</bpmn:definitions>"


def shape(el) -> tuple:
    """Everything a reader can see of an element and what it holds."""
    return (el.tag, sorted(el.attrib.items()), el.text, el.tail, [shape(c) for c in el])


def same_as_defused(data: bytes) -> None:
    expected = defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    assert shape(parse_xml(data)) == shape(expected)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.bpmn")), ids=lambda p: p.name)
def test_real_world_files_parse_alike(path):
    same_as_defused(path.read_bytes())


def test_an_exported_sample_map_parses_alike(tmp_path):
    path = build_sample(tmp_path / "sample.motw", "ko")
    with Store.open(path, read_only=True) as store:
        snapshot: Snapshot = store.snapshot()
    assert snapshot.by_kind["process_map"]
    for map_id in snapshot.by_kind["process_map"]:
        same_as_defused(export_map(snapshot, map_id))


@pytest.mark.parametrize("text", [
    # comments, processing instructions and CDATA before, inside and after the root
    f'<?xml version="1.0"?>\n<!-- a comment -->\n<?pi data?>\n{HEAD}<!-- in -->'
    f'<bpmn:documentation><![CDATA[a < b & "c"]]> tail &amp; &#xAC00;</bpmn:documentation>{TAIL}\n<!-- after -->',
    f'\ufeff<?xml version="1.0" encoding="UTF-8"?>{HEAD}<bpmn:process id="가나" name="고객 &lt;접수&gt;"/>{TAIL}',
    f"{HEAD}<bpmn:process id='P' xmlns:x='urn:x' x:a='1'><x:ext>text</x:ext></bpmn:process>{TAIL}",
])
def test_unusual_but_sound_documents_parse_alike(text):
    same_as_defused(text.encode())


def test_other_encodings_parse_alike():
    text = f'<?xml version="1.0" encoding="UTF-16"?>{HEAD}<bpmn:process id="P" name="고객"/>{TAIL}'
    same_as_defused(text.encode("utf-16"))
    latin = f'<?xml version="1.0" encoding="ISO-8859-1"?>{HEAD}<bpmn:process id="P" name="caf\xe9"/>{TAIL}'
    same_as_defused(latin.encode("latin-1"))


@pytest.mark.parametrize("data", [
    # a DTD after comments and processing instructions, or in another encoding, is still found
    f'<?xml version="1.0"?><!-- c --><?pi x?><!DOCTYPE d [<!ENTITY e "x">]>{HEAD}{TAIL}'.encode(),
    f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]>{HEAD}&e;{TAIL}'.encode("utf-16"),
    f'<!DOCTYPE definitions SYSTEM "http://example.invalid/x.dtd">{HEAD}{TAIL}'.encode(),
])
def test_a_dtd_anywhere_in_the_prolog_is_refused(data):
    with pytest.raises(BpmnError, match="document type declaration"):
        parse_xml(data, "evil.bpmn")


@pytest.mark.parametrize("text", [
    "",
    "<?xml version='1.0'?>",
    f"{HEAD}<bpmn:process id='P'>",
    f"{HEAD}&undefined;{TAIL}",
    f"{HEAD}{TAIL}<!DOCTYPE d>",
    f"{HEAD}<x:y/>{TAIL}",                     # an unbound prefix
    "<?xml version='1.0'?><!-- not closed",
])
def test_broken_files_are_refused_with_the_parsers_own_words(text):
    data = text.encode()
    with pytest.raises(Exception) as defused:
        defused_fromstring(data, forbid_dtd=True)
    with pytest.raises(BpmnError, match="not well-formed") as ours:
        parse_xml(data, "broken.bpmn")
    assert str(ours.value).endswith(str(defused.value))
