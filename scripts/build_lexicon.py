"""Build saas/directory/data/hunspell_de_lexicon.txt.gz from Debian's hunspell-de-de (igerman98, GPL-2+).

    python scripts/build_lexicon.py [/usr/share/hunspell/de_DE]

What the search needs of the dictionary to relate word forms people type to the topics' nouns
(``language.derivations``), read from the ``.dic`` entries and their affix flags (``.aff``):

- ``N<TAB>Noun``: each noun (an entry with a capital), ``P<TAB>Noun`` for a person noun (an entry with
  the feminine-form flag of the affix file, "Epileptiker" → "Epileptikerin");
- ``V<TAB>verb<TAB>Nominalisation,...``: each verb (a lower-case entry in -en/-ern/-eln that conjugates),
  with the nouns in -ung that its nominalisation flag forms ("trennen" → "Trennung"), applied by the
  affix file's own rules.

Sorted, gzip without a time stamp: the same Debian package gives the same bytes (CI rebuilds it and
compares, see .ci/run). The result ships with Lotse, so the search needs no Debian package at run time.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/de_DE")
TARGET = Path(__file__).resolve().parent.parent / "saas" / "directory" / "data" / "hunspell_de_lexicon.txt.gz"
PERSON_FLAG = "F"  # SFX F: the feminine person noun (-in, -innen)
NOMINALISATION_FLAG = "J"  # SFX J: the noun in -ung of a verb
CONJUGATION_FLAGS = set("DIXY")  # SFX D/I/X/Y: a verb's conjugated forms and participles
_VERB = re.compile(r"^[a-zäöüß]+(en|ern|eln)$")
_NOUN = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+$")


def suffix_rules(aff: Path, flag: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """(strip, add, condition) of one suffix flag, as the affix file states them."""
    rules = []
    for line in aff.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[0] == "SFX" and fields[1] == flag:
            strip = "" if fields[2] == "0" else fields[2]
            add = "" if fields[3] == "0" else fields[3].split("/")[0]
            rules.append((strip, add, re.compile("(" + fields[4] + ")$")))
    return rules


def apply(word: str, rules: list[tuple[str, str, re.Pattern[str]]]) -> list[str]:
    return [word[: len(word) - len(s)] + a for s, a, cond in rules if word.endswith(s) and cond.search(word)]


def main() -> None:
    aff, dic = SOURCE.with_suffix(".aff"), SOURCE.with_suffix(".dic")
    nominalise = [r for r in suffix_rules(aff, NOMINALISATION_FLAG) if r[1].endswith("ung")]
    nouns: dict[str, bool] = {}
    verbs: dict[str, set[str]] = {}
    with dic.open(encoding="utf-8") as fh:
        next(fh)  # the entry count
        for line in fh:
            entry = line.strip()
            if not entry or entry.startswith(("#", "\t")):
                continue
            word, _slash, flags = entry.partition("/")
            if _NOUN.match(word):
                nouns[word] = nouns.get(word, False) or PERSON_FLAG in flags
            elif _VERB.match(word):
                if CONJUGATION_FLAGS & set(flags):
                    verbs.setdefault(word, set())
                if NOMINALISATION_FLAG in flags:
                    found = {f[:1].upper() + f[1:] for f in apply(word, nominalise)}
                    verbs.setdefault(word, set()).update(found)
    lines = [f"{'P' if person else 'N'}\t{noun}" for noun, person in sorted(nouns.items())]
    lines += [f"V\t{verb}\t{','.join(sorted(found))}" for verb, found in sorted(verbs.items())]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = "# hunspell-de-de (igerman98, GPL-2+, Björn Jacke) via Debian; built by scripts/build_lexicon.py\n"
    with TARGET.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write((header + "\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(nouns)} nouns, {len(verbs)} verbs → {TARGET} ({TARGET.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
