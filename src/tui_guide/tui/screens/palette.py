"""The command palette in the guide's language: Textual's own, saying that nothing matched in
the guide's words, not always in English (the App gives it its placeholder, what it searches)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from tui_guide.i18n import N_, _

NO_MATCHES = N_("No matches found")


class GuidePalette(CommandPalette):
    """Textual's palette, with its "No matches found" translated."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own (pinned: textual==8.2.8), with the message through gettext: it shows
        # the line half a second after a search that found nothing, and nothing for an
        # empty search (the palette then lists what it can discover).
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_(NO_MATCHES), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
