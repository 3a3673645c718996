"""The customer journey curve: experienced level per touchpoint, left to right in cycle
order, with the neutral line, the customer's low points and the weakest link marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import BOLD, GRID, NAVY, RED, SLATE, chart_figure, empty_message, level_colour, margins, wrap_label
from mot_workshop.charts.cycle import weakest_id
from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from mot_workshop.analysis.cycle_scores import CycleScores


def journey_curve(touchpoints: Sequence[Touchpoint], scores: CycleScores | None = None, *,
                  title: str | None = None, width: float = 9.0, height: float = 3.4) -> Figure:
    if scores is None:
        from mot_workshop.analysis.cycle_scores import score

        scores = score(touchpoints)
    with chart_figure(width, height) as fig:
        rated = [(i, tp) for i, tp in enumerate(touchpoints) if tp.level is not None]
        if not rated:
            empty_message(fig, tr("No rated touchpoints yet"))
            return fig
        ax = fig.add_subplot()
        xs = [i for i, _ in rated]
        ys = [tp.level for _, tp in rated]
        ax.axhspan(0.5, 2.5, color="#f6e3df", zorder=0, linewidth=0)
        ax.axhline(3, color=SLATE, linewidth=0.8, linestyle=(0, (4, 3)), zorder=1)
        ax.plot(xs, ys, color=NAVY, linewidth=1.8, zorder=2)
        ax.scatter(xs, ys, s=[40 + 14 * (tp.importance or 3) for _, tp in rated],
                   c=[level_colour(tp.level) for _, tp in rated], edgecolors="white", linewidths=1.0, zorder=3)
        weak = weakest_id(scores)
        for i, tp in rated:
            if tp.id == weak:
                ax.scatter([i], [tp.level], s=260, facecolors="none", edgecolors=RED, linewidths=2.0, zorder=4)
                # below a high point, above a low one: never over the axis labels
                below = tp.level >= 3
                ax.annotate(tr("Weakest link"), (i, tp.level), xytext=(0, -16 if below else 16),
                            textcoords="offset points", ha="center", va="top" if below else "bottom", color=RED,
                            fontsize=8, fontweight=BOLD)
        step = max(1, (len(touchpoints) + 13) // 14)
        ticks = list(range(0, len(touchpoints), step))
        per_tick = max(40.0, width * 72 * 0.9 / max(1, len(ticks)))
        # names wrap between words (up to six lines); when a word is wider than its slot the
        # names alternate between two rows, each twice as wide; the chart grows for the lines
        names = [f"{i + 1}. {touchpoints[i].name}" for i in ticks]
        labels = [wrap_label(n, per_tick, 7, 6) for n in names]
        stagger = len(ticks) > 1 and any(" ".join(label.split()) != " ".join(n.split())
                                         for label, n in zip(labels, names))
        if stagger:
            labels = [wrap_label(n, per_tick * 1.9, 7, 6) for n in names]
        line = 7 * 1.2 / 72
        rows = [max((label.count("\n") + 1 for label in labels[r::2 if stagger else 1]), default=1)
                for r in ((0, 1) if stagger else (0,))]
        extra = max(0, sum(rows) - 3) * line + (0.08 if stagger else 0.0)
        fig.set_size_inches(width, height + extra)
        ax.set_xticks(ticks, labels, fontsize=7)
        if stagger:
            for n, tick in enumerate(ax.xaxis.get_major_ticks()):
                if n % 2:
                    tick.set_pad(tick.get_pad() + rows[0] * line * 72 + 4)
        ax.set_xlim(-0.6, len(touchpoints) - 0.4)
        ax.set_ylim(0.5, 5.5)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_ylabel(tr("Experienced level"))
        ax.grid(axis="y", color=GRID, zorder=0)
        ax.tick_params(axis="x", length=0)
        if title:
            ax.set_title(title)
        margins(fig, left=0.6, right=0.15, top=0.45 if title else 0.2, bottom=0.7 + extra)
        return fig
