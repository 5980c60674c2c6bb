"""The festival programme: a pure model (frozen records), its rules, and what is asked of it:
queries, search, people, now and next. Nothing here imports Textual, reads a file, or imports
any other part of tui_guide (a contract in pyproject.toml checks)."""

from tui_guide.programme.model import Festival, Kind, Person, Problem, Programme, Session, Venue

__all__ = ["Festival", "Kind", "Person", "Problem", "Programme", "Session", "Venue"]
