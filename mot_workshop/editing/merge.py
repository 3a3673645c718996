"""Import from another workshop file: a team's processes (with their maps and worksheets),
cycles (with sub-cycles and touchpoints), teams, participants, votes and parking-lot notes
brought into the facilitator's master file as one undoable command.

Every entity gets a new id in the master file, and every reference is remapped. A team
whose name the master already has is the same team (its new participants join it); a
process or top-level cycle whose name is taken gets a suffix, " (Team B)" (the team's
label) or " (2)" when no label is given. The workshop's own record and the wizard's
progress stay the master's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mot_workshop.domain.base import Entity, field_infos
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.editing.linked import CreateLinked, unique_name
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

_NOT_MERGED = {"workshop", "step_progress"}


def _key(kind: str, id: int) -> str:
    return f"{kind}:{id}"


def default_label(team: Snapshot) -> str | None:
    """The suffix label for a team's file: its team's name when it has exactly one team."""
    teams = team.all("team")
    return teams[0].name if len(teams) == 1 else None


class MergeWorkshop(CreateLinked):
    def __init__(self, team: Snapshot, *, label: str | None = None, text: str | None = None):
        super().__init__([], text=text or tr("Import from another workshop file"))
        self.team = team
        self.label = label if label is not None else default_label(team)
        self.renamed: list[tuple[str, str, str]] = []     # (kind, old name, new name)

    def build(self, store: Store) -> list[Entity]:
        self.items = self._items(store)
        return super().build(store)

    def new_id(self, kind: str, old_id: int) -> int | None:
        """The master's id for the team file's ``kind`` ``old_id`` (after execute)."""
        return self.id_of(_key(kind, old_id)) or self._existing.get((kind, old_id))

    # ------------------------------------------------------------------ planning
    def _items(self, store: Store) -> list[tuple[str, str, dict[str, Any]]]:
        self._existing: dict[tuple[str, int], int] = {}   # team-file entity -> master entity reused
        self.renamed = []
        items: list[tuple[str, str, dict[str, Any]]] = []
        team = self.team

        master_teams = {t.name: t.id for t in store.select("team")}
        for t in team.all("team"):
            if t.name in master_teams:
                self._existing[("team", t.id)] = master_teams[t.name]
            else:
                items.append((_key("team", t.id), "team", self._values(t)))
        master_people = {(p.team_id, p.name): p.id for p in store.select("participant")}
        for p in team.all("participant"):
            team_ref = self._ref("team", p.team_id)
            mapped_team = team_ref if isinstance(team_ref, int) or team_ref is None else None
            if isinstance(team_ref, int) and (mapped_team, p.name) in master_people:
                self._existing[("participant", p.id)] = master_people[(mapped_team, p.name)]
            elif team_ref is None and (None, p.name) in master_people:
                self._existing[("participant", p.id)] = master_people[(None, p.name)]
            else:
                items.append((_key("participant", p.id), "participant", self._values(p)))

        taken = {p.name for p in store.select("process")}
        for p in team.all("process"):
            name = unique_name(p.name, taken, self.label)
            taken.add(name)
            if name != p.name:
                self.renamed.append(("process", p.name, name))
            items.append((_key("process", p.id), "process", self._values(p, name=name)))

        taken = {c.name for c in store.select("cycle", parent_id=None)}
        for c in self._parents_first(team.all("cycle"), "parent_id"):
            values = self._values(c)
            if c.parent_id is None:
                name = unique_name(c.name, taken, self.label)
                taken.add(name)
                if name != c.name:
                    self.renamed.append(("cycle", c.name, name))
                values["name"] = name
            items.append((_key("cycle", c.id), "cycle", values))

        for kind in KINDS:
            if kind in _NOT_MERGED or kind in ("team", "participant", "process", "cycle"):
                continue
            entities = team.all(kind)
            if kind == "process_map":
                entities = self._parents_first(entities, "derived_from_id")
            for entity in entities:
                if kind == "vote":
                    target = self._ref(str(entity.target_kind), entity.target_id)
                    if target is None:
                        continue
                    items.append((_key(kind, entity.id), kind, self._values(entity, target_id=target)))
                else:
                    items.append((_key(kind, entity.id), kind, self._values(entity)))
        return items

    def _ref(self, kind: str, old_id: int | None) -> int | str | None:
        if old_id is None:
            return None
        if (kind, old_id) in self._existing:
            return self._existing[(kind, old_id)]
        if self.team.get(kind, old_id) is None:
            return None
        return _key(kind, old_id)

    def _values(self, entity: Entity, **override: Any) -> dict[str, Any]:
        values = {}
        for info in field_infos(type(entity)):
            if info.name == "seq":
                continue                      # appended after the master's own, in the team's order
            value = getattr(entity, info.name)
            if info.ref is not None:
                value = self._ref(info.ref.kind, value)
            values[info.name] = value
        values.update(override)
        return values

    @staticmethod
    def _parents_first(entities: list[Entity], field: str) -> list[Entity]:
        by_id = {e.id: e for e in entities}

        def depth(e: Entity) -> int:
            n, seen = 0, {e.id}
            parent = by_id.get(getattr(e, field))
            while parent is not None and parent.id not in seen:
                seen.add(parent.id)
                n += 1
                parent = by_id.get(getattr(parent, field))
            return n

        return sorted(entities, key=lambda e: (depth(e), getattr(e, "seq", 0), e.id))
