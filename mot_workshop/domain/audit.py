"""Checking a whole workshop against the domain rules (for `mot-workshop check`)."""

from __future__ import annotations

from mot_workshop.domain.rules import RuleError, check_entity, check_relations
from mot_workshop.domain.snapshot import Snapshot


def audit(snapshot: Snapshot) -> list[str]:
    """One line per entity that breaks a rule; empty when the workshop is sound."""
    problems = []
    if snapshot.workshop is None:
        problems.append("workshop: the workshop record (id 1) is missing")
    for entity in snapshot:
        try:
            check_entity(entity)
            check_relations(entity, snapshot.get)
        except RuleError as exc:
            problems.append(f"{entity.KIND} {entity.id}: {exc}")
    return problems
