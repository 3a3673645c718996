"""BPMN 2.0 interchange: a map out as BPMN XML with diagram interchange (writer), BPMN files
of other modellers in as a map plan (reader), untrusted XML refused safely (xmlsafety).
Plain Python: xml.etree writes and, once the prolog is known to hold no DTD, parses."""

from mot_workshop.export.bpmn.model import ImportReport, MapPlan
from mot_workshop.export.bpmn.reader import read_bpmn, read_bpmn_file
from mot_workshop.export.bpmn.writer import export_map
from mot_workshop.export.bpmn.xmlsafety import MAX_BYTES, BpmnError

__all__ = ["BpmnError", "ImportReport", "MAX_BYTES", "MapPlan", "export_map", "read_bpmn", "read_bpmn_file"]
