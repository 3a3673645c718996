"""`mot-workshop demo OUT.motw [--lang ko|en]`: write the sample workshop."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("output", help="workshop file to create (.motw), or a team server address")
    add_workshop_option(parser)
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the sample and the messages "
                                                          "(default: ko for the sample, the system's for the messages)")
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.i18n import tr
    from mot_workshop.jobs.files import require_new
    from mot_workshop.jobs.target import title_for
    from mot_workshop.sample import build_sample

    lang = args.lang or "ko"                  # the sample's language (the messages follow the usual rule)
    title = title_for(args.output, args.workshop)
    if title:
        from mot_workshop.jobs.target import connect
        from mot_workshop.sample.builder import build_into, workshop_fields

        with connect(args.output) as server:
            if args.force and any(e.title == title for e in server.workshops()):
                server.drop(title)
            with server.create(**{**workshop_fields(lang), "title": title}) as store:
                history = build_into(store, lang)
                if store.workshop().title != title:      # the sample names itself; the server knows it by TITLE
                    from mot_workshop.editing.entities import UpdateEntity

                    history.push(UpdateEntity("workshop", 1, {"title": title}))
        print(tr("wrote {path}", path=f"{title} ({server.where})"))
        return 0
    output = require_new(args.output, args.force)
    build_sample(output, lang, overwrite=args.force)
    print(tr("wrote {path}", path=output))
    return 0
