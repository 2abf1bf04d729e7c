"""Opens a page in headless Chromium through the DevTools protocol and reports what a reader
would see go wrong: images that did not load, console errors and uncaught exceptions."""
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
    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
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
            self.events.append(json.loads(self.socket.recv()))
        raise TimeoutError(f"no {method} within {seconds} s")


def open_page(path):
    """Returns (images, errors): images as [(src, loaded)] and errors as [text]."""
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
            session.call("Page.navigate", url=Path(path).resolve().as_uri())
            session.wait_for("Page.loadEventFired")
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
            return images, errors
        finally:
            os.killpg(browser.pid, signal.SIGKILL)  # the browser and its helper processes
            browser.wait()
