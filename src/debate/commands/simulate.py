"""`debate simulate MOTION`: bot-vs-bot tournaments with scripted roles.

Game ``i`` is played with seed ``--seed + i`` (so any game can be replayed alone with
``--games 1 --seed S+i``); games are spread over processes when there are many, and the
results are the same whatever the number of workers.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from debate.commands.common import (
    DbOption,
    JsonOption,
    bad_input_exits,
    err,
    fail,
    out,
    print_json,
    safe,
)

if TYPE_CHECKING:  # loaded by the command itself: `debate --help` builds no motion model
    from debate.motions.model import Motion
    from debate.scripted.runner import GameSummary
    from debate.scripted.tournament import Tally
    from debate.store import Store
    from debate.store.whole_games import WholeGame

    #: A game's figures, and the game itself ready to save (None when not saving).
    Played = tuple[GameSummary, WholeGame | None]

#: Below this many games one process is faster than starting a pool.
POOL_FROM = 40
#: Games per task sent to a worker (small enough for a smooth progress bar).
MAX_CHUNK = 25
#: Chunks queued per worker ahead of the one being read (bounds the games held in memory).
IN_FLIGHT_PER_WORKER = 3
#: Games saved per transaction by `simulate --save` (about 15 kB of rows each; fewer,
#: larger transactions spend less on commits and connection checks).
SAVE_BATCH = 50

DirOption = Annotated[
    list[Path] | None,
    typer.Option("--dir", help="Also look for motions in this directory (repeatable)."),
]


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)


def simulate(
    motion: Annotated[str, typer.Argument(help="Motion id or path to a motion file.")],
    games: Annotated[int, typer.Option("--games", "-n", min=1, help="Games to play.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the first game.")] = 0,
    seats: Annotated[
        str | None,
        typer.Option(
            "--seats",
            help="Difficulties by role, e.g. kyiv=hard,kremlin=easy (others play normal; "
            "naming an optional role seats it).",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, help="Processes [default: all cores for many games]"
        ),
    ] = None,
    dirs: DirOption = None,
    as_json: JsonOption = False,
    save: Annotated[
        bool, typer.Option("--save", help="Store every game so it can be replayed.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Run bot-vs-bot games of a motion and summarise how it plays.

    Prints the final Deterrence Index distribution, agreement rate, role scores, the
    criteria most often failing and the stress cards most often breaking the package.
    """
    from debate.motions import resolve_motion
    from debate.scripted import tournament

    with bad_input_exits():
        m = resolve_motion(motion, dirs or [])
    chosen = _parse_seats(m, seats)
    if seed < 0 or seed + games >= 2**63:
        fail("--seed must be at least 0 and leave room for every game's seed", code=2)
    n_workers = workers or ((os.cpu_count() or 1) if games >= POOL_FROM else 1)
    seeds = range(seed, seed + games)
    # Open the database before playing: a bad --db is bad input, found before the work.
    store = _open_for_saving(db) if save else None

    show = not as_json and err.is_terminal
    with _progress(show, games, "Playing") as advance:
        played = _play(m, chosen, seeds, n_workers, save=save, progress=advance)
        # Each game is tallied (and saved) as it comes, then forgotten: memory stays flat.
        tally = tournament.Tally()
        if store is None:
            for summary, _ in played:
                tally.add(summary)
            saved: list[str] = []
        else:
            saved = _save_as_played(m, chosen, played, store, tally)
    figures = {
        "motion": m.id,
        "seed": seed,
        "seats": chosen,
        **tally.figures(chosen),
    }
    if store is not None:
        figures["saved"] = saved
    if as_json:
        print_json(figures)
    else:
        _render(m, figures)


# -- running games ------------------------------------------------------------------------


def run_games(
    motion: Motion,
    seats: Mapping[str, str],
    seeds: Iterable[int],
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[GameSummary]:
    """Play one game per seed, in seed order, on ``workers`` processes; the summaries do not
    depend on ``workers`` (each game depends only on motion, seats and its seed)."""
    return list(iter_games(motion, seats, seeds, workers, progress))


def iter_games(
    motion: Motion,
    seats: Mapping[str, str],
    seeds: Iterable[int],
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[GameSummary]:
    """:func:`run_games`, one game at a time, in seed order, as the games finish."""
    for summary, _ in _play(motion, seats, seeds, workers, False, progress):
        yield summary


def _play(
    motion: Motion,
    seats: Mapping[str, str],
    seeds: Iterable[int],
    workers: int,
    save: bool,
    progress: Callable[[int], None] | None,
) -> Iterator[Played]:
    """Each game's summary and, with ``save``, the game ready to save, serialised by the
    worker that played it (only strings cross between processes). At most a few chunks per
    worker are in flight, so a slow consumer (saving) holds the workers back instead of
    piling finished games up in memory."""
    seeds = list(seeds)
    advance = progress or (lambda _n: None)
    if workers <= 1 or len(seeds) < 2:
        _init_worker(motion, dict(seats), save)
        for s in seeds:
            yield from _play_chunk([s])
            advance(1)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(MAX_CHUNK, math.ceil(len(seeds) / (workers * 4))))
    chunks = [seeds[i : i + size] for i in range(0, len(seeds), size)]
    # fork where there is one: workers start at once with the motion already in memory. The
    # pool forks every worker at the first submit, before any thread is started (the
    # progress bar's thread is only started once the first chunk is done).
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)),
        mp_context=context,
        initializer=_init_worker,
        initargs=(motion, dict(seats), save),
    ) as pool:
        pending = iter(chunks)
        in_flight: deque[Any] = deque()
        window = min(workers, len(chunks)) * IN_FLIGHT_PER_WORKER
        for chunk in pending:
            in_flight.append((pool.submit(_play_chunk, chunk), len(chunk)))
            if len(in_flight) >= window:
                break
        while in_flight:
            future, n = in_flight.popleft()
            done = future.result()
            nxt = next(pending, None)
            if nxt is not None:
                in_flight.append((pool.submit(_play_chunk, nxt), len(nxt)))
            yield from done
            advance(n)


_WORKER: dict[str, Any] = {}


def _init_worker(motion: Motion, seats: dict[str, str], save: bool) -> None:
    _WORKER.update(motion=motion, seats=seats, save=save)


def _play_chunk(seeds: Sequence[int]) -> list[Played]:
    from debate.scripted.runner import play_game

    motion, seats = _WORKER["motion"], _WORKER["seats"]
    if not _WORKER["save"]:  # no store import: an unsaved run never loads SQLAlchemy
        return [(play_game(motion, seats, s).summary(), None) for s in seeds]
    from debate.store.whole_games import whole_game

    played: list[Played] = []
    for seed in seeds:
        game = play_game(motion, seats, seed)
        title = f"simulate {motion.id} seed {seed}"
        played.append((game.summary(), whole_game(seed, title, game.events)))
    return played


# -- input -------------------------------------------------------------------------------


def _parse_seats(motion: Motion, text: str | None) -> dict[str, str]:
    from debate.engine import IllegalAction, new_game
    from debate.scripted.runner import default_seats

    overrides: dict[str, str] = {}
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        role, sep, difficulty = part.partition("=")
        if not sep or not role.strip() or not difficulty.strip():
            fail(f"--seats: expected role=difficulty, got {part!r}", code=2)
        if role.strip() in overrides:
            fail(f"--seats: role {role.strip()!r} is given twice", code=2)
        overrides[role.strip()] = difficulty.strip()
    try:
        seats = default_seats(motion, overrides)
        new_game(motion, seats)
    except ValueError as e:
        fail(f"--seats: {e}", code=2)
    except IllegalAction as e:
        fail(f"--seats: {e.reason}", code=2)
    return seats


# -- saving ------------------------------------------------------------------------------


def _open_for_saving(db: str | None) -> Store:
    from debate.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as e:
        fail(e.message, code=e.exit_code)


def _save_as_played(
    motion: Motion,
    seats: Mapping[str, str],
    games: Iterable[Played],
    store: Store,
    tally: Tally,
) -> list[str]:
    """Save each game as it is played, :data:`SAVE_BATCH` games per transaction, after
    adding it to ``tally`` (the game itself goes once saved); return the new ids."""
    from debate.store import Seat, StoreError

    seated = [
        Seat(role=r, player=f"{motion.role_by_id[r].name} bot", kind="scripted", difficulty=d)
        for r, d in seats.items()
    ]
    ids: list[str] = []
    batch: list[WholeGame] = []
    try:
        for summary, game in games:
            assert game is not None  # played with save=True
            batch.append(game)
            tally.add(summary)
            if len(batch) >= SAVE_BATCH:
                ids.extend(store.save_whole_games(motion, seated, batch))
                batch.clear()
        if batch:
            ids.extend(store.save_whole_games(motion, seated, batch))
    except StoreError as e:
        fail(f"saving game {len(ids) + 1}: {e}", code=1)
    finally:
        store.close()
    return ids


# -- output ------------------------------------------------------------------------------


class _progress:
    """A rich progress bar on stderr when ``show``; otherwise a no-op counter.

    The bar (and its refresh thread) starts at the first advance, so that worker processes
    are forked before any thread exists.
    """

    def __init__(self, show: bool, total: int, label: str) -> None:
        self.show, self.total, self.label = show, total, label
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[int], None]:
        return self.advance if self.show else (lambda _n: None)

    def advance(self, n: int) -> None:
        if self._bar is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(f"{self.label} games", total=self.total)
        self._bar.advance(self._task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _render(motion: Motion, f: dict[str, Any]) -> None:
    from rich.table import Table

    seats = ", ".join(f"{r}={d}" for r, d in f["seats"].items())
    out.print(
        f"[bold]{safe(motion.title)}[/] ({safe(motion.id)})\n"
        f"{f['games']} games from seed {f['seed']}; seats: {safe(seats)}\n"
    )
    di = f["deterrence_index"]
    out.print(
        f"[bold]Final Deterrence Index[/]  mean {di['mean']}  min {di['min']}  "
        f"Q1 {di['q1']}  median {di['median']}  Q3 {di['q3']}  max {di['max']}"
    )
    out.print(histogram_text(di["histogram"]), highlight=False)
    out.print(f"\n[bold]Agreement rate[/] {f['agreement_rate']:.0%}\n")

    roles = Table(title="Roles", title_justify="left")
    for col in ("role", "difficulty", "mean objective", "mean debate points"):
        roles.add_column(col, justify="left" if col in ("role", "difficulty") else "right")
    for r in f["roles"]:
        roles.add_row(
            safe(r["role"]),
            safe(r["difficulty"] or ""),
            f"{r['mean_objective']:.1f}",
            f"{r['mean_debate_points']:.1f}",
        )
    out.print(roles)

    failing = Table(title="Criteria most often failing (score < 40)", title_justify="left")
    for col in ("criterion", "games", "share"):
        failing.add_column(col, justify="left" if col == "criterion" else "right")
    for c in f["criteria_failing"][:6]:
        failing.add_row(safe(c["name"]), str(c["games"]), f"{c['rate']:.0%}")
    if not f["criteria_failing"]:
        failing.add_row("none", "0", "0%")
    out.print(failing)

    cards = Table(
        title="Stress cards most often breaking the package (drop > 20 or below 40)",
        title_justify="left",
    )
    for col in ("card", "games", "share", "mean index after"):
        cards.add_column(col, justify="left" if col == "card" else "right")
    for c in f["stress_breaking"]:
        cards.add_row(
            safe(c["name"]), str(c["games"]), f"{c['rate']:.0%}", f"{c['mean_index_after']:.1f}"
        )
    out.print(cards)
    if f.get("saved"):
        out.print(f"Saved {len(f['saved'])} sessions (see `debate sessions`).")


def histogram_text(bins: Sequence[Mapping[str, int]], width: int = 40) -> str:
    """A small text histogram, one line per bin.

    >>> bins = [{"from": 0, "to": 10, "count": 2}, {"from": 10, "to": 20, "count": 1}]
    >>> print(histogram_text(bins, 4))
      0- 10 |#### 2
     10- 20 |## 1
    """
    top = max((b["count"] for b in bins), default=0) or 1
    lines = []
    for b in bins:
        bar = "#" * math.ceil(b["count"] * width / top) if b["count"] else ""
        lines.append(f"{b['from']:>3}-{b['to']:>3} |{bar} {b['count']}")
    return "\n".join(lines)
