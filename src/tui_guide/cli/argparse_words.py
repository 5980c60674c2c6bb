"""The words argparse itself writes (its help's headings, its errors), in the guide's
language: argparse looks each up with `gettext` as it writes it, through its module's `_`,
which `speak()` points at the guide's catalogue. The messages are listed here so that the
template holds them (argparse's own source is not extracted)."""

from __future__ import annotations

import argparse

from tui_guide.i18n import N_, _

WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def speak() -> None:
    """Make argparse say its words in the guide's language (English stays as it is)."""
    setattr(argparse, "_", _)  # noqa: B010 (argparse's own name for gettext)
