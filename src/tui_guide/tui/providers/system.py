"""Textual's own commands (theme, keys, screenshot, quit) ranked as the programme's hits
are (`programme.search`), so that the palette holds one ranking: "quit" puts Quit first, and
a command that only fuzzily matches never outranks a session that matches a whole word."""

from __future__ import annotations

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

from tui_guide.programme.haystacks import DESCRIPTION, TITLE
from tui_guide.programme.rank import FUZZY, rank
from tui_guide.programme.text import fold, query_words
from tui_guide.tui.providers.programme import score


class GuideSystemCommands(SystemCommandsProvider):
    """`SystemCommandsProvider`, with the guide's ranking; a fuzzy match of a command's name
    is scored as the programme's fuzzy matches are, below every other match."""

    async def search(self, query: str) -> Hits:
        words = query_words(query)
        if not words:
            return
        matcher = self.matcher(" ".join(words))
        commands = self.app.get_system_commands(self.screen)
        for place, (name, help_text, callback, *_) in enumerate(commands):
            found = rank(words, ((TITLE, name), (DESCRIPTION, help_text)))
            if found is None and matcher.match(fold(name)) > 0:
                found = FUZZY
            if found is not None:
                yield Hit(score(found, place), matcher.highlight(name), callback, help=help_text)
