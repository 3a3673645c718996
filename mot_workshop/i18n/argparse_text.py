"""argparse's own words (usage:, options:, its error messages) and our help texts, in the
language of the command line's messages.

argparse looks its strings up with ``gettext`` through names of its own module (``_`` and
``ngettext``) when it reports; while a parser parses, those names point at our catalogue. A
parser is built in English (the command line's language is chosen with its help), then its
section titles and help texts are translated.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from mot_workshop.i18n import tr

# The strings argparse (Python 3.11 – 3.13) shows a user; each has a Korean translation.
ARGPARSE_STRINGS = (
    "usage: ", "positional arguments", "options", "show this help message and exit",
    "%(prog)s: error: %(message)s\n", "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s", "unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)", "invalid %(type)s value: %(value)r",
    "expected one argument", "expected at most one argument", "expected at least one argument",
    "expected %s argument", "expected %s arguments", "not allowed with argument %s",
    "ignored explicit argument %r", "one of the arguments %s is required",
    "ambiguous option: %(option)s could match %(matches)s", "unexpected option string: %s",
    "can't open '%(filename)s': %(error)s",
)


def _gettext(text):
    return tr(text) if isinstance(text, str) and text else text


def _ngettext(one: str, other: str, count: int) -> str:
    return tr(one if count == 1 else other)


@contextmanager
def translated() -> Iterator[None]:
    """argparse speaks the current language inside the block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def translate_help(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The parser's description, section titles and every option's help in the current
    language (the parser was built in English)."""
    parser.description = _gettext(parser.description)
    parser.epilog = _gettext(parser.epilog)
    for group in parser._action_groups:
        group.title = _gettext(group.title)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = tr(action.help)
    return parser
