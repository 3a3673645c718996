"""`mot-workshop export-bpmn FILE --map PROCESS/KIND -o OUT.bpmn`: a map as BPMN 2.0 XML."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("--map", required=True, dest="map_ref",
                        help="the map: PROCESS/as-is, PROCESS/to-be, PROCESS/redesign, or a map id")
    parser.add_argument("-o", "--output", required=True, help="BPMN file to write (.bpmn)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the notes written into the file")


def find_map(snapshot, ref: str) -> int:
    """The id of the map ``ref`` names ("process name/kind" or an id)."""
    from mot_workshop.cli import UserError
    from mot_workshop.domain.enums import MapKind
    from mot_workshop.i18n import tr

    ref = ref.strip()
    if ref.isdigit():
        if snapshot.get("process_map", int(ref)) is None:
            raise UserError(tr("There is no map with id {id}.", id=ref))
        return int(ref)
    name, _, kind = ref.rpartition("/")
    kinds = {k.value for k in MapKind}
    if not name or kind.strip().lower() not in kinds:
        raise UserError(tr("Name the map as PROCESS/KIND, where KIND is one of {kinds}: '{ref}'.",
                           kinds=", ".join(sorted(kinds)), ref=ref))
    processes = [p for p in snapshot.all("process") if p.name == name.strip()]
    if not processes:
        raise UserError(tr("There is no process named '{name}'.", name=name.strip()))
    maps = [m for p in processes for m in snapshot.where("process_map", process_id=p.id, kind=MapKind(kind.strip().lower()))]
    if not maps:
        raise UserError(tr("The process '{name}' has no {kind} map.", name=name.strip(), kind=kind.strip()))
    if len(maps) > 1:
        raise UserError(tr("The process '{name}' has {count} {kind} maps; give the map id instead: {ids}.",
                           name=name.strip(), count=len(maps), kind=kind.strip(),
                           ids=", ".join(str(m.id) for m in maps)))
    return maps[0].id


def run(args: argparse.Namespace) -> int:
    from mot_workshop.export.bpmn import export_map
    from mot_workshop.i18n import set_language, tr
    from mot_workshop.jobs.files import write_bytes_atomic
    from mot_workshop.jobs.target import reading

    if args.lang:
        set_language(args.lang)
    with reading(args.file, args.workshop) as store:
        snapshot = store.snapshot()
    map_id = find_map(snapshot, args.map_ref)
    write_bytes_atomic(args.output, export_map(snapshot, map_id))
    print(tr("wrote {path}", path=args.output))
    return 0
