"""Child processes of the reliability tests, run as ``python store_child.py MODE URL ...``.

stream URL
    Create sessions one after another and append legal events to them, printing
    ``<session id> <seq>`` after each append has returned, until killed.
race URL SESSION COUNT NAME GO_FILE
    Print ``ready``, wait for GO_FILE, then try to append events 0..COUNT-1 (marked with
    NAME as rationale) without ever re-reading the session: print ``ok <seq>`` for each
    append that succeeded and ``conflict <seq>`` for each refused as stale. Both writers
    try every seq, so each seq is one race with one winner and one loser.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

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


def race(url: str, sid: str, count: int, name: str, go_file: str) -> None:
    store = open_store(url)
    events = [e.model_copy(update={"rationale": name}) for e in speeches(count)]
    store.get(sid)  # connect before the start
    print("ready", flush=True)
    while not Path(go_file).exists():
        time.sleep(0.001)
    for seq, event in enumerate(events):
        try:
            store.append(sid, event, seq)
        except SequenceConflict:
            print("conflict", seq, flush=True)
        else:
            print("ok", seq, flush=True)
        # A moment's thought, as a player would take, of a few milliseconds: SQLite's busy
        # handler sleeps in milliseconds, so with less a writer that holds the lock takes
        # it again before the waiter wakes, and on a slow machine one writer won every race
        # (nothing was tested).
        time.sleep(random.uniform(0, 0.004))


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "stream":
        stream(args[0])
    elif mode == "race":
        race(args[0], args[1], int(args[2]), args[3], args[4])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
