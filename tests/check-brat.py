#!/usr/bin/python3
# check-brat.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a brat collection as brat reads it and checks it as brat's checker
does.

Usage: check-brat.py FOLDER [EXPECTED]

Every NAME.ann under FOLDER is read with NAME.txt the way brat's
server/src/annotation.py reads them: the .ann through codecs' readlines(),
which cuts lines where str.splitlines() does (\\n, \\r, \\v, \\f, \\x1c-\\x1e,
U+0085, U+2028, U+2029); the text whole, line ends as they are.  A line
brat could not parse is an error: a T line whose text is not its pieces'
text joined by spaces, a line cut in two.  Then the types are checked
against the annotation.conf brat would use (the document's folder or the
nearest parent's), as server/src/verify_annotations.py does: span types
declared as entities or events, relations with the roles and types of
their arguments, events with their roles, counts and types, attributes
with the types they go on, equivalences, overlapping entities; and the
resource of each normalisation declared in tools.conf's [normalization].

EXPECTED, a JSON object, maps an .ann's path in FOLDER to an object whose
keys are ids ("T1", "#1") and values the fields the line must have as brat
reads it: "type", "spans" ([[start, end], ...]), "text", "target", "note"
(a note's text as brat shows it: the rest of its line, stripped), "args"
(a relation's [[role, id], [role, id]]), "value" (an attribute's; true for
a binary one).  An attribute's value must be one annotation.conf declares
for it (none for a binary one), as brat's client offers them.

Exits 0 when all is well, 1 (after printing every problem) otherwise, 2 on
bad usage.
"""

import codecs
import json
import os
import re
import sys

RESERVED = {"<%s>" % n for n in (
    "ANY", "ENTITY", "RELATION", "EVENT", "NONE", "EMPTY", "REL-TYPE", "URL", "URLBASE",
    "UNICODE", "GLYPH-POS", "DEFAULT", "NORM", "OVERLAP", "OVL-TYPE", "INHERIT")}


class Node:
    """One line of a configuration section: its name and arguments."""

    def __init__(self, name, args):
        self.name = name
        self.args = {}      # role -> list of types
        self.order = []     # roles in their order
        self.counts = {}    # role -> (min, max)
        self.special = {}   # <REL-TYPE>... -> list of values
        for arg in args:
            key, _, types = arg.partition(":")
            if key in RESERVED:
                sep = "-" if key == "<REL-TYPE>" else "|"
                self.special[key] = types.split(sep)
                continue
            match = re.match(r"^(\S+?)(\{\S+\}|\?|\*|\+|)$", key)
            role, rep = match.groups()
            low, high = {"": (1, 1), "?": (0, 1), "*": (0, sys.maxsize),
                         "+": (1, sys.maxsize)}.get(rep, (None, None))
            if low is None:
                numbers = re.match(r"\{(\d+)(?:-(\d+))?\}$", rep).groups()
                low = int(numbers[0])
                high = int(numbers[1]) if numbers[1] else low
            self.order.append(role)
            self.args[role] = types.split("|")
            self.counts[role] = (low, high)


def find_up(folder, top, name):
    """The text of the nearest NAME from FOLDER up to TOP, or None."""
    while True:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as stream:
                return stream.read()
        if os.path.samefile(folder, top):
            return None
        folder = os.path.dirname(folder)


def read_conf(text):
    """Section name -> list of Node, as projectconfig.py reads them."""
    sections = {}
    section = "general"
    macros = {}
    for line in (text or "").split("\n"):
        header = re.match(r"^\s*\[(.*)\]\s*$", line)
        if header:
            section = {"spans": "entities"}.get(header.group(1), header.group(1))
            sections.setdefault(section, [])
            macros = {}
            continue
        if line.strip() == "" or re.match(r"^\s*#", line) or re.match(r"^\s*-+\s*$", line):
            continue
        macro = re.match(r"^<([a-zA-Z_-]+)>=\s*(.*?)\s*$", line)
        if macro:
            macros["<%s>" % macro.group(1)] = macro.group(2)
            continue
        for name, value in macros.items():
            line = line.replace(name, value)
        if section == "labels":
            match = re.match(r"^(\s*)([^\t]+)(?:\t(.*))?$", line)
        else:
            match = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        terms = [t.strip() for t in match.group(2).split("|") if t.strip()]
        args = [a.strip() for a in (match.group(3) or "").split(",") if a.strip()]
        sections.setdefault(section, []).append(Node(terms[0].lstrip("!"), args))
    return sections


def read_ann(ann_path, text, problems, where):
    """The lines of an .ann as brat parses them: id -> dict."""
    items = {}
    # brat: codecs open() and readlines(), which is str.splitlines().
    with codecs.open(ann_path, "r", encoding="utf8", errors="strict") as stream:
        lines = stream.readlines()
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if "\t" not in line:
            problems.append(f"{where}:{number}: not a line of brat: {line!r}")
            continue
        ident, tail = line.split("\t", 1)
        data, _, rest = tail.partition("\t")
        words = data.split()
        kind = ident[0]
        item = {"kind": kind, "line": number}
        try:
            if kind == "T":
                item["type"], spans = data.split(" ", 1)
                item["spans"] = [[int(x) for x in piece.split(" ")] for piece in spans.split(";")]
                pieces = []
                for start, end in item["spans"]:
                    if not 0 <= start <= end <= len(text):
                        raise ValueError("span outside the text")
                    pieces.append(text[start:end])
                # A text brat fills from the document when missing.
                if rest.strip() == "":
                    item["text"] = "".join(pieces)
                else:
                    joined = " ".join(pieces)
                    item["text"] = rest[:len(joined)]
                    # brat wants white space between the text and what follows.
                    if item["text"] != joined or not (rest[len(joined):][:1] or " ").isspace():
                        raise ValueError(f"text {rest!r} is not {joined!r}")
            elif kind == "#":
                item["type"], item["target"] = words
                item["note"] = rest.strip()
            elif kind == "R":
                item["type"] = words[0]
                item["args"] = [list(w.split(":", 1)) for w in words[1:]]
                if len(item["args"]) != 2 or any(len(a) != 2 for a in item["args"]) \
                   or item["args"][0][0] == item["args"][1][0]:
                    raise ValueError("a relation takes two arguments of different roles")
            elif kind == "E":
                item["type"], item["trigger"] = words[0].split(":")
                item["args"] = [tuple(w.split(":", 1)) for w in words[1:]]
            elif kind in "AM":
                item["type"], item["target"] = words[0], words[1]
                if len(words) > 3 or (kind == "M" and len(words) > 2):
                    raise ValueError("an attribute takes a target and at most one value")
                item["value"] = words[2] if len(words) == 3 else True
            elif kind == "N":
                match = re.match(r"(\S+) (\S+) (\S+?):(\S+)", data)
                item["type"], item["target"], item["resource"], _ = match.groups()
            elif kind == "*":
                item["type"], item["members"] = words[0], words[1:]
            else:
                raise ValueError("unknown id")
        except (ValueError, AttributeError, IndexError, TypeError) as error:
            problems.append(f"{where}:{number}: brat cannot read {line!r}: {error}")
            continue
        items[ident if kind != "*" else f"*{number}"] = item
    return items


def matches(declared, actual, entities, events, relations=()):
    return (actual in declared or "<ANY>" in declared
            or ("<ENTITY>" in declared and actual in entities)
            or ("<EVENT>" in declared and actual in events)
            or ("<RELATION>" in declared and actual in relations))


def overlap_allowed(conf, inner, outer, kind, entities, events):
    def kinds(a, b):
        found = set()
        for node in conf.get("relations", []):
            if node.name == "<OVERLAP>" and len(node.order) == 2 \
               and matches(node.args[node.order[0]], a, entities, events) \
               and matches(node.args[node.order[1]], b, entities, events):
                for value in node.special.get("<OVL-TYPE>", []):
                    found |= set(value.split("|"))
        return found
    if kind == "contain":
        return bool(kinds(inner, outer) & {"contain", "<ANY>"}) or "<ANY>" in kinds(outer, inner)
    return bool((kinds(inner, outer) | kinds(outer, inner)) & {kind, "<ANY>"})


def check_types(items, conf, tools, problems, where):
    entities = {n.name for n in conf.get("entities", [])}
    events = {n.name for n in conf.get("events", [])}
    relations = conf.get("relations", [])
    relation_types = {n.name for n in relations}
    types = {i: item["type"] for i, item in items.items() if item["kind"] in "TER"}

    for ident, item in items.items():
        kind, kind_type = item["kind"], item.get("type")
        if kind == "T" and kind_type not in entities | events:
            problems.append(f"{where}: {ident}: {kind_type} is not a known textbound type")
        elif kind == "E":
            node = next((n for n in conf.get("events", []) if n.name == kind_type), None)
            if node is None:
                problems.append(f"{where}: {ident}: {kind_type} is not a known event type")
                continue
            counts = {}
            for role, target in item["args"]:
                role = re.match(r"^(.*?)\d*$", role).group(1)
                counts[role] = counts.get(role, 0) + 1
                if role not in node.args or not matches(node.args[role], types.get(target),
                                                        entities, events):
                    problems.append(f"{where}: {ident}: {kind_type} cannot take a {role} "
                                    f"argument of type {types.get(target)}")
            for role in node.order:
                low, high = node.counts[role]
                if not low <= counts.get(role, 0) <= high:
                    problems.append(f"{where}: {ident}: {kind_type} takes {low} to {high} {role}")
        elif kind == "R":
            (l1, a1), (l2, a2) = item["args"]
            t1, t2 = types.get(a1), types.get(a2)
            if kind_type not in relation_types:
                problems.append(f"{where}: {ident}: {kind_type} is not a known relation type")
            elif not any(n.name == kind_type and len(n.order) == 2
                         and ((n.order == [l1, l2] and matches(n.args[l1], t1, entities, events)
                               and matches(n.args[l2], t2, entities, events))
                              or (n.order == [l2, l1] and matches(n.args[l2], t2, entities, events)
                                  and matches(n.args[l1], t1, entities, events)))
                         for n in relations):
                problems.append(f"{where}: {ident}: {kind_type} relation {l1}:{t1} {l2}:{t2} "
                                "not allowed")
        elif kind in "AM":
            target = types.get(item["target"])
            if not any(n.name == kind_type and matches(n.args.get("Arg", []), target, entities,
                                                        events, relation_types)
                       for n in conf.get("attributes", [])):
                problems.append(f"{where}: {ident}: {target} cannot take a {kind_type} attribute")
            # What brat's client offers: a binary attribute is there or
            # not, a multi-valued one takes one of its declared values.
            for n in conf.get("attributes", []):
                if n.name != kind_type:
                    continue
                values = n.args.get("Value")
                if values is None and item["value"] is not True:
                    problems.append(f"{where}: {ident}: {kind_type} is binary but has the value "
                                    f"{item['value']!r}")
                elif values is not None and item["value"] not in values:
                    problems.append(f"{where}: {ident}: {item['value']!r} is not a value of "
                                    f"{kind_type} ({'|'.join(values)})")
        elif kind == "*":
            members = {types.get(m) for m in item["members"]}
            for t1 in members:
                for t2 in members:
                    if not any(len(n.order) == 2
                               and {"symmetric", "transitive"}
                               <= set(n.special.get("<REL-TYPE>", []))
                               and matches(n.args[n.order[0]], t1, entities, events)
                               and matches(n.args[n.order[1]], t2, entities, events)
                               for n in relations):
                        problems.append(f"{where}: equivalence {kind_type} not allowed between "
                                        f"{t1} and {t2}")
        elif kind == "N":
            resources = {n.name for n in tools.get("normalization", [])}
            if item["resource"] not in resources:
                problems.append(f"{where}: {ident}: the resource {item['resource']} is not in "
                                "tools.conf")

    spans = [(i, item) for i, item in items.items()
             if item["kind"] == "T" and item["type"] in entities]
    for i, (id1, a) in enumerate(spans):
        for id2, b in spans[i + 1:]:
            a_first, a_last = min(s for s, _ in a["spans"]), max(e for _, e in a["spans"])
            b_first, b_last = min(s for s, _ in b["spans"]), max(e for _, e in b["spans"])
            if not (b_first < a_last and b_last > a_first):
                continue
            if sorted(a["spans"]) == sorted(b["spans"]):
                kind, inner, outer = "equal", a, b
            elif a_first <= b_first and b_last <= a_last:
                kind, inner, outer = "contain", b, a
            elif b_first <= a_first and a_last <= b_last:
                kind, inner, outer = "contain", a, b
            else:
                kind, inner, outer = "cross", a, b
            if not overlap_allowed(conf, inner["type"], outer["type"], kind, entities, events):
                problems.append(f"{where}: {id1} and {id2}: {kind} not allowed")


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: check-brat.py FOLDER [EXPECTED]", file=sys.stderr)
        return 2
    top = argv[1]
    expected = {}
    if len(argv) == 3:
        with open(argv[2], encoding="utf-8") as stream:
            expected = json.load(stream)

    problems = []
    n_files = n_lines = 0
    for folder, _, names in sorted(os.walk(top)):
        for name in sorted(n for n in names if n.endswith(".ann")):
            ann_path = os.path.join(folder, name)
            where = os.path.relpath(ann_path, top)
            # brat reads the text through codecs too: no newline translation.
            with codecs.open(ann_path[:-4] + ".txt", "r", encoding="utf8") as stream:
                text = stream.read()
            items = read_ann(ann_path, text, problems, where)
            conf = read_conf(find_up(folder, top, "annotation.conf"))
            tools = read_conf(find_up(folder, top, "tools.conf"))
            check_types(items, conf, tools, problems, where)
            for ident, fields in expected.pop(where, {}).items():
                got = items.get(ident, {})
                for key, value in fields.items():
                    if got.get(key) != value:
                        problems.append(f"{where}: {ident} {key}: {got.get(key)!r} is not "
                                        f"{value!r}")
            n_files += 1
            n_lines += len(items)
    for where in expected:
        problems.append(f"{where}: not found")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"check-brat.py: {n_files} files, {n_lines} lines as brat reads them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
