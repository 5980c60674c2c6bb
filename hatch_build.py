"""The build hook: compiles each language's catalogue (`.po`, in the repository) into the
`.mo` the guide reads, at build time, so no `.mo` is committed. For a wheel they are put in
it; for an editable install they are written beside their `.po` (ignored by git), and the
guide compiles any that is missing or older than its `.po` in memory anyway."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src/tui_guide/i18n/locale")
DOMAIN = "tui_guide"


def _compile(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as file:
        write_mo(file, catalog)


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "catalogues"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # the sdist carries the .po files (src/), and builds its wheel from them
        root = Path(self.root)
        catalogues = sorted((root / LOCALE).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        if version == "editable":
            for po in catalogues:
                _compile(po, po.with_suffix(".mo"))
            return
        self._out = tempfile.TemporaryDirectory(prefix="tui-guide-mo-")
        for po in catalogues:
            relative = po.relative_to(root / "src").with_suffix(".mo")
            mo = Path(self._out.name) / relative
            _compile(po, mo)
            build_data["force_include"][str(mo)] = str(relative)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            out.cleanup()
