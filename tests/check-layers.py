#!/usr/bin/env python3
# Checks the one-way rules between the parts of the sources that
# src/DESIGN.md names:
#   - core never includes GTK, and its folders depend only downwards:
#     base <- model <- readers <- files <- formats <- agreement <- corpus;
#   - the command-line tool includes no GTK and only the core's public
#     headers;
#   - the application includes none of the core's private headers.
# Prints each breach with its file and line; exits 1 when there is one.
import os
import re
import sys

ORDER = ["base", "model", "readers", "files", "formats", "agreement", "corpus"]
LOCAL = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SYSTEM = re.compile(r'^\s*#\s*include\s+<(gtk|adwaita|gdk)/')


def sources(folder):
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                yield os.path.join(root, name)


def includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            yield number, line


def main(src):
    core = os.path.join(src, "core")
    where = {}              # header name -> core folder
    problems = []
    unknown = []

    for path in sources(core):
        folder = os.path.relpath(os.path.dirname(path), core)
        if folder not in ORDER:
            unknown.append(path)
            continue
        where[os.path.basename(path)] = folder

    for path in unknown:
        problems.append(f"{path}: not in one of the core's folders ({', '.join(ORDER)})")

    for path in sources(core):
        folder = os.path.relpath(os.path.dirname(path), core)
        if folder not in ORDER:
            continue
        for number, line in includes(path):
            if SYSTEM.match(line):
                problems.append(f"{path}:{number}: the core includes GTK")
                continue
            m = LOCAL.match(line)
            if not m or m.group(1) not in where:
                continue
            target = where[m.group(1)]
            if ORDER.index(target) > ORDER.index(folder):
                problems.append(f"{path}:{number}: {folder}/ includes {target}/{m.group(1)}, "
                                f"a later layer")

    for part, allow_gtk in (("cli", False), ("app", True)):
        for path in sources(os.path.join(src, part)):
            for number, line in includes(path):
                if not allow_gtk and SYSTEM.match(line):
                    problems.append(f"{path}:{number}: the command-line tool includes GTK")
                m = LOCAL.match(line)
                if m and m.group(1) in where and m.group(1).endswith("-private.h"):
                    problems.append(f"{path}:{number}: {part}/ includes the core's private "
                                    f"header {m.group(1)}")

    if not where:
        problems.append(f"{core}: no sources found")

    for p in problems:
        print(p)
    print(f"{len(where)} core files in {len(set(where.values()))} folders, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "src"))
