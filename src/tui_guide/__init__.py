"""tui-guide: an offline terminal guide to festival programmes."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tui-guide")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+source"
