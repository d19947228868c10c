#!/usr/bin/python3
# check-disagreements.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a file of gloss-cli agree --disagreements as strict readers do.

Usage: check-disagreements.py CSV

With Python's csv module first: every row must have exactly as many
fields as the header.  Then with pandas.read_csv, as a data scientist
would read it, every cell as text: the rows are printed as a JSON array
of objects whose keys are the columns, for the test to compare.  Exits 0
when the file reads, 1 (after saying why) otherwise, 2 on bad usage and
77 when pandas is not installed (Debian's python3-pandas).
"""

import csv
import sys


def main(argv):
    if len(argv) != 2:
        print("usage: check-disagreements.py CSV", file=sys.stderr)
        return 2

    # newline='' as the csv module asks: line breaks inside quoted cells
    # stay as they are.
    with open(argv[1], encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, strict=True))
    if not rows:
        print("no header", file=sys.stderr)
        return 1
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            print(f"row {number}: {len(row)} fields, the header {len(rows[0])}", file=sys.stderr)
            return 1

    try:
        import pandas
    except ImportError:
        print("pandas is not installed (python3-pandas)")
        return 77
    frame = pandas.read_csv(argv[1], dtype=str, keep_default_na=False)
    print(frame.to_json(orient="records"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
