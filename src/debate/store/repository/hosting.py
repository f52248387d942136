"""Hosted games: their pace (pause, turn timer, banner), join codes, the scripted-seat
lease and presence. Every change bumps the hosting row's ``version`` and, on PostgreSQL,
NOTIFYs the session's channel in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from debate.store.convert import events_from_payloads, to_db, to_utc, utc_now
from debate.store.errors import InvalidRequest, SessionNotFound
from debate.store.hosted import (
    Access,
    GamePaused,
    HostedGame,
    Marker,
    Presence,
    Update,
)
from debate.store.repository.base import StoreBase, translate_errors
from debate.store.repository.events import conditional_append
from debate.store.repository.queries import BUMP_SEQ, notify, seats_of
from debate.store.tables import (
    ACCESS_CODES,
    EVENTS,
    HOSTED_GAMES,
    LEASES,
    PRESENCE,
    SEATS,
    SESSIONS,
)

if TYPE_CHECKING:
    from debate.engine import Event
    from debate.store.live import Watcher

_HOSTED_FIELDS = frozenset({"paused", "paused_at", "turn_limit", "clock_from", "banner"})


def _hosted(row: Any) -> HostedGame:
    return HostedGame(
        session_id=row.session_id,
        paused=bool(row.paused),
        paused_at=to_utc(row.paused_at) if row.paused_at else None,
        turn_limit=row.turn_limit,
        clock_from=to_utc(row.clock_from) if row.clock_from else None,
        banner=row.banner,
        version=row.version,
        created=to_utc(row.created),
        expires=to_utc(row.expires),
    )


# The append of a hosted game: conditional on the event number AND on the game not being
# paused, in one statement, so that an action racing a pause is refused, never saved.
_BUMP_UNLESS_PAUSED = BUMP_SEQ.where(
    ~select(HOSTED_GAMES.c.session_id)
    .where(HOSTED_GAMES.c.session_id == bindparam("sid"), HOSTED_GAMES.c.paused.is_(True))
    .exists()
)
#: The same for the event that ends the game: the status changes in the same transaction.
_BUMP_UNLESS_PAUSED_FINISH = _BUMP_UNLESS_PAUSED.values(status="finished")


class Hosting(StoreBase):
    """The store's part for games played from many screens."""

    def append_hosted(
        self, session_id: str, event: Event, expected_seq: int, finish: bool = False
    ) -> int:
        """:meth:`~debate.store.Store.append` for a hosted game: also refused (with
        :class:`GamePaused`, nothing written) while the game is paused."""
        statement = _BUMP_UNLESS_PAUSED_FINISH if finish else _BUMP_UNLESS_PAUSED

        def paused(conn: Connection) -> None:
            query = select(HOSTED_GAMES.c.paused).where(HOSTED_GAMES.c.session_id == session_id)
            if conn.execute(query).scalar():
                raise GamePaused("the game is paused by the facilitator")

        return conditional_append(self, statement, session_id, event, expected_seq, paused)

    @translate_errors
    def host(
        self, session_id: str, code_hashes: Mapping[str | None, str], expires: datetime
    ) -> HostedGame:
        """Make ``session_id`` a hosted game whose codes (given as hashes, by role; None is
        the facilitator) work until ``expires``."""
        now = utc_now()
        with self._writing() as conn:
            found = conn.execute(select(SESSIONS.c.id).where(SESSIONS.c.id == session_id))
            if found.first() is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            conn.execute(
                insert(HOSTED_GAMES),
                {
                    "session_id": session_id,
                    "paused": False,
                    "version": 0,
                    "created": now,
                    "expires": to_db(expires),
                },
            )
            conn.execute(
                insert(ACCESS_CODES),
                [
                    {"code_hash": h, "session_id": session_id, "role": r, "created": now}
                    for r, h in code_hashes.items()
                ],
            )
        return self.hosted(session_id)

    @translate_errors
    def access(self, code_hash: str) -> Access | None:
        """What the code with this hash opens, None if no such code or it has expired."""
        with self._reading() as conn:
            row = conn.execute(
                select(ACCESS_CODES.c.session_id, ACCESS_CODES.c.role, HOSTED_GAMES.c.expires)
                .join(HOSTED_GAMES, HOSTED_GAMES.c.session_id == ACCESS_CODES.c.session_id)
                .where(ACCESS_CODES.c.code_hash == code_hash)
            ).first()
        if row is None or to_utc(row.expires) <= utc_now():
            return None
        return Access(row.session_id, row.role)

    @translate_errors
    def hosted(self, session_id: str) -> HostedGame:
        with self._reading() as conn:
            return self._hosted_row(conn, session_id)

    def _hosted_row(self, conn: Connection, session_id: str) -> HostedGame:
        row = conn.execute(
            select(HOSTED_GAMES).where(HOSTED_GAMES.c.session_id == session_id)
        ).first()
        if row is None:
            raise SessionNotFound(f"session {session_id!r} is not a hosted game")
        return _hosted(row)

    @translate_errors
    def set_pace(self, session_id: str, **values: Any) -> HostedGame:
        """Change pause, timer or banner fields; bumps the version and notifies."""
        if unknown := set(values) - _HOSTED_FIELDS:
            raise InvalidRequest(f"not a hosting field: {', '.join(sorted(unknown))}")
        values = {k: to_db(v) if isinstance(v, datetime) else v for k, v in values.items()}
        with self._writing() as conn:
            self._bump(conn, session_id, **values)
            return self._hosted_row(conn, session_id)

    def _bump(self, conn: Connection, session_id: str, **values: Any) -> None:
        done = conn.execute(
            update(HOSTED_GAMES)
            .where(HOSTED_GAMES.c.session_id == session_id)
            .values(**values, version=HOSTED_GAMES.c.version + 1)
        )
        if done.rowcount != 1:
            raise SessionNotFound(f"session {session_id!r} is not a hosted game")
        notify(conn, session_id, "pace")

    @translate_errors
    def reseat(
        self,
        session_id: str,
        role: str,
        kind: str,
        player: str,
        difficulty: str | None,
        code_hash: str | None,
    ) -> None:
        """Hand ``role`` to a scripted player, or back to a person with a new code (the old
        code of the seat stops working either way)."""
        if kind not in ("human", "scripted") or (kind == "human") != (code_hash is not None):
            raise InvalidRequest("a human seat needs a new code, a scripted one none")
        with self._writing() as conn:
            done = conn.execute(
                update(SEATS)
                .where(SEATS.c.session_id == session_id, SEATS.c.role == role)
                .values(kind=kind, player=player[:80], difficulty=difficulty)
            )
            if done.rowcount != 1:
                raise InvalidRequest(f"no seat {role!r} in session {session_id!r}")
            conn.execute(
                delete(ACCESS_CODES).where(
                    ACCESS_CODES.c.session_id == session_id, ACCESS_CODES.c.role == role
                )
            )
            if code_hash is not None:
                conn.execute(
                    insert(ACCESS_CODES),
                    {
                        "code_hash": code_hash,
                        "session_id": session_id,
                        "role": role,
                        "created": utc_now(),
                    },
                )
            self._bump(conn, session_id)

    # -- the lease on scripted seats and the clock -----------------------------------------

    @translate_errors
    def take_lease(self, session_id: str, holder: str, seconds: float) -> bool:
        """Take or renew the session's lease for ``seconds``; False if another holder's
        lease has not expired. At most one holder has it at any moment."""
        now = utc_now()
        until = now + timedelta(seconds=seconds)
        with self._writing() as conn:
            done = conn.execute(
                update(LEASES)
                .where(
                    LEASES.c.session_id == session_id,
                    or_(LEASES.c.holder == holder, LEASES.c.expires < now),
                )
                .values(holder=holder, expires=until)
            )
            if done.rowcount == 1:
                return True
            if conn.execute(
                select(LEASES.c.holder).where(LEASES.c.session_id == session_id)
            ).first():
                return False
        try:
            with self._writing() as conn:
                conn.execute(
                    insert(LEASES), {"session_id": session_id, "holder": holder, "expires": until}
                )
        except IntegrityError:
            return False  # another client inserted it first
        return True

    @translate_errors
    def release_lease(self, session_id: str, holder: str) -> None:
        with self._writing() as conn:
            conn.execute(
                delete(LEASES).where(LEASES.c.session_id == session_id, LEASES.c.holder == holder)
            )

    @translate_errors
    def lease_holder(self, session_id: str) -> str | None:
        """Who holds an unexpired lease on the session, if anyone."""
        with self._reading() as conn:
            row = conn.execute(
                select(LEASES.c.holder).where(
                    LEASES.c.session_id == session_id, LEASES.c.expires >= utc_now()
                )
            ).first()
        return None if row is None else str(row.holder)

    # -- presence ----------------------------------------------------------------------------

    @translate_errors
    def touch(self, session_id: str, client_id: str, role: str | None) -> None:
        """Record that ``client_id`` (playing ``role``) is connected now."""
        now = utc_now()
        with self._writing() as conn:
            done = conn.execute(
                update(PRESENCE)
                .where(PRESENCE.c.session_id == session_id, PRESENCE.c.client_id == client_id)
                .values(seen=now, role=role)
            )
            if done.rowcount == 0:
                conn.execute(
                    insert(PRESENCE),
                    {"session_id": session_id, "client_id": client_id, "role": role, "seen": now},
                )

    @translate_errors
    def leave(self, session_id: str, client_id: str) -> None:
        with self._writing() as conn:
            conn.execute(
                delete(PRESENCE).where(
                    PRESENCE.c.session_id == session_id, PRESENCE.c.client_id == client_id
                )
            )

    @translate_errors
    def present(self, session_id: str, within: float) -> list[Presence]:
        """Clients heard from in the last ``within`` seconds."""
        since = utc_now() - timedelta(seconds=within)
        with self._reading() as conn:
            rows = conn.execute(
                select(PRESENCE)
                .where(PRESENCE.c.session_id == session_id, PRESENCE.c.seen >= since)
                .order_by(PRESENCE.c.role, PRESENCE.c.client_id)
            ).all()
        return [Presence(r.client_id, r.role, to_utc(r.seen)) for r in rows]

    # -- following a game --------------------------------------------------------------------

    def watch(self, session_id: str, shared: bool = False) -> Watcher:
        """A :class:`~debate.store.live.Watcher` that wakes when the game may have changed.
        ``shared`` (PostgreSQL): one LISTEN connection for all the games of this process."""
        from debate.store.live import watcher_for

        if shared and not self._target.is_sqlite:
            from debate.store.live_shared import shared_listener

            return shared_listener(self._target).subscribe(session_id)
        return watcher_for(self._target, session_id)

    @translate_errors
    def marker(self, session_id: str) -> Marker:
        """The session's event count and hosting version (a cheap poll)."""
        with self._reading() as conn:
            row = conn.execute(
                select(SESSIONS.c.next_seq, HOSTED_GAMES.c.version)
                .join(HOSTED_GAMES, HOSTED_GAMES.c.session_id == SESSIONS.c.id)
                .where(SESSIONS.c.id == session_id)
            ).first()
        if row is None:
            raise SessionNotFound(f"session {session_id!r} is not a hosted game")
        return Marker(row.next_seq, row.version)

    @translate_errors
    def update_since(self, session_id: str, seq: int) -> Update:
        """Events from number ``seq`` on, with the seats and hosting row, in one snapshot."""
        with self._reading() as conn:
            hosted = self._hosted_row(conn, session_id)
            status = conn.execute(
                select(SESSIONS.c.status).where(SESSIONS.c.id == session_id)
            ).scalar()
            rows = conn.execute(
                select(EVENTS.c.seq, EVENTS.c.payload, EVENTS.c.at)
                .where(EVENTS.c.session_id == session_id, EVENTS.c.seq >= seq)
                .order_by(EVENTS.c.seq)
            ).all()
            seats = seats_of(conn, session_id)
            last_moves = _last_moves(conn, session_id)
        events = events_from_payloads([(r.seq, r.payload) for r in rows], f"session {session_id}")
        return Update(
            events=tuple(events),
            times=tuple(to_utc(r.at) for r in rows),
            seats=tuple(seats),
            hosted=hosted,
            status=str(status),
            last_moves=last_moves,
        )


def _last_moves(conn: Connection, session_id: str) -> dict[str, datetime]:
    """When each role last acted (turn clocks start from these)."""
    rows = conn.execute(
        select(EVENTS.c.actor, func.max(EVENTS.c.at).label("at"))
        .where(EVENTS.c.session_id == session_id)
        .group_by(EVENTS.c.actor)
    ).all()
    return {r.actor: to_utc(r.at) for r in rows}
