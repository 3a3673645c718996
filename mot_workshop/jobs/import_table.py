"""`mot-workshop import-table FILE IN.csv|IN.xlsx --table NAME [--process NAME] [--skip-bad-rows]`.

Every row is checked first and each bad row is reported by its number; nothing is imported
from a file with bad rows unless --skip-bad-rows is given. The good rows are added after the
existing ones in one undoable step."""

from __future__ import annotations

import argparse
import sys

from mot_workshop.export.tabular.columns import TABLES
from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("input", help="table to read: .csv (UTF-8, UTF-16 or CP949; commas, semicolons or tabs) "
                                      "or .xlsx")
    parser.add_argument("--sheet", help="the sheet of an .xlsx workbook to read (default: the first one "
                                        "with the table's header)")
    parser.add_argument("--table", required=True, help="one of: " + ", ".join(TABLES))
    parser.add_argument("--process", help="process for rows that name none (the Process column may be left out)")
    parser.add_argument("--skip-bad-rows", action="store_true", help="import the good rows and skip the bad ones")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.editing.history import History
    from mot_workshop.editing.imports import import_rows_command
    from mot_workshop.export.tabular import TableError, read_table, table_kind
    from mot_workshop.export.tabular.report import imported_rows
    from mot_workshop.i18n import plural, set_language, tr
    from mot_workshop.jobs.target import writing

    if args.lang:
        set_language(args.lang)
    try:
        kind = table_kind(args.table)
    except TableError as exc:
        raise UserError(str(exc)) from None
    with writing(args.file, args.workshop) as store:
        processes = {p.name: p.id for p in store.select("process")}
        default = None
        if args.process:
            if args.process.strip() not in processes:
                raise UserError(tr("There is no process named '{name}'.", name=args.process.strip()))
            default = processes[args.process.strip()]
        try:
            result = read_table(args.input, kind, processes, default_process=default, sheet=args.sheet)
        except TableError as exc:
            raise UserError(str(exc)) from None
        for note in result.notes:
            print(note)
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        if result.problems and not args.skip_bad_rows:
            print("mot-workshop: error: " + plural(
                len(result.bad_rows), "{count} bad row; nothing was imported. Fix it, or use --skip-bad-rows "
                "to import the other rows.", "{count} bad rows; nothing was imported. Fix them, or use "
                "--skip-bad-rows to import the other rows."), file=sys.stderr)
            return 1
        if result.rows:
            History(store).push(import_rows_command(kind, [values for _, values in result.rows]))
        print(imported_rows(len(result.rows), len(result.bad_rows)))
    return 0

