"""Command palette entries (ctrl+p): every screen, every action, the themes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from debate.tui.theme import THEMES

Entry = tuple[str, Callable[[], object], str]


class GameCommands(Provider):
    """Screens and themes always; the debate table's actions while it is shown."""

    def entries(self) -> list[Entry]:
        app = self.app
        run = app.run_action
        out: list[Entry] = [
            ("Lobby", partial(run, "lobby"), "Back to the lobby"),
            ("New game", partial(run, "new_game"), "Choose a motion and seats"),
            ("Host a game", partial(run, "host"), "Join codes for every seat (a seminar)"),
            ("Join a game", partial(run, "join"), "Type the code of your seat"),
            ("Continue a saved game", partial(run, "continue"), "Resume where a game stopped"),
            ("Replay a saved session", partial(run, "replay"), "Saved sessions"),
            ("Motions", partial(run, "motions"), "Browse the motions"),
            ("Help: rules and keys", partial(run, "help"), "How the game is played"),
        ]
        if getattr(app, "restricted", False):  # served to browsers: no other game opens
            hidden = {"Continue a saved game", "Replay a saved session", "Host a game"}
            out = [e for e in out if e[0] not in hidden]
        for label, theme in THEMES.items():
            out.append((f"Theme: {label}", partial(run, f"theme('{theme}')"), theme))
        act = getattr(self.screen, "action_act", None)
        if act is not None:
            from debate.tui.widgets.action_bar import ACTIONS  # only with the table shown

            legal = set(self.screen.legal())  # type: ignore[attr-defined]
            for kind, (key, label) in ACTIONS.items():
                note = f"key {key}" + ("" if kind in legal else " · not possible now")
                out.append((f"Action: {label}", partial(act, kind), note))
            out.append(("Skip the scripted pause", partial(run, "screen.skip"), "space"))
            game = getattr(self.screen, "game", None)
            offered = getattr(self.screen, "coaching_offered", False)
            if game is not None and offered and game.can_coach:
                state = "on" if game.coaching else "off"
                out.append((
                    "Coaching in solo practice: on/off",
                    partial(run, "screen.coach"),
                    f"now {state}: after each turn, the move your role's objectives rate best",
                ))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self.entries():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
