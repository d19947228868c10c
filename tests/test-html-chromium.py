#!/usr/bin/python3
# test-html-chromium.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks that check-html-chromium.py passes a good report and fails the
bad ones: it is run on pages written to a temporary folder and its exit
status compared with the one each page must give.

Usage: test-html-chromium.py CHECK-HTML-CHROMIUM.PY

Exits 0 when every page gives the status it must, 1 otherwise, and 77
(skip) when /usr/bin/chromium is not installed.  The harness's own
temporary folders go to a folder of the test's, which must be empty after
every run: Chromium's profile is removed also when the page fails.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
SKIP = 77

HEAD = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Agreement report</title>
<style>body { font-family: sans-serif; } .bar { fill: #3465a4; }</style>
</head>
<body>
<h1>Agreement report</h1>
"""
TAIL = "</body>\n</html>\n"

# A bar chart of three coefficients, with its axis and labels.
CHART = """<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"
     viewBox="0 0 320 160" role="img" aria-labelledby="chart-title">
  <title id="chart-title">Agreement by coefficient</title>
  <line x1="40" y1="130" x2="310" y2="130" stroke="black"/>
  <g>
    <rect class="bar" x="60" y="34" width="50" height="96"/>
    <rect class="bar" x="150" y="50" width="50" height="80"/>
    <rect class="bar" x="240" y="58" width="50" height="72"/>
  </g>
  <text x="60" y="150">alpha</text>
  <text x="150" y="150">kappa</text>
  <text x="240" y="150">pi</text>
</svg>
"""

GOOD = HEAD + "<p>Krippendorff's alpha: 0.81</p>\n" + CHART + TAIL

XHTML = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><title>Agreement report</title></head>
<body>
<p>Krippendorff's alpha: 0.81</p>
""" + CHART + "%s</body>\n</html>\n"
XHTML_GOOD = XHTML % ""
XHTML_BAD = XHTML % "<p>An unclosed paragraph\n"

# Each case: name, page, extra arguments, the status it must give, and the
# page's extension when it is not html.
CASES = [
    ("good page with an inline bar chart", GOOD,
     ["--expect-text", "Krippendorff's alpha: 0.81", "--expect-text", "kappa"], 0),
    ("page whose script throws", HEAD + CHART
     + "<script>document.getElementById('none').textContent = 'x';</script>\n" + TAIL, [], 1),
    ("page that logs an error", HEAD + CHART
     + "<script>console.error('broken');</script>\n" + TAIL, [], 1),
    ("page with an image from the network", HEAD + CHART
     + '<img src="http://example.invalid/x.png" alt="">\n' + TAIL, [], 1),
    ("page with an image from another file", HEAD + CHART
     + '<img src="chart.png" alt="">\n' + TAIL, [], 1),
    ("page with an empty <svg>", HEAD + "<svg></svg>\n" + TAIL, [], 1),
    ("page with a hidden <svg>", HEAD + '<div style="display: none">' + CHART + "</div>\n"
     + TAIL, [], 1),
    ("page without the text expected", GOOD, ["--expect-text", "Fleiss"], 1),
    ("page with fewer <svg> than expected", GOOD, ["--min-svg", "2"], 1),
    ("page with an SVG length Chromium cannot parse", HEAD
     + CHART.replace('width="50" height="96"', 'width="fifty" height="96"') + TAIL, [], 1),
    ("XHTML page that is not well formed", XHTML_BAD, [], 1, "xhtml"),
    ("well-formed XHTML page", XHTML_GOOD, [], 0, "xhtml"),
]


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    harness = sys.argv[1]
    if not os.access(CHROMIUM, os.X_OK):
        print(f"SKIP: {CHROMIUM} is not installed")
        return SKIP

    failures = 0
    with tempfile.TemporaryDirectory(prefix="gloss-test-html-chromium-") as folder:
        folder = Path(folder)
        harness_tmp = folder / "tmp"
        harness_tmp.mkdir()
        env = dict(os.environ, TMPDIR=str(harness_tmp))
        for number, (name, page, extra, expected, *extension) in enumerate(CASES, 1):
            path = folder / f"page-{number}.{extension[0] if extension else 'html'}"
            path.write_text(page, encoding="utf-8")
            result = subprocess.run(
                [sys.executable, harness, "--chromium", CHROMIUM] + extra + [str(path)],
                env=env, capture_output=True, text=True, timeout=100,
            )
            problems = []
            if result.returncode != expected:
                problems.append(f"exit status {result.returncode}, {expected} expected")
            if len(result.stdout.splitlines()) != 1:
                problems.append("stdout is not one line of JSON")
            left = sorted(p.name for p in harness_tmp.iterdir())
            if left:
                problems.append(f"left behind in TMPDIR: {', '.join(left)}")
            status = "ok" if not problems else "FAIL"
            print(f"{status} {number} - {name}: exit {result.returncode}")
            for line in result.stderr.splitlines():
                print(f"    {line}")
            for problem in problems:
                print(f"    FAIL: {problem}")
            if problems:
                print(f"    stdout: {result.stdout.strip()}")
                failures += 1
    print(f"{len(CASES) - failures} of {len(CASES)} passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
