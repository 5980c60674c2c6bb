"""What the settings' writer says back, and what the Settings screen asks for."""

from __future__ import annotations

from textual.message import Message

from tui_guide.settings import Settings


class SettingsWritten(Message):
    """A write of the settings file finished (posted from the writer's thread): `error`
    says why it did not, `fields` what it held, `announce` whether to say it was saved."""

    def __init__(
        self, fields: tuple[str, ...], error: str | None = None, announce: bool = False
    ) -> None:
        super().__init__()
        self.fields = fields
        self.error = error
        self.announce = announce


class ApplySettings(Message):
    """The Settings screen's choice, to use now and write."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
