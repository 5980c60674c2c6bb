"""The footer every screen shows: compact, so the keys fit at 80 columns."""

from textual.widgets import Footer


def guide_footer() -> Footer:
    # Search (ctrl+p) is an app binding with its own label, so the palette's corner is off.
    return Footer(compact=True, show_command_palette=False)
