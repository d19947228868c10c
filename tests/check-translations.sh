#!/usr/bin/env bash
# Checks that every translatable message of the sources listed in
# po/POTFILES.in has a translation (not fuzzy) in each po/LANG.po, and that
# the catalogues compile.  Prints TAP.  Usage: check-translations.sh SRCDIR
set -u
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$srcdir/po/POTFILES.in" | grep -v '^$' > "$tmp/files"
grep '\.c$' "$tmp/files" > "$tmp/c-files"
grep -v '\.c$' "$tmp/files" > "$tmp/other-files"
# C sources with GLib's keywords; .ui, .desktop.in, metainfo and schema
# files by their own rules, which xgettext picks from the file name.
(cd "$srcdir" && xgettext --from-code=UTF-8 --add-comments --language=C \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --files-from="$tmp/c-files" --output="$tmp/c.pot" 2>"$tmp/xgettext.log" &&
 if [ -s "$tmp/other-files" ]; then
   xgettext --from-code=UTF-8 --add-comments --files-from="$tmp/other-files" \
     --output="$tmp/other.pot" 2>>"$tmp/xgettext.log"
 fi &&
 if [ -f "$tmp/other.pot" ]; then
   msgcat --use-first "$tmp/c.pot" "$tmp/other.pot" --output-file="$tmp/gloss.pot"
 else
   cp "$tmp/c.pot" "$tmp/gloss.pot"
 fi)
status=$?

langs=$(grep -v '^#' "$srcdir/po/LINGUAS")
n=$((1 + 2 * $(echo "$langs" | wc -w)))
echo "1..$n"
if [ $status -eq 0 ] && [ -s "$tmp/gloss.pot" ]; then
  echo "ok 1 - xgettext extracted $(grep -c '^msgid ' "$tmp/gloss.pot") messages"
else
  echo "not ok 1 - xgettext failed"; sed 's/^/# /' "$tmp/xgettext.log"
fi

i=1
for lang in $langs; do
  i=$((i + 1))
  if msgfmt --check --output-file=/dev/null "$srcdir/po/$lang.po" 2>"$tmp/msgfmt.log"; then
    echo "ok $i - $lang.po compiles"
  else
    echo "not ok $i - $lang.po does not compile"; sed 's/^/# /' "$tmp/msgfmt.log"
  fi
  i=$((i + 1))
  if msgcmp "$srcdir/po/$lang.po" "$tmp/gloss.pot" 2>"$tmp/msgcmp.log"; then
    echo "ok $i - every message is translated in $lang.po"
  else
    echo "not ok $i - $lang.po lacks translations"; head -40 "$tmp/msgcmp.log" | sed 's/^/# /'
  fi
done
