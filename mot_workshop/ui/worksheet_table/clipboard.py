"""Tab-separated text to and from spreadsheets (Excel, LibreOffice, Google Sheets)."""

from __future__ import annotations


def to_tsv(rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        if any(c in text for c in '\t\n"'):
            return '"' + text.replace('"', '""') + '"'
        return text
    return "".join("\t".join(cell(c) for c in row) + "\n" for row in rows)


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; quoted cells may hold tabs, newlines and doubled quotes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, quoted, at_start = 0, False, True
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '"':
                if text[i + 1:i + 2] == '"':
                    cell.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cell.append(c)
        elif c == '"' and at_start:
            quoted = True
        elif c == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
            i += 1
            continue
        elif c == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
            i += 1
            continue
        else:
            cell.append(c)
        at_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows
