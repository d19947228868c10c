#!/usr/bin/python3
# check-export-groups.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a CSV, JSON Lines or W3C export as scripts read them and checks
which annotations it links as pieces of one passage.

Usage: check-export-groups.py csv|jsonl|w3c FILE EXPECTED

The CSV is read with the csv module; the JSON Lines with str.splitlines(),
as line-oriented readers split a file (U+0085, U+2028 and U+2029 end a line
there), each line with the json module; the W3C export with the json
module, the passage of an annotation being the source of its body with
purpose "linking".

EXPECTED is a JSON object: "texts", the text of every annotation in order;
"notes", their notes (optional); "groups", lists of texts whose
annotations must share one passage id, every other annotation having
none.  Prints the passage ids, one per group, and exits 0 when all is as
expected, 1 (after printing the first difference) otherwise, 2 on bad
usage.
"""

import csv
import json
import sys


def read(kind, path):
    """(text, note, group) of each annotation, in order."""
    if kind == "csv":
        with open(path, encoding="utf-8", newline="") as stream:
            return [(row["text"], row["note"], row["group"] or None)
                    for row in csv.DictReader(stream, strict=True)]
    if kind == "jsonl":
        with open(path, encoding="utf-8", newline="") as stream:
            records = [json.loads(line) for line in stream.read().splitlines()]
        return [(r["text"], r["note"], r["group"]) for r in records]
    with open(path, encoding="utf-8") as stream:
        collections = json.load(stream)
    found = []
    for collection in collections:
        for annotation in collection["first"]["items"]:
            bodies = annotation["body"]
            exact = next(s["exact"] for s in annotation["target"]["selector"]
                         if s["type"] == "TextQuoteSelector")
            note = next((b["value"] for b in bodies if b.get("purpose") == "commenting"), None)
            links = [b["source"] for b in bodies if b.get("purpose") == "linking"]
            if len(links) > 1:
                raise ValueError(f"{exact!r} links to {len(links)} passages")
            group = links[0].removeprefix("urn:uuid:") if links else None
            found.append((exact, note, group))
    return found


def main(argv):
    if len(argv) != 4 or argv[1] not in ("csv", "jsonl", "w3c"):
        print("usage: check-export-groups.py csv|jsonl|w3c FILE EXPECTED", file=sys.stderr)
        return 2

    with open(argv[3], encoding="utf-8") as stream:
        expected = json.load(stream)
    try:
        found = read(argv[1], argv[2])
    except (ValueError, KeyError, StopIteration) as error:
        print(f"cannot read {argv[2]}: {error!r}", file=sys.stderr)
        return 1

    texts = [text for text, _, _ in found]
    if texts != expected["texts"]:
        print(f"texts {texts!r} are not {expected['texts']!r}", file=sys.stderr)
        return 1
    notes = [note or "" for _, note, _ in found]
    if "notes" in expected and notes != expected["notes"]:
        print(f"notes {notes!r} are not {expected['notes']!r}", file=sys.stderr)
        return 1

    grouped = set()
    ids = []
    for members in expected["groups"]:
        groups = {group for text, _, group in found if text in members}
        if len(groups) != 1 or None in groups:
            print(f"{members!r} are in passages {groups!r}", file=sys.stderr)
            return 1
        ids.append(groups.pop())
        grouped.update(members)
    if len(set(ids)) != len(ids):
        print(f"two passages share an id: {ids!r}", file=sys.stderr)
        return 1
    for text, _, group in found:
        if text not in grouped and group is not None:
            print(f"{text!r} is in passage {group!r}", file=sys.stderr)
            return 1

    print(" ".join(ids))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
