"""Reading XML we did not write: size limit first, then defusedxml with DTDs refused.

A BPMN file never needs a document type declaration, so any DTD is refused outright; that
shuts out external entities (XXE), entity-expansion bombs ("billion laughs") and external
DTD fetches in one rule. The size is checked before a byte is parsed.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from mot_workshop.i18n import tr

MAX_BYTES = 20 * 1024 * 1024     # the largest real-world export we know of is under 200 KB


class BpmnError(ValueError):
    """A BPMN file that cannot be imported; str() is the user message. Nothing was written."""


def read_limited(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing a file over ``max_bytes`` before reading it."""
    path = Path(path)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise BpmnError(_too_big(path.name, size, max_bytes))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise BpmnError(tr("{name} cannot be read: {detail}", name=path.name,
                           detail=exc.strerror or str(exc))) from None
    if len(data) > max_bytes:        # grew while we looked
        raise BpmnError(_too_big(path.name, len(data), max_bytes))
    return data


def _too_big(name: str, size: int, limit: int) -> str:
    return tr("{name} is too large to import: {size} MB (at most {limit} MB).", name=name,
              size=f"{size / 1048576:.1f}", limit=f"{limit / 1048576:.0f}")


def parse_xml(data: bytes, name: str = "", max_bytes: int = MAX_BYTES) -> Element:
    """Parse untrusted XML bytes into an ElementTree element, or raise BpmnError."""
    import defusedxml
    from defusedxml.ElementTree import fromstring

    label = name or tr("The file")
    if len(data) > max_bytes:
        raise BpmnError(_too_big(label, len(data), max_bytes))
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise BpmnError(tr("{name} was refused: it contains a document type declaration (DTD), "
                           "which BPMN files never need and which can hide entity attacks.",
                           name=label)) from None
    except defusedxml.EntitiesForbidden:
        raise BpmnError(tr("{name} was refused: it declares XML entities, which can be used "
                           "to attack the computer that reads it.", name=label)) from None
    except defusedxml.ExternalReferenceForbidden:
        raise BpmnError(tr("{name} was refused: it refers to external files or addresses.",
                           name=label)) from None
    except defusedxml.DefusedXmlException as exc:
        raise BpmnError(tr("{name} was refused: {detail}", name=label, detail=str(exc))) from None
    except ParseError as exc:
        raise BpmnError(tr("{name} is not well-formed XML: {detail}", name=label, detail=str(exc))) from None
