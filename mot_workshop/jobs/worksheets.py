"""`mot-workshop worksheets -o OUT.pdf [--steps 1-8] [--from FILE] [--lang ko|en] [--paper a4|a3]`:
the eight steps' worksheets and the MOT cycle sheet, blank or filled from a workshop file."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("-o", "--output", required=True, help="PDF file to write")
    parser.add_argument("--steps", default="1-8", help="steps to include, e.g. 1-8, 3 or 1,3,5-7 (default: 1-8)")
    parser.add_argument("--from", dest="source", metavar="FILE", help="fill the sheets from this workshop file")
    add_workshop_option(parser)
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the workshop's, else Korean)")
    parser.add_argument("--paper", choices=("a4", "a3"), default="a4",
                        help="paper of the map sheets (steps 3, 5, 8); other sheets are A4 landscape")
    parser.add_argument("--touchpoints", type=int, default=None, metavar="N",
                        help="numbered touchpoints on the blank cycle sheet (3-40, default 12)")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.export.pdf.worksheets import export_worksheets, parse_steps
    from mot_workshop.i18n import tr

    try:
        steps = parse_steps(args.steps)
    except ValueError:
        raise UserError(tr("--steps: expected step numbers 1 to 8 such as 1-8, 3 or 1,3,5-7, not {value!r}",
                           value=args.steps)) from None
    snapshot = None
    if args.source:
        from mot_workshop.jobs.target import reading

        with reading(args.source, args.workshop) as store:
            snapshot = store.snapshot()
    if args.touchpoints is not None and not 3 <= args.touchpoints <= 40:
        raise UserError(tr("--touchpoints: expected a number from 3 to 40, not {value}", value=args.touchpoints))
    # the sheets' language: --lang, else the workshop's; blank sheets are Korean by default
    # (the messages follow the system's locale)
    lang = args.lang or (None if snapshot is not None else "ko")
    path = export_worksheets(args.output, snapshot=snapshot, steps=steps, lang=lang, paper=args.paper,
                             touchpoints=args.touchpoints)
    print(tr("wrote {path}", path=path))
    return 0
