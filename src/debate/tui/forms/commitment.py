"""Propose, amend and demand: a form with the fields of the chosen commitment kind.

Fields come from :func:`debate.play.forms.field_specs`; every change re-validates the whole
form and each field shows its own error beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from textual import on
from textual.containers import VerticalGroup
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Switch
from textual.widgets.selection_list import Selection

from debate.engine import Action, Amend, Demand, GameState, Propose
from debate.engine.actions import MAX_NOTE
from debate.play.forms import FieldSpec, RawValue, check_commitment, field_specs, initial_values
from debate.tui.forms.base import ActionForm, field_row, options, pick_one, selected
from debate.tui.text import literal
from debate.tui.widgets.toggles import OnOffSwitch, Picks
from debate.vocabulary.commitments import Commitment, describe

Mode = Literal["propose", "amend", "demand"]
TITLES = {
    "propose": "Propose a commitment of your own",
    "amend": "Amend one of your commitments (same kind)",
    "demand": "Demand a commitment from another role",
}


def demand_targets(state: GameState, role: str) -> dict[str, list[str]]:
    """Seated roles ``role`` may ask something of, each with the kinds it may be asked."""
    wanted = state.motion.role_by_id[role].may_demand
    out: dict[str, list[str]] = {}
    for other in state.roles:
        if other == role:
            continue
        kinds = [k for k in wanted if k in state.motion.role_by_id[other].may_commit]
        if kinds:
            out[other] = kinds
    return out


def field_widget(spec: FieldSpec, value: RawValue) -> Widget:
    wid = f"f-{spec.name}"
    if spec.type == "choice":
        current = value if isinstance(value, str) and value in spec.options else Select.NULL
        return Select(
            options((o.replace("_", " "), o) for o in spec.options),
            id=wid,
            value=current,
            allow_blank=True,
            compact=True,
        )
    if spec.type == "bool":
        return OnOffSwitch(value=bool(value), id=wid)
    if spec.type == "multi":
        chosen = set(value or ())  # type: ignore[arg-type]
        picks = [Selection(literal(o.replace("_", " ")), o, o in chosen) for o in spec.options]
        return Picks(*picks, id=wid, classes="picks", compact=True)
    placeholder = {"int": "a whole number", "float": "a number", "list": "comma-separated"}
    return Input(str(value or ""), id=wid, placeholder=placeholder.get(spec.type, ""), compact=True)


class CommitmentForm(ActionForm):
    def __init__(self, state: GameState, role: str, mode: Mode) -> None:
        super().__init__(state, role)
        self.mode = mode
        self.TITLE_TEXT = TITLES[mode]
        self.kind: str | None = None
        self.errors: dict[str, str] = {}
        self.commitment: Commitment | None = None

    # -- layout --------------------------------------------------------------------------
    def body(self) -> Iterable[Widget]:
        spec = self.motion.role_by_id[self.role]
        if self.mode == "amend":
            mine = [c for c in self.state.active_commitments() if c.owner == self.role]
            pairs = ((f"{c.id}: {describe(c.terms)}", c.id) for c in mine)
            yield field_row("commitment", pick_one(pairs, "pick"))
            yield VerticalGroup(id="fields")
        else:
            if self.mode == "demand":
                targets = demand_targets(self.state, self.role)
                pairs = ((self.motion.role_by_id[r].name, r) for r in targets)
                first = next(iter(targets), None)
                yield field_row(
                    "of role",
                    Select(options(pairs), id="target", compact=True, value=first or Select.NULL),
                )
                kinds = targets.get(first, []) if first else []
                every = list(dict.fromkeys(k for ks in targets.values() for k in ks))
            else:
                kinds = every = list(spec.may_commit)
            yield field_row("kind", self._kind_select(kinds))
            # One group of fields per kind, built now and shown or hidden when the kind
            # changes: nothing is removed or mounted while the player types, so no key is lost.
            with VerticalGroup(id="fields"):
                for kind in every:
                    group = VerticalGroup(*self._rows(kind), id=f"kind-{kind}")
                    group.display = bool(kinds) and kind == kinds[0]
                    yield group
        yield field_row(
            "note", Input(placeholder="optional", id="note", compact=True), "note-error"
        )

    def _kind_select(self, kinds: list[str]) -> Select[str]:
        pairs = ((k.replace("_", " "), k) for k in kinds)
        return Select(
            options(pairs), id="kind", compact=True, value=kinds[0] if kinds else Select.NULL
        )

    def _rows(self, kind: str, current: Commitment | None = None) -> list[Widget]:
        """A labelled row per field (label with its unit, the widget, its error), each
        followed by one line of help."""
        values = initial_values(kind, current)
        rows: list[Widget] = []
        for s in field_specs(kind):
            rows.append(
                field_row(
                    s.label + (" *" if s.required else ""),
                    field_widget(s, values[s.name]),
                    f"e-{s.name}",
                )
            )
            if s.help:
                rows.append(Label(literal(s.help), classes="field-help"))
        return rows

    async def on_mount(self) -> None:
        if self.mode == "amend":
            await self._pick_changed()
        else:
            await self._show_kind(selected(self.query_one("#kind", Select)))

    def _scope(self) -> Widget:
        """Where the current kind's fields are."""
        if self.mode != "amend" and self.kind is not None:
            return self.query_one(f"#kind-{self.kind}")
        return self.query_one("#fields", VerticalGroup)

    async def _show_kind(self, kind: str | None, current: Commitment | None = None) -> None:
        self.kind = kind
        if self.mode != "amend":
            for group in self.query_one("#fields", VerticalGroup).children:
                group.display = group.id == f"kind-{kind}"
            self.revalidate()
            return
        fields = self.query_one("#fields", VerticalGroup)
        await fields.remove_children()
        if kind is None:
            return
        await fields.mount_all(self._rows(kind, current))
        self.revalidate()

    # -- reacting ------------------------------------------------------------------------
    @on(Select.Changed, "#kind")
    async def _kind_changed(self, event: Select.Changed) -> None:
        await self._show_kind(selected(event.select))

    @on(Select.Changed, "#target")
    async def _target_changed(self, event: Select.Changed) -> None:
        target = selected(event.select)
        kinds = demand_targets(self.state, self.role).get(target or "", [])
        kind_select = self.query_one("#kind", Select)
        kind_select.set_options(options((k.replace("_", " "), k) for k in kinds))
        if kinds:
            kind_select.value = kinds[0]
        await self._show_kind(kinds[0] if kinds else None)

    @on(Select.Changed, "#pick")
    async def _pick_changed(self) -> None:
        cid = selected(self.query_one("#pick", Select))
        current = self.state.commitments[cid].terms if cid else None
        await self._show_kind(current.kind if current else None, current)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Switch.Changed)
    @on(SelectionList.SelectedChanged)
    def _field_changed(self) -> None:
        self.revalidate()

    def _by(self) -> str:
        if self.mode == "demand":
            return selected(self.query_one("#target", Select)) or ""
        return self.role

    def raw_values(self) -> dict[str, RawValue]:
        raw: dict[str, RawValue] = {}
        scope = self._scope()
        for spec in field_specs(self.kind or ""):
            widgets = scope.query(f"#f-{spec.name}")
            if not widgets:
                continue
            w = widgets.first()
            if isinstance(w, Input):
                raw[spec.name] = w.value
            elif isinstance(w, Select):
                raw[spec.name] = selected(w) or ""
            elif isinstance(w, Switch):
                raw[spec.name] = w.value
            elif isinstance(w, SelectionList):
                raw[spec.name] = tuple(w.selected)
        return raw

    def revalidate(self) -> None:
        """Check every field now; put each error beside its field."""
        note = self.query_one("#note", Input).value
        note_error = f"at most {MAX_NOTE} characters" if len(note) > MAX_NOTE else ""
        self.query_one("#note-error", Label).update(literal(note_error))
        if self.kind is None:
            self.commitment, self.errors = None, {}
            return
        self.commitment, self.errors = check_commitment(
            self.kind, self._by(), self.raw_values(), note or None
        )
        scope = self._scope()
        for spec in field_specs(self.kind):
            for label in scope.query(f"#e-{spec.name}").results(Label):
                label.update(literal(self.errors.get(spec.name, "")))
        if note_error:
            self.commitment = None
        if self.commitment is not None:
            self.show_error("")

    def build(self) -> Action | str:
        self.revalidate()
        if self.kind is None:  # in the amend form the kind comes from the commitment picked
            return ("Choose a commitment to amend." if self.mode == "amend"
                    else "Choose a kind of commitment.")
        if self.commitment is None:
            wrong = ", ".join(sorted(self.errors)) or "note"
            return f"Fix the fields marked beside them: {wrong}."
        if self.mode == "amend":
            cid = selected(self.query_one("#pick", Select))
            if cid is None:
                return "Choose a commitment to amend."
            return Amend(commitment_id=cid, commitment=self.commitment)
        if self.mode == "demand":
            return Demand(commitment=self.commitment)
        return Propose(commitment=self.commitment)
