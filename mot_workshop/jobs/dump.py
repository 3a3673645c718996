"""`mot-workshop dump FILE [-o OUT.json]`: the whole workshop as JSON (docs/dump-format.md)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("-o", "--output", help="JSON file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.persistence.dump import to_json
    from mot_workshop.jobs.target import reading
    from mot_workshop.jobs.files import write_text_atomic

    with reading(args.file, args.workshop) as store:
        text = to_json(store.snapshot())
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
