#!/usr/bin/env python3
# validate-schema.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks annotation files against the Gloss JSON Schema.

Usage: validate-schema.py SCHEMA FILE...

Exits 0 when every file is valid, 1 (after printing each problem) when one
is not, 2 on bad usage and 77 when python3-jsonschema is missing, which the
tests report as a skip.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate-schema.py: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(77)


def load_json(path):
    with open(path, encoding="utf-8") as stream:
        return json.load(stream)


def main(argv):
    if len(argv) < 3:
        print("usage: validate-schema.py SCHEMA FILE...", file=sys.stderr)
        return 2

    schema = load_json(argv[1])
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    valid = True
    for path in argv[2:]:
        try:
            document = load_json(path)
        except (OSError, ValueError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            valid = False
            continue

        problems = sorted(validator.iter_errors(document),
                          key=lambda e: [str(p) for p in e.absolute_path])
        for problem in problems:
            where = "/".join(str(p) for p in problem.absolute_path) or "(top level)"
            print(f"{path}: {where}: {problem.message}", file=sys.stderr)
            valid = False

    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
