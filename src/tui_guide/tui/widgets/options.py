"""Refilling an OptionList without losing the user's place."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import OptionList
from textual.widgets.option_list import Option


def refill(listing: OptionList, options: Iterable[Option]) -> None:
    """Replace the options, keeping the highlight on the same id when it is still there."""
    keep = listing.highlighted_option.id if listing.highlighted_option else None
    listing.set_options(options)
    ids = [option.id for option in listing.options]
    if keep in ids:
        listing.highlighted = ids.index(keep)
    elif ids:
        listing.highlighted = 0
