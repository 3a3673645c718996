"""Dot-vote tallies and each voter's remaining dots."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mot_workshop.domain.facilitation import Vote


def tally(votes: Iterable[Vote], target_kind: str) -> dict[int, int]:
    """Dots per target of one kind, highest first."""
    counts: Counter[int] = Counter()
    for vote in votes:
        if vote.target_kind == target_kind:
            counts[vote.target_id] += vote.dots
    return dict(counts.most_common())


def dots_used(votes: Iterable[Vote], *, participant_id: int | None = None, team_id: int | None = None) -> int:
    """Dots a participant (or a team voting as one) has cast, on anything."""
    if participant_id is not None:
        return sum(v.dots for v in votes if v.participant_id == participant_id)
    return sum(v.dots for v in votes if v.team_id == team_id and v.participant_id is None)
