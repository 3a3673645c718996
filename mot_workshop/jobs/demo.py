"""`mot-workshop demo OUT.motw [--lang ko|en]`: write the sample workshop."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", help="workshop file to create (.motw)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the sample and the messages (default: ko for the sample, the system's for the messages)")
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.i18n import tr
    from mot_workshop.jobs.files import require_new
    from mot_workshop.sample import build_sample

    output = require_new(args.output, args.force)
    build_sample(output, args.lang or "ko", overwrite=args.force)
    print(tr("wrote {path}", path=output))
    return 0
