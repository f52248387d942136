"""Issue 10, item 1: control and bidi characters in player or file text never reach a
terminal (or a page) raw. One function (debate.text_safety.neutralise) is used by every
renderer; this file checks the function and, with hypothesis over the full C0/C1 range and
the bidi overrides, every renderer of player text."""

from __future__ import annotations

import doctest
import html
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

import debate.paths
import debate.text_safety
from debate.commands.common import safe
from debate.engine import Pass, Speak, apply, new_game
from debate.engine.testing import tiny_motion
from debate.history.transcript import entry_for
from debate.report.escape import md_cell, md_code, md_escape
from debate.store.records import SessionInfo
from debate.text_safety import BIDI, clip, is_safe, json_safe, name_problem, neutralise
from debate.tui.screens import replay_sessions, sessions
from debate.tui.text import literal, role_label, shown
from debate.tui.widgets.transcript import render_entry

C0 = [chr(c) for c in range(0x20)] + ["\x7f"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
UNSAFE = [c for c in C0 + C1 if c not in "\n\t"] + list(BIDI)
HOSTILE = [
    "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]0;pwned\x07",  # OSC 0: set the window title
    "\x1b[2J\x1b[H",  # clear the screen
    "\x9b31m",  # C1 CSI
    "\u202eevil\u202c",  # right-to-left override
]

#: Strings of control and bidi characters, mixed with ordinary text.
hostile_text = st.text(
    alphabet=st.sampled_from([*C0, *C1, *BIDI, "a", "é", " ", "[", "]", "<", "&"]),
    min_size=1,
    max_size=60,
)


def raw_controls(text: str) -> list[str]:
    """Characters a terminal or a browser would obey (newline and tab are fine)."""
    return [c for c in text if c in UNSAFE]


def test_the_modules_examples_hold() -> None:
    for module in (debate.text_safety, debate.paths):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_sequences_are_made_visible_not_obeyed(text: str) -> None:
    out = neutralise(text)
    assert raw_controls(out) == []
    assert len(out) == len(text)  # one visible stand-in per character
    assert "\x1b" not in out and ("␛" in out or "\ufffd" in out)


def test_newline_and_tab_are_kept_and_every_other_control_is_replaced() -> None:
    every = "".join(C0 + C1) + BIDI
    out = neutralise(every)
    assert "\n" in out and "\t" in out
    assert raw_controls(out) == []
    assert neutralise("\x1b") == "␛" and neutralise("\x00") == "␀" and neutralise("\x7f") == "␡"


def test_names_refuse_every_control_and_bidi_character() -> None:
    for c in [*C0, *C1, *BIDI]:
        assert name_problem(f"Olena{c}") is not None, repr(c)
    assert name_problem("Olena Kovalenko") is None


def test_an_error_never_echoes_a_megabyte() -> None:
    quoted = clip("\x1b" * 1_000_000)
    assert len(quoted) < 200 and "\x1b" not in quoted


@settings(max_examples=200, deadline=None)
@given(hostile_text)
def test_neutralise_leaves_nothing_to_obey_and_is_idempotent(text: str) -> None:
    out = neutralise(text)
    assert raw_controls(out) == [] and is_safe(out)
    assert neutralise(out) == out


@settings(max_examples=150, deadline=None)
@given(hostile_text)
def test_every_renderer_of_player_text_neutralises_it(text: str) -> None:
    motion = tiny_motion()
    # The screens: literal text, a label with a player's name, a styled Text.
    assert raw_controls(literal(text).plain) == []
    assert raw_controls(role_label(motion, "kyiv", player=text).plain) == []
    assert raw_controls(shown(Text(text, style="bold")).plain) == []
    # Transcript entries (the table, the replay, the debrief, the exports).
    speech = text.replace("\x00", "") or "x"  # NUL is refused at the boundary (item 11)
    state, event = apply(new_game(motion), "kyiv", Speak(text=speech))
    entry = entry_for(event, state)
    assert raw_controls(entry.text or "") == [] and raw_controls(entry.summary) == []
    # A pass (most events of a long session) takes a shorter path: its reason is safe too.
    state, event = apply(state, "kyiv", Pass(), rationale=speech)
    entry = entry_for(event, state)
    assert (entry.kind, entry.summary, entry.text, entry.cites) == ("pass", "passes", None, ())
    assert entry.rationale == neutralise(speech) and raw_controls(entry.rationale) == []
    assert raw_controls(render_entry(motion, entry).plain) == []
    # Session lists of the lobby (Continue) and of the replay picker.
    info = _info(title=text, player=text)
    assert raw_controls(sessions.session_label(info).plain) == []
    assert raw_controls(replay_sessions.session_label(info).plain) == []
    # Markdown and the command line.
    for rendered in (md_escape(text), md_cell(text), md_code(text), safe(text)):
        assert raw_controls(rendered) == [], rendered
    console = Console(record=True, width=200, force_terminal=False)
    console.print(safe(text))
    assert raw_controls(console.export_text()) == []
    # JSON: the same data, with nothing raw in the file.
    dumped = json_safe(json.dumps({"t": text}, ensure_ascii=False))
    assert raw_controls(dumped) == [] and json.loads(dumped)["t"] == text
    # HTML escaping keeps the stand-ins.
    assert raw_controls(html.escape(neutralise(text))) == []


def _info(title: str, player: str) -> SessionInfo:
    from datetime import UTC, datetime

    from debate.store import Seat

    now = datetime(2025, 8, 18, tzinfo=UTC)
    seats = (Seat("kyiv", player or "x", "human"), Seat("kremlin", "bot", "scripted", "easy"))
    return SessionInfo(
        id="abc123", title=title, motion_id="tiny", motion_title=title, motion_sha256="0" * 64,
        seats=seats, seed=1, status="active", events=3, turns=2, created=now, updated=now,
        parent_id="p1", fork_seq=1,
    )


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
def test_the_printable_shortcut_changes_no_answer(text: str) -> None:
    # neutralise() returns printable text as it is: no printable character is one it replaces.
    from debate.text_safety import _UNSAFE, _visible

    assert neutralise(text) == _UNSAFE.sub(_visible, text)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(), max_size=30),  # any character, lone surrogates too
    st.lists(st.tuples(st.integers(0, 5000), st.sampled_from(UNSAFE)), max_size=3),
)
def test_long_text_is_checked_apart_from_its_plain_ascii_with_the_same_answer(
    sample: str, hostile: list[tuple[int, str]]
) -> None:
    # A whole document (an export) is searched without its printable ASCII first.
    from debate.text_safety import _LONG, _UNSAFE, _visible

    text = ("Line one — ok\t" + sample + "\n") * (_LONG // 14 + 1)
    for at, ch in hostile:
        text = text[:at] + ch + text[at:]
    assert len(text) >= _LONG
    assert neutralise(text) == _UNSAFE.sub(_visible, text)
    assert (neutralise(text) == text) == (not hostile and _UNSAFE.search(sample) is None)


@pytest.mark.parametrize("name", ["\udcff", "Olena\ud800", "\udfffx"])
def test_a_name_with_a_lone_surrogate_is_refused_before_it_reaches_the_store(name: str) -> None:
    # What Python makes of a command-line argument that is not UTF-8 (`--name $'\xff'`): no
    # database can store it, so it is refused where names are checked, with exit 2.
    from typer.testing import CliRunner

    from debate.cli import app
    from debate.text_safety import name_problem

    assert "is not valid Unicode text" in (name_problem(name) or "")
    result = CliRunner().invoke(app, ["play", "guarantees", "--name", name])
    assert result.exit_code == 2 and "not valid Unicode text" in result.output
