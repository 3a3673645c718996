"""`mot-workshop check FILE`: schema version, counts, integrity; exit 0 only when sound."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mot_workshop.i18n.labels import KIND_NAMES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("file", help="workshop file (.motw)")
    add_workshop_option(parser)


def run(args: argparse.Namespace) -> int:
    from mot_workshop.domain.audit import audit
    from mot_workshop.jobs.target import is_server, reading
    from mot_workshop.persistence.schema import SCHEMA_VERSION
    from mot_workshop.persistence.store import file_version

    with reading(args.file, args.workshop, allow_damage=True) as store:     # damage is what check reports
        version = store.schema_version() if is_server(args.file) else file_version(Path(args.file))
        problems = store.integrity_problems()
        snapshot = store.snapshot()
        problems += audit(snapshot)
        workshop = snapshot.workshop
        print(f"file: {args.file}")
        note = "" if version == SCHEMA_VERSION else f" (older; upgraded to {SCHEMA_VERSION} when opened for writing)"
        print(f"schema version: {version}{note}")
        print(f"workshop: {workshop.title if workshop else '-'}")
        for kind, count in snapshot.counts().items():
            if kind != "workshop":
                print(f"  {KIND_NAMES[kind] + ':':<24}{count:>7}")
    if problems:
        for line in problems[:50]:
            print(f"problem: {line}")
        from mot_workshop.persistence.errors import recover_hint

        print(f"mot-workshop: error: {args.file}: {len(problems)} problem(s); first: {problems[0]} "
              f"{recover_hint(args.file)}", file=sys.stderr)
        return 1
    print("integrity: ok")
    return 0

