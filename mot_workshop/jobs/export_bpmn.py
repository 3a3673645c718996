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
    parser.add_argument("--conditions", choices=("javascript", "feel"), default="javascript",
                        help="dialect of the branch conditions: javascript (Camunda 7, Flowable, Activiti; "
                             "the default) or feel (Camunda 8)")


def find_map(snapshot, ref: str) -> int:
    """The id of the map ``ref`` names ("process name/kind" or an id), by the same rule as
    ``render --view map:…`` (``domain.map_ref``)."""
    from mot_workshop.cli import UserError
    from mot_workshop.domain.map_ref import MapRefError, resolve_map

    try:
        return resolve_map(ref, snapshot.all("process"), snapshot.all("process_map")).id
    except MapRefError as exc:
        raise UserError(str(exc)) from None


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
    write_bytes_atomic(args.output, export_map(snapshot, map_id, conditions=args.conditions))
    print(tr("wrote {path}", path=args.output))
    return 0
