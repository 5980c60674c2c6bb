"""What the user asks for, as Messages: screens and widgets post them, the App handles them.

Screens and widgets read the programme and the guide's state through `GuideScreen.guide`;
whatever they want changed or opened they ask for with one of these, and the App (which owns
the screens, the filters and the favourites store) does it.
"""

from tui_guide.tui.messages.changes import MarkChangesSeen
from tui_guide.tui.messages.favourites import (
    FavouriteChange,
    RefreshFavourites,
    RemoveFavourite,
    ToggleFavourite,
)
from tui_guide.tui.messages.hiding import ShowHidden, ToggleHidden
from tui_guide.tui.messages.opening import (
    OpenFestival,
    OpenFilters,
    OpenGap,
    OpenPerson,
    OpenSession,
    OpenSessions,
    OpenVenue,
    ShowLink,
    ShowSection,
)

__all__ = [
    "FavouriteChange",
    "MarkChangesSeen",
    "OpenFestival",
    "OpenFilters",
    "OpenGap",
    "OpenPerson",
    "OpenSession",
    "OpenSessions",
    "OpenVenue",
    "RefreshFavourites",
    "RemoveFavourite",
    "ShowHidden",
    "ShowLink",
    "ShowSection",
    "ToggleFavourite",
    "ToggleHidden",
]
