"""A branch beside its parent: in the replay (tab 7) and in `debate export --compare-parent`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from debate.cli import app
from debate.report.compare import compare, lines
from debate.report.sample import save_sample
from debate.report.saved import load_parent, load_record
from debate.store import open_store


def _branch(tmp_path: Path) -> tuple[str, object, str, str]:
    url = str(tmp_path / "c.db")
    store = open_store(url)
    sid = save_sample(store)
    branch = store.fork(sid, 9)
    return url, store, sid, branch.id


def test_the_comparison_lists_package_criteria_outcome_and_stress(tmp_path: Path) -> None:
    _, store, sid, bid = _branch(tmp_path)
    record = load_record(store, bid)
    parent = load_parent(store, record)
    assert parent is not None and parent.id == sid
    c = compare(record, parent)
    assert c.fork_point == 9 and c.parent_id == sid
    assert c.outcome[1] == "still being played"
    assert c.changes, "the parent tabled more after event 9"
    assert {ch.kind for ch in c.changes} <= {"added", "removed", "changed"}
    assert len(c.criteria) >= 5 and all(len(row) == 3 for row in c.criteria)
    assert c.stress and all(b is None for _, _, b in c.stress)  # the branch never voted
    text = "\n".join(lines(c))
    assert "Package differences:" in text and "Criteria (parent → branch):" in text
    store.close()  # type: ignore[attr-defined]


def test_export_compare_parent(tmp_path: Path) -> None:
    url, store, sid, bid = _branch(tmp_path)
    store.set_status(sid, "finished")  # type: ignore[attr-defined]
    runner = CliRunner()
    result = runner.invoke(
        app, ["export", bid, "--format", "md", "--compare-parent", "--db", url, "--instructor"]
    )
    assert result.exit_code == 0, result.stderr
    assert "## Compared with the parent session" in result.stdout
    assert "| Deterrence Index |" in result.stdout
    page = runner.invoke(
        app, ["export", bid, "--format", "html", "--compare-parent", "--db", url, "--instructor"]
    )
    assert page.exit_code == 0 and "<h2>Compared with the parent session</h2>" in page.stdout
    not_branch = runner.invoke(app, ["export", sid, "--compare-parent", "--format", "md",
                                     "--db", url])
    assert not_branch.exit_code == 2 and "not a branch" in not_branch.stderr
    csv = runner.invoke(app, ["export", bid, "--compare-parent", "--format", "csv", "--db", url])
    assert csv.exit_code == 2
    store.close()  # type: ignore[attr-defined]


def test_a_compared_export_reads_the_branch_and_its_parent_once_each(tmp_path: Path) -> None:
    # Loading them again for the comparison doubled the time of a long branch's export.
    from debate.report.exports import compared_export

    _, store, sid, bid = _branch(tmp_path)
    reads: list[str] = []
    real_read = store.read  # type: ignore[attr-defined]

    def counted(session_id: str):  # type: ignore[no-untyped-def]
        reads.append(session_id)  # Store.load reads through Store.read too
        return real_read(session_id)

    store.read = counted  # type: ignore[attr-defined]
    page = compared_export(store, bid, "html")  # type: ignore[arg-type]
    assert "<h2>Compared with the parent session</h2>" in page
    assert sorted(reads) == sorted([bid, sid])
    reads.clear()
    try:
        compared_export(store, sid, "md")  # type: ignore[arg-type]
    except ValueError as e:
        assert "not a branch" in str(e)
    else:
        raise AssertionError("a session that is not a branch was compared")
    assert reads == [sid]  # refused before its events are folded
    store.close()  # type: ignore[attr-defined]
