"""`mot-workshop check FILE`: schema version, counts, integrity; exit 0 only when sound."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)


def run(args: argparse.Namespace) -> int:
    from mot_workshop.domain.audit import audit
    from mot_workshop.jobs.target import is_server, reading
    from mot_workshop.persistence.schema import SCHEMA_VERSION
    from mot_workshop.i18n import plural, tr
    from mot_workshop.i18n.labels import kind_name
    from mot_workshop.persistence.store import file_version

    with reading(args.file, args.workshop, allow_damage=True) as store:     # damage is what check reports
        version = store.schema_version() if is_server(args.file) else file_version(Path(args.file))
        problems = store.integrity_problems()
        snapshot = store.snapshot()
        problems += audit(snapshot)
        workshop = snapshot.workshop
        print(tr("file: {path}", path=args.file))
        note = "" if version == SCHEMA_VERSION else tr(" (older; upgraded to {version} when opened for writing)",
                                                       version=SCHEMA_VERSION)
        print(tr("schema version: {version}", version=version) + note)
        print(tr("workshop: {title}", title=workshop.title if workshop else "-"))
        for kind, count in snapshot.counts().items():
            if kind != "workshop":
                print(f"  {kind_name(kind) + ':':<24}{count:>7}")
    if problems:
        for line in problems[:50]:
            print(tr("problem: {problem}", problem=line))
        from mot_workshop.persistence.errors import recover_hint

        print("mot-workshop: error: " + plural(len(problems), "{path}: {count} problem; first: {first}",
                                               "{path}: {count} problems; first: {first}", path=args.file,
                                               first=problems[0]) + f" {recover_hint(args.file)}", file=sys.stderr)
        return 1
    print(tr("integrity: ok"))
    return 0
