"""A client process of the hosted-game race test: ``python seminar_child.py URL CODE GO N``.

Prints ``ready``, waits for the file GO, then tries N actions as its code's seat (speak,
then pass, in turn), never waiting: prints ``ok <seq>`` for each action saved and ``lost``
for each race lost to the other process (the client reloads and tries again).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from debate.engine import Pass, Speak
from debate.seminar import GameMovedOn, SeatClient
from debate.store import open_store


def main(url: str, code: str, go: str, count: int) -> None:
    store = open_store(url)
    client = SeatClient.open(store, code)
    print("ready", flush=True)
    while not Path(go).exists():
        time.sleep(0.001)
    done = 0
    while done < count and not client.finished:
        action = Speak(text=f"{client.client_id} {done}") if done % 2 == 0 else Pass()
        try:
            event = client.act(action)
        except GameMovedOn:
            print("lost", flush=True)
            continue
        print("ok", event.seq, flush=True)
        done += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
