"""`mot-workshop merge MASTER.motw TEAM.motw [--label NAME]`: bring a team's file into the master."""

from __future__ import annotations

import argparse

from mot_workshop.i18n import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mot_workshop.jobs.target import add_workshop_option

    parser.add_argument("master", help="the facilitator's workshop file (.motw), changed in place")
    parser.add_argument("team", help="the team's workshop file (.motw), only read")
    add_workshop_option(parser)
    parser.add_argument("--label", help="suffix for names the master already has, e.g. 'Team B' "
                                        "(default: the team file's team name, else a number)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mot_workshop.cli import UserError
    from mot_workshop.domain.registry import KINDS
    from mot_workshop.editing.history import History
    from mot_workshop.editing.merge import MergeWorkshop, merge_notes, same_workshop
    from mot_workshop.i18n import set_language, tr
    from mot_workshop.i18n.labels import kind_name
    from mot_workshop.persistence.reading import reading
    from mot_workshop.jobs.target import writing

    if args.lang:
        set_language(args.lang)
    if Path(args.master).resolve() == Path(args.team).resolve():
        raise UserError(tr("A workshop file cannot be merged into itself."))
    with reading(args.team) as team_store:
        team = team_store.snapshot()
    from mot_workshop.domain.audit import audit

    problems = audit(team)     # a team file changed by another program is not merged half-way
    if problems:
        raise UserError(tr("{path} does not pass the check: {problem}", path=args.team, problem=problems[0]))
    with writing(args.master, args.workshop) as store:
        if same_workshop(store, team):
            raise UserError(tr("{team} is this workshop itself (the same workshop identity, under "
                               "another name or path); a workshop cannot be merged into itself.",
                               team=args.team))
        command = MergeWorkshop(team, label=args.label)
        changes = History(store).push(command)
    counts = {kind: len(changes.ids(kind) & {id for k, id in changes.created if k == kind})
              for kind in KINDS if kind != "merge_link"}
    summary = ", ".join(f"{kind_name(k)} {n}" for k, n in counts.items() if n) or "-"
    print(tr("Merged {team} into {master}: {summary}", team=args.team, master=args.master, summary=summary))
    for line in merge_notes(command):
        print(line)
    return 0
