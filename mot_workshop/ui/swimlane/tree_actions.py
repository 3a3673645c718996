"""The workshop tree's process-map actions, run for the main window: a new map of a
process (the next kind it lacks, with the seed worksheet's rows), derive the next map,
compare a derived map with its source."""

from __future__ import annotations

from mot_workshop.domain.enums import LaneKind, MapKind
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name

NEXT = {MapKind.AS_IS: MapKind.TO_BE, MapKind.TO_BE: MapKind.REDESIGN}


def default_lanes(lang: str) -> list[tuple[str, str]]:
    return [(str(k), enum_name(k, lang=lang)) for k in (LaneKind.CUSTOMER, LaneKind.CONTACT, LaneKind.DEPARTMENT,
                                                        LaneKind.SYSTEM)]


def run_tree_action(window, action: str, kind: str, id: int) -> int | None:
    session = window.session
    if session is None or action not in ("new-map", "derive-map", "compare-map"):
        return None
    store = session.store
    if action == "new-map" and kind == "process":
        from mot_workshop.editing.map_edits import NewMap

        have = {str(m.kind) for m in store.select("process_map", process_id=id)}
        map_kind = next((k for k in MapKind if str(k) not in have), MapKind.AS_IS)
        lang = session.content_language
        phases = [tr("Phase {n}", n=n, lang=lang) for n in (1, 2, 3)]
        command = NewMap(id, map_kind, lanes=default_lanes(lang), phases=phases)
        if session.push(command) is None:
            return None
        window.open_map(command.new_map_id)
        return command.new_map_id
    found = store.get("process_map", id)
    if found is None:
        return None
    if action == "derive-map" and found.kind in NEXT:
        from mot_workshop.editing.maps import DeriveMap

        command = DeriveMap(id, NEXT[found.kind])
        if session.push(command) is None:
            return None
        window.open_map(command.new_map_id)
        return command.new_map_id
    if action == "compare-map" and found.derived_from_id is not None:
        window.open_map_compare(found.derived_from_id, id)
    return None
