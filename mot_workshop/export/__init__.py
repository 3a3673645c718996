"""Exporters: PDF worksheets and the session report (pdf/), BPMN, spreadsheets."""
