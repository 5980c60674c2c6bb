"""About a festival: where and when, who organises it, and where its facts come from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui_guide.i18n import _, ngettext
from tui_guide.programme.format import festival_dates, zone_label
from tui_guide.programme.model import Festival
from tui_guide.tui.screens.base import GuideScreen
from tui_guide.tui.widgets.field import labelled
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain


class FestivalScreen(GuideScreen):
    """Everything the data holds about the festival itself, with its sources."""

    AUTO_FOCUS = "#detail"

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival

    def compose(self) -> ComposeResult:
        festival = self.festival
        yield from self.top()
        with VerticalScroll(id="detail"):
            yield Static(plain(festival.name), id="title")
            yield labelled(_("Where"), plain(festival.place or _("Place TBA")))
            yield labelled(_("When"), plain(festival_dates(festival)))
            yield labelled(_("Time zone"), plain(zone_label(festival.timezone)))
            sessions = ngettext("{n} session", "{n} sessions", festival.session_count)
            yield labelled(
                _("Programme"),
                plain(f"{sessions}, " + ngettext("{n} venue", "{n} venues", len(festival.venues))),
            )
            for index, organiser in enumerate(festival.organisers):
                yield labelled(_("Organiser") if index == 0 else "", plain(organiser))
            if festival.url:
                yield labelled(_("Link"), plain(festival.url))
            if festival.description:
                yield Static(plain(festival.description.strip(), multiline=True), id="description")
            if festival.sources:
                yield Static(_("Sources"), classes="heading")
                for source in festival.sources:
                    yield Static(plain(f"• {source}"), classes="source")
            loaded = _("Loaded from {file}").format(file=festival.source_file)
            yield Static(plain(loaded), classes="dim")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("About")
        self.sub_title = self.festival.name
