"""The festival programme: a pure model and its loader. Nothing here imports Textual."""

from .loader import load_programme
from .model import Festival, Kind, Person, Problem, Programme, Session, Venue

__all__ = [
    "Festival",
    "Kind",
    "Person",
    "Problem",
    "Programme",
    "Session",
    "Venue",
    "load_programme",
]
