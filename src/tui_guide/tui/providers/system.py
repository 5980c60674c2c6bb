"""Textual's own commands (theme, keys, screenshot, quit) ranked as the programme's hits
are (`programme.search`), so that the palette holds one ranking: "quit" puts Quit first, and
a command that only fuzzily matches never outranks a session that matches a whole word."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits
from textual.system_commands import SystemCommandsProvider

from tui_guide.i18n import N_, _
from tui_guide.programme.haystacks import DESCRIPTION, TITLE
from tui_guide.programme.rank import FUZZY, rank
from tui_guide.programme.text import fold, query_words
from tui_guide.tui.providers.programme import score

TEXTUAL_WORDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's own commands' names and help, for the catalogue: shown in the guide's language."""


class GuideSystemCommands(SystemCommandsProvider):
    """`SystemCommandsProvider`, with the guide's ranking; a fuzzy match of a command's name
    is scored as the programme's fuzzy matches are, below every other match."""

    def _commands(self) -> Iterator[tuple[str, str, str, Callable[[], object], bool]]:
        """Each command: its name in the guide's language and in English, its help, what it
        does, and whether the palette lists it before anything is typed."""
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            yield _(name), name, _(help_text), callback, discover

    async def discover(self) -> Hits:
        for name, _english, help_text, callback, discover in sorted(
            self._commands(), key=lambda c: c[0]
        ):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        words = query_words(query)
        if not words:
            return
        matcher = self.matcher(" ".join(words))
        for place, (name, english, help_text, callback, _shown) in enumerate(self._commands()):
            # Found by its English name too ("quit"), in every language.
            fields = ((TITLE, name), (TITLE, english), (DESCRIPTION, help_text))
            found = rank(words, fields)
            if found is None and matcher.match(fold(name)) > 0:
                found = FUZZY
            if found is not None:
                yield Hit(score(found, place), matcher.highlight(name), callback, help=help_text)
