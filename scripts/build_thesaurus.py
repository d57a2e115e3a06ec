"""Build saas/directory/data/openthesaurus_de.txt.gz from Debian's mythes-de (OpenThesaurus, LGPL-2.1+).

    python scripts/build_thesaurus.py [/usr/share/mythes/th_de_DE_v2.dat]

The MyThes file lists every synonym set once per member word. This keeps each set once, with its
single-word terms: annotations such as "(ugs.)" are removed, hyponyms ("(Unterbegriff)") are dropped,
"Depressions..." becomes the stem "Depressions". A term marked as a joke ("ironisch", "scherzhaft") is dropped
from a set where the same term also stands unmarked in another set: "Sterbehilfe (ugs., ironisch)" among the
words for cheap liquor is no sense a person searching for "Sterbehilfe" means, whose plain sense is Euthanasie
(a joke word with no plain sense, "Klapsdoktor", keeps its one). One set per line, terms separated by "|". Two kinds of
links follow the terms, marked, for what the search may reach in a second step
(``language.topic_words``):

- ``^Droge``: a broader term of the set ("Cannabis" → "(Oberbegriff) Droge");
- ``+Haschisch``: a noun of a multi-word term of the set ("kiffen" → "Haschisch rauchen").

Sorted as in the source, gzip without a time stamp: the same Debian package gives the same bytes (CI
rebuilds it and compares, see .ci/run). The result ships with Lotse, so the search needs no Debian
package at run time.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/mythes/th_de_DE_v2.dat")
TARGET = Path(__file__).resolve().parent.parent / "saas" / "directory" / "data" / "openthesaurus_de.txt.gz"
BROADER, PHRASE_NOUN = "^", "+"
_ANNOTATION = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]*[A-Za-zÄÖÜäöüß]$")
_NOUN = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}$")
_JOKE = re.compile(r"\([^)]*(?:ironisch|\bfig\.)[^)]*\)")


def plain_terms(lines: list[str]) -> set[str]:
    """The terms that stand somewhere without a joke's mark: their plain sense exists."""
    return {_ANNOTATION.sub("", raw).strip() for line in lines for raw in line.split("|")[1:] if not _JOKE.search(raw)}


def _joke_of_a_plain_word(raw: str, plain: set[str]) -> bool:
    return bool(_JOKE.search(raw)) and _ANNOTATION.sub("", raw).strip() in plain


def terms(line: str, plain: set[str]) -> list[str]:
    found = []
    for raw in line.split("|")[1:]:
        if "Oberbegriff" in raw or "Unterbegriff" in raw or _joke_of_a_plain_word(raw, plain):
            continue
        term = _ANNOTATION.sub("", raw).strip()
        if term.endswith("...") and not term.startswith("..."):
            term = term[:-3]
        if _WORD.match(term) and term not in found:
            found.append(term)
    return found


def links(line: str, plain: set[str]) -> list[str]:
    """The broader single-word terms of a set and the nouns of its multi-word terms, marked."""
    found = []
    for raw in line.split("|")[1:]:
        if "Unterbegriff" in raw or _joke_of_a_plain_word(raw, plain):
            continue
        term = _ANNOTATION.sub("", raw).strip()
        words = term.split()
        if "Oberbegriff" in raw:
            if len(words) == 1 and _WORD.match(term):
                found.append(BROADER + term)
        elif len(words) > 1:
            found += [PHRASE_NOUN + w for w in words if _NOUN.match(w)]
    return list(dict.fromkeys(found))


def main() -> None:
    seen: set[tuple[str, ...]] = set()
    sets: list[str] = []
    with SOURCE.open(encoding="utf-8") as fh:
        next(fh)  # encoding line
        lines = [line.rstrip("\n") for line in fh if line.startswith("-|")]
    plain = plain_terms(lines)
    for line in lines:
        found = terms(line, plain)
        key = tuple(sorted(found))
        if len(found) >= 2 and key not in seen:
            seen.add(key)
            sets.append("|".join(found + links(line, plain)))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# OpenThesaurus (www.openthesaurus.de), LGPL-2.1+, via Debian mythes-de; built by scripts/build_thesaurus.py\n"
    )
    with TARGET.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write((header + "\n".join(sets) + "\n").encode("utf-8"))
    print(f"{len(sets)} synonym sets → {TARGET} ({TARGET.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
