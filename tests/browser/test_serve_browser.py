"""`debate serve` in a real browser: Debian's chromium (headless) through selenium.

Two pages join two seats of one hosted game by code; a speech made in one appears in the
other. A served page reaches neither another seat's brief nor other games (restricted
mode), and never shows the database. What a page shows is read from the terminal stream
its web socket receives (the terminal itself is drawn on a canvas).

Skipped, with the reason, only where no chromium (or its driver, or selenium) exists:
``.ci/run`` installs them when it can.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from debate.seminar import SeatSpec, host_game
from debate.store import open_store


def _system_tool(*names: str) -> str | None:
    """A program of Debian's chromium packages, where apt installs it (they come from the
    system, never from the virtualenv)."""
    for name in names:
        for folder in ("/usr/bin", "/usr/local/bin"):
            if Path(folder, name).is_file():
                return str(Path(folder, name))
    return None


CHROMIUM = _system_tool("chromium", "chromium-browser")
DRIVER = _system_tool("chromedriver")
PATIENCE = 90.0
SPEECH = "Hello from a browser tab"

selenium = pytest.importorskip("selenium", reason="selenium is not installed ([browser] extra)")
pytest.importorskip("textual_serve", reason="textual-serve is not installed ([web] extra)")
if CHROMIUM is None or DRIVER is None:
    pytest.skip(
        "no chromium/chromedriver on this machine (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

pytestmark = pytest.mark.slow

# Record everything the page's web sockets receive (the app's terminal output).
RECORDER = """
(() => {
  window.__screen = "";
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  const keep = (s) => {
    window.__screen += s;
    if (window.__screen.length > 8000000) window.__screen = window.__screen.slice(-4000000);
  };
  function Recording(...args) {
    const ws = new Native(...args);
    ws.addEventListener("message", async (e) => {
      const d = e.data;
      if (typeof d === "string") keep(d);
      else if (d instanceof ArrayBuffer) keep(decoder.decode(d));
      else if (d && d.arrayBuffer) keep(decoder.decode(await d.arrayBuffer()));
    });
    return ws;
  }
  Recording.prototype = Native.prototype;
  Object.assign(Recording, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Recording;
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "seminar.db"
    open_store(str(db)).close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DEBATE_DB"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from debate.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--db",
            str(db),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    try:
        end = time.monotonic() + PATIENCE
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, "debate serve exited"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


class Page:
    """One browser tab on the served app."""

    def __init__(self, url: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="debate-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            f"--user-data-dir={self.profile}",
            "--window-size=1400,1000",
        ):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
        self.driver.get(url)

    def screen(self) -> str:
        return str(self.driver.execute_script("return window.__screen || ''"))

    def wait_for(self, text: str, since: int = 0) -> None:
        end = time.monotonic() + PATIENCE
        while text not in self.screen()[since:]:
            if time.monotonic() > end:
                raise AssertionError(f"the page never showed {text!r}")
            time.sleep(0.2)

    def keys(self, *keys: str) -> None:
        self.driver.execute_script(
            "const t = document.querySelector('.xterm-helper-textarea'); if (t) t.focus();"
        )
        for key in keys:
            ActionChains(self.driver).send_keys(key).perform()
            time.sleep(0.05)

    def ctrl(self, key: str) -> None:
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys(key).key_up(
            Keys.CONTROL
        ).perform()

    def join(self, code: str) -> None:
        self.wait_for("Join a game")
        self.keys("j")
        self.wait_for("Type the code")
        self.keys(code, Keys.ENTER)

    def close(self) -> None:
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)


def test_two_browser_pages_play_one_game(served: tuple[str, Path]) -> None:
    from debate.engine.testing import tiny_motion

    url, db = served
    store = open_store(str(db))
    motion = tiny_motion()
    codes = host_game(store, motion, [SeatSpec("washington", "scripted", "easy")], seed=2)
    other_game = host_game(store, motion, [], seed=9, title="Another seminar entirely")
    pages = [Page(url), Page(url)]
    try:
        kyiv, kremlin = pages
        # Restricted lobby: other games stay out of reach (no Continue, no Replay).
        kremlin.wait_for("Join a game")
        kremlin.keys("c", "r", "h")
        kyiv.join(codes.seats["kyiv"])
        kremlin.join(codes.seats["kremlin"])
        kremlin.wait_for("Waiting for")
        kyiv.wait_for("Speak")
        mark = len(kremlin.screen())
        kyiv.keys("s")
        kyiv.wait_for("Submit")
        kyiv.keys(SPEECH)
        kyiv.ctrl("s")
        end = time.monotonic() + PATIENCE
        while not store.load(codes.session).events and time.monotonic() < end:
            time.sleep(0.2)
        assert store.load(codes.session).events[0].action.text == SPEECH  # type: ignore[union-attr]
        kremlin.wait_for(SPEECH, since=mark)  # the other page shows it, live
        kremlin.keys("3")  # its own brief
        kremlin.wait_for(motion.role_by_id["kremlin"].brief.summary[:24])
        for page in pages:
            seen = page.screen()
            assert str(db) not in seen and db.name not in seen
            assert other_game.session not in seen and "Another seminar" not in seen
        seen = kremlin.screen()
        for role in ("kyiv", "washington"):
            assert motion.role_by_id[role].brief.summary[:24] not in seen
    finally:
        for page in pages:
            page.close()
        store.close()
