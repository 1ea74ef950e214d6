"""Headless Chromium over the DevTools protocol: open a report, time it, catch errors, take screenshots.

Test support for the report's browser test and scale benchmark (`build_report` does not use it).
Debian's `chromium` (/usr/bin/chromium, or $CHROMIUM) is driven directly through its DevTools websocket
with the small `websocket-client` package: no browser download (as Playwright or Selenium-manager would
attempt), no driver binary to keep in step with the browser. Every JavaScript exception, console error,
browser log error (a Content-Security-Policy violation, a failed load) and every request that is neither
the report file itself nor a data: URI is recorded in `Browser.errors`: a self-contained report has none.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
)


def chromium_missing() -> str | None:
    """Why the browser checks cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium)"
    try:
        import websocket  # noqa: F401
    except ImportError:
        return "the websocket-client package is not installed (pip install websocket-client)"
    return None


@dataclass
class Timing:
    load_s: float  # navigation sent -> load event received
    first_frame_s: float  # navigation sent -> a frame painted after the load event
    dom_content_loaded_ms: float  # the page's own Navigation Timing
    load_event_ms: float


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with a new empty profile, and one page (tab) driven over DevTools."""

    def __init__(self, width: int = 1366, height: int = 900, timeout: float = 60.0) -> None:
        self.width, self.height, self.timeout = width, height, timeout
        self.errors: list[str] = []
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        self._allowed_url = ""

    # ------------------------------------------------------------------ life cycle
    def __enter__(self) -> Browser:
        import websocket

        self.profile = Path(tempfile.mkdtemp(prefix="report-chromium-"))
        self._log = (self.profile / "chromium.log").open("wb")
        self.proc = subprocess.Popen(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                f"--window-size={self.width},{self.height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        try:
            port = self._port()
            page = self._page_target(port)
            self.ws = websocket.create_connection(page, timeout=self.timeout, suppress_origin=True)
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
            self.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
            )
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _port(self) -> int:
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BrowserError(f"chromium exited with {self.proc.returncode}: {self._log_tail()}")
            if active.exists():
                first = active.read_text().split("\n")[0].strip()
                if first.isdigit():
                    return int(first)
            time.sleep(0.05)
        raise BrowserError(f"chromium did not open its DevTools port: {self._log_tail()}")

    def _page_target(self, port: int) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as resp:
                targets = json.load(resp)
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.05)
        raise BrowserError("chromium opened no page")

    def _log_tail(self) -> str:
        self._log.flush()
        return (self.profile / "chromium.log").read_text(errors="replace")[-2000:]

    # ------------------------------------------------------------------ protocol
    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        ident = next(self._ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        message = self._until(lambda m: m.get("id") == ident, self.timeout, f"an answer to {method}")
        if "error" in message:
            raise BrowserError(f"{method}: {message['error']}")
        return dict(message.get("result", {}))

    def _until(self, done: Any, timeout: float, what: str) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"timed out waiting for {what}")
            self.ws.settimeout(left)
            message = json.loads(self.ws.recv())
            if "method" in message:
                self._event(message)
            if done(message):
                return dict(message)

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message["method"], message.get("params", {})
        self.events.append(message)
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exc = details.get("exception", {})
            self.errors.append(f"exception: {exc.get('description') or details.get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.errors.append(f"console.{params['type']}: {args}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.errors.append(
                f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip()
            )
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not (url.startswith("data:") or url.split("#")[0] == self._allowed_url):
                self.errors.append(f"request to {url[:200]}")

    def settle(self, seconds: float = 0.3) -> None:
        """Read the events that arrive in the next `seconds` (late errors)."""
        try:
            self._until(lambda m: False, seconds, "nothing")
        except BrowserError:
            pass
        except Exception as exc:  # websocket timeout
            if type(exc).__name__ != "WebSocketTimeoutException":
                raise

    # ------------------------------------------------------------------ actions
    def open(self, html: Path) -> Timing:
        """Navigate to the file and wait for its load event, then for a painted frame."""
        url = Path(html).resolve().as_uri()
        self._allowed_url = url
        started = time.perf_counter()
        self.call("Page.navigate", {"url": url})
        self._until(lambda m: m.get("method") == "Page.loadEventFired", self.timeout, "the load event")
        load_s = time.perf_counter() - started
        self.evaluate(
            "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))", await_promise=True
        )
        first_frame_s = time.perf_counter() - started
        nav = self.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
        timing = json.loads(nav) if nav else {}
        self.settle(0.2)
        return Timing(
            load_s,
            first_frame_s,
            float(timing.get("domContentLoadedEventEnd", 0)),
            float(timing.get("loadEventEnd", 0)),
        )

    def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": await_promise},
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def go(self, fragment: str) -> float:
        """Follow an in-page link (#fragment) as a click would; seconds until its target is painted."""
        started = time.perf_counter()
        self.evaluate(f"location.hash = {json.dumps(fragment)}")
        self.wait_visible(f"[id={json.dumps(fragment)}]")
        elapsed = time.perf_counter() - started
        self.settle(0.1)
        return elapsed

    def wait_visible(self, selector: str, timeout: float = 15.0) -> None:
        """Wait until an element matching the CSS selector is laid out, then for a painted frame."""
        found = self.evaluate(
            "new Promise(resolve => { const t0 = performance.now(); (function check() {"
            f"  const e = document.querySelector({json.dumps(selector)});"
            "  if (e && e.getClientRects().length)"
            "    requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));"
            f"  else if (performance.now() - t0 > {timeout * 1000}) resolve(false);"
            "  else setTimeout(check, 2); })(); })",
            await_promise=True,
        )
        if not found:
            raise BrowserError(f"{selector} did not become visible within {timeout} s")

    def open_first_document(self) -> float:
        """Open the first document of the index (unpacked on first visit); seconds until painted."""
        anchor = self.evaluate(
            "(document.querySelector('#doc-index a.doc-link') || {hash: ''}).hash.slice(1)"
        )
        if not anchor:
            raise BrowserError("the report has no document page")
        return self.go(anchor)

    def screenshot(self, path: Path, full_page: bool = False, max_height: int = 7000) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics")
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            params.update(
                captureBeyondViewport=True,
                clip={
                    "x": 0,
                    "y": 0,
                    "width": self.width,
                    "height": min(max_height, int(size["height"])),
                    "scale": 1,
                },
            )
        data = self.call("Page.captureScreenshot", params)["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
