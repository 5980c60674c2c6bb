"""The Settings dialog: theme, language, the time zone shown, the reminder lead and the
section the guide opens on. It answers with the new `Settings` (the App uses and writes
them), or None when cancelled."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import Number
from textual.widgets import Button, Input, Select, Static

from tui_guide.i18n import LANGUAGES as LANGUAGE_NAMES
from tui_guide.i18n import N_, _
from tui_guide.settings import MAX_REMIND, SECTIONS, Settings
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.section_bar import SECTIONS as SECTION_BAR
from tui_guide.tui.widgets.section_bar import section_keys

# Every word of the dialog, in one place (for the translations).
TITLE = N_("Settings")
HELP = N_("tab moves to the next setting, enter opens a list; ctrl+s saves, esc cancels.")
THEME = N_("Theme")
LANGUAGE = N_("Language")
LANGUAGE_NOTE = N_("The language applies the next time the guide starts.")
FROM_LOCALE = N_("From the system (the locale)")
FROM_FILE = N_("{code} (from the settings file)")
ZONE = N_("Times shown in")
ZONES = (("festival", N_("Each festival's own time zone")), ("own", N_("Your own time zone")))
REMIND = N_("Say when a favourite starts, this many minutes ahead (0: never)")
REMIND_WRONG = N_("A whole number of minutes, from 0 to {most} (a week)")
SECTION = N_("Open the guide on")
SECTION_FESTIVALS = N_("Festivals (with one festival, its days)")
SECTION_NOTE = N_("The guide opens there the next time it starts.")
SAVE = N_("Save")
CANCEL = N_("Cancel")
SAVE_KEY = N_("Save")
CANCEL_KEY = N_("Cancel")

LANGUAGES = tuple(LANGUAGE_NAMES.items())
"""The languages offered, each named in itself (never translated)."""

_LOCALE = "-"  # the Select's value for "no language set": the locale decides


def _section_label(mode: str) -> str:
    if mode == "festivals":
        return _(SECTION_FESTIVALS)
    return next(_(label) for section, _key, label, _short in SECTION_BAR if section == mode)


class SettingsScreen(ModalScreen[Settings | None]):
    """Change the settings; ctrl+s (or Save) answers them, esc leaves them as they were."""

    AUTO_FOCUS = "#theme"

    BINDINGS = [
        Binding("escape", "cancel", CANCEL_KEY, id="settings.cancel"),
        Binding("ctrl+s", "save", SAVE_KEY, id="settings.save"),
        *section_keys(),
    ]

    def __init__(self, current: Settings, themes: list[str]) -> None:
        super().__init__()
        self.current = current
        self.themes = sorted(themes)

    def _languages(self) -> list[tuple[str | Content, str]]:
        options: list[tuple[str | Content, str]] = [
            (_(FROM_LOCALE), _LOCALE),
            *((name, code) for code, name in LANGUAGES),
        ]
        language = self.current.language
        if language is not None and language not in dict(LANGUAGES):  # kept as written
            options.append((plain(_(FROM_FILE).format(code=language)), language))
        return options

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(id="dialog"):
            yield Static(_(TITLE), classes="heading")
            yield Static(_(HELP), classes="dim")
            with VerticalScroll():
                yield Static(_(THEME), classes="label")
                yield Select(
                    [(name, name) for name in self.themes],
                    value=current.theme if current.theme in self.themes else Select.BLANK,
                    allow_blank=current.theme not in self.themes,
                    id="theme",
                    compact=True,
                )
                yield Static(_(LANGUAGE), classes="label")
                yield Select(
                    self._languages(),
                    value=current.language or _LOCALE,
                    allow_blank=False,
                    id="language",
                    compact=True,
                )
                yield Static(_(LANGUAGE_NOTE), classes="dim")
                yield Static(_(ZONE), classes="label")
                yield Select(
                    [(_(label), zone) for zone, label in ZONES],
                    value=current.zone,
                    allow_blank=False,
                    id="zone",
                    compact=True,
                )
                yield Static(_(REMIND), classes="label")
                yield Input(
                    str(current.remind),
                    type="integer",
                    max_length=5,
                    validators=[Number(minimum=0, maximum=MAX_REMIND)],
                    id="remind",
                    compact=True,
                )
                yield Static(
                    _(REMIND_WRONG).format(most=MAX_REMIND), classes="dim", id="remind-wrong"
                )
                yield Static(_(SECTION), classes="label")
                yield Select(
                    [(_section_label(mode), mode) for mode in SECTIONS],
                    value=current.section,
                    allow_blank=False,
                    id="section",
                    compact=True,
                )
                yield Static(_(SECTION_NOTE), classes="dim")
            with Horizontal(classes="buttons"):
                yield Button(_(SAVE), variant="primary", id="save", compact=True)
                yield Button(_(CANCEL), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#remind-wrong").display = False
        self.call_after_refresh(self.query_one("#dialog VerticalScroll").scroll_home, animate=False)

    def _value(self, selector: str, default: str) -> str:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else default

    def chosen(self) -> Settings | None:
        """The settings the dialog shows, or None while the reminder lead is not valid."""
        remind = self.query_one("#remind", Input)
        valid = remind.validate(remind.value)
        if (valid is not None and not valid.is_valid) or not remind.value.strip():
            self.query_one("#remind-wrong").display = True
            remind.focus()
            return None
        language = self._value("#language", _LOCALE)
        return replace(
            self.current,
            theme=self._value("#theme", self.current.theme),
            language=None if language == _LOCALE else language,
            zone=self._value("#zone", self.current.zone),
            remind=int(remind.value),
            section=self._value("#section", self.current.section),
        )

    @on(Input.Changed, "#remind")
    def _remind_changed(self) -> None:
        self.query_one("#remind-wrong").display = False

    def action_save(self) -> None:
        settings = self.chosen()
        if settings is not None:
            self.dismiss(settings)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#remind")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
