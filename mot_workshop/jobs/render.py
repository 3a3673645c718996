"""`mot-workshop render FILE --view cycle:NAME -o OUT.png|OUT.svg`: draw one diagram."""

from __future__ import annotations

import argparse
import os
import sys

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)
    parser.add_argument("--view", required=True,
                        help="what to draw: cycle:NAME, journey:NAME or map:PROCESS/as-is|to-be|redesign")
    parser.add_argument("-o", "--output", required=True, help="image to write (.png or .svg)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of the legend and labels (default: the workshop's)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--scale", type=float, default=2.0, help="PNG pixels per point (default 2)")
    size.add_argument("--dpi", type=float, help="PNG resolution in dots per inch (a point is 1/72 inch)")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.i18n import tr
    from mot_workshop.cli import UserError
    from mot_workshop.i18n import set_language

    if args.lang:
        set_language(args.lang)
    if args.dpi is not None:
        args.scale = args.dpi / 72.0
    if not 0.25 <= args.scale <= 8:
        raise UserError("--scale must be between 0.25 and 8 (--dpi between 18 and 576)")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")     # drawing needs no screen
    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.render import render_file
    from mot_workshop.ui.views import ViewError

    from mot_workshop.i18n import current_language

    create_app(current_language())
    try:
        output = render_file(args.file, args.view, args.output, scale=args.scale, lang=args.lang,
                             workshop=args.workshop)
    except ViewError as exc:
        raise UserError(str(exc)) from None
    print(tr("wrote {path}", path=output), file=sys.stdout)
    return 0

