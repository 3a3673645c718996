"""Worksheet tables (VOC, output analysis, benchmark, obstacles, targets, key indicators,
actions) as CSV and XLSX, out and back in. Plain Python; openpyxl is loaded on first use."""

from mot_workshop.export.tabular.columns import TABLES, RowProblem, TableError, TableRead, table_kind
from mot_workshop.export.tabular.files import export_table, read_table, table_data, table_format

__all__ = ["TABLES", "RowProblem", "TableError", "TableRead", "export_table", "read_table",
           "table_data", "table_format", "table_kind"]
