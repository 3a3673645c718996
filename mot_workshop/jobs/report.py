"""`mot-workshop report FILE -o OUT.pdf [--lang ko|en] [--paper a4|a3]`: the session report."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("-o", "--output", required=True, help="PDF file to write")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the workshop's)")
    parser.add_argument("--paper", choices=("a4", "a3"), default="a4",
                        help="paper of the map pages; text pages are A4 landscape")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.i18n import tr
    from mot_workshop.export.pdf.report import export_report
    from mot_workshop.jobs.target import reading

    with reading(args.file, args.workshop) as store:
        snapshot = store.snapshot()
    path = export_report(args.output, snapshot, lang=args.lang, paper=args.paper)
    print(tr("wrote {path}", path=path))
    return 0
