#!/usr/bin/python3
# check-csv.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a CSV export with Python's csv module and compares it with what
it should hold.

Usage: check-csv.py CSV EXPECTED

EXPECTED is a JSON array of objects, one per row, whose keys are column
names: each row must have exactly these values for these columns (other
columns are not compared), in this order, and the header must be the one
Gloss documents.  Exits 0 when all is equal, 1 (after printing the first
difference) otherwise, 2 on bad usage.
"""

import csv
import json
import sys

HEADER = ["document", "source_sha256", "annotator", "annotation_id", "tag", "tag_label",
          "start", "end", "text", "context_before", "context_after", "note", "created",
          "modified", "status", "source_location", "group"]


def main(argv):
    if len(argv) != 3:
        print("usage: check-csv.py CSV EXPECTED", file=sys.stderr)
        return 2

    # newline='' as the csv module asks: line breaks inside quoted cells
    # stay as they are, \r\n included.
    with open(argv[1], encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, strict=True))
    with open(argv[2], encoding="utf-8") as stream:
        expected = json.load(stream)

    if not rows or rows[0] != HEADER:
        print(f"header: {rows[0] if rows else None!r} is not {HEADER!r}", file=sys.stderr)
        return 1
    if len(rows) - 1 != len(expected):
        print(f"{len(rows) - 1} rows, {len(expected)} expected", file=sys.stderr)
        return 1

    for number, (row, want) in enumerate(zip(rows[1:], expected), start=2):
        if len(row) != len(HEADER):
            print(f"row {number}: {len(row)} cells", file=sys.stderr)
            return 1
        cells = dict(zip(HEADER, row))
        for key, value in want.items():
            if cells[key] != str(value):
                print(f"row {number}, {key}: {cells[key]!r} is not {value!r}", file=sys.stderr)
                return 1

    print(f"check-csv.py: {len(expected)} rows as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
