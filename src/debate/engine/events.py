"""Events: accepted actions, in order. A session is its motion plus its events.

>>> from debate.engine.actions import Pass
>>> e = Event(seq=0, actor="kyiv", action=Pass())
>>> Event.model_validate_json(e.model_dump_json()) == e
True
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
from pydantic import BaseModel, Field, TypeAdapter

from debate.engine.actions import Action
from debate.validation import ADAPTER_CONFIG, RECORD_CONFIG, SafeText

#: No session holds more events than this (a bound, so a number read back always fits).
MAX_EVENTS = 1_000_000


class Event(BaseModel):
    """One accepted action: who took it, what it was, and (for scripted roles) why."""

    model_config = RECORD_CONFIG

    seq: int = Field(
        strict=True, ge=0, lt=MAX_EVENTS, description="position in the session, from 0"
    )
    actor: str = Field(max_length=40)
    action: Action
    rationale: SafeText | None = Field(default=None, max_length=1000)


EVENTS_ADAPTER: TypeAdapter[list[Event]] = TypeAdapter(list[Event], config=ADAPTER_CONFIG)


def events_to_json(events: list[Event]) -> str:
    return EVENTS_ADAPTER.dump_json(events).decode()


def events_from_json(text: str | bytes) -> list[Event]:
    return EVENTS_ADAPTER.validate_json(text)
