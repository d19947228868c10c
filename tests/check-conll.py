#!/usr/bin/python3
# check-conll.py
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads a CoNLL export as the tools that take it read it, and checks it.

Usage: check-conll.py [--nltk] CONLL EXPECTED

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

Exits 0 when all is as expected, 1 (after printing the first difference)
otherwise, 2 on bad usage.
"""

import json
import os
import sys
import unicodedata

DOCSTART = "-DOCSTART- -X- O O"


def fail(message):
    print(message)
    sys.exit(1)


def visible(text):
    """The text without white space and format characters."""
    return "".join(c for c in text
                   if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc"))


def read_documents(path):
    """Documents, each a list of sentences of (token, tag)."""
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if "\r" in data:
        fail("a carriage return in the export")

    documents = []
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sentence = None
    for number, line in enumerate(lines, 1):
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
        if len(fields) != 2 or line.count("\t") != 1 or line != fields[0] + "\t" + fields[1]:
            fail(f"line {number}: {line!r} is not TOKEN<TAB>TAG")
        tag = fields[1]
        if not (tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2)):
            fail(f"line {number}: {tag!r} is not an IOB tag")
        if sentence is None:
            sentence = []
            documents[-1].append(sentence)
        sentence.append((fields[0], tag))
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


def check(documents, expected):
    if len(documents) != len(expected):
        fail(f"{len(documents)} documents, {len(expected)} expected")
    for i, (document, want) in enumerate(zip(documents, expected)):
        tokens = visible("".join(token for sentence in document for token, tag in sentence))
        if tokens != visible(want["text"]):
            fail(f"document {i + 1}: the tokens spell {tokens!r}, "
                 f"not {visible(want['text'])!r}")
        found = [(label, visible(text))
                 for sentence in document for label, text in entities(sentence)]
        wanted = [(label, visible(text)) for label, text in want["entities"]]
        if found != wanted:
            fail(f"document {i + 1}: entities {found}, expected {wanted}")


def read_with_nltk(path):
    try:
        from nltk.corpus.reader import ConllCorpusReader
    except ImportError:
        print("NLTK is not installed (python3-nltk)")
        sys.exit(77)

    reader = ConllCorpusReader(os.path.dirname(os.path.abspath(path)),
                               [os.path.basename(path)], ("words", "pos"))
    # Each -DOCSTART- line alone in its block reads as an empty sentence, as
    # it does in CoNLL-2003's own files.
    return [[tuple(pair) for pair in sentence] for sentence in reader.tagged_sents() if sentence]


def main(argv):
    args = argv[1:]
    use_nltk = bool(args) and args[0] == "--nltk"
    if use_nltk:
        args = args[1:]
    if len(args) != 2:
        print(__doc__)
        return 2

    with open(args[1], encoding="utf-8") as f:
        expected = json.load(f)
    # NLTK first, so that what it says of a file it cannot read shows.
    if use_nltk:
        try:
            sentences = read_with_nltk(args[0])
        except ValueError as e:
            fail(f"NLTK cannot read the export: {e}")
    documents = read_documents(args[0])
    check(documents, expected)

    if use_nltk:
        mine = [sentence for document in documents for sentence in document]
        if sentences != mine:
            for n, (a, b) in enumerate(zip(sentences, mine)):
                if a != b:
                    fail(f"NLTK reads sentence {n + 1} as {a}, not {b}")
            fail(f"NLTK reads {len(sentences)} sentences, not {len(mine)}")
        print(f"NLTK read {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
