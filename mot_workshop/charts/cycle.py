"""MOT cycle charts: the wheel (touchpoints on a ring from IN to OUT, coloured by the
experienced level) and the bar chart of levels; both mark the weakest link, because under
the multiplication rule (100 − 1 = 0) one bad moment spoils the whole visit."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import (
    BOLD, INK, NAVY, RED, SLATE, chart_figure, empty_message, label_width_in, level_colour, margins, wrap_label,
)
from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from mot_workshop.analysis.cycle_scores import CycleScores


def _scores(touchpoints: Sequence[Touchpoint], scores: CycleScores | None) -> CycleScores:
    if scores is not None:
        return scores
    from mot_workshop.analysis.cycle_scores import score

    return score(touchpoints)


def weakest_id(scores: CycleScores) -> int | None:
    return scores.weakest_critical_id or scores.weakest_id


def _level_text(level: int | None) -> str:
    return "–" if level is None else str(level)


def cycle_bars(touchpoints: Sequence[Touchpoint], scores: CycleScores | None = None, *,
               title: str | None = None, width: float = 7.5, height: float | None = None) -> Figure:
    """Experienced level (1–5) per touchpoint in cycle order, mean line, weakest link in red."""
    scores = _scores(touchpoints, scores)
    rows = max(1, len(touchpoints))
    height = height or min(9.0, 1.0 + 0.3 * rows)
    with chart_figure(width, height) as fig:
        if not touchpoints:
            empty_message(fig, tr("No touchpoints yet"))
            return fig
        ax = fig.add_subplot()
        weak = weakest_id(scores)
        names = [wrap_label(f"{i + 1}. {tp.name}" + (" ◆" if tp.critical else ""), 150, 8, 1)
                 for i, tp in enumerate(touchpoints)]
        ys = range(len(touchpoints))
        levels = [tp.level or 0 for tp in touchpoints]
        colours = [level_colour(tp.level) for tp in touchpoints]
        bars = ax.barh(ys, levels, color=colours, height=0.62, zorder=2)
        for bar, tp in zip(bars, touchpoints):
            if tp.id == weak:
                bar.set_edgecolor(RED)
                bar.set_linewidth(2.0)
            ax.text(bar.get_width() + 0.08, bar.get_y() + bar.get_height() / 2, _level_text(tp.level),
                    va="center", ha="left", fontsize=8, color=INK)
        if weak is not None:
            index = next(i for i, tp in enumerate(touchpoints) if tp.id == weak)
            ax.text(5.55, index, tr("Weakest link"), va="center", ha="left", fontsize=8,
                    color=RED, fontweight=BOLD)
        if scores.mean_level is not None:
            ax.axvline(scores.mean_level, color=NAVY, linewidth=1.0, linestyle=(0, (4, 3)), zorder=3)
            ax.text(scores.mean_level, -0.9, tr("mean {value}", value=f"{scores.mean_level:.1f}"),
                    ha="center", va="bottom", fontsize=7.5, color=NAVY)
        ax.set_yticks(list(ys), names)
        ax.invert_yaxis()
        ax.set_xlim(0, 6.6)
        ax.set_ylim(len(touchpoints) - 0.4, -1.1)
        ax.set_xticks([1, 2, 3, 4, 5])
        ax.set_xlabel(tr("Experienced level (1 very dissatisfied … 5 very satisfied)"))
        ax.grid(axis="x", zorder=0)
        ax.tick_params(axis="y", length=0)
        if title:
            ax.set_title(title)
        margins(fig, left=label_width_in(names, 8) + 0.2, right=0.15, top=0.5 if title else 0.3, bottom=0.5)
        return fig


def cycle_wheel(touchpoints: Sequence[Touchpoint], scores: CycleScores | None = None, *,
                title: str | None = None, width: float = 7.5, height: float = 6.0) -> Figure:
    """The MOT cycle: touchpoints clockwise from IN (12 o'clock) to OUT, coloured by level,
    sized by importance, the weakest link ringed in red, the mean in the middle."""
    from matplotlib.patches import Circle, FancyArrowPatch

    scores = _scores(touchpoints, scores)
    with chart_figure(width, height) as fig:
        if not touchpoints:
            empty_message(fig, tr("No touchpoints yet"))
            return fig
        ax = fig.add_subplot()
        ax.set_aspect("equal")
        ax.set_axis_off()
        n = len(touchpoints)
        ring = 1.0
        node = min(0.13, 2 * math.pi * ring / (n + 1) * 0.32)
        ax.add_patch(Circle((0, 0), ring, fill=False, edgecolor="#b8c2cc", linewidth=1.4, zorder=1))
        # IN and OUT at the top, an arrow showing the direction of the walk.
        gate = 360.0 / (n + 1) / 2
        for text, angle in (("IN", gate * 0.55), ("OUT", 360 - gate * 0.55)):
            x, y = _at(ring + 0.17, angle)
            ax.text(x, y, text, ha="center", va="center", fontsize=8, fontweight=BOLD, color=NAVY)
        a0, a1 = _at(ring, 6), _at(ring, 18)
        ax.add_patch(FancyArrowPatch(a0, a1, arrowstyle="-|>", mutation_scale=10, color="#b8c2cc",
                                     connectionstyle="arc3,rad=-0.1", zorder=1))
        weak = weakest_id(scores)
        label_width = 118 if n <= 12 else 92
        limit = 1.75
        ax.set_xlim(-limit * width / height, limit * width / height)
        ax.set_ylim(-limit, limit)
        if title:
            ax.set_title(title)
        margins(fig, left=0.05, right=0.05, top=0.35 if title else 0.05, bottom=0.05)
        labels = []
        for i, tp in enumerate(touchpoints):
            angle = 360.0 * (i + 1) / (n + 1)
            x, y = _at(ring, angle)
            radius = node * (0.75 + 0.08 * (tp.importance or 3))
            edge, lw = ("white", 1.0)
            if tp.id == weak:
                ax.add_patch(Circle((x, y), radius * 1.45, fill=False, edgecolor=RED, linewidth=2.2, zorder=3))
            ax.add_patch(Circle((x, y), radius, facecolor=level_colour(tp.level), edgecolor=edge,
                                linewidth=lw, zorder=4))
            ax.text(x, y, str(i + 1), ha="center", va="center", fontsize=8, fontweight=BOLD,
                    color="white", zorder=5)
            labels.append(((x, y), radius * (1.45 if tp.id == weak else 1.0), angle, wrap_label(tp.name + (" ◆" if tp.critical else ""), label_width, 7.5, 2),
                           tp.id == weak))
        gates = [_at(ring + 0.17, gate * 0.55), _at(ring + 0.17, 360 - gate * 0.55)]
        _ring_labels(fig, ax, labels, gates)
        mean = "–" if scores.mean_level is None else f"{scores.mean_level:.1f}"
        ax.text(0, 0.18, tr("Mean level"), ha="center", va="center", fontsize=8, color=SLATE)
        ax.text(0, 0.0, mean, ha="center", va="center", fontsize=18, fontweight=BOLD, color=NAVY)
        if weak is not None:
            tp = next(t for t in touchpoints if t.id == weak)
            index = touchpoints.index(tp) + 1
            ax.text(0, -0.2, tr("Weakest link"), ha="center", va="center", fontsize=8, color=RED)
            ax.text(0, -0.34, f"{index}. " + wrap_label(tp.name, 110, 8, 1) + f" ({_level_text(tp.level)})",
                    ha="center", va="center", fontsize=8, color=RED, fontweight=BOLD)
        return fig


def _ring_labels(fig, ax, labels, gates) -> None:
    """Touchpoint names outside the ring, placed so that none overlaps another name or a
    node (the shared label placer; a leader line when a name had to move away)."""
    from mot_workshop.layout.cycle_ring import place_ring_labels
    from mot_workshop.layout.text_metrics import text_height, text_width

    to_pt = 72.0 / fig.dpi
    scale = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]
    points = [tuple(v * to_pt for v in ax.transData.transform(xy)) for xy, *_ in labels]
    radii = [r * scale * to_pt + 1.5 for _, r, *_ in labels]
    sizes = [(max(text_width(line, 7.5) for line in text.split("\n")) + 2,
              text_height(text.count("\n") + 1, 7.5)) for _, _, _, text, _ in labels]
    x0, y0, x1, y1 = (v * to_pt for v in ax.bbox.extents)
    cx, cy = (v * to_pt for v in ax.transData.transform((0, 0)))
    unit = scale * to_pt
    middle = (cx - 0.62 * unit, cy - 0.42 * unit, cx + 0.62 * unit, cy + 0.28 * unit)    # mean and weakest link
    clear = [middle]
    for gx, gy in gates:                                               # the IN and OUT words
        px, py = (v * to_pt for v in ax.transData.transform((gx, gy)))
        clear.append((px - 12, py - 6, px + 12, py + 6))
    placed = place_ring_labels(points, radii, [angle for _, _, angle, _, _ in labels], sizes,
                               area=(x0, y0, x1, y1), keep_clear=clear, y_down=False, step=6.0)
    for ((xy, _, _, text, weak), point, at) in zip(labels, points, placed):
        ax.annotate(text, xy, xytext=(at.x - point[0], at.y - point[1]), textcoords="offset points", ha="left",
                    va="center", fontsize=7.5, color=RED if weak else INK, fontweight=BOLD if weak else "normal",
                    linespacing=1.15, zorder=6,
                    arrowprops=dict(arrowstyle="-", color="#b8c2cc", linewidth=0.6, shrinkA=0, shrinkB=4)
                    if at.leader else None)


def _at(radius: float, angle: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return radius * math.sin(rad), radius * math.cos(rad)
