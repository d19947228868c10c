#!/usr/bin/python3
# check-relations-csv.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a CSV export and the relations CSV beside it with pandas, as a
data scientist would, and checks what it sees.

Usage: check-relations-csv.py NAME.csv EXPECTED

EXPECTED is a JSON object: "attributes" maps an attribute column
("attr_verdict") to {annotation text: value} for the annotations that
have one; "relations" lists [type, source text, target text, note] for
each row of NAME.relations.csv, sorted.  Every relation's source_id and
target_id must be an annotation_id of NAME.csv.  Prints the columns and
their dtypes; exits 0 when all is as expected, 1 otherwise, 77 without
pandas (Debian's python3-pandas).
"""

import json
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import pandas
    except ImportError:
        print("pandas is not installed (python3-pandas)")
        return 77

    path = argv[1]
    relations_path = path[:-4] + ".relations.csv" if path.endswith(".csv") else path + ".relations.csv"
    with open(argv[2], encoding="utf-8") as stream:
        expected = json.load(stream)

    annotations = pandas.read_csv(path, keep_default_na=False)
    relations = pandas.read_csv(relations_path, keep_default_na=False)
    print(dict(annotations.dtypes.astype(str)))
    print(dict(relations.dtypes.astype(str)))

    problems = []
    for column, values in expected["attributes"].items():
        if column not in annotations.columns:
            problems.append(f"no column {column}")
            continue
        got = {row["text"]: str(row[column]) for _, row in annotations.iterrows()
               if str(row[column]) != ""}
        if got != values:
            problems.append(f"{column}: {got!r} is not {values!r}")

    ids = set(annotations["annotation_id"])
    for column in ("source_id", "target_id"):
        missing = set(relations[column]) - ids
        if missing:
            problems.append(f"{column} not among the annotations: {sorted(missing)!r}")

    # The join a user would write: each relation with its ends' rows.
    joined = relations.merge(annotations[["annotation_id", "tag"]], left_on="source_id",
                             right_on="annotation_id", suffixes=("", "_of_source"))
    if len(joined) != len(relations) or list(joined["tag"]) != list(joined["source_tag"]):
        problems.append("the relations do not join their sources")

    got = sorted([row["type"], row["source_text"], row["target_text"], row["note"]]
                 for _, row in relations.iterrows())
    if got != sorted(expected["relations"]):
        problems.append(f"relations: {got!r} is not {sorted(expected['relations'])!r}")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"check-relations-csv.py: {len(annotations)} annotations, {len(relations)} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
