#!/usr/bin/env bash
# check-report-chromium.sh
#
# Copyright 2026 The Gloss authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes an agreement report with gloss-cli on a small corpus (two
# articles, three annotators, one of them with markup in their name) and
# renders it in headless Chromium with check-html-chromium.py: no error, no
# request for anything but the page, every SVG drawn, the annotators shown.
# Exit 77 (skipped) without Chromium, as the checker says.
# Usage: check-report-chromium.sh GLOSS-CLI CHECKER
set -eu
cli=$1
checker=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

printf 'The council approved the budget. Critics said the plan was rushed.\n' > a.txt
printf 'Prices rose sharply. The minister denied everything.\n' > b.txt

annotate () {
  "$cli" annotate --annotator "$1" --name "$2" --tag "$3" --start "$4" --end "$5" "$6" 2>/dev/null
}
annotate alice "Alice" claim 0 32 a.txt
annotate alice "Alice" claim 33 66 a.txt
annotate alice "Alice" controversy 46 54 a.txt
annotate bob "Bob" claim 0 32 a.txt
annotate bob "Bob" claim 33 54 a.txt
annotate carol 'Carol <b>&amp; "O'"'"'Neil"' controversy 0 32 a.txt
annotate alice "Alice" claim 0 20 b.txt
annotate bob "Bob" controversy 21 52 b.txt

"$cli" report --output report.html a.txt b.txt

# Three heat maps (one per pair), a chart per tag and one of the counts.
/usr/bin/python3 "$checker" --min-svg 6 --expect-text "Alice" --expect-text "Bob" \
  --expect-text 'Carol <b>&amp; "O'"'"'Neil"' --expect-text "Critics said the plan" report.html

# In French, where numbers shown take a decimal comma and the charts must
# not (GLOSS_LOCALEDIR, from the test's environment, finds the catalogue).
if locale -a | grep -qix 'fr_FR.utf-\?8'; then
  LC_ALL=fr_FR.UTF-8 "$cli" report --output rapport.html a.txt b.txt
  /usr/bin/python3 "$checker" --min-svg 6 --expect-text "Accord entre annotateurs" rapport.html
fi
