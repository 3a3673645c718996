"""The `mot-workshop` command: the GUI by default, sub-commands for headless jobs.

Only argparse is imported up front; each job imports what it needs when it runs, so
`mot-workshop FILE` starts the window without loading the PDF or chart libraries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from mot_workshop.i18n import LANGUAGES

# name -> (module in mot_workshop.jobs, one-line help)
JOBS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "write the sample workshop to a new file"),
    "check": ("check", "check a workshop file: version, counts, integrity"),
    "dump": ("dump", "write a workshop file as JSON"),
    "load": ("load", "build a workshop file from a JSON dump"),
    "analyze": ("analyze", "print map figures, As-Is/To-Be comparison and cycle scores"),
    "worksheets": ("worksheets", "write blank or filled worksheets of the eight steps as PDF"),
    "report": ("report", "write the session report of a workshop file as PDF"),
    "render": ("render", "draw one diagram of a workshop file as PNG or SVG"),
    "export-bpmn": ("export_bpmn", "write a process map as a BPMN 2.0 file"),
    "import-bpmn": ("import_bpmn", "add a map read from a BPMN 2.0 file"),
    "export-table": ("export_table", "write a worksheet table as CSV or XLSX"),
    "import-table": ("import_table", "add worksheet rows read from a CSV or XLSX file"),
    "merge": ("merge", "bring a team's workshop file into the master file"),
    "room": ("room", "open the room to phones without a window (vote, score, post)"),
    "recover": ("recover", "save what is readable of a damaged workshop file into a new file"),
}


class UserError(Exception):
    """A mistake the user can fix; printed as one line, never as a traceback."""


def _gui_parser() -> argparse.ArgumentParser:
    from mot_workshop.i18n import tr

    parser = argparse.ArgumentParser(
        prog="mot-workshop",
        description="MOT Workshop: customer Moment-of-Truth and process-redesign workshops. "
                    "Without a sub-command it opens the window.",
        epilog=tr("sub-commands: {commands}. Run 'mot-workshop SUB-COMMAND --help' for details.",
                  commands="; ".join(f"{name}: {tr(help)}" for name, (_, help) in JOBS.items())),
    )
    parser.add_argument("file", nargs="?", help="workshop file (.motw) to open")
    parser.add_argument("--sample", choices=LANGUAGES, help="open a fresh copy of the sample workshop")
    parser.add_argument("--read-only", action="store_true", help="open the file for reading only")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the user interface")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open the window, wait for its first full paint, save it as PNG and exit")
    parser.add_argument("--view", default="start",
                        help="what the screenshot shows: start (default), cycle:NAME, journey:NAME "
                             "or map:PROCESS/as-is|to-be|redesign")
    parser.add_argument("--size", metavar="WxH", type=_size, default=None,
                        help="window size for the screenshot (default 1440x900)")
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def _size(text: str) -> str:
    from mot_workshop.i18n import tr

    w, sep, h = text.lower().partition("x")
    if not (sep and w.isdigit() and h.isdigit() and 200 <= int(w) <= 8000 and 200 <= int(h) <= 8000):
        raise argparse.ArgumentTypeError(tr("invalid size {size}; use WIDTHxHEIGHT, e.g. 1440x900",
                                            size=repr(text)))
    return text.lower()


def _job_parser(name: str) -> tuple[argparse.ArgumentParser, Callable[[argparse.Namespace], int]]:
    import importlib

    module_name, help_text = JOBS[name]
    module = importlib.import_module(f"mot_workshop.jobs.{module_name}")
    parser = argparse.ArgumentParser(prog=f"mot-workshop {name}", description=help_text)
    module.add_arguments(parser)
    if "--lang" not in parser._option_string_actions:     # every sub-command speaks either language
        parser.add_argument("--lang", choices=LANGUAGES,
                            help="language of the messages (default: the workshop's, else the system's)")
    return parser, module.run


def main(argv: Sequence[str] | None = None) -> int:
    from mot_workshop.i18n import set_language
    from mot_workshop.i18n.argparse_text import translate_help, translated

    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in JOBS:
            from mot_workshop.jobs.language import argv_language

            parser, run = _job_parser(argv[0])
            set_language(argv_language(argv[1:], parser))   # one rule for every sub-command, its --help too
            with translated():
                args = translate_help(parser).parse_args(argv[1:])
            return run(args)
        from mot_workshop.jobs.language import lang_option, system_language

        set_language(lang_option(argv) or system_language())   # the window then takes its own
        parser = _gui_parser()
        with translated():
            args = translate_help(parser).parse_args(argv)
        from mot_workshop.ui.launch import launch

        return launch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:            # `mot-workshop dump x | head`: the reader left; say nothing
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into messages
        message = user_message(exc)
        if message is None:
            raise
        print(f"mot-workshop: error: {message}", file=sys.stderr)
        return 1


def user_message(exc: BaseException) -> str | None:
    """The one-line message for an error a user can act on, or None for a real bug."""
    from mot_workshop.domain.rules import RuleError
    from mot_workshop.persistence.dump import DumpError
    from mot_workshop.persistence.errors import WorkshopFileError, recovery_command

    if isinstance(exc, (UserError, RuleError, DumpError, WorkshopFileError)):
        remedy = recovery_command(exc)       # a damaged file: name the command that saves its content
        text = str(exc)
        if remedy and not text.rstrip().endswith((".", "!", "?")):
            text = text.rstrip() + "."       # "… cannot be opened: <SQLite's words>." then the remedy
        return f"{text} {remedy}" if remedy else text
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename else ""
        return f"{name}: {exc.strerror or exc}" if name else str(exc.strerror or exc)
    return None
