#!/usr/bin/python3
# check-csv.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a CSV export with Python's csv module and compares it with what
it should hold.

Usage: check-csv.py [--excel SEPARATOR [--pandas]] CSV EXPECTED

EXPECTED is a JSON array of objects, one per row, whose keys are column
names: each row must have exactly these values for these columns (other
columns are not compared), in this order, and the header must be the one
Gloss documents, followed by a column "attr_ID" per attribute of the
codebook (a Python identifier, so that pandas and DuckDB name it plainly).  Exits 0 when all is equal, 1 (after printing the first
difference) otherwise, 2 on bad usage.

With --excel, the CSV is one written for spreadsheets: it must start with
a UTF-8 byte-order mark, end every record with CRLF, and separate cells
with SEPARATOR.  With --pandas too, it is read with pandas.read_csv instead
of the csv module, as a data scientist would read it; exits 77 when pandas
is not installed (Debian's python3-pandas).
"""

import csv
import io
import json
import sys

BOM = "\ufeff"

HEADER = ["document", "source_sha256", "annotator", "annotation_id", "tag", "tag_label",
          "start", "end", "text", "context_before", "context_after", "note", "created",
          "modified", "status", "source_location", "group"]


def read_rows(path, separator, use_pandas):
    """The rows of the CSV, the header first, each a list of strings."""
    # newline='' as the csv module asks: line breaks inside quoted cells
    # stay as they are, \r\n included.
    with open(path, encoding="utf-8", newline="") as stream:
        data = stream.read()
    if separator is None:
        return list(csv.reader(io.StringIO(data, newline=""), strict=True))

    if not data.startswith(BOM):
        print("no byte-order mark", file=sys.stderr)
        sys.exit(1)
    records = list(csv.reader(io.StringIO(data[1:], newline=""), delimiter=separator, strict=True))
    # Every record ends with CRLF: as many as the records, outside cells
    # or not.
    if not data.endswith("\r\n") or data.count("\r\n") < len(records):
        print("records do not end with CRLF", file=sys.stderr)
        sys.exit(1)
    if not use_pandas:
        return records

    try:
        import pandas
    except ImportError:
        print("pandas is not installed (python3-pandas)")
        sys.exit(77)
    # utf-8-sig reads past the byte-order mark, as Excel does.
    frame = pandas.read_csv(path, sep=separator, encoding="utf-8-sig", dtype=str,
                            keep_default_na=False)
    return [list(frame.columns)] + frame.values.tolist()


def main(argv):
    args = argv[1:]
    separator = None
    use_pandas = False
    if len(args) >= 2 and args[0] == "--excel":
        separator = args[1]
        args = args[2:]
        if args and args[0] == "--pandas":
            use_pandas = True
            args = args[1:]
    if len(args) != 2:
        print("usage: check-csv.py [--excel SEPARATOR [--pandas]] CSV EXPECTED", file=sys.stderr)
        return 2

    rows = read_rows(args[0], separator, use_pandas)
    with open(args[1], encoding="utf-8") as stream:
        expected = json.load(stream)

    # The documented columns, then one "attr_ID" per attribute of the
    # codebook.
    header = rows[0] if rows else None
    if not header or header[:len(HEADER)] != HEADER or \
       not all(c.startswith("attr_") and c.isidentifier() for c in header[len(HEADER):]):
        print(f"header: {header!r} is not {HEADER!r} and attr_ columns", file=sys.stderr)
        return 1
    if len(rows) - 1 != len(expected):
        print(f"{len(rows) - 1} rows, {len(expected)} expected", file=sys.stderr)
        return 1

    for number, (row, want) in enumerate(zip(rows[1:], expected), start=2):
        if len(row) != len(header):
            print(f"row {number}: {len(row)} cells", file=sys.stderr)
            return 1
        cells = dict(zip(header, row))
        for key, value in want.items():
            if cells[key] != str(value):
                print(f"row {number}, {key}: {cells[key]!r} is not {value!r}", file=sys.stderr)
                return 1

    print(f"check-csv.py: {len(expected)} rows as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
