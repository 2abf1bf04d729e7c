"""Opens a page in headless Chromium through the DevTools protocol and reports what a reader
would see go wrong: images that did not load, console errors and uncaught exceptions, a page
or table wider than the window, interactive charts that do not draw or respond; and what text
from a file could have done to it: JavaScript dialogs opened, elements with event handlers,
scripts."""
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket  # Debian's python3-websocket


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _Session:
    # Ids of the answers to dialogs, apart from call()'s, whose answers it waits for.
    DIALOG_IDS = 1_000_000

    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events = []
        self.dialogs = []

    def _receive(self):
        """The next message; a JavaScript dialog (alert, confirm, prompt) the page opened is
        recorded and dismissed at once, so the page goes on as it would for a reader who clicks."""
        message = json.loads(self.socket.recv())
        if message.get("method") == "Page.javascriptDialogOpening":
            self.dialogs.append(message["params"].get("message", ""))
            self.socket.send(json.dumps({"id": self.DIALOG_IDS + len(self.dialogs),
                                         "method": "Page.handleJavaScriptDialog", "params": {"accept": False}}))
        return message

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.events.append(self._receive())
        raise TimeoutError(f"no {method} within {seconds} s")


# Run in the page once it has loaded: what a reader at 1280 px would meet. Each interactive
# (plotly) chart is hovered over its first point and its first legend entry clicked, as a
# reader would, and whether the hover label appeared and the trace was hidden is recorded.
INSPECT = """(async () => {
  const wait = ms => new Promise(r => setTimeout(r, ms));
  const page = document.documentElement;
  const tables = Array.from(document.querySelectorAll('.table-wrap')).map(w =>
      [w.querySelector('table') ? w.querySelector('table').scrollWidth : 0, w.clientWidth]);
  const plots = [];
  for (const div of document.querySelectorAll('.js-plotly-plot')) {
    const drawn = div.querySelectorAll('.main-svg').length > 0 && (div.data || []).length > 0;
    let hovered = false, toggled = null;
    if (drawn) {
      const trace = div.data.findIndex(t => t.hoverinfo !== 'skip' && t.x && t.x.length);
      Plotly.Fx.hover(div, [{curveNumber: trace, pointNumber: 0}]);
      await wait(50);
      hovered = div.querySelectorAll('.hoverlayer *').length > 0;
      const entry = div.querySelector('.legendtoggle');
      if (entry) {
        const before = div.data.map(t => t.visible);
        for (const type of ['mousedown', 'mouseup']) {
          entry.dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: 1, clientY: 1, buttons: 1}));
        }
        await wait(600);  // plotly waits out a double click before acting on a single one
        toggled = div.data.some((t, i) => t.visible !== before[i]);
      }
    }
    const legend = Array.from(div.querySelectorAll('.legendtext')).map(t => t.textContent);
    plots.push({id: div.id, drawn, hovered, toggled, legend});
  }
  const decision = document.querySelector('.decision');
  // What text from a file could have injected: elements with an event-handler attribute
  // (<img onerror>, <svg onload>), and scripts (the page's own: plotly.js and one per chart).
  const handlers = Array.from(document.querySelectorAll('*')).filter(e =>
      Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).map(e => e.outerHTML.slice(0, 120));
  return {width: window.innerWidth, page_width: page.scrollWidth, tables, plots,
          figures: document.querySelectorAll('figure').length,
          graph_divs: document.querySelectorAll('.plotly-graph-div').length,
          scripts: Array.from(document.scripts).map(s => s.getAttribute('src') || 'inline'),
          handlers, title: document.title,
          decision_top: decision ? decision.getBoundingClientRect().top : null};
})()"""


def open_page(path):
    """Returns (images, errors): images as [(src, loaded)] and errors as [text]."""
    found = inspect_page(path)
    return found["images"], found["errors"]


def inspect_page(path, width=1280):
    """Opens the page at `width` px and returns {images, errors, dialogs, width, page_width,
    tables, plots, figures, graph_divs, scripts, handlers, title} (INSPECT); dialogs are the
    messages of the JavaScript dialogs the page opened."""
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = subprocess.Popen(
            [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            port = None
            deadline = time.time() + 60
            while port is None and time.time() < deadline:
                line = browser.stderr.readline()
                found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
                if found:
                    port = int(found.group(1))
            if port is None:
                raise RuntimeError("chromium did not start its DevTools server")
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
            page = next(t for t in targets if t["type"] == "page")
            session = _Session(page["webSocketDebuggerUrl"])
            for domain in ("Page", "Runtime", "Log"):
                session.call(f"{domain}.enable")
            session.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1,
                         mobile=False)
            session.call("Page.navigate", url=Path(path).resolve().as_uri())
            session.wait_for("Page.loadEventFired")
            inspected = session.call("Runtime.evaluate", returnByValue=True, awaitPromise=True,
                                     expression=INSPECT)
            if "exceptionDetails" in inspected:
                raise RuntimeError(f"the page inspection failed: {inspected['exceptionDetails']}")
            found = inspected["result"]["value"]
            result = session.call("Runtime.evaluate", returnByValue=True, expression=(
                "Array.from(document.images).map(i => [i.getAttribute('src'), "
                "i.complete && i.naturalWidth > 0])"))
            images = [tuple(i) for i in result["result"]["value"]]
            errors = []
            for event in session.events:
                method, params = event.get("method"), event.get("params", {})
                if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                    errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
                elif method == "Runtime.exceptionThrown":
                    errors.append(params["exceptionDetails"].get("text", "exception"))
                elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                    errors.append(params["entry"]["text"] + " " + params["entry"].get("url", ""))
            session.socket.close()
            found.update({"images": images, "errors": errors, "dialogs": session.dialogs})
            return found
        finally:
            os.killpg(browser.pid, signal.SIGKILL)  # the browser and its helper processes
            browser.wait()
