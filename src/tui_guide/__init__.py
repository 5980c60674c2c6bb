"""tui-guide: an offline terminal guide to festival programmes."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is looked up only when asked for: importlib.metadata costs about 70 ms of
    # every start, a fifth of Textual's own import.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("tui-guide")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.0.0+source"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
