"""Step 1: the selection matrix — each process placed by feasibility (x) and innovation
effect (y), the selected core processes highlighted, the top-right quadrant shaded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import BOLD, GRID, INK, NAVY, SLATE, TEAL, chart_figure, empty_message, margins, wrap_label
from mot_workshop.domain.process import Process
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def selection_matrix(processes: Sequence[Process], *, title: str | None = None,
                     width: float = 6.5, height: float = 4.6, keys: dict[int, str] | None = None) -> Figure:
    """``keys``: a short key per process id (its row number in a table shown beside the chart);
    when the names cannot all be placed clear of each other, the points are labelled with
    their keys instead, the table being their legend."""
    with chart_figure(width, height) as fig:
        placed = [p for p in processes if p.innovation is not None and p.feasibility is not None]
        if not placed:
            empty_message(fig, tr("No process has innovation effect and feasibility scores yet"))
            return fig
        ax = fig.add_subplot()
        ax.axvspan(3, 6.4, ymin=0.5, ymax=1.0, color="#e4efed", zorder=0, linewidth=0)
        ax.axvline(3, color=GRID, linewidth=1.0)
        ax.axhline(3, color=GRID, linewidth=1.0)
        ax.text(6.3, 5.4, tr("Select first"), ha="right", va="top", color=TEAL, fontsize=8, fontweight=BOLD)
        ax.set_xlim(0.5, 6.4)
        ax.set_ylim(0.5, 5.5)
        ax.set_xticks([1, 2, 3, 4, 5])
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_xlabel(tr("Feasibility"))
        ax.set_ylabel(tr("Innovation effect"))
        ax.scatter([], [], s=70, color=NAVY, label=tr("Selected core process"))
        ax.scatter([], [], s=50, color=SLATE, marker="s", label=tr("Candidate"))
        # the legend sits at the foot of the figure, centred on it: a fixed place in the bottom
        # margin whatever the plot's height (an offset in axes units grew with it), whole on a
        # narrow figure (centred on the plot it ran off the right edge)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=_legend_columns(width), borderaxespad=0.3,
                  bbox_transform=fig.transFigure)
        if title:
            ax.set_title(title)
        bottom = 0.8 if _legend_columns(width) == 2 else 0.95     # a narrow figure stacks the legend
        margins(fig, left=0.6, right=0.15, top=0.45 if title else 0.2, bottom=bottom)
        # Processes sharing a cell fan out a little so none hides another.
        seen: dict[tuple[int, int], int] = {}
        spots = []
        for p in placed:
            key = (p.feasibility, p.innovation)
            k = seen.get(key, 0)
            seen[key] = k + 1
            dx, dy = (0.0, 0.0) if k == 0 else ((-1) ** k * 0.18 * ((k + 1) // 2), 0.14 * ((k + 1) // 2))
            spots.append((p.feasibility + dx, p.innovation + dy))
            colour = NAVY if p.selected else SLATE
            ax.scatter([spots[-1][0]], [spots[-1][1]], s=120 if p.selected else 70, color=colour, edgecolors="white",
                       linewidths=1.0, zorder=3, marker="o" if p.selected else "s")
        _labels(fig, ax, placed, spots, keys)
        return fig


def _legend_columns(width: float) -> int:
    """Both legend entries side by side when they fit the figure's width, else one above the other."""
    from mot_workshop.layout.text_metrics import text_width

    names = (tr("Selected core process"), tr("Candidate"))
    needed = sum(text_width(name, 8.0) + 36 for name in names) + 12      # markers, gaps (points)
    return 2 if needed <= width * 72 else 1


def _labels(fig, ax, placed, spots, keys: dict[int, str] | None = None) -> None:
    """Names beside their points, repelled from each other (leader lines where moved); their
    keys instead where names would overlap and the caller has a legend for the keys."""
    from mot_workshop.layout.label_place import crowded, place_labels
    from mot_workshop.layout.text_metrics import text_height, text_width

    to_pt = 72.0 / fig.dpi
    points = [tuple(v * to_pt for v in ax.transData.transform(s)) for s in spots]
    x0, y0, x1, y1 = (v * to_pt for v in ax.bbox.extents)
    corner = (x1 - 70, y1 - 16, x1, y1)                       # the "Select first" note

    def layout(texts):
        sizes = [(max(text_width(line, 7.5) for line in t.split("\n")) + 2, text_height(t.count("\n") + 1, 7.5))
                 for t in texts]
        return place_labels(points, sizes, area=(x0, y0, x1, y1), keep_clear=[corner])

    texts = [wrap_label(p.name, 120, 7.5, 2) for p in placed]
    spots_placed = layout(texts)
    if keys and all(p.id in keys for p in placed) and crowded(spots_placed, points):
        texts = [keys[p.id] for p in placed]
        spots_placed = layout(texts)
    for p, text, spot, point, at in zip(placed, texts, spots, points, spots_placed):
        offset = (at.x - point[0], at.y - point[1])
        ax.annotate(text, spot, xytext=offset, textcoords="offset points", va="center", ha="left",
                    fontsize=7.5, color=INK if p.selected else SLATE, fontweight=BOLD if p.selected else "normal",
                    zorder=4, arrowprops=dict(arrowstyle="-", color=SLATE, linewidth=0.6, shrinkA=0, shrinkB=5)
                    if at.leader else None)
