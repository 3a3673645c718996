"""`mot-workshop export-table FILE --table NAME -o OUT.csv|OUT.xlsx`: a worksheet table."""

from __future__ import annotations

import argparse

from mot_workshop.export.tabular.columns import TABLES
from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("--table", required=True, help="one of: " + ", ".join(TABLES))
    parser.add_argument("-o", "--output", required=True, help="file to write: .csv (UTF-8) or .xlsx")
    parser.add_argument("--process", help="only the rows of this process (default: every process)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the headers (default: the workshop's)")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.export.tabular import TableError, export_table, table_format, table_kind
    from mot_workshop.i18n import tr
    from mot_workshop.jobs.files import write_bytes_atomic
    from mot_workshop.jobs.target import reading

    try:
        kind = table_kind(args.table)
        fmt = table_format(args.output)
    except TableError as exc:
        raise UserError(str(exc)) from None
    with reading(args.file, args.workshop) as store:
        snapshot = store.snapshot()
    process_id = None
    if args.process:
        match = [p for p in snapshot.all("process") if p.name == args.process.strip()]
        if not match:
            raise UserError(tr("There is no process named '{name}'.", name=args.process.strip()))
        process_id = match[0].id
    lang = args.lang or str(snapshot.workshop.language)
    write_bytes_atomic(args.output, export_table(snapshot, kind, fmt, lang, process_id))
    print(tr("wrote {path}", path=args.output))
    return 0
