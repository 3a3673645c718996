"""`mot-workshop load IN.json OUT.motw`: build a workshop file from a JSON dump."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="JSON dump written by 'mot-workshop dump'")
    parser.add_argument("output", help="workshop file to create (.motw)")
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.i18n import tr
    from mot_workshop.jobs.files import require_new
    from mot_workshop.persistence.dump import from_data
    from mot_workshop.editing.loading import load_into_new_file

    output = require_new(args.output, args.force)
    try:
        with open(args.input, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise UserError(tr("{path} is not valid JSON: {detail}", path=args.input, detail=str(exc))) from None
    except UnicodeDecodeError:
        raise UserError(tr("{path} is not UTF-8 text.", path=args.input)) from None
    except RecursionError:           # [[[[… nested deeper than any dump
        raise UserError(tr("{path} is nested too deeply to be a dump.", path=args.input)) from None
    except ValueError as exc:        # a whole number of thousands of digits
        raise UserError(tr("{path} is not valid JSON: {detail}", path=args.input,
                           detail=str(exc).split(";")[0])) from None
    entities = from_data(data)          # every row checked before anything is written
    load_into_new_file(output, entities, overwrite=args.force)
    print(tr("wrote {path}", path=output))
    return 0
