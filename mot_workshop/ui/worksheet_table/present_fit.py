"""A worksheet presented to a room: every column inside the view's width, each as wide as its
content deserves (never narrower than the longest word of its title or of its cells when the
room allows), a header tall enough for every wrapped title in the larger bold type and rows
tall enough for every wrapped cell — nothing clipped. A table may name the columns a room
needs (``presented_columns``): the others hide while it is presented."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView

MEASURED_ROWS = 300  # tables up to this many rows share the width by their cells' text
PAD = 14            # a section's padding and borders (presentation style sheet), both sides
CELL_PAD = 10       # a cell's text margins and grid line, both sides
PRESENTED_LINES = 10  # a presented row grows up to this many lines (three otherwise)
MIN_TEXT_PX = 14     # the least type a room reads: header titles shrink no further
WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap   # breaks inside a word only when one must


def _title(view: QTableView, column: int) -> str:
    return str(view.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")


def header_metrics(view: QTableView, size: float | None = None) -> QFontMetrics:
    font = QFont(view.font())                       # the header's own may be the reduced one
    font.setBold(True)                              # sections are drawn bold when presented
    if size:
        font.setPointSizeF(size)
    return QFontMetrics(font)


def title_height(view: QTableView, column: int, width: int, size: float | None = None) -> int:
    """Height the wrapped title of ``column`` needs in a section ``width`` wide."""
    metrics = header_metrics(view, size)
    return metrics.boundingRect(QRect(0, 0, max(1, width - PAD), 100_000), WRAP, _title(view, column)).height() + PAD


def _longest_words(view: QTableView, columns: list[int], size: float) -> dict[int, int]:
    metrics = header_metrics(view, size)
    return {c: max((metrics.horizontalAdvance(w) for w in _title(view, c).split()), default=0) + PAD + 2
            for c in columns}


def cell_text(view: QTableView, row: int, column: int) -> str:
    return str(view.model().data(view.model().index(row, column), Qt.ItemDataRole.DisplayRole) or "")


def cell_words(view: QTableView, columns: list[int]) -> dict[int, int]:
    """Per column, the width its cells' longest word needs (a word wider than its cell is cut)."""
    if view.model().rowCount() > MEASURED_ROWS:
        return {c: 0 for c in columns}
    metrics = view.fontMetrics()
    return {c: max((metrics.horizontalAdvance(w) for r in range(view.model().rowCount())
                    for w in cell_text(view, r, c).split()), default=0) + CELL_PAD for c in columns}


def with_cell_words(titles: dict[int, int], cells: dict[int, int], room: int) -> dict[int, int]:
    """Each column's least width: its title's longest word first, then as much of its cells'
    longest word as the room allows (a whole title matters more than one long cell word)."""
    extra = {c: max(0, cells[c] - titles[c]) for c in titles}
    spare = room - sum(titles.values())
    ratio = 1.0 if sum(extra.values()) <= spare else max(0.0, spare) / sum(extra.values())
    return {c: titles[c] + int(extra[c] * ratio) for c in titles}


def header_size(view: QTableView, columns: list[int], room: int) -> tuple[float, dict[int, int]]:
    """The largest header type (down to 70 % of the presented type) in which every title's
    longest word fits a column of its own, and those words' widths."""
    full = view.font().pointSizeF()
    full = full if full > 0 else 10.0
    least = max(full * 0.7, MIN_TEXT_PX * 72.0 / max(1, view.logicalDpiY()))
    size = full
    while True:
        words = _longest_words(view, columns, size)
        if sum(words.values()) <= room or size - 0.5 < least:
            return size, words
        size -= 0.5


def widths(view: QTableView, columns: list[int], room: int, words: dict[int, int]) -> dict[int, int]:
    """Each column its title's longest word, the rest of the width shared by what the
    content would like beyond that."""
    fair = room / len(columns)
    floor = {c: min(words[c], room / len(columns) * 2) for c in columns}
    measured = view.model().rowCount() <= MEASURED_ROWS       # asking every cell of a long sheet is slow
    want = {c: max(floor[c], min(view.sizeHintForColumn(c) if measured else 2 * fair, 2.5 * fair))
            for c in columns}
    base = sum(floor.values())
    if base >= room:
        share = {c: floor[c] * room / base for c in columns}
    else:
        extra = sum(want[c] - floor[c] for c in columns) or 1.0
        spare = room - base
        share = {c: floor[c] + (want[c] - floor[c]) * min(1.0, spare / extra) for c in columns}
        left = room - sum(share.values())               # content narrower than the room: spread it
        share = {c: share[c] + left / len(columns) for c in columns}
    out, used = {}, 0
    for c in columns[:-1]:
        out[c] = int(share[c])
        used += out[c]
    out[columns[-1]] = room - used
    return out


def fit(view: QTableView) -> None:
    header = view.horizontalHeader()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    room = view.viewport().width()
    if not columns or room < 20:
        return
    size, words = header_size(view, columns, room)
    words = with_cell_words(words, cell_words(view, columns), room)
    header.setStyleSheet(f"QHeaderView::section {{ font-size: {size:.1f}pt; }}")
    header.setProperty("titleSize", size)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    for c, width in widths(view, columns, room, words).items():
        header.resizeSection(c, width)
    header.setMinimumHeight(max(title_height(view, c, header.sectionSize(c), size) for c in columns))
    if view.model().rowCount() <= MEASURED_ROWS:
        view.resizeRowsToContents()             # the new widths wrap the cells anew


def widen(view: QTableView) -> None:
    """Give the table more of a side-by-side split (a chart beside it) when its titles would
    not fit in the room it has: the table is what the room reads (presentation restores the
    split afterwards)."""
    header = view.horizontalHeader()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if not columns:
        return
    full = view.font().pointSizeF()
    titles = _longest_words(view, columns, full if full > 0 else 10.0)
    cells = cell_words(view, columns)
    child, parent = view, view.parentWidget()
    while parent is not None and not isinstance(parent, QSplitter):
        child, parent = parent, parent.parentWidget()
    if parent is None or parent.orientation() != Qt.Orientation.Horizontal:
        return
    # row numbers, scroll bar and frame take their part of the share before the columns do
    chrome = max(0, child.width() - view.viewport().width()) + view.verticalScrollBar().sizeHint().width()
    need = sum(max(titles[c], cells[c]) for c in columns) + chrome + 8
    index = parent.indexOf(child)
    sizes = parent.sizes()
    total = sum(sizes)
    if sizes[index] >= need or total <= 0:
        return
    mine = min(need, int(total * 0.75))
    others = [i for i in range(len(sizes)) if i != index]
    rest = sum(sizes[i] for i in others) or 1
    parent.setSizes([mine if i == index else int(sizes[i] * (total - mine) / rest) for i in range(len(sizes))])


class PresentedColumns(QObject):
    """Keeps ``fit`` true while the table is presented (the view's width changes with the
    screen and with its scroll bar)."""

    def __init__(self, view: QTableView, keep: list[int] | None = None):
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        self.sizes = [header.sectionSize(i) for i in range(header.count())]
        self.hidden = [i for i in range(header.count()) if header.isSectionHidden(i)]
        if keep is not None:                       # what the room needs; the rest while presenting
            for i in range(header.count()):
                header.setSectionHidden(i, i not in keep or i in self.hidden)
        self.lines = getattr(view, "max_lines", None)
        if self.lines is not None:                 # whole cell text: rows grow further
            view.max_lines = PRESENTED_LINES
            view.fit_rows()
        header.setDefaultAlignment(WRAP)
        view.viewport().installEventFilter(self)
        widen(view)
        fit(view)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            widen(self.view)         # a page laid out after presenting began shares its split anew
            fit(self.view)
        return False

    def stop(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        view.viewport().removeEventFilter(self)
        header.setMinimumHeight(0)
        header.setStyleSheet("")
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, size in enumerate(self.sizes):
            header.resizeSection(index, size)
        for index in range(header.count()):
            header.setSectionHidden(index, index in self.hidden)
        if self.lines is not None:
            view.max_lines = self.lines
            view.fit_rows()
        header.setStretchLastSection(True)
        self.setParent(None)
