"""Rows of a long list are cheap to make and to measure again: texts that repeat from row to
row are one Content, and a row's height at a width is worked out once."""

from __future__ import annotations

from dataclasses import replace

from textual.css.styles import RulesMap

from tui_guide.tui.widgets import rows as rows_module
from tui_guide.tui.widgets.session_list import session_row


def test_performances_of_a_show_share_their_texts(programme) -> None:
    session = next(s for s in programme.sessions if s.venue is not None)
    again = replace(session, id=f"{session.id}-again")  # another performance
    first = session_row(session, favourite=False)
    second = session_row(again, favourite=True)
    assert first.body[0] is second.body[0]  # the title
    assert first.body[1] is second.body[1]  # kind and venue
    assert second.mark != first.mark


def test_a_rows_height_is_measured_once_per_width(programme, monkeypatch) -> None:
    row = session_row(programme.sessions[0], favourite=False)
    rules: RulesMap = {}
    calls = []
    counted = rows_module.line_count

    def counting(*args, **kwargs):
        calls.append(args[2])
        return counted(*args, **kwargs)

    monkeypatch.setattr("tui_guide.tui.widgets.session_list.line_count", counting)
    assert row.get_height(rules, 80) == row.get_height(rules, 80) >= 2
    assert len(calls) == len(row.body)
    narrow = row.get_height(rules, 30)
    assert narrow >= row.get_height(rules, 80)
    assert len(calls) == 2 * len(row.body)
