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
                     width: float = 6.5, height: float = 4.6) -> Figure:
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
        # Processes sharing a cell fan out a little so none hides another.
        seen: dict[tuple[int, int], int] = {}
        for p in placed:
            key = (p.feasibility, p.innovation)
            k = seen.get(key, 0)
            seen[key] = k + 1
            dx, dy = (0.0, 0.0) if k == 0 else ((-1) ** k * 0.18 * ((k + 1) // 2), 0.14 * ((k + 1) // 2))
            x, y = p.feasibility + dx, p.innovation + dy
            colour = NAVY if p.selected else SLATE
            ax.scatter([x], [y], s=120 if p.selected else 70, color=colour, edgecolors="white",
                       linewidths=1.0, zorder=3, marker="o" if p.selected else "s")
            ax.annotate(wrap_label(p.name, 120, 7.5, 2), (x, y), xytext=(8, 0), textcoords="offset points",
                        va="center", ha="left", fontsize=7.5, color=INK if p.selected else SLATE,
                        fontweight=BOLD if p.selected else "normal", zorder=4)
        ax.set_xlim(0.5, 6.4)
        ax.set_ylim(0.5, 5.5)
        ax.set_xticks([1, 2, 3, 4, 5])
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_xlabel(tr("Feasibility"))
        ax.set_ylabel(tr("Innovation effect"))
        ax.scatter([], [], s=70, color=NAVY, label=tr("Selected core process"))
        ax.scatter([], [], s=50, color=SLATE, marker="s", label=tr("Candidate"))
        ax.legend(loc="lower left")
        if title:
            ax.set_title(title)
        margins(fig, left=0.6, right=0.15, top=0.45 if title else 0.2, bottom=0.55)
        return fig
