"""The analysis as plain text, for the terminal (`mot-workshop analyze`)."""

from __future__ import annotations

import unicodedata

from mot_workshop.analysis.structure import message
from mot_workshop.analysis.workshop import WorkshopAnalysis
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name


def pad(text: str, width: int) -> str:
    """Left-align for a terminal, where Hangul takes two columns."""
    columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - columns)


def figure_name(name: str) -> str:
    return {
        "steps": tr("Steps"), "handoffs": tr("Hand-offs between lanes"), "decisions": tr("Decisions"),
        "contact_steps": tr("Customer-contact steps"), "lead_time": tr("Lead time (min)"),
        "total_work": tr("Work time (min)"), "total_wait": tr("Waiting time (min)"),
        "va_share": tr("VA share of work time"), "nva_share": tr("NVA share of work time"),
        "cycle_efficiency": tr("Process cycle efficiency"), "loops": tr("Rework loops"),
        "problems": tr("Structural problems"),
    }[name]


def format_value(name: str, value: float | None) -> str:
    if value is None:
        return "–"
    if name in ("va_share", "nva_share", "cycle_efficiency"):
        return f"{value * 100:.0f}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def format_change(pct: float | None) -> str:
    return "–" if pct is None else f"{pct:+.0f}%"


def render_text(result: WorkshopAnalysis, snapshot: Snapshot) -> str:
    lines: list[str] = []
    for process in result.processes:
        lines.append(f"== {process.name}")
        for map_id, metrics in process.maps.items():
            lines.append(f"  [{enum_name(process.map_kinds[map_id])}]")
            for name in ("steps", "handoffs", "decisions", "contact_steps", "lead_time", "total_work",
                         "total_wait", "va_share", "nva_share", "cycle_efficiency", "loops"):
                lines.append(f"    {pad(figure_name(name), 32)}{format_value(name, metrics.figure(name)):>10}")
            for problem in metrics.structure:
                where = f" — {problem.label}" if problem.label else ""
                lines.append(f"    ! {message(problem.code)}{where}")
        if process.comparison:
            kinds = " → ".join(enum_name(process.map_kinds[i]) for i in process.compared_maps)
            lines.append(f"  {tr('Comparison')}: {kinds}")
            for change in process.comparison:
                values = " → ".join(format_value(change.name, v) for v in change.values)
                lines.append(f"    {pad(figure_name(change.name), 32)}{values:>24}  {format_change(change.change_pct):>6}")
        lines.append("")
    for cycle_id, scores in result.cycles.items():
        lines.append(f"== {tr('MOT cycle')}: {result.cycle_names[cycle_id]}")
        mean = "–" if scores.mean_level is None else f"{scores.mean_level:.2f}"
        lines.append(f"    {pad(tr('Touchpoints'), 32)}{scores.touchpoints:>10}")
        lines.append(f"    {pad(tr('Mean experienced level'), 32)}{mean:>10}")
        weakest_id = scores.weakest_critical_id or scores.weakest_id
        if weakest_id is not None:
            tp = snapshot.get("touchpoint", weakest_id)
            label = tr("Weakest critical moment") if scores.weakest_critical_id else tr("Weakest moment")
            lines.append(f"    {pad(label, 32)}{tp.seq + 1}. {tp.name} ({tp.level})")
        for tp_id, value in scores.priorities[:3]:
            tp = snapshot.get("touchpoint", tp_id)
            lines.append(f"    {pad(tr('Priority'), 32)}{value:>10.0f}  {tp.seq + 1}. {tp.name}")
        for element, part in scores.by_element.items():
            if part.count:
                mean = "–" if part.mean_level is None else f"{part.mean_level:.2f}"
                lines.append(f"    {pad(enum_name(element), 32)}{part.count:>10}  {tr('mean')} {mean}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
