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

A second file, ``openthesaurus_terms_de.txt.gz``, lists the nouns OpenThesaurus writes as a phrase or with a
hyphen (at most ``MAX_TERM_WORDS`` words, the last capitalised: "soziale Angststörung",
"Borderline-Persönlichkeitsstörung"), which the synonym file does not give the search: what an abbreviation no
resource lists may spell (s30-abbrev, ``search.initials_readings``).

A third file, ``openthesaurus_phrases_de.txt.gz``, lists the phrases of several words of a set (the single-word file
drops them) with the set's words that name a concern of the common topic list (``TOPICS``: a word of a topic's name
or search words), one phrase a line: "auf der Straße leben|obdachlos", "niemand kümmert sich um|allein". Such a word
is a single-word term of the set or the adjective of a term "<adjective> sein" ("obdachlos sein"), never a word of
the phrase itself. A phrase that negates keeps every such word of its set ("nicht mehr können|ausgelaugt|erschöpft"):
the words for a state said by what one cannot do are rarely the list's own, and the search keeps those that name a
concern (s32-situation). The search reads a sentence by them where its own words find no group (s31-phrases,
``search.phrase_readings``).

Sorted as in the source (the terms alphabetically), gzip without a time stamp: the same Debian package gives the
same bytes (CI rebuilds them and compares, see .ci/run). The result ships with Lotse, so the search needs no Debian
package at run time.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/mythes/th_de_DE_v2.dat")
TARGET = Path(__file__).resolve().parent.parent / "saas" / "directory" / "data" / "openthesaurus_de.txt.gz"
# The terms written as a phrase or with a hyphen, which the search reads from no other file (s30-abbrev): what an
# abbreviation no resource lists may spell ("BPS": Borderline-Persönlichkeitsstörung, a set of one single word).
TERMS = TARGET.parent / "openthesaurus_terms_de.txt.gz"
MAX_TERM_WORDS = 3
# The phrases of several words, with the words of their set that name a concern of the common topic list (s31-phrases).
PHRASES = TARGET.parent / "openthesaurus_phrases_de.txt.gz"
# The terms marked colloquial, with the plain words of their sets (s34-colloquial).
COLLOQUIAL = TARGET.parent / "openthesaurus_colloquial_de.txt.gz"
TOPICS = TARGET.parent / "topics_dortmund_2023.csv"
# The words that negate (as the search's ``NEGATION_WORDS``): a phrase with one of them keeps every word of its set.
NEGATIONS = frozenset(["kein", "keine", "keinen", "keinem", "keiner", "keines", "ohne"]) | frozenset(
    ["nicht", "nichts", "niemand", "niemandem", "niemanden", "niemands", "nie", "niemals"]
)
COPULA = "sein"  # "obdachlos sein": a set's term that is an adjective said of someone
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


def named_terms(lines: list[str], plain: set[str]) -> list[str]:
    """The nouns of OpenThesaurus written as a phrase or with a hyphen (at most ``MAX_TERM_WORDS`` words, the
    last one capitalised), of any set, sorted: the search reads neither from the synonym file (a phrase is not in
    it, a hyphenated word not read)."""
    found: set[str] = set()
    for line in lines:
        for raw in line.split("|")[1:]:
            if "Oberbegriff" in raw or "Unterbegriff" in raw or _joke_of_a_plain_word(raw, plain):
                continue
            term = _ANNOTATION.sub("", raw).strip()
            words = term.split()
            if (
                (len(words) > 1 or "-" in term)
                and len(words) <= MAX_TERM_WORDS
                and all(_WORD.match(w) for w in words)
                and words[-1][0].isupper()
            ):
                found.add(term)
    return sorted(found)


def topic_words(path: Path) -> set[str]:
    """The words, in lower case, of the names and search words of the common topic list."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {w.lower() for row in rows for w in re.findall(r"[^\W\d_]+", row["name"] + " " + row["search_words"])}


def phrase_lines(lines: list[str], plain: set[str], named: set[str]) -> list[str]:
    """Each phrase of several words of a set, with the other words of its set that name a concern (``named``): its
    single-word terms and the adjectives of its terms "<adjective> sein" (not a noun of another phrase: in an
    idiom it is no concern, "zu tief ins Glas schauen" … "einen zur Brust nehmen"); all of them for a phrase that
    negates (:data:`NEGATIONS`); sorted, each line once."""
    found: set[str] = set()
    for line in lines:
        words = list(terms(line, plain))
        phrases = []
        for raw in line.split("|")[1:]:
            if "Oberbegriff" in raw or "Unterbegriff" in raw or _joke_of_a_plain_word(raw, plain):
                continue
            parts = _ANNOTATION.sub("", raw).split()
            if len(parts) == 2 and parts[1] == COPULA and _WORD.match(parts[0]):
                words.append(parts[0])
            if len(parts) >= 2 and all(_WORD.match(w) for w in parts):
                phrases.append(" ".join(parts))
        readings = [w for w in dict.fromkeys(words) if w.lower() in named]
        for phrase in phrases:
            # A phrase that negates says a state by what one cannot or does not do ("nicht mehr können" ~ erschöpft,
            # "nicht wegwerfen" ~ aufbewahren): the words of its set for that state rarely stand in the topic list
            # as written, so all of them are kept, and the search keeps those that name a concern (s32-situation).
            negates = any(w.lower() in NEGATIONS for w in phrase.split())
            candidates = list(dict.fromkeys(words)) if negates else readings
            # A word of the phrase itself is no other word for it ("Angst vor Menschen" is no reading of "Angst").
            own = [w for w in candidates if w not in phrase.split()]
            if own:
                found.add("|".join([phrase, *own]))
    return sorted(found)


_COLLOQUIAL = re.compile(r"\([^)]*\bugs\.[^)]*\)")


def colloquial_lines(lines: list[str], plain: set[str]) -> list[str]:
    """Each single-word term a set marks colloquial ("Glimmstängel (ugs.)"), with the terms of its sets that carry
    no mark at all, the plain words it stands for ("Zigarette"), sorted: "Glimmstängel\tZigarette"
    (s34-colloquial); a third field "plain" where the term also stands unmarked in a set ("qualmen": smoke
    rising). Not a joke of a plain word, not a broader or narrower term."""
    found: dict[str, list[str]] = {}
    also_plain: set[str] = set()  # the terms that stand without the mark in some set
    for line in lines:
        raws = [r for r in line.split("|")[1:] if "Oberbegriff" not in r and "Unterbegriff" not in r]
        also_plain |= {_ANNOTATION.sub("", r).strip() for r in raws if not _COLLOQUIAL.search(r)}
        unmarked = [r.strip() for r in raws if "(" not in r and _WORD.match(r.strip())]
        for raw in raws:
            term = _ANNOTATION.sub("", raw).strip()
            if not _COLLOQUIAL.search(raw) or _joke_of_a_plain_word(raw, plain) or not _WORD.match(term):
                continue
            own = found.setdefault(term, [])
            own += [w for w in unmarked if w != term and w not in own]
    return sorted(
        f"{term}\t{'|'.join(words)}" + ("\tplain" if term in also_plain else "")
        for term, words in found.items()
        if words
    )


def write(target: Path, header: str, lines: list[str]) -> None:
    with target.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write((header + "\n".join(lines) + "\n").encode("utf-8"))


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
    write(TARGET, header, sets)
    print(f"{len(sets)} synonym sets → {TARGET} ({TARGET.stat().st_size // 1024} KiB)")
    phrases = named_terms(lines, plain)
    write(TERMS, header.replace("; built", ": nouns written as a phrase or with a hyphen; built"), phrases)
    sayings = phrase_lines(lines, plain, topic_words(TOPICS))
    write(PHRASES, header.replace("; built", ": phrases with their words for a concern; built"), sayings)
    print(f"{len(sayings)} phrases → {PHRASES} ({PHRASES.stat().st_size // 1024} KiB)")
    print(f"{len(phrases)} terms of phrases and hyphenated words → {TERMS} ({TERMS.stat().st_size // 1024} KiB)")
    colloquial = colloquial_lines(lines, plain)
    marked = header.replace("; built", ": colloquial terms with the plain words of their sets; built")
    write(COLLOQUIAL, marked, colloquial)
    print(f"{len(colloquial)} colloquial terms → {COLLOQUIAL} ({COLLOQUIAL.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
