"""Build saas/directory/data/ding_english_de.txt.gz from Ding's German–English dictionary (GPL-2+).

    python scripts/build_english.py [/usr/share/trans/de-en]

The source is Debian's package ``trans-de-en`` (Ding's dictionary by Frank Richter, TU Chemnitz, GPL version 2 or
later; https://dict.tu-chemnitz.de/): one entry a line, German and English sides split by " :: ", each side's
senses by " | " in the same order, a sense's words by "; ", with grammar in braces ("{f}"), labels in brackets
("[med.]"), notes in parentheses and abbreviations between slashes: ``posttraumatische Belastungsstörung {f}
/PTBS/ :: post-traumatic stress disorder /PTSD/``.

Citizens type English words and abbreviations into the Wegweiser ("PTSD", "BPD", "grief", "binge eating"; issue
#14, s35-english). What the search needs of the dictionary is the German for such a word, so this keeps, per
English term (lower case) and English abbreviation (as written), the German terms of its senses, in the
dictionary's order:

- the first English term of a sense, its main translation (a word listed further on has senses of its own:
  "Alkoholgegner :: prohibitionist; dry"), of one to ``MAX_WORDS`` words of letters (hyphens and apostrophes
  inside), no verb ("to grieve"), no phrase with "sth."/"sb." in it; an abbreviation of two to six letters, two or
  more of them capitals, anywhere in the sense;
- a sense of everyday language, medicine or psychology: one labelled with another subject ("[cook.]", "[techn.]")
  is left out (its labels of region and register, "[Br.]", "[ugs.]", say nothing of a subject);
- not an English term that is a German word too (OpenThesaurus or hunspell-de-de, the two other data files, know
  it: "depression", "trauma", "burnout", "stress") nor a phrase all whose words are: the search reads those as
  German;
- a German term of one to ``MAX_WORDS`` words, each a word OpenThesaurus or hunspell-de-de knows (as written
  or with a capital: "tiefe Trauer", "Kummer"), or an abbreviation of the German side ("PTBS");
- a German noun the two know as a compound of two of their words ("Zwangs|störung") counts as known.
  inflection.

A line: ``english<TAB>German term|German term|…``. Which German term names a concern is the search's own test
(``search._names_a_concern``), at query time. Sorted, gzip without a time stamp: the same source gives the same
bytes (CI rebuilds it and compares, see .ci/run). The result ships with Lotse under the source's licence, GPL-2+
(see NOTICE).
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "saas" / "directory" / "data"
TARGET = DATA / "ding_english_de.txt.gz"
SOURCE = Path("/usr/share/trans/de-en")
MIN_FRONT = 3  # the shortest front of a compound the German side is known by ("Ess|störung")
MIN_PART = 4  # … and the shortest head, and the shortest word of the topic list a German term is kept by
MAX_WORDS = 3  # the longest term kept, English or German, in words
LABELS = ("[med.]", "[psych.]")  # the senses whose German terms come first
# Ding's labels of register and time, which say nothing of a subject (those of regions begin with a capital).
REGISTERS = frozenset(
    [
        "ugs.",
        "coll.",
        "geh.",
        "übtr.",
        "fig.",
        "formal",
        "pej.",
        "slang",
        "rare",
        "humor.",
        "poet.",
        "dated",
        "veraltet",
        "selten",
        "alt",
        "vulg.",
        "iron.",
        "obs.",
        "archaic",
        "eAm.",
        "soc.",
        "pharm.",
        "anat.",
    ]
)
MAX_GERMAN = 6  # the most German terms kept per English term, in the dictionary's order

_LABEL = re.compile(r"\[([^\]]+)\]")
_ABBREVIATION = re.compile(r"/([^/\s]{2,8})/")
_BRACKETS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")
_TERM = re.compile(r"^[A-Za-zÄÖÜäöüß]+(?:[-'’][A-Za-zÄÖÜäöüß]+)*(?: [A-Za-zÄÖÜäöüß]+(?:[-'’][A-Za-zÄÖÜäöüß]+)*)*$")
_CAPITALS = re.compile(r"^[A-Za-zÄÖÜäöü]{2,6}$")
_PERSON_MARKS = ("sth.", "sb.", "etw.", "jdn.", "jdm.", "jds.", "jd.")


def plain_subject(sense: str) -> bool:
    """Whether a sense belongs to everyday language or to medicine and psychology: its labels are regions and
    registers ("[Br.]", "[ugs.]") or ``LABELS``' subjects, no other subject ("Lunge {f} [cook.] :: lights": the
    cook's lights are no reading of "lights")."""
    for label in _LABEL.findall(sense):
        if label[:1].islower() and label not in REGISTERS and f"[{label}]" not in LABELS:
            return False
    return True


def known_words() -> set[str]:
    """The words (lower case) of the thesaurus and the dictionary as shipped."""
    known: set[str] = set()
    with gzip.open(DATA / "openthesaurus_de.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                for term in line.rstrip("\n").split("|"):
                    known.update(term.lstrip("^+").lower().split())
    with gzip.open(DATA / "hunspell_de_lexicon.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                known.add(line.rstrip("\n").split("\t")[1].lower())
    return known


def topic_words() -> set[str]:
    """The words (lower case, ``MIN_PART`` letters or more) of the common topic list's names and search words."""
    with (DATA / "topics_dortmund_2023.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    text = " ".join(f"{row['name']} {row['search_words']}" for row in rows).lower()
    return {w for w in re.findall(r"[a-zäöüß]+", text) if len(w) >= MIN_PART}


def of_a_topic(term: str, topics: set[str]) -> bool:
    """Whether a German term has a word of the topic list, as a word or as a compound's front or head
    ("Trauer|fall", "Alkohol|sucht")."""
    for word in term.lower().split():
        for part in word.split("-"):
            if part in topics or any(part.startswith(t) or part.endswith(t) for t in topics):
                return True
    return False


def known_german(word: str, known: set[str]) -> bool:
    """Whether the thesaurus or the dictionary knows a word, or a noun as a compound of two words they know, with
    or without a linking "s" ("Ess|störung", "Zwangs|störung", "Trauer|fall"), or as hyphenated pieces they know
    ("Ess-Brech-Sucht")."""
    lower = word.lower()
    if lower in known:
        return True
    if not word[:1].isupper():
        return False
    if "-" in word:
        return all(known_german(piece.capitalize(), known) for piece in word.split("-"))
    for cut in range(MIN_FRONT, len(lower) - MIN_PART + 1):
        front, head = lower[:cut], lower[cut:]
        if head in known and (front in known or (front.endswith("s") and front[:-1] in known)):
            return True
    return False


def abbreviation(text: str) -> bool:
    return bool(_CAPITALS.match(text)) and sum(c.isupper() for c in text) >= 2


def terms(side: str) -> tuple[list[str], list[str]]:
    """The terms of one sense of one side (notes, labels and grammar dropped) and its abbreviations."""
    found: list[str] = []
    abbreviations = [a for a in _ABBREVIATION.findall(side) if abbreviation(a)]
    for part in _BRACKETS.sub(" ", _ABBREVIATION.sub(" ", side)).split(";"):
        term = " ".join(part.split())
        if any(mark in term for mark in _PERSON_MARKS):
            continue
        if term and len(term.split()) <= MAX_WORDS and _TERM.match(term):
            found.append(term)
    return found, abbreviations


def pairs(lines: list[str], known: set[str], topics: set[str]) -> dict[str, list[str]]:
    """English term or abbreviation → German terms, in the dictionary's order."""
    english: dict[str, list[str]] = {}
    learned: dict[str, list[str]] = {}  # the German terms of senses labelled medicine or psychology, first
    for line in lines:
        if line.startswith("#") or " :: " not in line:
            continue
        german_side, english_side = line.rstrip("\n").split(" :: ", 1)
        senses = list(zip(german_side.split(" | "), english_side.split(" | "), strict=False))
        if german_side.count(" | ") != english_side.count(" | "):
            continue
        medical = any(label in line for label in LABELS)
        for german, other in senses:
            if not plain_subject(german + " " + other):
                continue
            de_terms, de_abbreviations = terms(german)
            de_terms = [
                t for t in de_terms if t.split()[-1][:1].isupper() and all(known_german(w, known) for w in t.split())
            ]
            german_terms = de_abbreviations + de_terms
            if not german_terms or not (medical or any(of_a_topic(t, topics) for t in german_terms)):
                continue
            en_terms, en_abbreviations = terms(other)
            # Only the sense's first English term, its main translation: a word the sense lists further on has
            # other senses of its own ("prohibitionist; dry" → Alkoholgegner is no reading of "dry").
            first = " ".join(_BRACKETS.sub(" ", _ABBREVIATION.sub(" ", other)).split(";")[0].split())
            keys = [t.lower() for t in en_terms[:1] if t == first and not t.startswith("to ") and t[:1].islower()]
            keys = [k for k in keys if not all(w in known for w in re.split(r"[ \-'’]", k))]
            keys += [a for a in en_abbreviations if a not in de_abbreviations and a.lower() not in known]
            for key in keys:
                kept = (learned if medical else english).setdefault(key, [])
                kept.extend(t for t in german_terms if t not in kept)
    for key, german in learned.items():
        english[key] = list(dict.fromkeys(german + english.get(key, [])))
    return english


def write_gzip(path: Path, header: str, lines: list[str]) -> None:
    """``header`` and ``lines`` to ``path``, gzip without a time stamp: the same lines give the same bytes."""
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join([header, *lines]) + "\n").encode("utf-8"))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    if not source.exists():
        sys.exit(f"{source} is missing: apt-get install trans-de-en")
    lines = source.read_text(encoding="utf-8").splitlines()
    version = next((line for line in lines if line.startswith("# Version")), "# Version :: ?").split("::")[-1]
    english = pairs(lines, known_words(), topic_words())
    header = (
        f"# Ding's German-English dictionary ({version.strip()}, Frank Richter, TU Chemnitz), GPL-2+, via Debian "
        "trans-de-en; built by scripts/build_english.py"
    )
    out = [f"{key}\t{'|'.join(german[:MAX_GERMAN])}" for key, german in sorted(english.items())]
    write_gzip(TARGET, header, out)
    print(f"{TARGET.relative_to(ROOT)}: {len(out)} English terms and abbreviations")


if __name__ == "__main__":
    main()
