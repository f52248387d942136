"""Child processes of the reliability tests, run as ``python store_child.py MODE URL ...``.

stream URL
    Create sessions one after another and append legal events to them, printing
    ``<session id> <seq>`` after each append has returned, until killed.
race URL SESSION COUNT NAME
    Print ``ready``, then for each line ``go`` read from stdin try to append the next of
    events 0..COUNT-1 (marked with NAME as rationale) without ever re-reading the session:
    print ``ok <seq>`` if the append succeeded and ``conflict <seq>`` if it was refused as
    stale. The test sends ``go`` to both writers at once for each seq, so each seq is one
    race with one winner and one loser.
"""

from __future__ import annotations

import random
import sys
import time

from store_games import SEATS, long_motion, speeches

from debate.store import SequenceConflict, open_store


def stream(url: str) -> None:
    store = open_store(url)
    motion, events = long_motion(), speeches(300)
    while True:
        sid = store.create_session(motion, SEATS, seed=0).id
        for seq, event in enumerate(events):
            store.append(sid, event, seq)
            print(sid, seq, flush=True)


def race(url: str, sid: str, count: int, name: str) -> None:
    store = open_store(url)
    events = [e.model_copy(update={"rationale": name}) for e in speeches(count)]
    store.get(sid)  # connect before the start
    print("ready", flush=True)
    for seq, event in enumerate(events):
        if sys.stdin.readline().strip() != "go":
            return
        # Started together by the test: a jitter under SQLite's busy sleep (a millisecond)
        # decides who asks first, so that either writer may win any race.
        time.sleep(random.uniform(0, 0.002))
        try:
            store.append(sid, event, seq)
        except SequenceConflict:
            print("conflict", seq, flush=True)
        else:
            print("ok", seq, flush=True)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "stream":
        stream(args[0])
    elif mode == "race":
        race(args[0], args[1], int(args[2]), args[3])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
