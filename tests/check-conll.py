#!/usr/bin/python3
# check-conll.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a CoNLL export as the tools that take it read it, and checks it.

Usage: check-conll.py [--nltk] [--columns] CONLL EXPECTED

Without --nltk, as spaCy's converter (spacy convert --converter ner) and
most readers do: documents start at the line "-DOCSTART- -X- O O", blank
lines end sentences, and each line is split on white space (str.split()),
the first field the token, the last the tag.  Every other line must then
have exactly two fields, the tag being O, B-LABEL or I-LABEL.

With --nltk, the file is read with NLTK's ConllCorpusReader (columns words
and pos, split on white space, its default), which must find the same
sentences; exits 77 when NLTK is not installed (Debian's python3-nltk).

EXPECTED is a JSON array with one object per document, in order:
  "text": the article's text, which the tokens must spell out, white space
          and invisible format characters left out of both;
  "entities": [[LABEL, TEXT], ...], the annotations the tags must give, in
          order, TEXT with white space left out.
An entity is read within its sentence, as seqeval reads a list of
sentences: one cut by a sentence break would count twice.

With --columns, the export has annotators side by side: its first line is
"# global.columns = TOKEN NAME...", and every other line but -DOCSTART- and
blank lines is TOKEN<TAB>TAG<TAB>TAG..., a tag per name.  "entities" is
then an object with the entities of each name's column.  NLTK reads the
file without its comment line, once per column (as its "pos" column, the
others ignored).

Exits 0 when all is as expected, 1 (after printing the first difference)
otherwise, 2 on bad usage.
"""

import json
import os
import sys
import tempfile
import unicodedata

DOCSTART = "-DOCSTART- -X- O O"
COLUMNS = "# global.columns = TOKEN "


def fail(message):
    print(message)
    sys.exit(1)


def visible(text):
    """The text without white space and format characters."""
    return "".join(c for c in text
                   if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc"))


def read_documents(path, names=None):
    """Documents, each a list of sentences of (token, tag), or with @names
    (a list, filled from the first line) of (token, [tag, ...])."""
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if "\r" in data:
        fail("a carriage return in the export")

    documents = []
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    first = 1
    if names is not None:
        if not lines or not lines[0].startswith(COLUMNS):
            fail(f"line 1: {lines[0] if lines else ''!r} does not name the columns")
        names.extend(lines[0][len(COLUMNS):].split(" "))
        first = 2
    sentence = None
    for number, line in enumerate(lines[first - 1:], first):
        if line == DOCSTART:
            if number < len(lines) and lines[number] != "":
                fail(f"line {number}: no blank line after {DOCSTART}")
            documents.append([])
            sentence = None
            continue
        if line.startswith("-DOCSTART-"):
            fail(f"line {number}: {line!r} is not the line spaCy splits documents at")
        if line == "":
            sentence = None
            continue
        if not documents:
            fail(f"line {number}: a token before the first {DOCSTART}")
        fields = line.split()
        width = 2 if names is None else 1 + len(names)
        if len(fields) != width or line != "\t".join(fields):
            fail(f"line {number}: {line!r} is not TOKEN<TAB>TAG" + ("" if names is None else "..."))
        for tag in fields[1:]:
            if not (tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2)):
                fail(f"line {number}: {tag!r} is not an IOB tag")
        if sentence is None:
            sentence = []
            documents[-1].append(sentence)
        sentence.append((fields[0], fields[1] if names is None else fields[1:]))
    return documents


def entities(sentence):
    """The (label, text) of the entities of one sentence, IOB1 or IOB2."""
    found = []
    label = None
    for token, tag in sentence:
        if tag == "O":
            label = None
            continue
        prefix, name = tag[0], tag[2:]
        if prefix == "B" or name != label:
            found.append([name, ""])
        found[-1][1] += token
        label = name
    return [tuple(e) for e in found]


def column(document, index):
    """The sentences of a document read with columns, with the tag of
    column @index alone."""
    return [[(token, tags[index]) for token, tags in sentence] for sentence in document]


def check_entities(number, document, wanted, name=""):
    found = [(label, visible(text))
             for sentence in document for label, text in entities(sentence)]
    wanted = [(label, visible(text)) for label, text in wanted]
    if found != wanted:
        fail(f"document {number}{name}: entities {found}, expected {wanted}")


def check(documents, expected, names=None):
    if len(documents) != len(expected):
        fail(f"{len(documents)} documents, {len(expected)} expected")
    for i, (document, want) in enumerate(zip(documents, expected)):
        tokens = visible("".join(token for sentence in document for token, tag in sentence))
        if tokens != visible(want["text"]):
            fail(f"document {i + 1}: the tokens spell {tokens!r}, "
                 f"not {visible(want['text'])!r}")
        if names is None:
            check_entities(i + 1, document, want["entities"])
            continue
        if sorted(names) != sorted(want["entities"]):
            fail(f"columns {names}, expected {sorted(want['entities'])}")
        for index, name in enumerate(names):
            check_entities(i + 1, column(document, index), want["entities"][name], f" ({name})")


def read_with_nltk(path, columns=("words", "pos")):
    try:
        from nltk.corpus.reader import ConllCorpusReader
    except ImportError:
        print("NLTK is not installed (python3-nltk)")
        sys.exit(77)

    reader = ConllCorpusReader(os.path.dirname(os.path.abspath(path)),
                               [os.path.basename(path)], columns)
    # Each -DOCSTART- line alone in its block reads as an empty sentence, as
    # it does in CoNLL-2003's own files.
    return [[tuple(pair) for pair in sentence] for sentence in reader.tagged_sents() if sentence]


def read_columns_with_nltk(path, n):
    """The sentences of each of @n columns, as NLTK reads the file without
    its comment line."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, "columns.conll")
        with open(copy, "w", encoding="utf-8") as f:
            f.writelines(lines)
        return [read_with_nltk(copy, ["words"] + ["pos" if c == j else "ignore" for c in range(n)])
                for j in range(n)]


def compare_with_nltk(sentences, mine, name=""):
    if sentences != mine:
        for n, (a, b) in enumerate(zip(sentences, mine)):
            if a != b:
                fail(f"NLTK reads sentence {n + 1}{name} as {a}, not {b}")
        fail(f"NLTK reads {len(sentences)} sentences{name}, not {len(mine)}")
    print(f"NLTK read {len(sentences)} sentences{name}")


def main(argv):
    args = argv[1:]
    use_nltk = bool(args) and args[0] == "--nltk"
    if use_nltk:
        args = args[1:]
    names = None
    if args and args[0] == "--columns":
        names = []
        args = args[1:]
    if len(args) != 2:
        print(__doc__)
        return 2

    with open(args[1], encoding="utf-8") as f:
        expected = json.load(f)
    documents = read_documents(args[0], names)
    check(documents, expected, names)
    mine = [sentence for document in documents for sentence in document]
    if not use_nltk:
        return 0

    try:
        if names is None:
            compare_with_nltk(read_with_nltk(args[0]), mine)
        else:
            for index, sentences in enumerate(read_columns_with_nltk(args[0], len(names))):
                compare_with_nltk(sentences, [[(token, tags[index]) for token, tags in sentence]
                                              for sentence in mine], f" ({names[index]})")
    except ValueError as e:
        fail(f"NLTK cannot read the export: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
