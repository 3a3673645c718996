"""The cycle's summary: the mean of the experienced levels *and* the weakest link, because
under the multiplication rule (100 − 1 = 0) one bad moment spoils the whole visit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mot_workshop.analysis.cycle_scores import score
from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.i18n import tr


@dataclass(frozen=True)
class CycleScore:
    total: int
    rated: int
    mean: float | None
    weakest: Touchpoint | None          # the weakest critical moment, else the weakest of all
    weakest_index: int | None
    weakest_is_critical: bool

    @property
    def broken(self) -> bool:
        """100 − 1 = 0: the weakest link is a dissatisfying moment (level 1 or 2)."""
        return self.weakest is not None and self.weakest.level is not None and self.weakest.level <= 2


def score_cycle(touchpoints: Sequence[Touchpoint]) -> CycleScore:
    """The analysis' cycle score, in the form the diagrams show it (``touchpoints`` in order)."""
    s = score(touchpoints)
    weakest_id = s.weakest_critical_id or s.weakest_id
    index = next((i for i, tp in enumerate(touchpoints) if tp.id == weakest_id), None)
    return CycleScore(total=s.touchpoints, rated=s.rated, mean=s.mean_level,
                      weakest=touchpoints[index] if index is not None else None, weakest_index=index,
                      weakest_is_critical=s.weakest_critical_id is not None)


@dataclass(frozen=True)
class SummaryLine:
    text: str
    role: str     # title | stat | weakest | note | muted


def summary_lines(name: str, touchpoints: Sequence[Touchpoint], score: CycleScore | None = None) -> list[SummaryLine]:
    score = score or score_cycle(touchpoints)
    lines = [SummaryLine(name, "title")]
    if not touchpoints:
        lines.append(SummaryLine(tr("No touchpoints yet."), "muted"))
        lines.append(SummaryLine(tr("Drag a template from the palette onto the ring."), "muted"))
        return lines
    lines.append(SummaryLine(tr("{count} touchpoints · {rated} rated", count=score.total, rated=score.rated), "muted"))
    if score.mean is None:
        lines.append(SummaryLine(tr("No experienced levels yet."), "muted"))
        return lines
    lines.append(SummaryLine(tr("Mean level {mean} / 5", mean=f"{score.mean:.1f}"), "stat"))
    weakest = score.weakest
    label = tr("Weakest critical moment") if score.weakest_is_critical else tr("Weakest link")
    lines.append(SummaryLine(tr("{label}: {level} / 5", label=label, level=weakest.level), "weakest"))
    lines.append(SummaryLine(f"{score.weakest_index + 1}. {weakest.name}", "weakest"))
    if score.broken:
        lines.append(SummaryLine(tr("100 − 1 = 0: this moment spoils the whole cycle."), "note"))
    return lines


def summary_text(name: str, touchpoints: Sequence[Touchpoint]) -> str:
    """One line for the status bar and tooltips."""
    score = score_cycle(touchpoints)
    if score.mean is None:
        return tr("{name}: {count} touchpoints, none rated", name=name, count=score.total)
    return tr("{name}: mean {mean} / 5 · weakest link {level} / 5 ({order}. {tp})", name=name,
              mean=f"{score.mean:.1f}", level=score.weakest.level, order=score.weakest_index + 1,
              tp=score.weakest.name)
