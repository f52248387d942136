"""The replay screen's notes: add, edit and delete an instructor's note, saved at once."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.screen import Screen
from textual.widgets import OptionList, Static, TabbedContent
from textual.widgets.option_list import Option

from debate.report.debrief import Note, SessionRecord
from debate.report.replay import ReplaySession
from debate.tui.screens.replay_dialogs import ConfirmDialog, NoteDialog, NoteDraft
from debate.tui.text import literal, safe
from debate.tui.widgets.index_chart import TraceChart
from debate.tui.widgets.timeline import Timeline


class ReplayNotes(Screen[None]):
    """The notes part of :class:`~debate.tui.screens.replay.ReplayScreen`."""

    replay: ReplaySession
    record: SessionRecord
    author: str

    @property
    def store(self) -> Any:
        raise NotImplementedError

    def show_point(self) -> None:
        raise NotImplementedError

    def move_to(self, k: int) -> None:
        raise NotImplementedError

    def _where(self, point: int) -> str:
        return "at the start" if point == 0 else f"after event {point}"

    def _show_notes_here(self) -> None:
        notes = self.replay.notes_at()
        where = self._where(self.replay.point)
        if not notes:
            body: RenderableType = Text.assemble(
                ("No note ", "dim italic"), (where, "dim italic"), (". n adds one.", "dim italic")
            )
        else:
            parts: list[RenderableType] = [Text(f"Notes {where}", style="bold")]
            for n in notes:
                line = Text.assemble(("✎ ", "bold"), literal(n.author, "bold"), ": ")
                line.append(safe(n.text))  # literal: appended as plain text
                parts.append(line)
            parts.append(Text("e edits, d deletes the last note here", style="dim"))
            body = Group(*parts)
        self.query_one("#replay-notes-here", Static).update(body)

    def _fill_notes_list(self) -> None:
        listing = self.query_one("#replay-notes-all", OptionList)
        listing.clear_options()
        for n in self.replay.notes:
            label = Text.assemble((f"{n.point:>4} ", "dim"), literal(n.author, "bold"), ": ")
            label.append(safe(" ".join(n.text.split())[:120]))
            listing.add_option(Option(label, id=f"note-{n.id}"))

    @on(OptionList.OptionSelected, "#replay-notes-all")
    def _note_chosen(self, event: OptionList.OptionSelected) -> None:
        note = self._note_by_option(event.option.id)
        if note is not None:
            self.move_to(note.point)

    def _note_by_option(self, option_id: str | None) -> Note | None:
        return next((n for n in self.replay.notes if f"note-{n.id}" == option_id), None)

    def _note_here(self) -> Note | None:
        notes = self.replay.notes_at()
        if not notes:
            return None
        listing = self.query_one("#replay-notes-all", OptionList)
        if listing.highlighted is not None:
            chosen = self._note_by_option(listing.get_option_at_index(listing.highlighted).id)
            if chosen is not None and chosen.point == self.replay.point:
                return chosen
        return notes[-1]

    def action_note_add(self) -> None:
        k = self.replay.point
        if k == 0:
            self.notify("Step to an event first: notes are attached to events.", markup=False)
            return
        self.app.push_screen(NoteDialog(self._where(k), self.author), self._note_written)

    def _note_written(self, draft: object) -> None:
        if not isinstance(draft, NoteDraft):
            return
        k = self.replay.point
        try:
            saved = self.store.annotate(self.record.id, k - 1, draft.author, draft.text)
        except Exception as e:  # say why in words; nothing was saved
            self.notify(str(e), title="Note not saved", severity="error", markup=False)
            return
        self.author = draft.author
        from debate.report.saved import note_from_annotation

        self.replay.put_note(note_from_annotation(saved))
        self._notes_changed(k)
        self.notify(f"Note saved {self._where(k)}.", markup=False)

    def action_note_edit(self) -> None:
        note = self._note_here()
        if note is None:
            self.notify("No note here to edit.", markup=False)
            return
        self.app.push_screen(
            NoteDialog(self._where(note.point), note.author, note.text, editing=True),
            lambda draft: self._note_edited(note, draft),
        )

    def _note_edited(self, note: Note, draft: object) -> None:
        if not isinstance(draft, NoteDraft) or note.id is None:
            return
        try:
            self.store.update_annotation(note.id, draft.text)
        except Exception as e:
            self.notify(str(e), title="Note not saved", severity="error", markup=False)
            return
        self.replay.edit_note(note.id, draft.text)
        self._notes_changed(note.point)
        self.notify("Note saved.", markup=False)

    def action_note_delete(self) -> None:
        note = self._note_here()
        if note is None:
            self.notify("No note here to delete.", markup=False)
            return
        question = Text.assemble("Delete this note by ", literal(note.author, "bold"), "?\n\n")
        question.append(safe(note.text))
        self.app.push_screen(
            ConfirmDialog(question, ok="Delete"), lambda ok: self._note_deleted(note, ok)
        )

    def _note_deleted(self, note: Note, ok: object) -> None:
        if ok is not True or note.id is None:
            return
        try:
            self.store.delete_annotation(note.id)
        except Exception as e:
            self.notify(str(e), title="Note not deleted", severity="error", markup=False)
            return
        self.replay.drop_note(note.id)
        self._notes_changed(note.point)
        self.notify("Note deleted.", markup=False)

    def _notes_changed(self, point: int) -> None:
        self.query_one(Timeline).mark_note(point, bool(self.replay.notes_at(point)))
        self.query_one(TraceChart).set_marks(self.replay.note_points())
        self._fill_notes_list()
        self.show_point()
        if self.query_one("#replay-tabs", TabbedContent).active != "tab-notes":
            self._show_notes_here()
