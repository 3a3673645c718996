"""The house style of every chart and the figure factory.

``chart_figure`` yields a ``Figure`` with an Agg canvas inside an ``rc_context`` holding the
style: NanumGothic registered with matplotlib's font manager (Hangul renders), no U+2212
minus (NanumGothic has none), calm colours. Artists read the style when they are created,
so a chart function builds the whole figure inside the ``with`` block.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FAMILY = "NanumGothic"
BOLD = "semibold"     # NanumGothicBold registers as weight 600

# Calm consultancy colours: navy for "us", slate and sand for the others, one red for alarms.
NAVY = "#1f3a5f"
BLUE = "#4a78a8"
SLATE = "#8a9aab"
SAND = "#c9b48a"
TEAL = "#2a8c82"
GREEN = "#5a9a5a"
AMBER = "#d99a2b"
RED = "#c0392b"
INK = "#2b2f36"
GRID = "#d9dee4"
PAPER = "#ffffff"
# Experienced level 1 … 5: red through amber to green, muted.
LEVEL_COLOURS = {1: "#c0392b", 2: "#e07b39", 3: "#e3b448", 4: "#8fb573", 5: "#4f9a6a"}
UNRATED = "#c8ced6"

STYLE = {
    "font.family": [FAMILY],
    "font.size": 9.0,
    "axes.unicode_minus": False,
    "text.parse_math": False,        # a "$" in a user's name is text, not TeX
    "axes.edgecolor": "#aab4bf",
    "axes.labelcolor": INK,
    "axes.titlesize": 10.5,
    "axes.titleweight": "semibold",
    "axes.titlecolor": INK,
    "axes.titlelocation": "left",
    "axes.titlepad": 8.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.color": GRID,
    "grid.linewidth": 0.6,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelsize": 8.0,
    "ytick.labelsize": 8.0,
    "legend.fontsize": 8.0,
    "legend.frameon": False,
    "figure.facecolor": PAPER,
    "savefig.facecolor": PAPER,
    "text.color": INK,
}


@functools.cache
def register_fonts() -> str:
    """Add the bundled NanumGothic (regular and bold) to matplotlib's font manager once."""
    from matplotlib import font_manager

    from mot_workshop.fontfiles import font_path

    for bold in (False, True):
        font_manager.fontManager.addfont(str(font_path(bold)))
    return FAMILY


@contextmanager
def style() -> Iterator[None]:
    import matplotlib

    register_fonts()
    with matplotlib.rc_context(STYLE):
        yield


@contextmanager
def chart_figure(width: float, height: float, *, dpi: float = 100.0, layout: str | None = None) -> Iterator[Figure]:
    """A new figure of ``width`` × ``height`` inches with an Agg canvas, inside the style.
    Margins are set by the chart (``margins``): a layout engine costs a draw per figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with style():
        fig = Figure(figsize=(width, height), dpi=dpi, layout=layout)
        FigureCanvasAgg(fig)
        yield fig
        plain_minus(fig)


def plain_minus(fig: Figure) -> None:
    """Tick labels with a hyphen-minus, whatever rcParams say when the figure is drawn later
    (the UI draws outside the style context; NanumGothic has no U+2212)."""
    from matplotlib.ticker import ScalarFormatter

    class PlainMinus(ScalarFormatter):
        @staticmethod
        def fix_minus(s: str) -> str:
            return s

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(PlainMinus())


def level_colour(level: int | None) -> str:
    return LEVEL_COLOURS.get(level, UNRATED) if level is not None else UNRATED


def wrap_label(text: str, width_pt: float, size: float = 8.0, max_lines: int = 2) -> str:
    """A label wrapped to ``width_pt`` with the shared NanumGothic estimate."""
    from mot_workshop.layout.text_metrics import wrap

    return "\n".join(wrap(text, size, width_pt, max_lines=max_lines)) if text else ""


def bar_labels(names: list[str], short: list[str], slot_pt: float, size: float = 7.5,
               max_lines: int = 3) -> tuple[list[str], int, bool]:
    """Bar names for the x axis, wrapped at word boundaries to one bar's slot. When a name
    cannot be shown whole that way (a word wider than the slot, more than ``max_lines``),
    the axis carries the ``short`` names and the caller prints the full ones in a legend
    (``charts.panels``). Returns (tick labels, most lines, legend needed)."""
    from mot_workshop.layout.text_metrics import text_width, wrap

    width = max(slot_pt - 4, 20.0)
    whole = all(all(text_width(word, size) <= width for word in name.split()) and
                len(wrap(name, size, width)) <= max_lines for name in names)
    ticks = ["\n".join(wrap(name, size, width)) for name in names] if whole else list(short)
    return ticks, max((t.count("\n") + 1 for t in ticks), default=1), not whole


def empty_message(fig: Figure, text: str) -> None:
    """A quiet note in place of a chart that has nothing to show."""
    ax = fig.add_subplot()
    ax.set_axis_off()
    # wrapped to the figure's width: a narrow chart beside a table would cut it at both ends
    width_pt = fig.get_size_inches()[0] * 72 - 24
    ax.text(0.5, 0.5, wrap_label(text, width_pt, 10, 4), ha="center", va="center", color=SLATE, fontsize=10,
            transform=ax.transAxes, multialignment="center")


def small_multiples(fig: Figure, count: int, columns: int) -> list:
    """``count`` axes in a grid of ``columns`` (the rest of the grid stays empty)."""
    columns = max(1, min(columns, count))
    rows = (count + columns - 1) // columns
    axes = fig.subplots(rows, columns, squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax in flat[count:]:
        ax.set_axis_off()
    return flat[:count]


def number(value: float | None) -> str:
    """A value as a bar label: thousands separated, one decimal only when needed."""
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_group(ax, labels: list[str], values: list[float | None], colours: list[str], *,
              highlight: int | None = None) -> None:
    """Vertical bars with their values written on top; missing values show a dash.

    The values on the bars are the reading, so the panel has no value axis: no ticks, no
    grid, only the baseline; the unit goes after the panel's title. A y axis of ticks would repeat the
    numbers in a coarser form, and its tick machinery was most of a chart's drawing time."""
    xs = list(range(len(labels)))
    heights = [v if v is not None else 0.0 for v in values]
    bars = ax.bar(xs, heights, color=colours, width=0.66, zorder=2)
    top = max((abs(h) for h in heights), default=0.0) or 1.0
    for x, bar, value in zip(xs, bars, values):
        y = bar.get_height() if value is not None else 0.0
        ax.text(x, y + top * 0.03, number(value), ha="center", va="bottom", fontsize=7.5,
                fontweight=BOLD if x == highlight else "normal")
    ax.set_xticks(xs, labels, fontsize=7.5)
    ax.set_yticks([])
    ax.set_xlim(-0.6, len(xs) - 0.4)           # charts.panels draws the PDF with the same limits
    ax.set_ylim(0, top * 1.22)
    ax.tick_params(axis="x", length=0)
    ax.spines["left"].set_visible(False)


def margins(fig: Figure, *, left: float = 0.5, right: float = 0.2, top: float = 0.35, bottom: float = 0.45,
            wspace: float = 0.0, hspace: float = 0.0) -> None:
    """Fixed margins, and gaps between small multiples, in inches."""
    w, h = fig.get_size_inches()
    left, right, top, bottom = min(0.45, left / w), 1 - right / w, 1 - top / h, min(0.45, bottom / h)
    rows = cols = 1
    axes = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    if axes:
        rows, cols = axes[0].get_subplotspec().get_gridspec().get_geometry()
    avail_w, avail_h = (right - left) * w, (top - bottom) * h
    axes_w = max(0.2, (avail_w - (cols - 1) * wspace) / cols)
    axes_h = max(0.2, (avail_h - (rows - 1) * hspace) / rows)
    fig.subplots_adjust(left=left, right=right, top=top, bottom=bottom,
                        wspace=wspace / axes_w, hspace=hspace / axes_h)


def label_width_in(labels: list[str], size: float) -> float:
    """The width of the widest label, in inches (the shared NanumGothic estimate)."""
    from mot_workshop.layout.text_metrics import text_width

    widest = max((max(text_width(line, size) for line in label.split("\n")) for label in labels if label), default=0.0)
    return widest / 72.0
