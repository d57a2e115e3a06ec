#!/bin/sh
# Extract German msgids from code and templates, update the English catalogue, compile it.
#   scripts/translations.sh           extract → update → compile
#   scripts/translations.sh --check   also fail if an English translation is missing or fuzzy
# German is the source language (msgids); only English needs a catalogue. New strings appear in
# saas/translations/en/LC_MESSAGES/messages.po with an empty msgstr: translate them, then run again.
set -eu
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
POT=$(mktemp "${TMPDIR:-/tmp}/lotse-messages.XXXXXX.pot")
trap 'rm -f "$POT"' EXIT

# _l = lazy_gettext, N_ = "mark for translation only"; nav labels are the 2nd argument of add_*_nav.
"$PYBABEL" extract -F babel.cfg -o "$POT" --sort-by-file --add-location=file \
  --project=Lotse --copyright-holder="Lotse" --msgid-bugs-address="" \
  -k _l -k lazy_gettext -k N_ -k add_staff_nav:2 -k add_public_nav:2 .
# Enum labels and label tables reach the page through _(variable): pybabel cannot see them.
.venv/bin/python scripts/ui_labels.py "$POT"

PO=saas/translations/en/LC_MESSAGES/messages.po
if [ -f "$PO" ]; then
  "$PYBABEL" update -i "$POT" -d saas/translations -l en --no-fuzzy-matching --ignore-obsolete
else
  "$PYBABEL" init -i "$POT" -d saas/translations -l en
fi
"$PYBABEL" compile -d saas/translations -l en --statistics

if [ "${1:-}" = "--check" ]; then
  .venv/bin/python - "$PO" <<'PY'
import sys
from babel.messages.pofile import read_po

with open(sys.argv[1], "rb") as fh:
    catalog = read_po(fh)
missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
for msgid in missing:
    print("untranslated:", msgid if isinstance(msgid, str) else msgid[0])
sys.exit(1 if missing else 0)
PY
fi
