"""Import from another workshop file: a team's processes (with their maps and worksheets),
cycles (with sub-cycles and touchpoints), teams, participants, votes and parking-lot notes
brought into the facilitator's master file as one undoable command.

Every entity gets a new id in the master file, and every reference is remapped. A team
whose name the master already has is the same team (its new participants join it); a
process or top-level cycle whose name is taken gets a suffix, " (Team B)" (the team's
label) or " (2)" when no label is given. The workshop's own record and the wizard's
progress stay the master's.

Each file carries its workshop's identity (a UUID), so a file merged into itself is refused
however its path is spelled (``..``, a symlink, a hard link, a copy). Every entity brought in
is remembered with a ``merge_link`` (team file identity, its id there, its id here, a digest
of its values): merging the same team file again brings only what is new, keeps what was
deleted here deleted, and reports what changed in the team file since (left as it is here).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.base import Entity, field_infos
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.editing.linked import CreateLinked, unique_name
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

NOT_MERGED = {"workshop", "step_progress", "merge_link"}


class _Gone(Exception):
    """An entity whose required parent is no longer here: it is not brought in."""


def _key(kind: str, id: int) -> str:
    return f"{kind}:{id}"


def identity_of(snapshot_or_store) -> str:
    workshop = snapshot_or_store.get("workshop", 1)
    return getattr(workshop, "identity", "") or ""


def same_workshop(store: Store, team: Snapshot) -> bool:
    """Whether the team file is the master itself (or a plain copy of it): same identity."""
    mine = identity_of(store)
    return bool(mine) and mine == identity_of(team)


def digest(entity: Entity) -> str:
    """A short fingerprint of an entity's values, to tell later whether it changed."""
    text = repr(sorted((k, str(v)) for k, v in entity.values().items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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
        self.source = identity_of(team)
        self.known = 0            # entities merged before and brought in no second time
        self.changed: list[tuple[str, int]] = []   # of those, (kind, id here) changed there since
        self.gone = 0             # merged before, deleted here since: left deleted

    def build(self, store: Store) -> list[Entity]:
        self.items = self._items(store)
        return super().build(store)

    def new_id(self, kind: str, old_id: int) -> int | None:
        """The master's id for the team file's ``kind`` ``old_id`` (after execute)."""
        return self.id_of(_key(kind, old_id)) or self._existing.get((kind, old_id))

    # ------------------------------------------------------------------ planning
    def _items(self, store: Store) -> list[tuple[str, str, dict[str, Any]]]:
        self._existing: dict[tuple[str, int], int] = {}   # team-file entity -> master entity reused
        self.renamed, self.changed, self.known, self.gone = [], [], 0, 0
        team = self.team
        self._skip: set[tuple[str, int]] = set()          # merged before: not brought in again
        if self.source:
            # (kind, id in the team file, id here, digest then): what this merge brought in
            # before, and what the team file took from here (a copy downloaded to work offline)
            links = [(k.kind, k.source_id, k.target_id, k.digest) for k in store.select("merge_link", source=self.source)]
            mine = identity_of(store)
            if mine:
                links += [(k.kind, k.target_id, k.source_id, k.digest) for k in team.where("merge_link", source=mine)]
            for kind, there, here, then in links:
                entity = team.get(kind, there)
                if entity is None or (kind, there) in self._skip:
                    continue
                self._skip.add((kind, there))
                if store.get(kind, here) is None:
                    self.gone += 1
                    continue
                self._existing[(kind, there)] = here
                self.known += 1
                if then != digest(entity):
                    self.changed.append((kind, here))
        items = self._fresh_items(store)
        if self.source:
            for key, kind, _ in list(items):
                old_id = int(key.rsplit(":", 1)[1])
                items.append((f"link:{key}", "merge_link", {
                    "source": self.source, "kind": kind, "source_id": old_id, "target_id": key,
                    "digest": digest(team.get(kind, old_id))}))
        return items

    def _fresh_items(self, store: Store) -> list[tuple[str, str, dict[str, Any]]]:
        items: list[tuple[str, str, dict[str, Any]]] = []
        team = self.team

        master_teams = {t.name: t.id for t in store.select("team")}
        for t in team.all("team"):
            if ("team", t.id) in self._skip:
                continue
            if t.name in master_teams:
                self._existing[("team", t.id)] = master_teams[t.name]
            else:
                items.append((_key("team", t.id), "team", self._values(t)))
        master_people = {(p.team_id, p.name): p.id for p in store.select("participant")}
        for p in team.all("participant"):
            if ("participant", p.id) in self._skip:
                continue
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
            if ("process", p.id) in self._skip:
                continue
            name = unique_name(p.name, taken, self.label)
            taken.add(name)
            if name != p.name:
                self.renamed.append(("process", p.name, name))
            items.append((_key("process", p.id), "process", self._values(p, name=name)))

        taken = {c.name for c in store.select("cycle", parent_id=None)}
        for c in self._parents_first(team.all("cycle"), "parent_id"):
            if ("cycle", c.id) in self._skip:
                continue
            values = self._values(c)
            if c.parent_id is None:
                name = unique_name(c.name, taken, self.label)
                taken.add(name)
                if name != c.name:
                    self.renamed.append(("cycle", c.name, name))
                values["name"] = name
            items.append((_key("cycle", c.id), "cycle", values))

        for kind in KINDS:
            if kind in NOT_MERGED or kind in ("team", "participant", "process", "cycle"):
                continue
            entities = team.all(kind)
            if kind == "process_map":
                entities = self._parents_first(entities, "derived_from_id")
            for entity in entities:
                if (kind, entity.id) in self._skip:
                    continue
                try:
                    if kind == "vote":
                        target = self._ref(str(entity.target_kind), entity.target_id)
                        if target is None:
                            continue
                        items.append((_key(kind, entity.id), kind, self._values(entity, target_id=target)))
                    else:
                        items.append((_key(kind, entity.id), kind, self._values(entity)))
                except _Gone:                 # its parent was merged before and deleted here since
                    self._skip.add((kind, entity.id))
                    self.gone += 1
        return items

    def _ref(self, kind: str, old_id: int | None) -> int | str | None:
        if old_id is None:
            return None
        if (kind, old_id) in self._existing:
            return self._existing[(kind, old_id)]
        if (kind, old_id) in self._skip:     # merged before, deleted here since
            return None
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
                mapped = self._ref(info.ref.kind, value)
                if mapped is None and value is not None and not info.optional and info.ref.on_delete != "set-null":
                    raise _Gone
                value = mapped
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


def merge_notes(command: MergeWorkshop) -> list[str]:
    """What a merge did besides creating: names changed, and what it had brought in before."""
    from mot_workshop.i18n.labels import kind_name

    lines = [tr("Renamed {kind} '{old}' to '{new}' (the name was taken).", kind=kind_name(kind), old=old, new=new)
             for kind, old, new in command.renamed]
    if command.known:
        lines.append(tr("{count} items of this team file were merged before and were not brought in again.",
                        count=command.known))
    if command.changed:
        lines.append(tr("{count} of them changed in the team file since; they were left as they are here.",
                        count=len(command.changed)))
    if command.gone:
        lines.append(tr("{count} items merged before were deleted here since; they stay deleted.",
                        count=command.gone))
    return lines
