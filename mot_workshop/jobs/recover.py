"""`mot-workshop recover FILE [-o OUT.motw] [--force]`: save what is still readable of a
damaged file, or of one holding values or database objects another program wrote, into a
new file that passes `check`. The same recovery as the window's "Make a recovered copy";
FILE itself is only read."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the damaged workshop file (.motw); it is not changed")
    parser.add_argument("-o", "--output", help="the new file (default: 'FILE (recovered).motw' beside FILE)")
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mot_workshop.cli import UserError
    from mot_workshop.i18n import set_language, tr
    from mot_workshop.jobs.files import require_new
    from mot_workshop.persistence.errors import WorkshopFileError
    from mot_workshop.persistence.recover import recover, why_recover

    if args.lang:
        set_language(args.lang)
    source = Path(args.file)
    target = require_new(args.output, args.force) if args.output else None
    if why_recover(source) is None:
        print(tr("{name} is sound: there is nothing to recover, and no copy was written.", name=source.name))
        return 0
    try:
        result = recover(source, target, overwrite=args.force)
    except WorkshopFileError as exc:     # said as it is: not followed by "run recover" again
        raise UserError(str(exc)) from None
    print(tr("Wrote a recovered copy to {path}: {kept} records kept, {lost} left out. {name} was not changed.",
             path=str(result.path), kept=result.kept, lost=result.left_out, name=source.name)
          + result.cleared_note())
    return 0
