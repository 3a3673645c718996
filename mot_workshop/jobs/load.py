"""`mot-workshop load IN.json OUT.motw`: build a workshop file from a JSON dump."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="JSON dump written by 'mot-workshop dump'")
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("output", help="workshop file to create (.motw), or a team server address")
    add_workshop_option(parser)
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.i18n import tr
    from mot_workshop.jobs.files import require_new
    from mot_workshop.persistence.dump import from_data
    from mot_workshop.editing.loading import load_into_new_file

    from mot_workshop.jobs.target import is_server, title_for

    title = title_for(args.output, args.workshop)
    output = args.output if is_server(args.output) else require_new(args.output, args.force)
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
    if title:
        from mot_workshop.editing.sharing import load_into_server
        from mot_workshop.jobs.target import connect

        with connect(output) as server:
            if not args.force and any(e.title == title for e in server.workshops()):
                raise UserError(tr("{path} already exists (use --force to replace it).", path=title))
            load_into_server(server, entities, title=title, replace=args.force).close()
        print(f"wrote {title} ({server.where})")
        return 0
    load_into_new_file(output, entities, overwrite=args.force)
    print(tr("wrote {path}", path=output))
    return 0
