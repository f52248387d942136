"""The debrief model and its Markdown and HTML renderings, with a stand-in scorer.

The stand-in makes the figures easy to predict (the index is 10 points per active
commitment); tests with the real scorer are in test_report_scored.py.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from debate.engine import GameState, fold
from debate.report.debrief import Debrief, Note, Seat, SessionRecord, build_debrief
from debate.report.escape import md_escape
from debate.report.html import render_html
from debate.report.markdown import render_markdown
from debate.report.sample import MARKUP_SPEECH, sample_events, sample_motion
from debate.scoring.game import GameScores, RoleScore
from debate.scoring.results import CriterionScore, Scorecard, StressResult
from debate.text_safety import neutralise

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def fake_score(state: GameState) -> GameScores:
    n = len(state.active_commitments())
    card = Scorecard(
        "fake",
        10.0 * n,
        (
            CriterionScore("pre_positioning", "Forces in place", 5.0 * n, ("c1 <b>adds</b> 5",)),
            CriterionScore("hybrid", "Hybrid | threats", 0.0, ()),
        ),
    )
    roles = {r: RoleScore(r, 50.0, state.points[r].total, ()) for r in state.roles}
    return GameScores(card, roles)


def fake_stress(state: GameState) -> tuple[StressResult, ...]:
    return (StressResult("nuclear_blackmail", "Nuclear blackmail", 12.5, ("c3 discounted",)),)


def session(**overrides: object) -> SessionRecord:
    data: dict[str, object] = dict(
        id="s1",
        title="Seminar <b>A</b> [i]x[/i]",
        motion=sample_motion(),
        seats=(
            Seat("kyiv", "Olena [red]O[/]"),
            Seat("kremlin", "bot", scripted=True, difficulty="hard"),
            Seat("washington", "<img src=x onerror=alert(1)>"),
        ),
        events=tuple(sample_events()),
        notes=(
            Note(point=5, text="Note <script>1</script> *stars*", author="Ms [b]T[/b]"),
            Note(point=0, text="before anything", author="T"),
        ),
        created=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
    )
    data.update(overrides)
    return SessionRecord(**data)  # type: ignore[arg-type]


@pytest.fixture
def debrief() -> Debrief:
    return build_debrief(session(), scorer=fake_score, stress=fake_stress)


# -- the model ----------------------------------------------------------------------------
def test_transcript_groups_events_by_turn(debrief: Debrief) -> None:
    numbers = [e.number for t in debrief.turns for e in t.entries]
    assert numbers == list(range(1, 21))
    assert [t.actor for t in debrief.turns[:3]] == ["kyiv", "kremlin", "washington"]
    assert debrief.turns[-1].phase == "Vote"
    assert [len(t.entries) for t in debrief.turns[:3]] == [2, 2, 2]


def test_trace_is_the_index_at_every_point(debrief: Debrief) -> None:
    events = sample_events()
    assert len(debrief.trace) == len(events) + 1
    for k in (0, 2, 6, 17, 20):
        state = fold(sample_motion(), events[:k])
        assert debrief.trace[k] == fake_score(state).deterrence_index
    entries = [e for t in debrief.turns for e in t.entries]
    assert all(e.delta == debrief.trace[e.number] - debrief.trace[e.number - 1] for e in entries)


def test_entries_carry_rationale_text_notes_and_effects(debrief: Debrief) -> None:
    entries = {e.number: e for t in debrief.turns for e in t.entries}
    assert entries[1].text == MARKUP_SPEECH
    assert entries[1].claims[0][0] == "army_first"
    assert entries[3].rationale == "demands a smaller army"
    assert [n.text for n in entries[5].notes] == ["Note <script>1</script> *stars*"]
    assert [n.text for n in debrief.start_notes] == ["before anything"]
    # The turn after Washington's concession: the conceded funding is discounted.
    assert any("discounted" in fx for e in entries.values() for fx in e.effects)
    assert "the package is rejected" in entries[20].effects


def test_final_package_outcome_and_turning_points(debrief: Debrief) -> None:
    assert debrief.finished and debrief.agreed is False  # the Kremlin voted no (unanimity)
    assert debrief.votes == {"kyiv": True, "kremlin": False, "washington": True}
    status = {c.id: c.status for c in debrief.package}
    assert status["c2"] == "withdrawn" and status["c3"] == "amended"
    assert debrief.stress and debrief.stress[0].deterrence_index == 12.5
    assert debrief.turning and all(abs(t.delta) >= 10 for t in debrief.turning)


def test_unfinished_session_has_no_stress_test() -> None:
    d = build_debrief(session(events=tuple(sample_events()[:7])), scorer=fake_score)
    assert not d.finished and d.stress == ()
    assert "Not run" in render_markdown(d)


def test_branch_carries_parent_trace() -> None:
    parent = session()
    branch = session(
        id="s2", events=tuple(sample_events()[:9]), parent_id="s1", fork_point=9, notes=()
    )
    d = build_debrief(branch, parent=parent, scorer=fake_score, stress=fake_stress)
    assert d.parent is not None and d.parent.fork_point == 9
    assert len(d.parent.trace) == 21 and d.parent.trace[:10] == d.trace[:10]
    page = render_html(d)
    assert page.count("<polyline") >= 2 and 'stroke-dasharray="6 4"' in page
    assert "Parent session" in page and "branch point (event 9)" in page
    md = render_markdown(d)
    assert "Branch of" in md and "Parent's index" in md


# -- Markdown -----------------------------------------------------------------------------
def test_markdown_has_every_section(debrief: Debrief) -> None:
    md = render_markdown(debrief)
    for heading in (
        "# Debrief:",
        "## Seats",
        "## Transcript",
        "## The package at the end",
        "## Deterrence criteria",
        "## Stress test",
        "## Role scores",
        "## Annotations",
        "## Deterrence Index, event by event",
    ):
        assert heading in md
    assert "Demands a smaller army" in md  # scripted rationale
    assert "Nuclear blackmail" in md and "12.5" in md
    assert md.count("\n| ") >= 21 + 2  # trace table: a header, the start and 20 events


def test_markdown_keeps_player_text_literal(debrief: Debrief) -> None:
    page = MD.render(render_markdown(debrief))
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert MARKUP_SPEECH in text
    assert "Olena [red]O[/]" in text and "Seminar <b>A</b> [i]x[/i]" in text
    assert "Note <script>1</script> *stars*" in text and "Ms [b]T[/b]" in text
    assert "<script" not in page and "<img" not in page and "<em>stars" not in page
    assert "c1 <b>adds</b> 5" in text and "Hybrid | threats" in text


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_characters="\x00\r", codec="utf-8"), min_size=1))
def test_md_escape_renders_any_text_literally(text: str) -> None:
    rendered = MD.render(md_escape(text)).strip()
    if not text.strip():
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4].replace("<br />\n", "\n")
    assert "<" not in inner
    # Control and bidi characters show as visible stand-ins (debate.text_safety).
    lines = neutralise(text).split("\n")
    # Leading/trailing spaces of a line are not kept; a blank line shows as a no-break space.
    expected = [line.strip() or "\xa0" for line in lines]
    got = [line.strip() or "\xa0" for line in html.unescape(inner).split("\n")]
    assert got == expected


# -- HTML ---------------------------------------------------------------------------------
class _Checker(HTMLParser):
    VOID: ClassVar[set[str]] = {
        "meta",
        "br",
        "rect",
        "line",
        "polyline",
        "img",
        "input",
        "link",
        "hr",
    }

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_well_formed_self_contained_and_escaped(debrief: Debrief) -> None:
    page = render_html(debrief)
    checker = _Checker()
    checker.feed(page)
    assert checker.problems == [] and checker.stack == []
    assert {"svg", "polyline", "table", "style"} <= checker.tags
    assert not {"script", "img", "iframe", "link", "object"} & checker.tags
    # No attribute loads anything: no src, no remote href, no event handler.
    for name, value in checker.attrs:
        assert name != "src" and not name.startswith("on"), (name, value)
        if name == "href":
            assert value is not None and value.startswith("#")
    text = "".join(checker.text)
    assert MARKUP_SPEECH in text
    assert "<img src=x onerror=alert(1)>" in text and "Olena [red]O[/]" in text
    assert "Note <script>1</script> *stars*" in text


def test_html_has_the_same_content_as_markdown(debrief: Debrief) -> None:
    page = render_html(debrief)
    for piece in (
        "Transcript",
        "The package at the end",
        "Deterrence criteria",
        "Stress test",
        "Annotations",
        "Deterrence Index, event by event",
        "Demands a smaller army",
        "Forces in place",
        "Hybrid | threats",
        "scripted (hard)",
    ):
        assert html.escape(piece, quote=False) in page, piece
    assert page.count('<div class="entry"') == 20
    assert page.count("<svg") == 1 + len(debrief.criteria_traces)


def test_the_debrief_words_every_event_as_the_transcript_does() -> None:
    """The debrief asks only for the wording (no TranscriptEntry per event): the same words."""
    from debate.history.timeline import FoldCache
    from debate.history.transcript import entry_for, wording

    d = build_debrief(session(), scorer=fake_score, stress=fake_stress)
    entries = [e for turn in d.turns for e in turn.entries]
    states = FoldCache(sample_motion(), sample_events()).states()
    kinds = set()
    for event, entry, after in zip(sample_events(), entries, states[1:], strict=True):
        said = entry_for(event, after)
        assert wording(event, after) == (said.summary, said.text, said.cites)
        assert (entry.summary, entry.text) == (said.summary, said.text or "")
        kinds.add(said.kind)
    assert {"pass", "speak", "propose", "challenge"} <= kinds
