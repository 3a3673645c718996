"""`mot-workshop import-bpmn FILE IN.bpmn [--process NAME] [--kind KIND]`: a BPMN 2.0 file
(Camunda Modeler, bpmn-js, Signavio, Bizagi …) as a new map, in one undoable step."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw) to add the map to")
    add_workshop_option(parser)
    parser.add_argument("input", help="BPMN 2.0 file (.bpmn, .xml)")
    parser.add_argument("--process", help="the process the map belongs to (created if the workshop has none "
                                          "of that name; default: a new process named after the BPMN pool)")
    parser.add_argument("--kind", choices=("as-is", "to-be", "redesign"), help="the kind of map (default: as-is)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.editing.history import History
    from mot_workshop.editing.imports import import_map_command
    from mot_workshop.export.bpmn import BpmnError, read_bpmn_file
    from mot_workshop.export.bpmn.report import report_lines
    from mot_workshop.i18n import set_language, tr
    from mot_workshop.i18n.labels import enum_name
    from mot_workshop.jobs.target import writing

    if args.lang:
        set_language(args.lang)
    try:
        plan = read_bpmn_file(args.input)        # refused files stop here: nothing is opened
    except BpmnError as exc:
        raise UserError(str(exc)) from None
    with writing(args.file, args.workshop) as store:
        command = import_map_command(store, plan, process=args.process, kind=args.kind)
        History(store).push(command)
        pmap = store.get("process_map", command.map_id)
        process = store.get("process", pmap.process_id)
        steps, flows, lanes = (store.count(kind, map_id=pmap.id) for kind in ("step", "flow", "lane"))
        print(tr("Imported {steps}, {flows} and {lanes} as the {kind} map of '{process}'.",
                 steps=tr("{count} step", count=steps) if steps == 1 else tr("{count} steps", count=steps),
                 flows=tr("{count} flow", count=flows) if flows == 1 else tr("{count} flows", count=flows),
                 lanes=tr("{count} lane", count=lanes) if lanes == 1 else tr("{count} lanes", count=lanes),
                 kind=enum_name(pmap.kind), process=process.name))
    for line in report_lines(plan.report):
        print(line)
    return 0
