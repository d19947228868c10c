#!/usr/bin/python3
# check-html-chromium.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Renders a self-contained HTML file in headless Chromium and checks it.

Usage: check-html-chromium.py [--chromium PATH] [--min-svg N]
                              [--expect-text TEXT]... [--timeout SECONDS]
                              FILE.html

Chromium is driven through the DevTools protocol over a pipe
(--remote-debugging-pipe): it reads commands on its file descriptor 3 and
writes answers and events on its descriptor 4, each message JSON ended by
a NUL byte.  The file is opened in a new tab and, once it has loaded,
these checks are made:

  - no script threw an exception and nothing was logged as an error on
    the console or in the log (which is also where Chromium reports the
    values of SVG attributes it cannot parse);
  - the page asked for nothing but itself and data: URLs: a report must
    load nothing from the network or from other files;
  - the page has at least --min-svg <svg> elements (1 unless told), and
    each of them takes room on the page and draws at least one shape
    (rect, path, circle, ellipse, line, polyline, polygon or text) whose
    box is not empty;
  - every --expect-text is in the text of the page's body;
  - the parser left no <parsererror> in the document (XHTML and XML that
    are not well formed).

A one-line JSON summary goes to stdout.  The exit status is 0 when every
check passes, 1 when one fails (each reason on its own line on stderr),
2 on a bad command line, and 77 (skip) when Chromium is not installed.
Chromium is always killed and its temporary profile removed, also when
the whole run takes longer than --timeout (60 seconds unless told).
"""

import argparse
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

SKIP = 77

# Runs in the page once it has loaded and returns what the checks need.
PAGE_PROBE = r"""
(() => {
  const shapes = 'rect, path, circle, ellipse, line, polyline, polygon, text';
  const svgs = Array.from(document.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'svg'));
  const drawn = svgs.map((svg, index) => {
    const box = svg.getBoundingClientRect();
    let visible = 0;
    for (const shape of svg.querySelectorAll(shapes)) {
      let bbox = null;
      try {
        bbox = shape.getBBox();
      } catch (e) {
        bbox = null;
      }
      if (bbox && (bbox.width > 0 || bbox.height > 0))
        visible++;
    }
    return {index: index, id: svg.id || null,
            width: box.width, height: box.height, shapes: visible};
  });
  const errors = Array.from(document.getElementsByTagName('parsererror'))
    .concat(Array.from(document.getElementsByTagNameNS(
      'http://www.mozilla.org/newlayout/xml/parsererror.xml', 'parsererror')));
  return {
    url: document.URL,
    contentType: document.contentType,
    svgs: drawn,
    text: document.body ? document.body.innerText
                        : (document.documentElement ? document.documentElement.textContent : ''),
    parseErrors: errors.map(e => e.textContent.trim()),
  };
})()
"""


class Timeout(Exception):
    pass


class Failure(Exception):
    """Chromium could not be run or driven; the checks did not happen."""


def raise_timeout(_signum, _frame):
    raise Timeout()


def raise_terminated(signum, _frame):
    raise Failure(f"stopped by signal {signum}")


def high_fd(fd):
    """Moves FD above the descriptors the child needs (3 and 4)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


def kill_strays(workdir):
    """Kills what Chromium started outside its process group: its crash
    handler starts a session of its own.  They are known by the temporary
    folder on their command line, which no other process has."""
    mark = str(workdir).encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if mark in cmdline:
            try:
                os.kill(int(entry), signal.SIGKILL)
            except OSError:
                pass


class Browser:
    """Chromium started on a pipe, and the DevTools protocol spoken over it."""

    def __init__(self, chromium, workdir, deadline):
        self.deadline = deadline
        self.next_id = 0
        self.buffer = b""
        self.events = []
        self.process = None
        self.workdir = workdir
        self.log_path = workdir / "chromium.log"

        to_child_read, to_child_write = (high_fd(fd) for fd in os.pipe())
        from_child_read, from_child_write = (high_fd(fd) for fd in os.pipe())
        self.writer = to_child_write
        self.reader = from_child_read

        def give_pipe_to_child():
            # dup2() leaves the copies inheritable; every other descriptor
            # Python opened is closed on exec.
            os.dup2(to_child_read, 3)
            os.dup2(from_child_write, 4)

        # Chromium keeps its profile, caches and NSS database in the
        # temporary folder, never in the user's home.
        env = dict(os.environ)
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            env[name] = str(workdir / "home")
        (workdir / "home").mkdir()
        # A page needs no session bus; on one, Chromium would start the
        # accessibility bus and other services that outlive it.
        env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
        args = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--user-data-dir=" + str(workdir / "profile"),
            "--disk-cache-dir=" + str(workdir / "cache"),
            "--remote-debugging-pipe",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--disable-breakpad",
            "--disable-crash-reporter",
            "--disable-dev-shm-usage",
            "--password-store=basic",
            "--use-mock-keychain",
            "--mute-audio",
            "--hide-scrollbars",
            # Names resolve to nothing: a page that reaches for the network
            # is still seen asking, but nothing leaves the machine.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=1280,1024",
            "about:blank",
        ]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                close_fds=False,
                preexec_fn=give_pipe_to_child,
                # Its own process group, so that its helpers die with it.
                start_new_session=True,
            )
        os.close(to_child_read)
        os.close(from_child_write)

    def log_tail(self, lines=15):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            try:
                written = os.write(self.writer, data)
            except BrokenPipeError:
                raise Failure("Chromium closed its pipe:\n" + self.log_tail())
            data = data[written:]
        return self.next_id

    def read_message(self, until):
        """Returns the next message, or None when UNTIL has passed."""
        while b"\0" not in self.buffer:
            left = min(until, self.deadline) - time.monotonic()
            if left <= 0:
                if until >= self.deadline:
                    raise Timeout()
                return None
            ready, _, _ = select.select([self.reader], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.reader, 1 << 16)
            if not chunk:
                raise Failure("Chromium closed its pipe:\n" + self.log_tail())
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        """Sends a command and returns its result; events that arrive in
        the meantime are kept in self.events."""
        wanted = self.send(method, params, session)
        while True:
            message = self.read_message(self.deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise Failure(f"{method}: {message['error'].get('message', message['error'])}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_events(self, until, stop=None):
        """Collects events until STOP returns true on one, or until UNTIL."""
        while True:
            message = self.read_message(until)
            if message is None:
                return False
            if "method" in message:
                self.events.append(message)
                if stop and stop(message):
                    return True

    def close(self):
        if self.process is None:
            return
        # Closing takes 15 seconds at most; the alarm must not cut it short.
        signal.alarm(0)
        try:
            if self.process.poll() is None:
                self.send("Browser.close")
                self.process.wait(timeout=5)
        except (Failure, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            # Whatever is left of the group goes, helpers included.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        kill_strays(self.workdir)
        for fd in (self.writer, self.reader):
            try:
                os.close(fd)
            except OSError:
                pass
        self.process = None


def same_file(url, path):
    """Whether URL is a file: URL of PATH, fragment and query aside."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    return urllib.parse.unquote(parts.path) == str(path)


def describe_exception(params):
    details = params.get("exceptionDetails", {})
    exception = details.get("exception", {})
    text = exception.get("description") or details.get("text", "exception")
    where = details.get("url", "")
    if "lineNumber" in details:
        where += f":{details['lineNumber'] + 1}"
    return f"{text.splitlines()[0]} ({where})" if where else text.splitlines()[0]


def describe_console(params):
    texts = []
    for arg in params.get("args", []):
        if "value" in arg:
            texts.append(str(arg["value"]))
        else:
            texts.append(arg.get("description", arg.get("type", "")))
    return " ".join(texts)


def run(args, path, workdir, deadline):
    summary = {
        "file": str(path),
        "svg": 0,
        "errors": [],
        "requests": [],
        "undrawn_svg": [],
        "missing_text": [],
        "parse_errors": [],
    }
    reasons = []

    browser = Browser(args.chromium, workdir, deadline)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget",
                               {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            browser.call(domain + ".enable", session=session)
        url = path.as_uri()
        summary["url"] = url

        def loaded(event):
            return event.get("sessionId") == session and event["method"] == "Page.loadEventFired"

        # The load event may come before the answer to Page.navigate.
        navigation = browser.call("Page.navigate", {"url": url}, session=session)
        if "errorText" in navigation:
            raise Failure(f"Chromium could not open {url}: {navigation['errorText']}")
        if not any(loaded(e) for e in browser.events):
            browser.wait_events(deadline, loaded)
        # A moment more for what is reported just after the load.
        browser.wait_events(min(time.monotonic() + 0.3, deadline))

        probe = browser.call("Runtime.evaluate", {
            "expression": PAGE_PROBE,
            "returnByValue": True,
        }, session=session)
        if "exceptionDetails" in probe:
            raise Failure("the checks could not run in the page: "
                          + describe_exception(probe))
        page = probe["result"]["value"]
        # Anything the probe itself caused is reported by now.
        browser.wait_events(min(time.monotonic() + 0.1, deadline))
    finally:
        browser.close()

    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            summary["errors"].append("exception: " + describe_exception(params))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            summary["errors"].append("console.error: " + describe_console(params))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            text = f"log ({entry.get('source', 'other')}): {entry.get('text', '')}"
            if entry.get("url") and not same_file(entry["url"], path):
                text += f" ({entry['url']})"
            summary["errors"].append(text)
        elif method == "Network.requestWillBeSent":
            request_url = params.get("request", {}).get("url", "")
            if not (same_file(request_url, path) or request_url.startswith("data:")):
                if request_url not in summary["requests"]:
                    summary["requests"].append(request_url)

    for error in summary["errors"]:
        reasons.append(error)
    for request_url in summary["requests"]:
        reasons.append(f"the page asked for {request_url}: it must load nothing but itself")

    svgs = page["svgs"]
    summary["svg"] = len(svgs)
    if len(svgs) < args.min_svg:
        reasons.append(f"{len(svgs)} <svg> element(s), at least {args.min_svg} expected")
    for svg in svgs:
        name = f"<svg> #{svg['index'] + 1}" + (f" (id {svg['id']})" if svg["id"] else "")
        if not (svg["width"] > 0 and svg["height"] > 0):
            reasons.append(f"{name} takes no room on the page "
                           f"({svg['width']:g} x {svg['height']:g})")
            summary["undrawn_svg"].append(svg["index"])
        elif svg["shapes"] == 0:
            reasons.append(f"{name} draws no shape with a non-empty box")
            summary["undrawn_svg"].append(svg["index"])

    for text in args.expect_text:
        if text not in page["text"]:
            summary["missing_text"].append(text)
            reasons.append(f"the page's text does not contain {text!r}")

    summary["parse_errors"] = page["parseErrors"]
    for error in page["parseErrors"]:
        reasons.append("parse error: " + " ".join(error.split()))

    summary["content_type"] = page["contentType"]
    summary["ok"] = not reasons
    return summary, reasons


def main():
    parser = argparse.ArgumentParser(
        description="Render a self-contained HTML file in headless Chromium and check it.")
    parser.add_argument("--chromium", default="/usr/bin/chromium",
                        help="the Chromium program (default: %(default)s)")
    parser.add_argument("--min-svg", type=int, default=1, metavar="N",
                        help="the fewest <svg> elements the page may have (default: 1)")
    parser.add_argument("--expect-text", action="append", default=[], metavar="TEXT",
                        help="text the page must show; may be repeated")
    parser.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                        help="the longest the whole run may take (default: 60)")
    parser.add_argument("file", metavar="FILE.html")
    args = parser.parse_args()

    chromium = shutil.which(args.chromium)
    if chromium is None:
        print(f"SKIP: {args.chromium} is not installed", file=sys.stderr)
        return SKIP
    args.chromium = chromium

    path = Path(args.file).resolve()
    if not path.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 2

    deadline = time.monotonic() + args.timeout
    # The pipe's reads stop at the deadline; the alarm is there for
    # anything else that would hang.  A SIGTERM (meson's own timeout)
    # still cleans up.
    signal.signal(signal.SIGALRM, raise_timeout)
    signal.signal(signal.SIGTERM, raise_terminated)
    signal.alarm(int(args.timeout) + 5)

    workdir = Path(tempfile.mkdtemp(prefix="gloss-chromium-"))
    try:
        summary, reasons = run(args, path, workdir, deadline)
    except Timeout:
        summary, reasons = {"file": str(path), "ok": False}, \
            [f"timed out after {args.timeout:g} seconds"]
    except Failure as e:
        summary, reasons = {"file": str(path), "ok": False}, [str(e)]
    finally:
        signal.alarm(0)
        shutil.rmtree(workdir, ignore_errors=True)

    print(json.dumps(summary, ensure_ascii=False))
    for reason in reasons:
        print(f"{path.name}: {reason}", file=sys.stderr)
    return 0 if not reasons else 1


if __name__ == "__main__":
    sys.exit(main())
