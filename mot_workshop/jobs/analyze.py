"""`mot-workshop analyze FILE [--json]`: map figures, As-Is/To-Be comparison, cycle scores."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--lang", choices=("ko", "en"), help="language of the text output (default: the workshop's)")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.analysis.workshop import analyse_workshop
    from mot_workshop.i18n import set_language
    from mot_workshop.jobs.target import reading

    with reading(args.file, args.workshop) as store:
        snapshot = store.snapshot()
    set_language(args.lang or str(snapshot.workshop.language))   # by default, the workshop's own
    result = analyse_workshop(snapshot)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        from mot_workshop.analysis.text import render_text

        print(render_text(result, snapshot))
    return 0
