#!/usr/bin/python3
# check-sample-offsets.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks the sample annotation files against their articles, as Python
reads them, and prints the results as TAP.

Gloss counts offsets in Unicode code points, end excluded, on the text
exactly as it is in the file: a byte order mark is a character and line
breaks are kept as they are.  That is what
open(path, encoding=ENC, newline='').read()[start:end] gives, so a
researcher who reads the samples with Python finds every quote where the
file says it is.  The layout of the files is pinned to Python's own
json.dumps(data, indent=2, ensure_ascii=False) so that the samples stay
byte for byte what Gloss writes.
"""

import json
import os
import sys

SUFFIX = '.gloss.json'


class Tap:
    """Collects results and prints them once the plan is known."""

    def __init__(self):
        self.results = []

    def check(self, passed, description, diagnostics=()):
        self.results.append((bool(passed), description, list(diagnostics)))
        return passed

    def print(self):
        print('TAP version 13')
        print('1..%d' % len(self.results))
        for number, (passed, description, diagnostics) in enumerate(self.results, 1):
            print('%s %d - %s' % ('ok' if passed else 'not ok', number, description))
            if not passed:
                for line in diagnostics:
                    print('# ' + line)

    def failed(self):
        return any(not passed for passed, _, _ in self.results)


def python_encoding(name):
    """The name Python's codecs know for a source.encoding value."""
    name = name.lower()
    return 'utf-8' if name in ('utf-8', 'utf8') else name


def first_difference(expected, actual):
    """A short description of where two texts first differ, by line."""
    expected_lines = expected.split('\n')
    actual_lines = actual.split('\n')
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), 1):
        if want != got:
            return ['line %d: expected %r' % (number, want),
                    'line %d: found    %r' % (number, got)]
    return ['expected %d lines, found %d' % (len(expected_lines), len(actual_lines))]


def check_annotation(tap, name, text, index, annotation):
    start = annotation.get('start')
    end = annotation.get('end')
    quote = annotation.get('quote', '')
    prefix = annotation.get('prefix', '')
    suffix = annotation.get('suffix', '')
    label = '%s: annotation %d (%s) at %s-%s' % (name, index + 1, annotation.get('id'), start, end)

    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        tap.check(False, label, ['offsets outside the article (%d characters)' % len(text)])
        return

    diagnostics = []
    if text[start:end] != quote:
        diagnostics.append('quote:  expected %r, text has %r' % (quote, text[start:end]))
    before = text[max(0, start - len(prefix)):start]
    if before != prefix:
        diagnostics.append('prefix: expected %r, text has %r' % (prefix, before))
    after = text[end:end + len(suffix)]
    if after != suffix:
        diagnostics.append('suffix: expected %r, text has %r' % (suffix, after))

    tap.check(not diagnostics, label, diagnostics)


def check_file(tap, folder, name):
    path = os.path.join(folder, name)

    with open(path, 'rb') as stream:
        raw = stream.read()

    tap.check(raw.endswith(b'\n'), '%s: ends with a newline' % name)

    try:
        content = raw.decode('utf-8')
        data = json.loads(content)
    except ValueError as error:
        tap.check(False, '%s: is JSON in UTF-8' % name, [str(error)])
        return

    layout = json.dumps(data, indent=2, ensure_ascii=False) + '\n'
    tap.check(layout == content, '%s: laid out as json.dumps(indent=2)' % name,
              [] if layout == content else first_difference(layout, content))

    source = data.get('source') or {}
    article_name = source.get('path', '')
    if not article_name or os.path.basename(article_name) != article_name:
        tap.check(False, '%s: source.path names a file beside it' % name,
                  ['source.path is %r' % article_name])
        return

    encoding = python_encoding(source.get('encoding', 'UTF-8'))
    try:
        with open(os.path.join(folder, article_name), encoding=encoding, newline='') as stream:
            text = stream.read()
    except (OSError, LookupError, ValueError) as error:
        tap.check(False, '%s: article %s can be read as %s' % (name, article_name, encoding),
                  [str(error)])
        return

    tap.check(source.get('length') == len(text),
              '%s: source.length is the length of %s' % (name, article_name),
              ['source.length is %r, the text has %d characters' % (source.get('length'), len(text))])

    for index, annotation in enumerate(data.get('annotations') or []):
        check_annotation(tap, name, text, index, annotation)


def main(argv):
    if len(argv) != 2:
        print('usage: %s SAMPLES-FOLDER' % os.path.basename(argv[0]), file=sys.stderr)
        return 2

    folder = argv[1]
    tap = Tap()
    names = sorted(name for name in os.listdir(folder) if name.endswith(SUFFIX))

    tap.check(names, 'the folder %s has annotation files' % folder)
    for name in names:
        check_file(tap, folder, name)

    tap.print()
    return 1 if tap.failed() else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
