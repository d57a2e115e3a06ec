"""German as people type it: stems, compounds, synonyms, abbreviations and typos, from real resources.

- **Stems** — Snowball's German stemmer (PyStemmer). It reads "ae/oe/ue" as umlauts, so "Angehörige",
  "Angehoerige" and "Angehörigen" share one stem; a last step joins Latin derivations that Snowball
  leaves apart ("depressiv"/"Depression", "aggressiv"/"Aggression", "Alkoholismus"/"Alkohol",
  "Autismus"/"Autist", "Narzissmus"/"narzisstisch").
- **Compounds** — split by word frequencies (Koehn & Knight 2003, "Empirical methods for compound
  splitting"): a word is cut where the parts, with linking elements (Fugen-s, -n, -en, -es, -e) removed,
  are more frequent German words than the whole. Frequencies come from ``wordfreq``'s German list
  (Wikipedia, subtitles, news, web; CC BY-SA 4.0). "Alkoholsucht" → Alkohol + Sucht,
  "Angehörigengruppe" → Angehörige(n) + Gruppe, "Nichtraucher" → nicht + Raucher.
- **Synonyms** — OpenThesaurus (LGPL-2.1+), shipped as ``data/openthesaurus_de.txt.gz`` (built from
  Debian's mythes-de by ``scripts/build_thesaurus.py``): "Zucker" → Diabetes, "Selbstmord" → Suizid.
- **Abbreviations** — the initials of a topic's words or compound parts: "Multiple Sklerose" → MS,
  "Posttraumatische Belastungsstörung" → PTBS, "chronisch-entzündliche Darmerkrankung" → CED.
- **Typos** — optimal-string-alignment distance (rapidfuzz) against the office's own vocabulary.
- **Definitions** — German Wiktionary (CC BY-SA 4.0), the nouns each definition names a word by, shipped as
  ``data/wiktionary_glosses_de.txt.gz`` (built by ``scripts/build_glosses.py``): "Methadon" → Opioid,
  "Valium" → Arzneistoff, Diazepam (:func:`glosses`).

All resources load lazily, once per process (about 1.5 s, 40 MB).
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import threading
import unicodedata
from collections.abc import Container
from functools import lru_cache
from pathlib import Path

import Stemmer

THESAURUS_FILE = Path(__file__).parent / "data" / "openthesaurus_de.txt.gz"
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SURFACE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_UMLAUT = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
# Latin derivations Snowball keeps apart: stripped when at least five letters remain.
_DERIVATIONS = ("ismus", "ion", "iv")
# Word endings that are never the head of a compound ("Vertraulich|keit", "Betroffen|heit").
# So are a present participle's endings ("Pfleg|ende", "Such|ende"; "Wochen|ende" is the rare loss).
_NOT_A_HEAD = frozenset(
    ["keit", "heit", "ung", "ungen", "lich", "isch", "schaft", "ling", "tum", "nis", "ige", "igen",
     "ende", "enden", "ender", "endes", "endem", "nden", "nder", "ndes", "ndem"]
)  # fmt: skip
# Of those, the noun "Ende" is a head after a Fugen-s: "Lebens|ende", "Jahres|ende" (not "Leben|sende").
_LINKED_HEADS = frozenset(["ende", "enden"])
_ADJECTIVE_SUFFIXES = ("isch", "lich")
PART_PENALTY = 0.6
MIN_PART_ZIPF = 2.0  # a compound part must be at least this common (Zipf scale: 3 = once per million words)
_stemmer_local = threading.local()
_load_lock = threading.Lock()
_zipf: dict[str, float] | None = None
_synsets: list[tuple[str, ...]] | None = None
_synset_index: dict[str, list[int]] | None = None
_synset_links: list[tuple[str, ...]] | None = None
_lexicon_data: tuple[dict[str, bool], dict[str, tuple[str, ...]]] | None = None
BROADER, PHRASE_NOUN = "^", "+"  # thesaurus links (scripts/build_thesaurus.py)
LEXICON_FILE = Path(__file__).parent / "data" / "hunspell_de_lexicon.txt.gz"


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe: one per thread.
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmer_local.stemmer = Stemmer.Stemmer("german")
    return stemmer


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in value if not unicodedata.combining(ch))


def raw_words(value: str) -> list[str]:
    """Lower-case words of a text, umlauts kept ("Ängste/Panik" → ["ängste", "panik"])."""
    return _WORD.findall(unicodedata.normalize("NFC", (value or "").lower().replace("ß", "ss")))


def surface(word: str) -> str:
    """The spelling without umlauts (DIN 5007-2): "Angehörige" and "Angehoerige" → "angehoerige"."""
    return _plain(word.lower().translate(_SURFACE))


@lru_cache(maxsize=100_000)
def norm(word: str) -> str:
    """The search key of a word: its Snowball stem with umlauts folded and Latin derivations joined."""
    word = word.lower()
    stem = _stemmer().stemWord(word)
    stem = _plain(stem.translate(_UMLAUT))
    for suffix in _DERIVATIONS:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 5:
            return stem[: -len(suffix)]
    if stem.endswith(("ismus", "ssmus")) and len(stem) >= 7:
        return stem[:-3] + "t"  # the condition and the person: "Autismus"/"Autist", "Narzissmus"/"Narzisst"
    return stem


# --- word frequencies and compounds --------------------------------------------------------------------


def _frequencies() -> dict[str, float]:
    global _zipf
    if _zipf is None:
        with _load_lock:
            if _zipf is None:
                import wordfreq

                path = os.path.join(os.path.dirname(wordfreq.__file__), "data", "large_de.msgpack.gz")
                table: dict[str, float] = {}
                # Bucket i holds the words of frequency 10^(-i/100); Zipf = log10(per billion words).
                for index, bucket in enumerate(wordfreq.read_cBpack(path)):
                    zipf = 9 - index / 100
                    if zipf < 1.5:
                        break
                    for w in bucket:
                        if len(w) >= 2 and w.isalpha():
                            table[w] = zipf
                _zipf = table
    return _zipf


def zipf(word: str) -> float:
    """How common a (lower-case) German word is: 0 unknown, 3 once per million words, 6 very common."""
    return _frequencies().get(word, 0.0)


def _linking_variants(left: str) -> list[str]:
    """A compound's front as written and without a linking element ("Fugenelement"): "-s", "-es", "-en", "-e", and
    "-n" only after the unstressed "e", "el", "er" that German links with it ("Angehörige|n", "Bauer|n",
    "Sonne|n"; issue #14, s26-reading: "Essanfälle" is no "essa|n|fälle", "Warnstreik" no "war|n|streik")."""
    variants = [left]
    if left.endswith("s"):
        variants.append(left[:-1])  # Gesprächs|kreis
    if left.endswith(("en", "es")):
        variants.append(left[:-2])  # Medikamenten|abhängigkeit
    if left.endswith("e") or (left.endswith("n") and left[:-1].endswith(("e", "el", "er"))):
        variants.append(left[:-1])  # Angehörigen|gruppe → Angehörige, Bauern|hof → Bauer
    return [v for v in variants if len(v) >= 3]


def linking_variants(front: str) -> tuple[str, ...]:
    """A compound's front as written and without a linking element (:func:`_linking_variants`), for the search."""
    return tuple(_linking_variants(front))


def _verb_stem(modifier: str) -> bool:
    """A three-letter first part is a verb's stem: "Hör|sturz", "Seh|behinderung", "Ess|störung" (hören,
    sehen, essen), never a syllable of another word ("Pro|these", "Pro|stata", "Sch|werte")."""
    return zipf(modifier + "en") >= 3.5


def _bare_suffix(right: str) -> bool:
    """A head that is an adjective's suffix with one letter before it ("psycho|tisch", "les|bisch"): the
    word is a derived adjective, not a compound."""
    return any(right.endswith(suffix) and len(right) - len(suffix) <= 1 for suffix in _ADJECTIVE_SUFFIXES)


@lru_cache(maxsize=50_000)
def split_compound(word: str, _inner: bool = False) -> tuple[str, ...]:
    """The parts of a German compound (lower case), or ``(word,)`` when it is none.

    Koehn & Knight: among the cuts into known words, the one whose parts have the highest mean
    log-frequency wins, if it beats the frequency of the whole word. Each further part costs
    ``PART_PENALTY``, so "Verlust|ängste" wins over "ver|Lust|ängste". Parts have at least four letters;
    only a first part may have three if it is common ("Ess|störung", "Hör|geschädigte"), and a verb's stem: never the
    front as typed less its "-en", whose "verb" is the front itself ("Magen|krebs" has no "mag", "Eisen|draht" no
    "eis"; s33-compounds).
    """
    word = word.lower()
    if len(word) < 6 or not word.isalpha() or (not _inner and participle(word)):
        return (word,)
    best: tuple[str, ...] = (word,)
    best_score = zipf(word)
    for i in range(3, len(word) - 3):
        left, right = word[:i], word[i:]
        if (right in _NOT_A_HEAD and right not in _LINKED_HEADS) or len(right) < 4 or _bare_suffix(right):
            continue
        if zipf(right) >= MIN_PART_ZIPF:
            head: tuple[str, ...] = (right,)
        elif len(right) >= 8:
            head = split_compound(right, True)
            if len(head) == 1:
                continue
        else:
            continue
        for modifier in _linking_variants(left):
            z = zipf(modifier)
            if z < MIN_PART_ZIPF or (
                len(modifier) < 4 and (_inner or len(head) > 1 or left == modifier + "en" or not _verb_stem(modifier))
            ):
                continue
            if right in _LINKED_HEADS and not (left.endswith("s") and modifier == left[:-1]):
                continue  # "Pfleg|ende" is a participle; only "Lebens|ende" (a Fugen-s) is a compound
            parts = (modifier, *head)
            if len(parts) > 3:
                continue
            score = _cut_score(parts)
            if score > best_score:
                best_score, best = score, parts
    if len(best) > 1 and not _inner and not _dictionary_split(word, best):
        return (word,)  # "Trau|mata", "All|ergie": a word of the dictionary, no compound
    if len(best) == 1 and not _inner and best_score < MIN_PART_ZIPF:
        best = _rare_front_cut(word) or best
    if not _inner and ("ae" in word or "oe" in word or "ue" in word):
        # "Essstoerung": try again with umlauts; where both spellings cut, the better cut of the two wins
        # ("Gluecksspielsucht" is Glücksspiel|sucht as with umlauts, not glueck|spielsucht).
        # Each "ae", "oe", "ue" may be an umlaut or two letters ("Trauergespraech": trauer, "ue" of two vowels,
        # and gespräch): every choice is tried, up to 2 ** UMLAUT_CHOICES.
        for umlauted in _umlaut_readings(word):
            parts = split_compound(umlauted)
            if len(parts) > 1 and (len(best) == 1 or _cut_score(parts) > _cut_score(best)):
                best = parts
    return best


def _rare_front_cut(word: str) -> tuple[str, str] | None:
    """A rare word that no cut into words of some frequency splits, cut into a noun OpenThesaurus lists as
    written that is too rare for the frequencies ("Errötung", Zipf 0) and a noun of some frequency behind it
    (issue #14, round 12): "Errötungs|angst" is a kind of Angst. Only two parts, the front of five letters or
    more, the head a noun of :data:`MIN_PART_ZIPF` or more; of several cuts the most frequent head. The
    frequency cut stays first: a word it splits or leaves whole is never cut here."""
    best: tuple[str, str] | None = None
    best_zipf = 0.0
    for i in range(5, len(word) - 3):
        left, right = word[:i], word[i:]
        if right in _NOT_A_HEAD or _bare_suffix(right) or zipf(right) < MIN_PART_ZIPF or not listed_noun(right):
            continue
        for modifier in _linking_variants(left):
            if len(modifier) >= 5 and zipf(modifier) < MIN_PART_ZIPF and listed_noun(modifier):
                if zipf(right) > best_zipf:
                    best, best_zipf = (modifier, right), zipf(right)
                break
    return best


def thesaurus_lists(word: str) -> bool:
    """Whether OpenThesaurus lists the word as written (any word class, not by a stem)."""
    return surface(word) in _thesaurus()[1]


def listed_noun(word: str) -> bool:
    """Whether OpenThesaurus lists the word as a noun as written (not by a stem, see :func:`is_noun`)."""
    spelled = surface(word)
    return spelled in _thesaurus()[1] and spelled in _nouns()[0]


UMLAUT_CHOICES = 4
_UMLAUT_PAIR = re.compile("ae|oe|ue")


def _umlaut_readings(word: str) -> list[str]:
    """A spelling without umlauts read back with umlauts: each of its first ``UMLAUT_CHOICES`` "ae", "oe", "ue"
    as an umlaut or as two letters, every choice with at least one umlaut, most umlauts first."""
    spans = [m.span() for m in _UMLAUT_PAIR.finditer(word)][:UMLAUT_CHOICES]
    readings = []
    for choice in itertools.product((True, False), repeat=len(spans)):
        if not any(choice):
            continue
        out, last = [], 0
        for (start, end), umlaut in zip(spans, choice, strict=True):
            out.append(word[last:start])
            out.append({"ae": "ä", "oe": "ö", "ue": "ü"}[word[start:end]] if umlaut else word[start:end])
            last = end
        readings.append("".join(out) + word[last:])
    return readings


@lru_cache(maxsize=20_000)
def umlaut_spelling(word: str) -> str:
    """A lower-case word typed without umlauts (DIN 5007-2: "ae", "oe", "ue" for ä, ö, ü, as on a keyboard
    without them) as German writes it, so that every later step (frequencies, the dictionary's verb forms, a
    compound's front as typed) reads it as it reads the umlauts (issue #14, s22-spelling); else the word as typed.
    Of its readings (:func:`_umlaut_readings`: each "ae", "oe", "ue" an umlaut or two letters):

    - the most common one, where it is more common than the word as typed ("schlaegt" → schlägt, "hoert" →
      hört; "Trauer", "Feuer", "Michael" stay, no reading of them is a word);
    - for a word that no list has as typed (Zipf 0), the dictionary's or the thesaurus's spelling of it;
    - for a compound that :func:`split_compound` cuts into parts with an umlaut, the reading that has those parts
      in order, with the fewest umlauts ("Autismusspektrumstoerung" → autismusspektrumstörung, read as
      Autismus|spektrum|störung).
    """
    if not _UMLAUT_PAIR.search(word) or not word.isalpha():
        return word
    readings = _umlaut_readings(word)
    common = max(readings, key=zipf)
    if zipf(common) > zipf(word):
        return common
    if zipf(word) > 0:
        return word
    spelled = _dictionary_spellings().get(word)
    if spelled in readings:
        return spelled
    parts = split_compound(word)
    if len(parts) < 2 or not any(ch in "äöü" for part in parts for ch in part):
        return word
    for reading in sorted(readings, key=lambda r: sum(ch in "äöü" for ch in r)):
        at = 0
        for part in parts:
            at = reading.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return reading
    return word


def _cut_score(parts: tuple[str, ...]) -> float:
    """The score by which :func:`split_compound` chooses a cut: the parts' mean frequency, less a penalty for
    each part after the second."""
    return sum(zipf(p) for p in parts) / len(parts) - PART_PENALTY * (len(parts) - 2)


@lru_cache(maxsize=1)
def _dictionary_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Spellings without umlauts and search keys of the nouns of the dictionary (hunspell-de-de)."""
    spellings = frozenset(surface(n) for n in _lexicon()[0])
    return spellings, frozenset(norm(s) for s in spellings)


def _dictionary_split(word: str, parts: tuple[str, ...]) -> bool:
    """Whether a cut of a word is a compound's: a noun of the dictionary (hunspell-de-de) is one only where its
    head is a noun of the dictionary too, as spelled or by its stem ("Traum|deuter", "Schema|zeichnung"). The
    frequency of a syllable does not make it a part: "Traumata" (the plural the dictionary lists for "Trauma")
    is no "Trau|mata", "Allergie" no "All|ergie", "Arterie" no "Art|erie". A word the dictionary lacks (most
    compounds: "Kokainsucht") is cut by frequencies alone."""
    spellings, keys = _dictionary_nouns()
    if surface(word) not in spellings:
        return True
    head = parts[-1]
    return surface(head) in spellings or norm(head) in keys


# --- synonyms ------------------------------------------------------------------------------------------


def _thesaurus() -> tuple[list[tuple[str, ...]], dict[str, list[int]]]:
    """The synonym sets and an index from each term's spelling without umlauts to its sets."""
    global _synsets, _synset_index, _synset_links
    if _synsets is None or _synset_index is None:
        with _load_lock:
            if _synsets is None or _synset_index is None:
                sets: list[tuple[str, ...]] = []
                links: list[tuple[str, ...]] = []
                index: dict[str, list[int]] = {}
                with gzip.open(THESAURUS_FILE, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("#"):
                            continue
                        fields = [t for t in line.rstrip("\n").split("|") if t and "-" not in t]
                        terms = tuple(t for t in fields if t[0] not in (BROADER, PHRASE_NOUN))
                        number = len(sets)
                        sets.append(terms)
                        links.append(tuple(t for t in fields if t[0] in (BROADER, PHRASE_NOUN)))
                        for term in terms:
                            index.setdefault(surface(term), []).append(number)
                _synsets, _synset_index, _synset_links = sets, index, links
    return _synsets, _synset_index


@lru_cache(maxsize=20_000)
def synonyms(word: str, limit: int = 24) -> tuple[str, ...]:
    """OpenThesaurus synonyms of a word (single words, itself excluded): "Zucker" → Diabetes, ...

    Looked up by spelling; an inflected form ("Selbstmordes") falls back to the entries of the same
    Snowball stem that are nouns or adjectives of the same part of speech as the word (capitalised
    alike), so "Zucker" never reaches "zucken".
    """
    sets, _index = _thesaurus()
    numbers = _sense_numbers(word)
    found: list[str] = []
    own = norm(word)
    seen: set[str] = set()
    for number in numbers:
        for term in sets[number]:
            low = term.lower()
            if low in seen or norm(term) == own:
                continue
            seen.add(low)
            found.append(term)
    return tuple(found[:limit])


@lru_cache(maxsize=1)
def _stem_index() -> dict[str, dict[str, list[int]]]:
    """stem → {spelling → sets}, for inflected query words that are no entry themselves."""
    _sets, index = _thesaurus()
    stems: dict[str, dict[str, list[int]]] = {}
    for spelling, numbers in index.items():
        stems.setdefault(norm(spelling), {})[spelling] = numbers
    return stems


@lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Spellings (without umlauts) and stems of the thesaurus's nouns: its entries written with a capital."""
    sets, _index = _thesaurus()
    spellings = frozenset(surface(t) for terms in sets for t in terms if t[:1].isupper())
    return spellings, frozenset(norm(s) for s in spellings)


@lru_cache(maxsize=20_000)
def is_noun(word: str) -> bool:
    """Whether OpenThesaurus knows the word as a noun ("Selbstmord", "Selbstmordes"; not "aufhören", and not
    a name such as "Dortmund", which it does not list). Query words come in lower case: the thesaurus
    writes nouns with a capital."""
    spellings, stems = _nouns()
    spelled = surface(word)
    if spelled in _thesaurus()[1]:  # an entry: as written there ("abends" is an adverb, "Abend" a noun)
        return spelled in spellings
    # A rare inflected form, by its stem ("Selbstmordes"); a common word the thesaurus does not list is a
    # form of its own ("abends", "morgens" are adverbs, not "Abend").
    return zipf(word) < 4.0 and norm(word) in stems


_PLURAL_ENDINGS = ("n", "en", "e", "er", "nen")


def _known_with_ending(word: str, endings: tuple[str, ...], known: Container[str]) -> bool:
    """Whether ``word`` is a word of ``known`` (of at least three letters) followed by one of ``endings``."""
    return any(
        word.endswith(ending) and len(word) - len(ending) >= 3 and word[: len(word) - len(ending)] in known
        for ending in endings
    )


FUNCTION_WORD_ZIPF = 4.5  # a word of grammar is among the common words of the language
INFLECTION_GAP = 1.5  # an adjective's inflected forms are about as common as the word; a preposition has none


@lru_cache(maxsize=20_000)
def is_function_word(word: str) -> bool:
    """Whether a lower-case word is a word of grammar (preposition, adverb, particle: "neben", "bei", "daneben",
    "schon"), not of content: common, and without inflected forms about as common as itself, since such words
    do not inflect, while an adjective does ("allein" → alleine, "krank" → kranke, "nahe" → nahen)."""
    lowered = word.lower()
    common = zipf(lowered)
    if word[:1].isupper() or common < FUNCTION_WORD_ZIPF:
        return False
    endings = ("n", "r", "s", "m") if lowered.endswith("e") else _ADJECTIVE_ENDINGS[1:]
    return max(zipf(lowered + ending) for ending in endings) < common - INFLECTION_GAP


@lru_cache(maxsize=20_000)
def is_noun_plural(word: str) -> bool:
    """Whether a word the thesaurus does not list is the plural of one of its nouns ("Kollegen" of Kollege,
    "Nachbarn", "Freunde"; issue #14, s21-demo), however common: :func:`is_noun` takes a common form it does not
    list for a word of its own ("abends"), but no adverb ends in a plural ending after a noun. Not a verb of
    the dictionary ("sorgen" is no "Sorge|n")."""
    spellings, _stems = _nouns()
    spelled = surface(word)
    if spelled in _thesaurus()[1] or _infinitives(word.lower()):
        return False
    return _known_with_ending(spelled, _PLURAL_ENDINGS, spellings)


def noun_or_plural(word: str) -> bool:
    """Whether a word is a noun of the thesaurus (:func:`is_noun`) or of the dictionary (hunspell-de-de), or such
    a noun with a plural ending ("Amputationen"): what a compound's head must be (s21-demo: "Schar|nier" is none)."""
    if is_noun(word):
        return True
    return _known_with_ending(word.lower(), ("", *_PLURAL_ENDINGS), _lexicon()[0])


@lru_cache(maxsize=20_000)
def _set_numbers(word: str) -> tuple[int, ...]:
    """The thesaurus sets of a word: by spelling, else those of its Snowball stem (see :func:`synonyms`)."""
    _sets, index = _thesaurus()
    numbers = index.get(surface(word))
    if numbers is None:
        # A verb form the dictionary knows, by its infinitive: "hört" is "hören", not "horten" of its stem
        # (Snowball folds the umlaut; issue #14, round 10).
        numbers = [n for verb in infinitives(word) for n in index.get(surface(verb), [])] or None
    if numbers is None:
        # Only entries of the word's own lemma: "Leber" is no form of "leben" (:func:`same_lemma`).
        stems = _stem_index().get(norm(word), {})
        numbers = [n for spelling, ns in stems.items() if same_lemma(word, spelling) for n in ns]
    return tuple(numbers)


def sense_count(word: str) -> int:
    """How many senses (OpenThesaurus sets, :func:`_set_numbers`) a word has: "Selbstmord" one, "Beziehung" many."""
    return len(_set_numbers(word))


def synonym_in_other_sense(word: str, synonym: str) -> bool:
    """Whether ``synonym`` is ``word``'s only in a sense the thesaurus does not give it for the directory's topics:
    the synonym has several senses, :func:`_sense_numbers` narrows them to those of the topics, and none of the
    sets it shares with ``word`` is among those. "Notunterkunft" ~ Schuppen is the shed (Baracke, Bretterbude),
    not the skin's Schuppen (Hautschuppen, ^Erkrankung) of "Schuppen|flechte"."""
    own = set(_sense_numbers(word))
    shared = own.intersection(_set_numbers(synonym))
    if not shared:
        return False
    narrowed = _sense_numbers(synonym)
    return len(narrowed) < len(_set_numbers(synonym)) and not shared.intersection(narrowed)


def verb_sense_only(word: str, synonym: str) -> bool:
    """Whether ``synonym`` is ``word``'s only in sets of verbs: they share a set, and every word of each set they
    share is a verb of the dictionary (hunspell-de-de). "entstehen" ~ erwachsen (aufkommen, bilden, ergeben: *to
    arise*), not the adjective's sets (mündig, volljährig)."""
    shared = set(_set_numbers(word)).intersection(_set_numbers(synonym))
    if not shared:
        return False
    sets, _index = _thesaurus()
    known = verbs()
    return all(w.islower() and w in known for n in shared for w in sets[n])


def senses_whole(word: str) -> bool:
    """Whether :func:`synonyms` reads all of a word's senses: :func:`_sense_numbers` narrows none of them."""
    return len(_sense_numbers(word)) == len(_set_numbers(word))


@lru_cache(maxsize=20_000)
def _sense_numbers(word: str) -> tuple[int, ...]:
    """The thesaurus sets of a word (:func:`_set_numbers`) in the senses of the directory's topics, where it has
    several and some are: a set with another word of the common topic list, or filed under a broader term
    under which the thesaurus files the sets of several of that list's words (:func:`_area_keys`: Erkrankung,
    Symptom, Gefühl, ...). "Schuppen" → Hautschuppen, Kopfschuppen (^Erkrankung), not the shed (Baracke) nor
    the pub; "Spiel" → Glücksspiel, not Match nor Schauspiel; "Zucker" → Diabetes, not Saccharose. All of
    them where none is in those senses."""
    numbers = _set_numbers(word)
    if len(numbers) < 2:
        return numbers
    sets, _index = _thesaurus()
    links = _synset_links or []
    listed, categories = _area_keys()
    own = norm(word)
    connected = tuple(
        n
        for n in numbers
        if any(k != own and k in listed for k in (norm(t) for t in sets[n]))
        or any(t[0] == BROADER and norm(t[1:]) in categories for t in links[n])
    )
    return connected if connected else numbers


AREA_CATEGORY_WORDS = 3  # a broader term is a category of the directory when it files this many topic words


@lru_cache(maxsize=1)
def _area_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Search keys of the common topic list's words (``TOPICS_FILE``), and of the broader terms under which
    OpenThesaurus files the sets of at least ``AREA_CATEGORY_WORDS`` of them: the senses the directory is about
    ("Erkrankung", "Symptom", "Gefühl"; not "Unterkunft", which only "Obdach" is filed under)."""
    import csv

    _thesaurus()
    links = _synset_links or []
    listed: set[str] = set()
    filing: dict[str, set[str]] = {}
    with TOPICS_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for word in raw_words(row["name"] + " " + row["search_words"]):
                if word.isalpha() and len(word) >= 4:
                    listed.add(norm(word))
                    for n in _set_numbers(word):
                        for t in links[n]:
                            if t[0] == BROADER:
                                filing.setdefault(norm(t[1:]), set()).add(norm(word))
    categories = {key for key, words in filing.items() if len(words) >= AREA_CATEGORY_WORDS}
    return frozenset(listed), frozenset(categories)


@lru_cache(maxsize=20_000)
def related_words(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What OpenThesaurus relates to a word, nearest first: its synonyms; the broader terms of its sets and
    the nouns of its multi-word synonyms ("kiffen" → "Haschisch rauchen" → Haschisch); the broader terms of
    those ("Haschisch" → Cannabis), of a term of one sense only: a term of several sets passed on the broader terms
    of each ("gefühlskalt" ^Anlage ^Automat, of an installation, not of a temperament; s30-senses). The search
    walks them only until a word names a topic."""
    sets, _index = _thesaurus()
    links = _synset_links or []
    own = _sense_numbers(word)
    synonyms_ = tuple(dict.fromkeys(t for n in own for t in sets[n]))
    second = tuple(dict.fromkeys(t[1:] for n in own for t in links[n]))
    # Not a concept the term's definition says it is not of ("qualmen" → "eine Zigarette rauchen" → Zigarette,
    # *Tabak|produkt*, not ^Droge; s35-demo).
    third = tuple(
        dict.fromkeys(
            t[1:]
            for w in second
            if len(numbers := _set_numbers(w.lower())) == 1
            for other in [{c for terms in concepts_defined_otherwise(w.lower()) for c in terms}]
            for n in numbers
            for t in links[n]
            if t[0] == BROADER and t[1:] not in other
        )
    )
    return synonyms_, second, third


# Broader terms of OpenThesaurus under which it files the parts of the body ("Herz", "Ohr", "Gehirn", "Brust").
_BODY_BROADER = frozenset(["Körperteil", "Organ"])


@lru_cache(maxsize=20_000)
def idiom_nouns(word: str) -> frozenset[str]:
    """The nouns of the multi-word terms of a word's OpenThesaurus sets (:func:`related_words`' second level) that
    are parts of the body Wiktionary does not tie to the set's meaning: the nouns of idioms, no relation of the
    word ("halten" ~ "sich zu Herzen nehmen", "neu" ~ "grün hinter den Ohren", "dumm" ~ "kein Gehirn haben";
    s30-prec-thes). The body part is what OpenThesaurus files under ``_BODY_BROADER``, or a synonym of one ("fast"
    ~ "um ein Haar"; :func:`_bodily`, s30-prec2-thes); tied, as :func:`phrase_verbs` ties them, where a term's
    definition names the noun or the noun's definition names a term. Never a broader term of the word's sets."""
    sets, _index = _thesaurus()
    links = _synset_links or []
    found: set[str] = set()
    broader: set[str] = set()
    for number in _sense_numbers(word):
        for link in links[number]:
            noun = link[1:]
            if link[0] == BROADER:
                broader.add(noun)
            elif _bodily(noun) and not _tied(sets[number], noun):
                found.add(noun)
    return frozenset(found - broader)


@lru_cache(maxsize=20_000)
def body_part(noun: str) -> bool:
    """Whether OpenThesaurus files a noun (any entry of its lemma) under a part of the body (*Körperteil*, *Organ*).
    The one test of it: :func:`_bodily`, :func:`reflexive_nouns` and the search's organ of a definition read it."""
    links = (_synset_links if _synset_links is not None else _thesaurus() and _synset_links) or []
    numbers = [
        n for spelling, ns in _stem_index().get(norm(noun), {}).items() if same_lemma(noun, spelling) for n in ns
    ]
    return any(t[0] == BROADER and t[1:] in _BODY_BROADER for n in numbers for t in links[n])


@lru_cache(maxsize=20_000)
def _bodily(noun: str) -> bool:
    """Whether a noun is a part of the body (:func:`body_part`) or a synonym of one in one of its OpenThesaurus
    sets: "Haar", filed under Behaarung only, shares a set with "Fell" and "Pelz", which OpenThesaurus files under
    Körperteil (s30-prec2-thes)."""
    return body_part(noun) or any(body_part(t) for terms, _broader in all_senses(noun) for t in terms if t != noun)


def _tied(terms: tuple[str, ...], noun: str) -> bool:
    """Whether Wiktionary ties a noun to the terms of a set: a term's definition names it, or its definition a term."""
    key = norm(noun)
    own = gloss_senses(noun)
    return any(_names_word(gloss_senses(t), key) or _names_word(own, norm(t)) for t in terms)


@lru_cache(maxsize=20_000)
def broader_terms(word: str) -> tuple[str, ...]:
    """The broader terms OpenThesaurus gives a word's sets ("Downsyndrom" → Syndrom, Behinderung, ...)."""
    links = _synset_links if _synset_links is not None else _thesaurus() and _synset_links
    return tuple(dict.fromkeys(t[1:] for n in _sense_numbers(word) for t in (links or [])[n] if t[0] == BROADER))


@lru_cache(maxsize=20_000)
def broader_concepts(word: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The broader terms of each of a word's sets (:func:`broader_terms`) grouped by concept: the links of the set
    that stand together in one thesaurus set of their own. "Zigarette" → ((Tabak, Tobak), (Betäubungsmittel,
    Dope, Droge, …, Stoff)): one set, filed as a tobacco product and as a drug."""
    links = _synset_links if _synset_links is not None else _thesaurus() and _synset_links
    found = []
    for number in _sense_numbers(word):
        groups: list[tuple[set[int], list[str]]] = []
        for link in (links or [])[number]:
            if link[0] != BROADER:
                continue
            term, numbers = link[1:], set(_set_numbers(link[1:]))
            for group in groups:
                if numbers & group[0]:
                    group[0].update(numbers)
                    group[1].append(term)
                    break
            else:
                groups.append((numbers, [term]))
        found.append(tuple(tuple(terms) for _numbers, terms in groups))
    return tuple(found)


def _names_key(words: tuple[str, ...], keys: frozenset[str]) -> bool:
    """Whether one of a definition's words is, or has as a compound part, a word of the search keys ``keys``
    ("Tabak|produkt" names Tabak)."""
    return any(norm(w) in keys or any(norm(p) in keys for p in split_compound(w)) for w in words)


@lru_cache(maxsize=20_000)
def defined_concepts(word: str) -> tuple[tuple[bool, ...], ...]:
    """For each broader concept of each of a word's sets (:func:`broader_concepts`), whether its Wiktionary
    definition names a term of it: the word's own senses, and those of the synonyms they name ("Kippe": …
    *Zigarette* → *Tabak|produkt*). "Zigarette" → ((True, False),): Wiktionary says a product of tobacco, not a drug."""
    concepts = broader_concepts(word)
    if not any(concepts):
        return tuple(() for _set in concepts)
    own = gloss_senses(word)
    synonyms_ = {norm(s): s for s in synonyms(word)}
    named = dict.fromkeys(s for sense in own for w in sense if (s := synonyms_.get(norm(w))))
    senses = own + tuple(sense for s in named for sense in gloss_senses(s))
    return tuple(
        tuple(any(_names_key(sense, frozenset(norm(t) for t in terms)) for sense in senses) for terms in of_set)
        for of_set in concepts
    )


@lru_cache(maxsize=20_000)
def concepts_defined_otherwise(word: str) -> tuple[tuple[str, ...], ...]:
    """The broader concepts of a word's set filed under several whose Wiktionary definition names another of them
    and not these (:func:`defined_concepts`; s35-demo): "Zigarette" ^Tabak, ^Droge is *Papier mit Tabak|produkt*,
    so (Betäubungsmittel, …, Droge, …) is another kind than the one it is. Only within one set: a definition of
    another sense ("ICE": the train) says nothing of this one (Crystal, Meth, Ice)."""
    found = []
    for concepts, named in zip(broader_concepts(word), defined_concepts(word), strict=True):
        if len(concepts) > 1 and any(named):
            found += [terms for terms, defined in zip(concepts, named, strict=True) if not defined]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=20_000)
def all_senses(word: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Every OpenThesaurus set of a word (:func:`_set_numbers`, not only those in the directory's senses that
    :func:`synonyms` reads), each as its terms and its broader terms: "Pappe" → (LSD, …, Pappe) ^Droge,
    (Karton, Pappe), (Führerschein, …, Pappe) ^Dokument, (Trabant, …, Pappe) ^Auto."""
    sets, _index = _thesaurus()
    links = _synset_links or []
    return tuple(
        (sets[n], tuple(t[1:] for t in links[n] if t[0] == BROADER)) for n in dict.fromkeys(_set_numbers(word))
    )


NARROWER_LIMIT = 30  # a word with more narrower terms is a category ("Krankheit", "Alkohol": drinks), no concept
EVERYDAY_ZIPF = 5.0  # a noun this common is an everyday word ("Frau", "Kind"): its kinds are no answer to it


@lru_cache(maxsize=2)
def _link_index(kind: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """Search key of the word a thesaurus link of one kind names → the sets that carry such a link, with the word
    as written: for ``BROADER`` the sets filed under a broader term ("kreb" → the set of Plasmozytom, "Krebs"),
    for ``PHRASE_NOUN`` the sets a multi-word term with that noun stands in ("zigarett" → the set of rauchen,
    "Zigarette": "(sich) eine Zigarette anstecken")."""
    _sets, _index = _thesaurus()
    found: dict[str, list[tuple[int, str]]] = {}
    for number, links in enumerate(_synset_links or []):
        for link in links:
            if link[0] == kind:
                found.setdefault(norm(link[1:]), []).append((number, link[1:]))
    return {key: tuple(dict.fromkeys(numbers)) for key, numbers in found.items()}


@lru_cache(maxsize=20_000)
def narrower(word: str) -> tuple[str, ...]:
    """What OpenThesaurus files under a word as its broader term: the kinds of it, each an instance of the
    concept ("Krebs" → Plasmozytom, Brustkrebs, Melanom; "Angststörung" → Phobie; "Abhängigkeit" →
    Tablettensucht). Single words only: the nouns of a multi-word term are no kind ("Angst vor Dunkelheit"
    files "Dunkelheit" under Angststörung). None for a word that is no noun, an everyday noun (Zipf ≥ 5:
    "Frau", "Mensch"), a category with more than ``NARROWER_LIMIT`` of them ("Krankheit") or a word for
    people (:func:`is_person`)."""
    if zipf(word.lower()) >= EVERYDAY_ZIPF or not is_noun(word) or is_person(word) or is_person(word + "r"):
        return ()  # a verb's kinds are ways of doing it; "Eltern" are kinds of "Angehörige(r)", not their concern
    sets, _index = _thesaurus()
    own = norm(word)
    found: list[str] = []
    for number, broader in _link_index(BROADER).get(own, ()):
        if same_lemma(word, broader):  # "Leber" files nothing under "Leben"
            found += [t for t in sets[number] if norm(t) != own]
    found = list(dict.fromkeys(found))
    return tuple(found) if len(found) <= NARROWER_LIMIT else ()


def _names_word(senses: tuple[tuple[str, ...], ...], key: str) -> bool:
    """Whether a word's Wiktionary senses (:func:`gloss_senses`) name a word of the search key ``key``."""
    return any(norm(w) == key for sense in senses for w in sense)


@lru_cache(maxsize=20_000)
def phrase_verbs(noun: str) -> tuple[str, ...]:
    """The verbs of an OpenThesaurus set that holds a multi-word term with the noun, where Wiktionary ties verb and
    noun (s28-smoking): the set "rauchen|schmauchen|paffen|qualmen|…" holds "(sich) eine Zigarette anstecken" and
    "eine (Zigarette) durchziehen" (shipped as the link ``+Zigarette``), so "Zigaretten" → rauchen, qualmen: what
    the thing is for. Only a verb of the set (an infinitive of hunspell-de-de) whose definition names the noun
    (*Rauchen*: Zigaretten, Rauchwaren konsumieren; *qualmen*: … Zigarette rauchen) or that the noun's definition
    names; the other verbs of the set ("paffen", "schmöken") and a set whose verbs Wiktionary does not tie to the
    noun add nothing. Only for a noun (an everyday one neither: Zipf ≥ 5, "Hand", "Zeit" stand in many phrases),
    by its lemma's spelling or the entries of its own stem ("Zigaretten" → Zigarette)."""
    if not (is_noun(noun) or is_noun_plural(noun)) or zipf(noun.lower()) >= EVERYDAY_ZIPF:
        return ()
    sets, _index = _thesaurus()
    key = norm(noun)
    dictionary = verbs()
    own = gloss_senses(noun)
    found: list[str] = []
    for number, written in _link_index(PHRASE_NOUN).get(key, ()):
        if not same_lemma(noun, written):
            continue
        for verb in sets[number]:
            tied = verb.islower() and verb in dictionary and verb not in found
            if tied and (_names_word(gloss_senses(verb), key) or _names_word(own, norm(verb))):
                found.append(verb)
    return tuple(found)


THESAURUS_COLLOQUIAL_FILE = Path(__file__).parent / "data" / "openthesaurus_colloquial_de.txt.gz"


@lru_cache(maxsize=1)
def _colloquial() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Spelling without umlauts of each term OpenThesaurus marks colloquial ("(ugs.)") → the unmarked words of the
    sets where it stands so (``scripts/build_thesaurus.py``): "Glimmstängel" → (Zigarette,); and the spellings of
    those that also stand unmarked in a set."""
    found: dict[str, tuple[str, ...]] = {}
    also_plain: set[str] = set()
    with gzip.open(THESAURUS_COLLOQUIAL_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                term, plain, *also = line.rstrip("\n").split("\t")
                found[surface(term)] = found.get(surface(term), ()) + tuple(plain.split("|"))
                if also:
                    also_plain.add(surface(term))
    return found, frozenset(also_plain)


@lru_cache(maxsize=20_000)
def _colloquial_entries(word: str) -> tuple[tuple[str, bool], ...]:
    """The spellings (:func:`surface`) under which the colloquial file lists a word, each with whether it is read
    as a noun there (s35-colloquial). The file lists lemmas, as OpenThesaurus does; a form of one is read as its
    lemma too: a noun's plural by its singular of the same search key ("Fluppen" → fluppe, "Glimmstängeln" →
    glimmstaengel, "Sargnägel" → sargnagel; query words come in lower case, so "kippen" is the plural of Kippe as
    well as the verb), a verb's form by its infinitive ("qualmt" → qualmen; "schmökt" → schmöken, a verb the
    dictionary lacks, by the file's own verbs). The word as typed first."""
    marked = _colloquial()[0]
    spelled = surface(word)
    found: list[tuple[str, bool]] = [(spelled, is_noun(word))] if spelled in marked else []
    for ending in ("", *_NOUN_ENDINGS):
        base = spelled[: len(spelled) - len(ending)]
        if not spelled.endswith(ending) or len(base) < 4:
            continue
        for lemma in dict.fromkeys([base, *_without_umlaut(base)]):
            if lemma != spelled and lemma in marked and norm(lemma) == norm(word) and is_noun(lemma):
                found.append((lemma, True))
    verbs = list(infinitives(word))
    if not verbs:
        # A verb the dictionary lacks, by the file's own verbs (their plain words in small letters): the present of
        # a weak verb, "schmökt" → schmöken, "kifft" → kiffen.
        for ending in ("t", "et", "st", "est", "e"):
            root = spelled[: len(spelled) - len(ending)]
            if spelled.endswith(ending) and len(root) >= 3:
                verbs += [v for v in (root + "en", root + "n") if v in marked and marked[v][0][:1].islower()]
    for verb in verbs:
        if (lemma := surface(verb)) != spelled and lemma in marked and not is_noun(verb):
            found.append((lemma, False))
    return tuple(dict.fromkeys(found))


def only_colloquial(word: str) -> bool:
    """Whether OpenThesaurus marks the word colloquial wherever it lists it ("Glimmstängel", "schmöken", "betütern";
    not "qualmen", plain for smoke rising, nor "haschen", plain beside kiffen); a form by its lemma
    (:func:`_colloquial_entries`: "Glimmstängeln", "qualmt"), the word as typed first. A form the thesaurus lists
    as a word of its own is that word, unmarked: "schmatzen" is a verb, not only the plural of Schmatz (ugs., Kuss)."""
    entries = _colloquial_entries(word)
    if not entries or (entries[0][0] != surface(word) and surface(word) in _thesaurus()[1]):
        return False
    return entries[0][0] not in _colloquial()[1]


@lru_cache(maxsize=20_000)
def plain_words(word: str) -> tuple[str, ...]:
    """The plain words a colloquial word stands for, where OpenThesaurus and German Wiktionary agree
    (s34-colloquial): OpenThesaurus marks the word colloquial in a set ("Glimmstängel (ugs.)", "Kippe (ugs.)",
    "qualmen (ugs.)") whose unmarked word Wiktionary's definition of it names ("Glimmstängel": *Zigarette*;
    "Kippe", third sense: *Zigarettenstummel* oder ganze *Zigarette*; "qualmen": … *Rauchen* einer *Zigarette*).
    A noun's plain nouns, a verb's or adjective's plain words of its own kind. Not an everyday word (Zipf ≥ 5) on
    either side, nor a word the thesaurus lists plain only ("Faktum" ~ Tatsache is no colloquial word). As typed:
    "Kippe" → Zigarette, Müllkippe. A form by its lemma (:func:`_colloquial_entries`, s35-colloquial): "Fluppen",
    "Kippen" → Zigarette (the file lists no plurals; a lower-case "kippen" is the plural as well as the verb,
    which the file does not mark), "kifft" → haschen."""
    if zipf(word.lower()) >= EVERYDAY_ZIPF:
        return ()
    for lemma, noun in _colloquial_entries(word):
        plain = _colloquial()[0][lemma]
        named = {norm(w) for sense in gloss_senses(lemma) for w in sense if w[:1].isupper() or not noun}
        found = tuple(
            dict.fromkeys(
                w for w in plain if w[:1].isupper() == noun and norm(w) in named and zipf(w.lower()) < EVERYDAY_ZIPF
            )
        )
        if found:
            return found  # the first entry that names plain words: "Fluppen" is no "fluppen" (ugs., klappen)
    return ()


# Broader terms of OpenThesaurus under which it files words for people ("Sohn" → Verwandter, "Kind" → Person).
_PERSON_BROADER = frozenset(["Person", "Mensch", "Verwandter", "Familienangehöriger"])


@lru_cache(maxsize=20_000)
def is_person(word: str) -> bool:
    """Whether OpenThesaurus files a noun under people ("Kind", "Sohn", "Mann", "Partner"; not "Angst", a
    feeling, nor "Sucht", an illness), by the broader terms of its sets (:func:`_set_numbers`)."""
    _sets, _index = _thesaurus()
    links = _synset_links or []
    word = word.lower()
    # A plural by its singular: "Kinder" → Kind, "Frauen" → Frau, "Männer" → Mann.
    forms = [word] + [word[: -len(e)] for e in ("er", "en", "n", "e") if word.endswith(e) and len(word) > len(e) + 2]
    forms += [f.translate(_UMLAUT) for f in forms[1:]]
    numbers = {n for form in forms if form in _index or form == word for n in _set_numbers(form)}
    # A member of a family is a person too: OpenThesaurus files "Opa", "Großvater" under Blutsverwandte alone
    # (s33-situation).
    if any(t[0] == BROADER and t[1:] in _PERSON_BROADER | _KIN_BROADER for n in numbers for t in links[n]):
        return True
    return _person_by_relation(word, tuple(sorted(numbers)))


def _person_by_relation(word: str, numbers: tuple[int, ...]) -> bool:
    """A noun whose own sets name no broader term, but one of whose nouns is filed under people: the word's
    broader term ("Freundin" → ^Frau) or a one-word noun of its sets ("Ehemann" ~ Mann, "Gatte"). Only the
    single-word synonyms of a noun entry that OpenThesaurus lists as written, one step, and only where most of
    those it files under some broader term are people ("Tod" ~ "Sensenmann" stays no person)."""
    sets, index = _thesaurus()
    links = _synset_links or []
    if surface(word) not in index or not any(t[:1].isupper() for n in numbers for t in sets[n]):
        return False
    own = norm(word)
    related = {t[1:] for n in numbers for t in links[n] if t[0] == BROADER}
    related |= {t for n in numbers for t in sets[n] if t[:1].isupper() and " " not in t and norm(t) != own}
    persons = classified = 0
    for other in sorted(related):
        broader = {t[1:] for m in _set_numbers(other.lower()) for t in links[m] if t[0] == BROADER}
        classified += bool(broader)
        persons += bool(broader & _PERSON_BROADER)
    # Most of those that OpenThesaurus files anywhere are people: "Tod" ~ "Sensenmann" stays no person.
    return persons > 0 and 2 * persons > classified


# The two sexes: the noun OpenThesaurus files a person of that sex under (its set of that noun filed under
# people) and the adjective German Wiktionary defines such a person by.
SEXES = (("Frau", "weiblich"), ("Mann", "männlich"))


@lru_cache(maxsize=1)
def _sex_people() -> tuple[frozenset[str], ...]:
    """Per sex of :data:`SEXES`, the words of the OpenThesaurus sets of its noun that are filed under people
    ("Frau", "Weib", "Mutti", "Frauensperson"; "Mann", "Herr", "Kerl")."""
    sets, _index = _thesaurus()
    links = _synset_links or []
    return tuple(
        frozenset(
            t
            for n in _set_numbers(noun)
            if noun in sets[n] and any(t[0] == BROADER and t[1:] in _PERSON_BROADER for t in links[n])
            for t in sets[n]
        )
        for noun, _adjective in SEXES
    )


@lru_cache(maxsize=20_000)
def person_sex(word: str) -> str | None:
    """The sex of a person a noun names, as the noun of :data:`SEXES` ("Frau" or "Mann"), where the resources say
    one and only one (s33-situation): one of the word's own OpenThesaurus sets has a word of that sex's set of
    people ("Mutter" ~ Mutti, "Mama" ~ Mutti, "Ehemann" ~ Mann) or is filed under its noun ("Freundin" ^Frau), or
    German Wiktionary's first sense calls it by the sex's adjective ("Tochter": *weiblicher* Nachkomme, "Bruder":
    *männliches* …). ``None`` for a word of either or neither ("Kind", "Eltern", "Sohn": no resource says)."""
    sets, _index = _thesaurus()
    links = _synset_links or []
    own = [n for n in _set_numbers(word) if any(norm(t) == norm(word) for t in sets[n])]
    first = gloss_senses(word)[:1]
    found = [
        noun
        for (noun, adjective), people in zip(SEXES, _sex_people(), strict=True)
        if any(set(sets[n]) & people or BROADER + noun in links[n] for n in own)
        or any(w.startswith(adjective) for sense in first for w in sense if w.islower())
    ]
    return found[0] if len(found) == 1 else None


# Broader terms under which OpenThesaurus files members of a family ("Sohn", "Oma", "Kind").
_KIN_BROADER = frozenset(
    ["Angehöriger", "Verwandter", "Familienangehöriger", "Familienmitglied", "Blutsverwandte", "Anverwandter"]
)


CHILD = "Kind"  # the noun of a person not grown up, and of someone's child
_CHILD_GENERA = frozenset(["Kind", "Nachkomme"])
_PARENTS = "Eltern"  # a Kind of the Eltern is a sibling of the one asking


@lru_cache(maxsize=2_000)
def is_child(word: str) -> bool:
    """Whether a word for someone close names a child of the person asking: "Kind" itself (in any form), or a
    word German Wiktionary's first sense defines as a Kind or a Nachkomme ("Sohn": direkter *Nachkomme*;
    "Tochter", "Enkel", "Baby"), not a parent, a partner or a grandparent; nor a sibling, whom the sense defines
    as a Kind of the same Eltern ("Schwester": weibliches *Kind* derselben *Eltern*): the child of the asker's
    parents may be grown up, as the asker is."""
    if norm(word) == norm(CHILD) or norm(word) == norm(CHILD + "er"):
        return True
    genera = gloss_genera(word if word[:1].isupper() else word.capitalize())
    return bool(genera) and genera[0][0] in _CHILD_GENERA and _PARENTS not in next(iter(glosses(word.capitalize())), ())


def _kin(word: str) -> bool:
    links = _synset_links or []
    return any(t[0] == BROADER and t[1:] in _KIN_BROADER for n in _set_numbers(word) for t in links[n])


@lru_cache(maxsize=20_000)
def is_relative(word: str) -> bool:
    """Whether a noun names someone close to the person searching: OpenThesaurus files it, or one of its
    synonyms, under family members ("Sohn", "Oma"; "Mann" ~ "Alter", "Frau" ~ "Mutti", "Kind" ~ "Nachwuchs").
    Not a person named by a condition ("Alkoholiker", "Patient"), nor "Frauen" or "Männer" as a group
    of people (the plural is no synonym of a family member)."""
    sets, _index = _thesaurus()
    word = word.lower()
    if not is_person(word) or not is_noun(word):
        return False
    if _kin(word):
        return True
    return any(term[:1].isupper() and _kin(term.lower()) for n in _set_numbers(word) for term in sets[n])


# --- dictionary: derived word forms --------------------------------------------------------------------


def _lexicon() -> tuple[dict[str, bool], dict[str, tuple[str, ...]]]:
    """hunspell-de-de as ``scripts/build_lexicon.py`` extracts it: nouns (lower case → person noun?) and
    verbs (infinitive → their nouns in -ung)."""
    global _lexicon_data
    if _lexicon_data is None:
        with _load_lock:
            if _lexicon_data is None:
                nouns: dict[str, bool] = {}
                verbs: dict[str, tuple[str, ...]] = {}
                with gzip.open(LEXICON_FILE, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("#"):
                            continue
                        kind, word, *rest = line.rstrip("\n").split("\t")
                        if kind == "V":
                            verbs[word] = tuple(n.lower() for n in rest[0].split(",") if n) if rest else ()
                        else:
                            nouns[word.lower()] = kind == "P"
                _lexicon_data = nouns, verbs
    return _lexicon_data


def dictionary_nouns() -> Container[str]:
    """The nouns of the dictionary (hunspell-de-de), lower case, umlauts kept."""
    return _lexicon()[0]


def lexicon_noun(word: str) -> bool:
    """Whether hunspell-de-de lists the word (lower case) as a noun as written."""
    return word.lower() in dictionary_nouns()


def verbs() -> dict[str, tuple[str, ...]]:
    """The verbs of the dictionary (hunspell-de-de, infinitives) → their nouns in -ung."""
    return _lexicon()[1]


@lru_cache(maxsize=1)
def _sorted_nouns() -> list[str]:
    return sorted(_lexicon()[0])


def _nouns_starting(prefix: str) -> list[str]:
    import bisect

    nouns = _sorted_nouns()
    found = []
    for i in range(bisect.bisect_left(nouns, prefix), len(nouns)):
        if not nouns[i].startswith(prefix):
            break
        found.append(nouns[i])
    return found


_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
_IKER = re.compile(r"iker(in|innen|n)?$")  # a person noun by its form, also where the dictionary lacks it


# Vowels of a German word: ablaut changes only these, so a strong verb's participle keeps the consonants of
# its infinitive ("geschieden"/"scheiden", "gestorben"/"sterben", "verloren"/"verlieren").
_VOWELS = re.compile(r"[aeiouyäöü]+")
# Inseparable verb prefixes: they stay in the participle ("verloren") and take no "ge-" ("verstorben").
_INSEPARABLE = ("ver", "be", "er", "ent", "zer", "emp", "miss")


# The stem vowel of a strong verb's infinitive and of its past participle (the ablaut series of German
# grammar): "schei|den"/"geschie|den", "ster|ben"/"gestor|ben", "trin|ken"/"getrun|ken", "las|sen"/"gelas|sen".
_ABLAUT = frozenset(
    [("ei", "ie"), ("ei", "i"), ("ie", "o"), ("e", "o"), ("e", "e"), ("i", "u"), ("i", "o"), ("a", "a"),
     ("o", "o"), ("ü", "o"), ("ä", "o"), ("au", "o"), ("au", "au"), ("u", "u")]
)  # fmt: skip


def _ablaut(verb: str, participle: str) -> bool:
    """Whether a participle's vowels are the verb's after ablaut: the stem vowel changes along a series of
    :data:`_ABLAUT`, the others stay."""
    ours, theirs = _VOWELS.findall(verb.replace("ß", "ss")), _VOWELS.findall(participle.replace("ß", "ss"))
    if len(ours) != len(theirs) or len(ours) < 2:
        return False  # one vowel group ("treu" of "Betreuer", "schien" of "erschienen"): no stem and ending
    # The stem vowel is the last but one (the last is the ending's "e"); before it, a prefix's vowels stay.
    *before, stem, ending = ours
    *p_before, p_stem, p_ending = theirs
    return before == p_before and ending == p_ending and (stem, p_stem) in _ABLAUT


def _skeleton(word: str) -> str:
    return _VOWELS.sub("*", word.replace("ß", "ss"))


@lru_cache(maxsize=1)
def _verbs_by_skeleton() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for verb in _lexicon()[1]:
        index.setdefault(_skeleton(verb), []).append(verb)
    return {key: tuple(sorted(verbs)) for key, verbs in index.items()}


def _strong_participle(form: str) -> list[str]:
    """Verbs a strong past participle ("ge…en") belongs to: the infinitive of the dictionary with the same
    consonants (ablaut changes only the vowels) and without "ge-": "geschieden" → scheiden, "gestorben" →
    sterben; after an inseparable prefix, the prefixed verb or, where the dictionary lacks it, the simple one
    ("verloren" → verlieren, "verstorben" → sterben). Only where the skeleton names one verb alone."""
    if not form.endswith("en") or len(form) < 7:
        return []
    index = _verbs_by_skeleton()
    readings: list[str] = []  # the participle without "ge-", or with and without its prefix
    if form.startswith("ge"):
        readings.append(form[2:])
    else:
        prefix = next((p for p in _INSEPARABLE if form.startswith(p) and len(form) - len(p) >= 5), None)
        if prefix:
            readings += [form, form[len(prefix) :]]
    for reading in readings:  # the prefixed verb first, the simple one where the dictionary lacks it
        found = [v for v in index.get(_skeleton(reading), ()) if v != form and _ablaut(v, reading)]
        if found:
            return found if len(found) == 1 else []
    return []


# The stem vowel of a strong verb's present (second and third person singular) and of its infinitive: German
# raises "e" to "i" or "ie" and umlauts "a", "au", "o" there ("spr*i*cht"/"spr*e*chen", "s*ie*ht"/"s*e*hen",
# "schl*ä*ft"/"schl*a*fen", "l*äu*ft"/"l*au*fen", "st*ö*ßt"/"st*o*ßen").
_RAISED = {"ie": "e", "äu": "au", "i": "e", "ä": "a", "ö": "o"}


def _raised_present(word: str) -> list[str]:
    """Strong verbs of the dictionary (hunspell-de-de) a present-tense form with a raised stem vowel belongs to
    (:data:`_RAISED`): "vergisst" → vergessen, "isst" → essen, "spricht" → sprechen, "schläft" → schlafen,
    "säuft" → saufen, "hält" → halten. The form is the stem with "-t" or "-st", or the bare stem where it ends in
    "t" ("hält", "gilt"); the last vowel group of the stem, before its final consonants, is the stem vowel (a
    prefix's stay: "ver|gisst"). The infinitive is the stem with the vowel undone and "-en" or "-n", only where
    the dictionary lists it, and none where the stem is a verb's as it is ("liebst": lieben, not "leben"; "ss" also
    as "ß", as Switzerland writes it: "geniesst" is genießen's, no "genesen"), nor a weak verb
    (:func:`_weak_verb`: "willst" is no "wellen", "versinkt" no "versenken", "witt" no "wetten", "längst" no
    "langen"; issue #14, s26-reading)."""
    _nouns, verbs = _lexicon()
    stems = [word[: len(word) - len(ending)] for ending in ("t", "st", "") if word.endswith(ending or "t")]
    spelled = [v for stem in stems for v in dict.fromkeys([stem, stem.replace("ss", "ß")])]
    if any(stem + "en" in verbs or stem + "n" in verbs for stem in spelled):
        return []  # a weak verb's form ("liebst" of lieben is no raised "leben", "klickst" no "klecksen")
    for stem in stems:
        groups = list(_VOWELS.finditer(stem))
        if not groups or groups[-1].end() == len(stem):
            continue  # a verb's stem ends in a consonant ("summit" is no "summen")
        last = groups[-1]
        if plain := _RAISED.get(last.group()):
            root = stem[: last.start()] + plain + stem[last.end() :]
            roots = dict.fromkeys([root, root.replace("ß", "ss")])  # "vergißt": the spelling before 1996
            found = [v for r in roots for v in (r + "en", r + "n") if v in verbs and v != word and not _weak_verb(v)]
            if found:
                return found  # the third person first: "wächst" is wachsen's, not a second person of "wachen"
    return []


def _weak_verb(verb: str) -> bool:
    """Whether the frequencies know a verb by a weak verb's forms rather than a strong one's: its participle in
    "ge-…-t" ("gewellt", "gewettet", "gelangt"), after an inseparable prefix its past in "-te" ("versenkte", as the
    participle "versenkt" is a present's form too), is a word (:data:`SPELLED_RIGHT_ZIPF`) and more common than
    every strong participle of its stem vowel's ablaut series (:data:`_ABLAUT`: "gegolten", "verdorben",
    "erschrocken"; of the simple verb behind a prefix, "ab|gebrochen"). Only a strong verb raises its stem vowel
    in the present. A participle that is a verb of the dictionary itself is no evidence ("gelangen" of langen)."""
    verbs = _lexicon()[1]
    root = verb[:-2] if verb.endswith("en") else verb[:-1]
    inseparable = verb.startswith(_INSEPARABLE)
    weak_forms = (root + "te", root + "ete") if inseparable else ("ge" + root + "t", "ge" + root + "et")
    weak = max(zipf(form) for form in weak_forms)
    if weak < SPELLED_RIGHT_ZIPF:
        return False
    strong: set[str] = set()
    for i in range(len(verb) - 4):
        prefix, simple = verb[:i], verb[i:]
        if prefix and simple not in verbs:
            continue
        stem = simple[:-2] if simple.endswith("en") else simple[:-1]
        groups = list(_VOWELS.finditer(stem))
        if not groups:
            continue
        last = groups[-1]
        for vowel, participle_vowel in _ABLAUT:
            if vowel == last.group():
                changed = stem[: last.start()] + participle_vowel + stem[last.end() :]
                strong |= {"ge" + changed + "en", prefix + "ge" + changed + "en"}
                if prefix:
                    strong.add(prefix + changed + "en")
    return all(zipf(p) < weak for p in strong if p != verb and p not in verbs)


def _infinitives(word: str) -> list[str]:
    """Verbs of the dictionary a word form belongs to: the infinitive itself, a participle ("getrennt",
    "erblindet", "amputiert", "trauernd", "getrennte", "geschieden"), the third person ("stottert") or, where
    none of these is, a strong verb's present with a raised vowel ("vergisst"; :func:`_raised_present`)."""
    nouns, verbs = _lexicon()
    found = _regular_infinitives(word, verbs)
    if not found and word not in nouns:
        found = _raised_present(word)
    return found


def _regular_infinitives(word: str, verbs: dict[str, tuple[str, ...]]) -> list[str]:
    """The verbs of :func:`_infinitives` a form's stem spells as it is: the infinitive, a participle, the
    third person."""
    found = [word] if word in verbs else []
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        form = word[: len(word) - len(ending)] if ending else word
        found += [v for v in _strong_participle(form) if v not in found]
        roots: list[str] = []
        if form.endswith("nd"):
            roots.append(form[:-1])  # trauernd → trauern, pflegend → pflegen
        elif form.endswith("t"):
            root = form[:-2] if form.endswith("et") else form[:-1]
            roots += [root, form[:-1]]
            roots += [r[2:] for r in list(roots) if r.startswith("ge") and len(r) > 5]  # getrennt → trenn
        for root in roots:
            for verb in (root, root + "en", root + "n"):
                if verb in verbs and verb not in found:
                    found.append(verb)
    return found


@lru_cache(maxsize=20_000)
def infinitives(word: str) -> tuple[str, ...]:
    """The verbs of the dictionary a word form belongs to (:func:`_infinitives`), for a word in any case."""
    return tuple(_infinitives(word.lower()))


@lru_cache(maxsize=20_000)
def past_participle_verbs(word: str) -> tuple[str, ...]:
    """The verbs of the dictionary (hunspell-de-de) a word is the past participle of, inflected or not: a strong
    one by ablaut ("verstorben" → sterben, "geschiedenen" → scheiden; :func:`_strong_participle`) or a weak one,
    "ge…t" ("getrennt", "aufgehört") or "…iert" ("amputierten"). ``()`` for an infinitive ("leben"), a present
    participle or a third person without "ge-" ("stottert"), which :func:`infinitives` reads as well."""
    word = word.lower()
    verbs = _lexicon()[1]
    if not word.isalpha() or word in verbs:
        return ()
    found: list[str] = []
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        form = word[: len(word) - len(ending)] if ending else word
        found += _strong_participle(form)
        if form.endswith("t"):
            stem = form[:-2] if form.endswith("et") else form[:-1]
            if stem.endswith("ier") and stem + "en" in verbs:
                found.append(stem + "en")
            for i in range(len(stem) - 3):  # "ge" after a separable particle: "auf|ge|hört"
                if stem[i : i + 2] == "ge":
                    found += [v for v in (stem[:i] + stem[i + 2 :] + e for e in ("en", "n")) if v in verbs]
    return tuple(dict.fromkeys(found))


def _verb_nouns(verb: str) -> list[str]:
    """The nouns of a verb's action: its nouns in -ung, the noun of its stem ("trauern" → Trauer, "spielen" →
    Spiel), "-ieren" → "-ation" ("amputieren" → Amputation) and the infinitive as a noun ("Stottern")."""
    nouns, verbs = _lexicon()
    found = [verb, *verbs.get(verb, ())]
    stems = [verb[:-1], verb[:-2]] if verb.endswith("en") else [verb[:-1]]
    found += [s for s in stems if s in nouns and not nouns[s]]
    # A verb made of a noun by a prefix names that noun: "verwitwen" → Witwe, "verheiraten" → Heirat.
    for prefix in _INSEPARABLE:
        if verb.startswith(prefix) and verb.endswith("en"):
            bare = verb[len(prefix) : -2]
            found += [n for n in (bare, bare + "e") if len(n) >= 4 and n in nouns and not nouns[n]]
            break
    if verb.endswith("ieren"):
        found += [n for n in (verb[:-5] + "ation", verb[:-5] + "ion") if n in nouns]
    return list(dict.fromkeys(found))


def _person_noun(word: str) -> str | None:
    """The masculine singular of a person noun of the dictionary ("Epileptikerinnen" → "epileptiker")."""
    nouns, _verbs = _lexicon()
    for ending in ("", "n", "in", "innen"):
        if word.endswith(ending):
            base = word[: len(word) - len(ending)] if ending else word
            if nouns.get(base):
                return base
    return None


# The prefixes of the inchoative verbs German makes of an adjective: "become ADJ" ("er|blinden" of blind,
# "er|tauben" of taub, "er|kranken" of krank, "ver|armen" of arm, "ver|einsamen" of einsam).
_INCHOATIVE = ("er", "ver")


@lru_cache(maxsize=20_000)
def inchoative_adjective(word: str) -> str | None:
    """The adjective a past participle of an inchoative verb the dictionary (hunspell-de-de) lacks is made of:
    "ertaubt", "ertaubte" (er|taub|t: taub geworden) → taub. ``None`` for a form of a verb of the dictionary
    ("erkältet", "verliebt": :func:`infinitives` reads those), and where the stem is no adjective: a noun or a
    verb of the dictionary, or an adjective OpenThesaurus does not list as written. A common form is a verb's
    the dictionary has irregular ("erkannt" is no "kann"), so the word must be rare (``SPELLED_RIGHT_ZIPF``),
    and its adjective no everyday one (``ADJECTIVE_ZIPF``: "erklart" is a typo, no "klar")."""
    word = word.lower()
    umlauted = word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")  # "veroeffentlicht"
    if not word.isalpha() or infinitives(word) or infinitives(umlauted) or zipf(word) >= SPELLED_RIGHT_ZIPF:
        return None
    nouns, verbs = _lexicon()
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        form = word[: len(word) - len(ending)] if ending else word
        if not form.endswith("t") or form.endswith("st"):  # "-st" is the second person ("verbringst")
            continue
        prefix = next((p for p in _INCHOATIVE if form.startswith(p)), None)
        if prefix is None:
            continue
        for stem in dict.fromkeys([form[len(prefix) : -1], form[len(prefix) : -2] if form.endswith("et") else ""]):
            if len(stem) < 4 or stem in nouns or stem in verbs or is_noun(stem) or stem + "en" in verbs:
                continue
            if stem in _thesaurus()[1] and zipf(stem) < ADJECTIVE_ZIPF:
                return stem
    return None


# The suffixes that make a noun of a property of an adjective: "verwirrt|heit", "antriebslos|igkeit",
# "traurig|keit", "müd|igkeit" (of "müde").
_PROPERTY_NOUN = (("igkeit", ("", "e")), ("keit", ("",)), ("heit", ("",)))


_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@lru_cache(maxsize=20_000)
def property_nouns(adjective: str, thesaurus: bool = False) -> tuple[str, ...]:
    """The nouns of an adjective's property by "-heit", "-keit" or "-igkeit" (s23-words), inflected or not:
    "abhängige" → Abhängigkeit, "niedergeschlagen" → Niedergeschlagenheit. Only a noun of the dictionary
    (hunspell-de-de), or with ``thesaurus`` also one OpenThesaurus lists as written ("Abgeschlagenheit",
    "Verklemmtheit", which the dictionary lacks; s28-moods), whose adjective :func:`property_adjective` finds
    again (the way back), as spelled (capitalised); ``()`` for another word."""
    word = adjective.lower()
    index = _thesaurus()[1] if thesaurus else {}
    if not word.isalpha():
        return ()
    found: list[str] = []
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        base = word[: len(word) - len(ending)]
        for suffix, endings in _PROPERTY_NOUN:
            for e in endings:
                if e and not base.endswith(e):
                    continue
                noun = (base[: len(base) - len(e)] if e else base) + suffix
                known = lexicon_noun(noun.capitalize()) or surface(noun) in index
                if known and property_adjective(noun) == base:
                    found.append(noun.capitalize())
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=20_000)
def property_adjective(word: str) -> str | None:
    """The adjective (or participle) of the dictionary or the thesaurus that a noun of its property is made of
    by "-heit", "-keit" or "-igkeit", in lower case: "Verwirrtheit" → verwirrt, "Antriebslosigkeit" →
    antriebslos, "Müdigkeit" → müde (issue #14, round 11). ``None`` for another word, and where the stem is a
    noun ("Kindheit" is no property of "Kind")."""
    word = word.lower()
    if not word.isalpha():
        return None
    nouns, verbs = _lexicon()
    for suffix, endings in _PROPERTY_NOUN:
        if not word.endswith(suffix) or len(word) - len(suffix) < 4:
            continue
        for adjective in (word[: -len(suffix)] + e for e in endings):
            if adjective in nouns or adjective in verbs or is_noun(adjective):
                continue
            if synonyms(adjective) or known_word(adjective):
                return adjective
    return None


@lru_cache(maxsize=20_000)
def derivations(word: str) -> tuple[str, ...]:
    """Words of the dictionary (hunspell-de-de) that a derived form typed stands for, in lower case.

    - A person noun in -iker names the condition it is derived from, a noun of the same stem:
      "Epileptiker" → Epilepsie, "Diabetiker" → Diabetes, "Allergiker" → Allergie.
    - A person noun in -er of a verb, and a verb form (infinitive, participle, third person), name the
      verb's action: "getrennt" → trennen, Trennung; "trauernd" → Trauer; "erblindet" → Erblindung;
      "amputiert" → Amputation; "Stotterer", "stottert" → stottern.
    A noun of the dictionary is no verb form ("Sucht" is no "sucht" of "suchen").
    """
    word = word.lower()
    if not word.isalpha() or len(word) < 5:
        return ()
    nouns, verbs = _lexicon()
    found: list[str] = []
    person = _person_noun(word) or (_IKER.sub("iker", word) if _IKER.search(word) else None)
    if person and person.endswith("iker") and len(person) >= 8:
        stem = person[:-4]
        found += [
            n
            for n in _nouns_starting(stem[:-1])
            if len(n) <= len(stem) + 3 and not nouns[n] and not n.endswith(("iker", "ikerin"))
        ]
    elif person and person.endswith("er"):
        for verb in _infinitives(person[:-2] + "en") + _infinitives(person[:-2] + "n"):
            found += _verb_nouns(verb)
    elif word not in nouns:
        for verb in _infinitives(word):
            found += _verb_nouns(verb)
        if not found:
            found += adjective_nouns(word)
    elif word.endswith("e") and word not in verbs:
        # An adjective the dictionary lists as a noun in its weak form ("Süchtige", "die Süchtige") stands for
        # the adjective's noun, as the adjective does ("süchtig" → Sucht).
        found += adjective_nouns(word)
    if not found and ("ae" in word or "oe" in word or "ue" in word) and word not in nouns:
        # The dictionary is spelled with umlauts: "aengstlich" is "ängstlich" (→ Angst), "suechtige" "süchtige".
        umlauted = word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
        return derivations(umlauted)
    return tuple(w for w in dict.fromkeys(found) if w != word)


def infinitive_nouns(word: str) -> tuple[str, ...]:
    """The nouns in -ung of a verb whose infinitive the dictionary lists as a noun as well, in lower case:
    "trennen" → Trennung, "behindern" → Behinderung (hunspell-de-de has "Trennen/SJm", das Trennen, beside
    "trennen/SJozm"). :func:`derivations` reads no noun of the dictionary as a verb form ("Sucht" is no "sucht"
    of "suchen"), so an infinitive typed reached its action noun only where the dictionary lacks the
    nominalised infinitive ("stottern", "trauern"). Not a form that is another noun's plural as well ("Scheiden" of
    Scheide, which a definition names: "Vulvovaginitis" read Trennung); ``()`` for any other word."""
    word = word.lower()
    nouns, verbs = _lexicon()
    if word not in nouns or word not in verbs:
        return ()
    if listed_noun(word[:-1]) or word[:-1] in nouns:  # a noun in -e, its plural in -n
        return ()
    return tuple(n for n in verbs[word] if n != word)


# Suffixes that make an adjective of a noun, and what the noun ends in instead: "ängst|lich" → Angst,
# "sücht|ig" → Sucht, "zwang|haft" → Zwang, "pan|isch" → Panik, "allerg|isch" → Allergie.
_ADJECTIVE_OF_NOUN = (
    ("lich", ("", "e")),
    ("ig", ("", "e")),
    ("haft", ("", "e")),
    # Greek and Latin words: "-tisch" of a noun in "-se", "-sie", "-sis", "-tes" or "-ma" ("epileptisch" → Epilepsie,
    # "psychotisch" → Psychose, "diabetisch" → Diabetes, "asthmatisch" → Asthma).
    ("tisch", ("se", "sie", "sis", "tes", "")),
    ("isch", ("ik", "ie", "e")),
)
ADJECTIVE_ZIPF = 4.0  # a more common adjective has a sense of its own ("herzlich" is no "Herz")


def adjective_nouns(word: str) -> list[str]:
    """The noun of the dictionary (hunspell-de-de) that a rare adjective is made of by a suffix, its stem
    vowel umlauted or not: "ängstlich" → Angst, "süchtig" → Sucht, "panisch" → Panik (also inflected:
    "ängstliche"). A common adjective has drifted from its noun and stands for itself ("herzlich",
    "tödlich", "geistig"), and so does one whose stem is no noun ("vergesslich", "einsam")."""
    word = word.lower()
    nouns, _verbs = _lexicon()
    if zipf(word) >= ADJECTIVE_ZIPF:
        return []
    found: list[str] = []
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        form = word[: len(word) - len(ending)] if ending else word
        if ending and zipf(form) >= ADJECTIVE_ZIPF:
            return []
        for suffix, noun_endings in _ADJECTIVE_OF_NOUN:
            if not form.endswith(suffix) or len(form) - len(suffix) < 3:
                continue
            stem = form[: -len(suffix)]
            for base in dict.fromkeys([stem, stem.translate(_UMLAUT)]):
                found += [
                    base + e for e in noun_endings if len(base + e) >= 4 and base + e in nouns and not nouns[base + e]
                ]
            if found:
                return list(dict.fromkeys(found))
    return found or list(learned_adjective_nouns(word))


# The adjectives (and participles) German derives from the learned nouns of medicine and psychology, Greek and
# Latin: the adjective's ending, and what the noun ends in instead, longest ending first. "psycho|tisch" →
# Psycho|se, "epilep|tisch" → Epilep|sie, "psoria|tisch" → Psoria|sis, "autis|tisch" → Autis|mus,
# "diabe|tisch" → Diabe|tes, "anore|ktisch" → Anore|xie, "traum|atisch" → Traum|a, "arthr|itisch" →
# Arthr|itis, "allerg|isch" → Allerg|ie, "dyston|isch" → Dyston|ie, "adip|ös" → Adip|ositas, "infekt|iös" →
# Infekt|ion, "hyperakt|iv" → Hyperakt|ivität, "dem|ent" → Dem|enz, "suizid|al" → Suizid, "homosexu|ell" →
# Homosexu|alität, "schizophren" → Schizophren|ie; participles of verbs the dictionary lacks: "stom|atisiert"
# → Stom|a, "dialys|iert" → Dialys|e, "implant|iert" → Implant|at.
_LEARNED_ADJECTIVES = (
    ("atisiert", ("a",)),
    ("isiert", ("isierung", "ismus")),
    ("ktisch", ("xie", "xe", "xis")),
    ("atisch", ("a", "atik")),
    ("itisch", ("itis",)),
    ("tisch", ("se", "sis", "sie", "mus", "tes", "tik")),
    ("iert", ("ierung", "ation", "ion", "ie", "e", "at")),
    ("isch", ("ie", "ia", "ik")),
    ("iös", ("ion",)),
    ("ös", ("ose", "osität", "ositas", "e")),
    ("iv", ("ivität",)),
    ("ent", ("enz",)),
    ("ant", ("anz",)),
    ("ell", ("alität", "ität")),
    ("al", ("", "um", "alität")),
    ("", ("ie",)),
)


@lru_cache(maxsize=20_000)
def learned_adjective_nouns(word: str) -> tuple[str, ...]:
    """The noun a rare adjective or participle of the learned vocabulary is derived from by a regular suffix
    pattern (:data:`_LEARNED_ADJECTIVES`), also inflected ("epileptischer" → Epilepsie): the nouns of the
    first pattern whose noun the resources know, as a noun of the dictionary (hunspell-de-de), a noun of
    OpenThesaurus, or a word of the common topic list (:func:`learned_nouns`: "Dystonie", "Sklerose").
    A common adjective has a sense of its own (``ADJECTIVE_ZIPF``: "kritisch" is no "Krise"), and one that
    OpenThesaurus knows is read by its synonyms ("homosexuell" ~ schwul, lesbisch: not only Homosexualität)."""
    if synonyms(word):
        return ()
    return learned_form_nouns(word)


@lru_cache(maxsize=20_000)
def learned_form_nouns(word: str) -> tuple[str, ...]:
    """The nouns of :func:`learned_adjective_nouns` by the adjective's form alone, also for one OpenThesaurus
    knows ("dement" → Demenz): what a learned synonym of another word stands for (issue #14, round 11)."""
    word = word.lower()
    if zipf(word) >= ADJECTIVE_ZIPF or not word.isalpha():
        return ()
    known = learned_nouns()
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        form = word[: len(word) - len(ending)] if ending else word
        if ending and zipf(form) >= ADJECTIVE_ZIPF:
            return ()
        for suffix, noun_endings in _LEARNED_ADJECTIVES:
            if not form.endswith(suffix):
                continue
            stem = form[: len(form) - len(suffix)] if suffix else form
            if len(stem) < 3 or (not suffix and len(stem) < 6):
                continue
            found = [stem + e for e in noun_endings if surface(stem + e) in known and stem + e != form]
            if found:
                return tuple(found)
    return ()


TOPICS_FILE = Path(__file__).parent / "data" / "topics_dortmund_2023.csv"


@lru_cache(maxsize=1)
def learned_nouns() -> frozenset[str]:
    """Spellings (without umlauts) of the nouns an adjective of the learned vocabulary may stand for: the
    dictionary's nouns that name no person (hunspell-de-de), OpenThesaurus's nouns, and the words of the
    common topic list's names and search words (``TOPICS_FILE``: "Dystonie", "Sklerose", which neither has)."""
    import csv

    nouns, _verbs = _lexicon()
    found = {surface(n) for n, person in nouns.items() if not person}
    found |= _nouns()[0]
    with TOPICS_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            found |= {surface(w) for w in raw_words(row["name"] + " " + row["search_words"]) if w.isalpha()}
    return frozenset(found)


def participle(word: str) -> bool:
    """Whether a word is a present participle of a verb of the dictionary ("Genesende" of "genesen",
    "Pflegende"), which is no compound ("Gene|sende")."""
    word = word.lower()
    _nouns, verbs = _lexicon()
    for ending in _ADJECTIVE_ENDINGS:
        form = word[: len(word) - len(ending)] if ending else word
        if (not ending or word.endswith(ending)) and form.endswith("nd") and form[:-1] in verbs:
            return True
    return False


# --- abbreviations ------------------------------------------------------------------------------------


def acronyms(phrase: str) -> set[str]:
    """Abbreviations a phrase can be known by: initials of its words and of its compound parts.

    "Multiple Sklerose" → {"ms"}; "Posttraumatische Belastungsstörung" → {"pb", "ptbs"}.
    """
    words = [w for w in raw_words(phrase) if w.isalpha()]
    found: set[str] = set()
    if 2 <= len(words) <= 5:
        found.add("".join(w[0] for w in words))
    parts = [p for w in words for p in split_compound(w)]
    if 3 <= len(parts) <= 5 and len(parts) > len(words):  # "Magersucht" is no "MS"
        found.add("".join(p[0] for p in parts))
    return {_plain(a.translate(_UMLAUT)) for a in found}


# --- finite verb forms ---------------------------------------------------------------------------------

_FINITE_ENDINGS = ("et", "t", "st", "e")  # "kifft", "redet", "trinkst", "kiffe": the person endings of the present


@lru_cache(maxsize=20_000)
def finite_verbs(word: str) -> tuple[str, ...]:
    """Verbs a present-tense form belongs to where the dictionary lacks them: an infinitive OpenThesaurus lists
    (a lower-case entry) that the form's stem plus "-en" or "-n" spells, also with the stem vowel's umlaut
    undone ("kifft" → kiffen, "schlägt" → schlagen, "läuft" → laufen). A noun or a word of the dictionary's
    own verbs is none ("Sucht" is no form of "suchen"), nor a word OpenThesaurus lists as written: its own sets
    are its senses (issue #14, s26-reading: the preposition "seit" is no "sei|t" of "sein", whose synonym
    "sehen" named the eye groups; "einst" no "einen", "träge" no "tragen", "heile" no "heilen")."""
    word = word.lower()
    # The dictionary's own forms by their stem as it is; a raised vowel ("schlägt") is read here as well.
    if len(word) < 4 or not word.isalpha() or is_noun(word) or _regular_infinitives(word, _lexicon()[1]):
        return ()
    _sets, index = _thesaurus()
    if surface(word) in index:
        return ()
    found: list[str] = []
    for ending in _FINITE_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        for root in dict.fromkeys([stem, stem.translate(_UMLAUT)]):
            for verb in (root + "en", root + "n"):
                if verb != word and surface(verb) in index and not is_noun(verb) and verb not in found:
                    found.append(verb)
    return tuple(found)


# --- "sich X-en" → "Selbst-X-ung" ----------------------------------------------------------------------

SELF = "selbst"  # the front German makes a reflexive act's noun with: "sich verletzen" → Selbstverletzung


@lru_cache(maxsize=4096)
def reflexive_nouns(verb: str) -> tuple[str, ...]:
    """The nouns German makes of a verb done to oneself, "Selbst" and the verb's act (:func:`_verb_nouns`), where
    German has the compound (word frequencies, as for :func:`privative`): "verletzen" → Selbstverletzung, "hassen"
    → Selbsthass, "zweifeln" → Selbstzweifel, "töten" → Selbsttötung (s34-situation). A verb with none of its own
    reads the one noun the verbs of its Wiktionary definitions make ("ritzen": … *Aufkratzen* der Haut …, um sich
    zu *verletzen* → Selbstverletzung); none where they make several (the senses disagree)."""
    verb = verb.lower()

    def own(infinitive: str) -> list[str]:
        nouns = [n for n in _verb_nouns(infinitive) if n != infinitive]
        return [c for n in nouns if zipf(c := SELF + n) >= MIN_PART_ZIPF]

    found = own(verb)
    if not found:
        # Only a sense done to a body (it names a part of it: "ritzen", … der Haut an *Armen* und *Beinen*): with a
        # reflexive pronoun, one's own. Another sense's verb is another act ("sich scheren" is no Selbstbefreiung,
        # "sich hängen" no Selbsttötung, though "scheren" von Haaren *befreit* and "hängen" may *töten*).
        defining = [
            w
            for sense in gloss_senses(verb)
            if any(w[:1].isupper() and body_part(w) for w in sense)
            for w in sense
            if w.islower() and w != verb and w in verbs()
        ]
        made = list(dict.fromkeys(n for w in dict.fromkeys(defining) for n in own(w)))
        found = made if len(made) == 1 else []
    return tuple(n[:1].upper() + n[1:] for n in dict.fromkeys(found))


# --- "kein X", "ohne X" → "X-los" -----------------------------------------------------------------------

# Words that deny a noun: "keine Wohnung", "ohne Arbeit" say what the adjective in "-los" says.
NEGATIONS = frozenset(["kein", "keine", "keinen", "keinem", "keiner", "keines", "ohne"])


@lru_cache(maxsize=20_000)
def privative(noun: str) -> str | None:
    """The adjective in "-los" of a noun, where German has it (word frequencies): "Wohnung" → wohnungslos,
    "Arbeit" → arbeitslos, "Obdach" → obdachlos, "Kinder" → kinderlos; None for "Alkohol" ("alkohollos" is
    no word)."""
    noun = noun.lower()
    if len(noun) < 3 or not noun.isalpha():
        return None
    stems = [noun, noun[:-1]] if noun.endswith("e") else [noun]
    candidates = [s + link + "los" for s in stems for link in ("", "s", "es", "en", "n")]
    found = [c for c in candidates if zipf(c) >= MIN_PART_ZIPF]
    return max(found, key=zipf) if found else None


def negated_privatives(words: list[str]) -> list[str]:
    """The adjectives in "-los" a text says by a negation and the noun after it (:func:`privative`), a noun of
    OpenThesaurus or the dictionary (hunspell-de-de): "kein Antrieb" → antriebslos, "ohne Arbeit" → arbeitslos
    (s28-moods). A pronoun after it says none ("ohne Dich"), nor a noun German makes no such adjective of ("ohne
    Alkohol")."""
    found = [
        adjective
        for negation, noun in itertools.pairwise(words)
        if negation.lower() in NEGATIONS and noun_or_plural(noun) and (adjective := privative(noun))
    ]
    return list(dict.fromkeys(found))


# --- spelling: the words of the dictionary, for typos the office's vocabulary cannot correct -------------


SPELLED_RIGHT_ZIPF = 2.0  # a word this common in wordfreq's list is a word, not a typo ("Mukoviszidose": 2.4)


@lru_cache(maxsize=1)
def _dictionary_by_length() -> dict[tuple[int, str], tuple[str, ...]]:
    """Spellings (without umlauts, lower case) of the German words the search can reach: the nouns of
    hunspell-de-de (``LEXICON_FILE``) and the single-word entries of OpenThesaurus, by length and first
    letter (a typo seldom changes the first letter; spelling checkers rank such suggestions last too)."""
    found: dict[tuple[int, str], list[str]] = {}
    for word in sorted(_dictionary_spellings()):
        found.setdefault((len(word), word[0]), []).append(word)
    return {key: tuple(ws) for key, ws in found.items()}


@lru_cache(maxsize=1)
def _dictionary_spellings() -> dict[str, str]:
    """Spelling without umlauts → the word as the dictionary writes it (lower case, umlauts kept)."""
    sets, _index = _thesaurus()
    words = {surface(w): w for w in _lexicon()[0] if w.isalpha()}
    for terms in sets:
        for term in terms:
            if term.isalpha():
                words.setdefault(surface(term), term.lower())
    return words


def dictionary_spelling(spelled: str) -> bool:
    """Whether a spelling without umlauts (:func:`surface`) is one of a word of the dictionary or the
    thesaurus ("migraene": Migräne)."""
    return spelled in _dictionary_spellings()


def known_word(word: str) -> bool:
    """Whether a word is spelled right: the dictionary or the thesaurus has it, or it is common enough in
    wordfreq's list that it is no typo."""
    spelled = surface(word)
    return zipf(word.lower()) >= SPELLED_RIGHT_ZIPF or spelled in _thesaurus()[1] or word.lower() in _lexicon()[0]


@lru_cache(maxsize=5_000)
def spelling_suggestions(word: str, limit: int) -> tuple[str, ...]:
    """Words of the dictionary (:func:`_dictionary_by_length`) nearest to a word that is none, as a spelling
    checker suggests them (hunspell's edit moves: a letter wrong, missing, extra or swapped), at most
    ``limit`` edits (optimal string alignment, rapidfuzz) on the spellings without umlauts; the most common
    first (wordfreq), as the dictionary writes them: "Skizophrenie" → schizophrenie, "Angstörung" →
    angststörung."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    spelled = surface(word)
    if known_word(word):
        return ()
    by_length = _dictionary_by_length()
    best: dict[int, list[str]] = {}
    for n in range(len(spelled) - limit, len(spelled) + limit + 1):
        for found, distance, _i in process.extract(
            spelled, by_length.get((n, spelled[:1]), ()), scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            best.setdefault(int(distance), []).append(found)
    if not best:
        return ()
    spellings = _dictionary_spellings()
    nearest = [spellings[w] for w in best[min(best)]]
    return tuple(sorted(nearest, key=lambda w: (-zipf(w), w))[:6])


# --- definitions (German Wiktionary) ---------------------------------------------------------------------


GLOSSES_FILE = Path(__file__).parent / "data" / "wiktionary_glosses_de.txt.gz"
_glosses_data: dict[str, str] | None = None
# The senses of a capitalised headword where a headword spelled alike in small letters is defined too ("Rauch",
# the smoke, beside "rauch", hairy): a noun's own, for where a noun is what is read (:func:`_defined_senses`).
_noun_glosses_data: dict[str, str] = {}


def _glosses() -> dict[str, str]:
    """Spelling without umlauts of each headword → its senses as shipped ("nouns|nouns", see
    ``scripts/build_glosses.py``); the senses of headwords spelled alike but for case are joined."""
    global _glosses_data
    if _glosses_data is None:
        with _load_lock:
            if _glosses_data is None:
                found: dict[str, str] = {}
                nouns: dict[str, str] = {}
                small: set[str] = set()
                with gzip.open(GLOSSES_FILE, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("#"):
                            continue
                        headword, _tab, senses = line.rstrip("\n").partition("\t")
                        key = headword.lower() if headword.isascii() else surface(headword)
                        found[key] = found[key] + "|" + senses if key in found else senses
                        if headword[:1].isupper():
                            nouns[key] = nouns[key] + "|" + senses if key in nouns else senses
                        else:
                            small.add(key)
                _noun_glosses_data.update((key, senses) for key, senses in nouns.items() if key in small)
                _glosses_data = found
    return _glosses_data


def defined_headword(word: str) -> bool:
    """Whether German Wiktionary defines the word as written, as a headword of its own ("Alken", the hydrocarbon;
    not "Arzneistoffs", a form it defines by its headword)."""
    key = word.lower() if word.isascii() else surface(word)
    return key in _glosses()


# The plurals of learned nouns (Latin and Greek) that German keeps, and the singular's ending instead, longest
# first: "Antidepressiv|a" → Antidepressiv|um, "Neuroleptik|a" → Neuroleptik|um, "Trauma|ta" → Trauma,
# "Stadi|en" → Stadi|um. Wiktionary defines the singular; its plural's entry is a form with no definition.
_LEARNED_PLURALS = (("ata", ("a",)), ("a", ("um", "on")), ("en", ("um", "us")))


def _defined_senses(word: str, noun: bool = False) -> str | None:
    """The senses of a word as the glosses file ships them (:func:`_glosses`), or, for a word of six letters or
    more that Wiktionary lists as a form only, those of its headword (issue #14, round 11): the singular of a
    learned plural no resource has as a noun of its own ("Antidepressiva" → Antidepressivum: *Medikament* gegen
    Depressionen), a singular the dictionary or the thesaurus has as a noun; else an inflected noun's headword
    of the same search key that is no adjective or verb ("Phantomschmerzen" → Phantomschmerz). With ``noun``, a
    noun's own senses where a word in small letters is spelled alike ("Rauch", not "rauch": hairy, *Haare*)."""
    key = surface(word)
    senses = _glosses().get(key)
    if noun and key in _noun_glosses_data:
        return _noun_glosses_data[key]
    if senses or len(key) < 6 or not key.isalpha():
        return senses
    if singular := learned_singular(word):
        return _glosses()[singular]
    # An inflected noun by the headword of its own search key, its ending cut and its umlaut undone:
    # "Krampfanfälle" → Krampfanfall, "Absencen" → Absence, "Halluzinationen" → Halluzination.
    for ending in _NOUN_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 5:
            base = key[: -len(ending)]
            for lemma in dict.fromkeys([base, *_without_umlaut(base)]):
                # A noun of either resource, or a word neither knows otherwise (no adjective, no verb).
                known = lemma in _thesaurus()[1] or lemma in _lexicon()[1]
                noun = is_noun(lemma) or lemma in _lexicon()[0] or not known
                if (found := _glosses().get(lemma)) and noun and norm(lemma) == norm(word):
                    return found
    return None


def learned_singular(word: str) -> str | None:
    """The singular (spelled as :func:`surface`) of a learned plural that neither resource has as a noun of its
    own, where Wiktionary defines the singular and the dictionary or the thesaurus has it as a noun
    (:data:`_LEARNED_PLURALS`): "Neuroleptika" → neuroleptikum, "Antidepressiva" → antidepressivum."""
    key = surface(word)
    if len(key) < 6 or not key.isalpha() or is_noun(word):
        return None
    for ending, singulars in _LEARNED_PLURALS:
        if key.endswith(ending):
            for singular in (key[: -len(ending)] + s for s in singulars):
                if singular in _glosses() and is_noun(singular):
                    return singular
    return None


_NOUN_ENDINGS = ("s", "e", "n", "er", "en", "nen")  # the shortest cut first: "Tablette|n", not "Tablett|en"


def _without_umlaut(spelled: str) -> list[str]:
    """A spelling without umlauts (:func:`surface`) with its last umlaut undone: "krampfanfaell" → krampfanfall."""
    found = []
    for umlaut, vowel in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        at = spelled.rfind(umlaut)
        if at >= 0:
            found.append(spelled[:at] + vowel + spelled[at + 2 :])
    return found


@lru_cache(maxsize=20_000)
def glosses(word: str, noun: bool = False) -> tuple[tuple[str, ...], ...]:
    """The senses German Wiktionary defines a word by, each as the nouns of its definition, genus first, in
    Wiktionary's order of the senses: "Methadon" → (("Opioid", "Wirkung"),), "Zucker" → (("Pflanzen",
    "Nahrungsmittel"), ..., ("Zuckerkrankheit", "Diabetes")). By the word's spelling, a learned plural by its
    singular's (:func:`_defined_senses`, with ``noun`` a noun's own senses); ``()`` for a word Wiktionary does not
    define."""
    senses = _defined_senses(word, noun)
    if not senses:
        return ()
    return tuple(nouns for sense in senses.split("|") if (nouns := tuple(w for w in sense.split() if w[0].isupper())))


@lru_cache(maxsize=20_000)
def gloss_adjectives(word: str, noun: bool = False) -> tuple[str, ...]:
    """The adjectives and participles German Wiktionary's definitions of a word describe it by, as written
    there, in the order of the senses: "Dysthymie" (langanhaltende *depressive* Verstimmung) → ("langanhaltende",
    "depressive"), "Phantomschmerz" (… in einer *amputierten* Gliedmaße) → ("amputierten",). The file keeps
    them after each sense's nouns, in lower case (``scripts/build_glosses.py``); with ``noun`` a noun's own
    (:func:`_defined_senses`); ``()`` for a word Wiktionary does not define."""
    senses = _defined_senses(word, noun)
    if not senses:
        return ()
    return tuple(dict.fromkeys(w for sense in senses.split("|") for w in sense.split() if w[0].islower()))


@lru_cache(maxsize=20_000)
def gloss_senses(word: str) -> tuple[tuple[str, ...], ...]:
    """Each sense German Wiktionary defines a word by, as the words the glosses file keeps of it (its nouns
    capitalised, then its adjectives and participles in lower case), in the order of the senses: "Verlust" →
    (("Verlierens",), ("verloren",), ("Verstorbener", "Trauer", "Verstorbenen"), ("Misserfolg", "wirtschaftlicher")).
    ``()`` for a word Wiktionary does not define."""
    senses = _defined_senses(word)
    return tuple(tuple(sense.split()) for sense in senses.split("|")) if senses else ()


@lru_cache(maxsize=20_000)
def gloss_genera(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each sense German Wiktionary defines a word by that names a genus: its first noun with the adjectives
    of that sense, as written there, in the order of the senses: "Depression" → (("Niedergeschlagenheit", ()),
    ("Krankheit", ("psychische", "intensiv")), ...), sense 2 being a *psychische Krankheit*. ``()`` for a word
    Wiktionary does not define."""
    senses = _defined_senses(word)
    if not senses:
        return ()
    found = []
    for sense in senses.split("|"):
        words = sense.split()
        nouns = [w for w in words if w[0].isupper()]
        if nouns:
            found.append((nouns[0], tuple(w for w in words if w[0].islower())))
    return tuple(found)


ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "wiktionary_abbreviations_de.txt.gz"
_abbreviations_data: dict[str, tuple[str, ...]] | None = None


def _abbreviations() -> dict[str, tuple[str, ...]]:
    """Spelling without umlauts of each abbreviation Wiktionary spells out → its expansions in the order of its
    senses (``scripts/build_glosses.py``); those of headwords spelled alike but for case joined."""
    global _abbreviations_data
    if _abbreviations_data is None:
        with _load_lock:
            if _abbreviations_data is None:
                found: dict[str, tuple[str, ...]] = {}
                with gzip.open(ABBREVIATIONS_FILE, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if not line.startswith("#"):
                            headword, _tab, spelled = line.rstrip("\n").partition("\t")
                            key = surface(headword)
                            found[key] = tuple(dict.fromkeys([*found.get(key, ()), *spelled.split("|")]))
                _abbreviations_data = found
    return _abbreviations_data


MEDICAL_FILE = Path(__file__).parent / "data" / "wiktionary_medical_de.txt.gz"


@lru_cache(maxsize=1)
def _medical_terms() -> frozenset[str]:
    """Spelling without umlauts of each headword German Wiktionary defines in a sense labelled with the subject
    Medizin (``scripts/build_glosses.py``)."""
    with gzip.open(MEDICAL_FILE, "rt", encoding="utf-8") as fh:
        return frozenset(surface(line.rstrip("\n")) for line in fh if not line.startswith("#"))


def medical_term(word: str) -> bool:
    """Whether German Wiktionary labels a sense of the word with the subject Medizin ("Subarachnoidalblutung",
    "Stoma", "Dysarthrose"; not "Krebs", whose senses are labelled otherwise or not at all), as typed in any case."""
    return surface(word) in _medical_terms()


THESAURUS_TERMS_FILE = Path(__file__).parent / "data" / "openthesaurus_terms_de.txt.gz"


@lru_cache(maxsize=1)
def thesaurus_phrases() -> tuple[str, ...]:
    """The nouns OpenThesaurus writes as a phrase or with a hyphen, as written ("soziale Angststörung",
    "Borderline-Persönlichkeitsstörung"; ``scripts/build_thesaurus.py``): what an abbreviation may spell."""
    with gzip.open(THESAURUS_TERMS_FILE, "rt", encoding="utf-8") as fh:
        return tuple(line.rstrip("\n") for line in fh if not line.startswith("#"))


def expansions(word: str) -> tuple[str, ...]:
    """What German Wiktionary spells an abbreviation out as, the senses whose initials are its letters, in its
    order of the senses: "PTBS" → ("posttraumatische Belastungsstörung",), "MS" → (…, "Multiple Sklerose", …);
    ``()`` for a word it lists as no abbreviation."""
    return _abbreviations().get(surface(word), ())


ENGLISH_FILE = Path(__file__).parent / "data" / "ding_english_de.txt.gz"
ENGLISH_MAX_WORDS = 3  # the longest English term of the file, in words (scripts/build_english.py)
ENGLISH_GERMAN_ZIPF = 4.0  # a word this common in German text is read as German, whatever English has it ("war")


@lru_cache(maxsize=1)
def _english() -> dict[str, tuple[str, ...]]:
    """English term (lower case) or abbreviation (as written) → its German terms, medicine's and psychology's
    senses first (Ding's German–English dictionary, GPL-2+, ``scripts/build_english.py``)."""
    found: dict[str, tuple[str, ...]] = {}
    with gzip.open(ENGLISH_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                english, _tab, german = line.rstrip("\n").partition("\t")
                found[english] = tuple(german.split("|"))
    return found


def german_word(word: str) -> bool:
    """Whether a German resource knows a word as written (hunspell-de-de, OpenThesaurus, Wiktionary's definitions
    and abbreviations) or as an inflected form (a verb's, a noun's plural, an adjective's ending: "war", "Kinder",
    "positive"), or German text uses it commonly (wordfreq, :data:`ENGLISH_GERMAN_ZIPF`: "Jobs", "Fans", "Mi")."""
    spelled = surface(word)
    lower = word.lower()
    return (
        lower in _lexicon()[0]
        or spelled in _thesaurus()[1]
        or dictionary_spelling(spelled)
        or defined_headword(word)
        or bool(expansions(word))
        or zipf(lower) >= ENGLISH_GERMAN_ZIPF
        or bool(_infinitives(lower))
        or noun_or_plural(word.capitalize())
        or _known_with_ending(lower, _ADJECTIVE_ENDINGS, _lexicon()[0])
    )


@lru_cache(maxsize=20_000)
def english_word(word: str) -> bool:
    """Whether a word no German resource knows (:func:`german_word`) is English: wordfreq's English list has it
    more commonly than its German one ("grief", "PTSD"; German text quotes English words and abbreviations, so
    they have a German frequency too, a lower one)."""
    from wordfreq import zipf_frequency

    lower = word.lower()
    return not german_word(word) and zipf_frequency(lower, "en") > zipf(lower)


def english_terms(phrase: str) -> tuple[str, ...]:
    """The German terms of an English term or abbreviation no German resource knows (s35-english; Ding's
    dictionary): "PTSD" → PTBS, "grief" → Kummer, Gram, tiefe Trauer, Schmerz; ``()`` where a word of it is a German
    word too ("burnout", "depression", "Trauma"): the German reading is kept. A phrase ("binge eating") is English
    where one of its words is English. An abbreviation is read only as written, in capitals: "did", "cat" are no
    DID, CAT."""
    words = phrase.split()
    if not words or len(words) > ENGLISH_MAX_WORDS or not any(english_word(w) for w in re.split(r"[ -]", phrase)):
        return ()
    if len(words) == 1 and sum(c.isupper() for c in phrase) >= 2:
        return _english().get(phrase, ())
    return _english().get(phrase.lower(), ())


def warm_up() -> None:
    """Load the word list, the thesaurus and the dictionary, and build their indexes, now (a web worker's
    start-up, gunicorn.conf.py) instead of in the first search: several seconds of CPU."""
    _frequencies()
    _thesaurus()
    _lexicon()
    _stem_index()
    _nouns()
    _sorted_nouns()
    _dictionary_nouns()
    _link_index(BROADER)
    _link_index(PHRASE_NOUN)
    _dictionary_by_length()
    learned_nouns()
    _homographs()
    _area_keys()
    _glosses()
    _abbreviations()
    _colloquial()
    _medical_terms()
    _english()


# --- stem collisions -----------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """A spelling with umlauts and their "ae/oe/ue" spellings alike as plain vowels ("süchtig", "suechtig" →
    "suchtig"), to compare a word's forms."""
    return surface(word).replace("ae", "a").replace("oe", "o").replace("ue", "u")


# Endings that make a form or a derivation of a word: inflection, person nouns, adjectives, nouns of action.
_FORM_ENDINGS = frozenset(
    ["e", "n", "en", "s", "es", "ns", "nen", "st", "t", "et", "te", "ten", "end", "ende", "enden", "er", "ern",
     "in", "innen", "isch", "ische", "ig", "ige", "lich", "liche", "ik", "iker", "ung", "ungen", "heit", "keit",
     "igkeit"]
)  # fmt: skip


_CASE_ENDINGS = frozenset(["", "s", "es", "n", "en", "e", "er", "ern", "nen", "ns"])


def noun_form(word: str, noun: str) -> bool:
    """Whether a spelling is a form of a noun: the noun, or it with an ending of case or number, umlauts folded
    ("Mütter" of Mutter, "Kontakte" of Kontakt; issue #14, s21-demo). Never a word shorter than the noun ("Post"
    is no form of "Posten", "FAS" none of "Fase"), nor its Latin derivation that the search key joins ("positiv"
    is none of "Position"), nor the person noun in "-er" the dictionary derives ("Arbeiter" is none of "Arbeit",
    as "Kinder" is of Kind)."""
    folded, lemma = _fold(word), _fold(noun)
    ending = folded[len(lemma) :]
    if not folded.startswith(lemma) or ending not in _CASE_ENDINGS:
        return False
    return not (ending.startswith("er") and _lexicon()[0].get(word.lower().removesuffix("n")) is True)


def _form_of(longer: str, shorter: str) -> bool:
    return longer.startswith(shorter) and longer[len(shorter) :] in _FORM_ENDINGS


@lru_cache(maxsize=1)
def _homographs() -> dict[str, tuple[frozenset[str], ...]]:
    """Search keys that Snowball gives words of different lemmas: key → the lemmas, each the set of the words
    of the resources with that key (folded, :func:`_fold`) that are forms of one another by an ending
    (:data:`_FORM_ENDINGS`): "leb" → {leben, lebens, ...}, {leber, ...}; "mag" → {magen, ...}, {mager, ...}.
    "Trauer" and "trauern", "Alkohol", "Alkoholiker" and "alkoholisch" are one lemma each. The words: the nouns
    and verbs of the dictionary (hunspell-de-de) and OpenThesaurus's single-word entries, of at least four
    letters; not those whose key joins a Latin derivation ("depressiv", "Depression": one concept)."""
    sets, _index = _thesaurus()
    nouns, verbs = _lexicon()
    words = set(nouns) | set(verbs) | {t.lower() for terms in sets for t in terms if t.isalpha()}
    stemmer = _stemmer()
    by_key: dict[str, set[str]] = {}
    for word in words:
        key = norm(word)
        if len(word) >= 4 and key == _plain(stemmer.stemWord(word).translate(_UMLAUT)):
            by_key.setdefault(key, set()).add(_fold(word))

    known = {_fold(w) for w in words}
    infinitives = {_fold(v) for v in verbs}
    things = {_fold(n) for n, person in nouns.items() if not person}

    def stems(word: str) -> set[str]:
        # The stems a word is a form or derivation of by an ending: a stem of five letters or more ("Diabet|es",
        # "Diabet|iker"), else one that is a word of the resources of four letters, one with "-e", or a verb's
        # with "-en" ("pflegen", "Pflege", "Pfleger" → pfleg; not "mag" of "Magen", "mager"). Not by "-er" for a
        # noun of the dictionary that names no person: "Leber" is no "Leb|er" of "leben", nor "Rechner" one of
        # "rechnen"; an adjective's "-er" ("guter") and a person's ("Pfleger") are. Nor by "-ern" for a verb of
        # the dictionary: "wettern" is a verb of its own, no "Wett|ern" of "wetten", as "trauern" is none of
        # "trauen" (issue #14, round 10).
        result = set()
        for ending in ("", *_FORM_ENDINGS):
            if word.endswith(ending) and not (ending.startswith("er") and (word in things or word in infinitives)):
                stem = word[: len(word) - len(ending)] if ending else word
                if (
                    len(stem) >= 5
                    or (len(stem) == 4 and stem in known)
                    or stem + "e" in known
                    or stem + "en" in infinitives
                ):
                    result.add(stem)
        return result

    def form_of(longer: str, shorter: str) -> bool:
        # As in stems: "Wetter" and "wettern" are no "-er(n)" forms of "wett".
        return _form_of(longer, shorter) and not (
            longer[len(shorter) :].startswith("er") and (longer in things or longer in infinitives)
        )

    found: dict[str, tuple[frozenset[str], ...]] = {}
    for key, spellings in by_key.items():
        if len(spellings) < 2:
            continue
        lemmas: list[tuple[set[str], set[str]]] = []  # (words, their verb stems)
        for spelling in sorted(spellings, key=lambda w: (len(w), w)):
            own = stems(spelling)
            joined = [lemma for lemma in lemmas if own & lemma[1] or any(form_of(spelling, w) for w in lemma[0])]
            merged = ({spelling}.union(*(j[0] for j in joined)), own.union(*(j[1] for j in joined)))
            lemmas = [lemma for lemma in lemmas if all(lemma is not j for j in joined)] + [merged]
        if len(lemmas) > 1:
            found[key] = tuple(frozenset(lemma[0]) for lemma in lemmas)
    return found


def _lemma_of(word: str, lemmas: tuple[frozenset[str], ...]) -> int | None:
    """Which of a key's lemmas a word is a form of: one that has it, else one of whose words it is a form, else
    the only one that has a form of it (a verb's bare stem, issue #14, round 10: "trau" is a form of "trauen",
    not of "Trauer": no ending makes "Trauer" of it)."""
    folded = _fold(word)
    for number, lemma in enumerate(lemmas):
        if folded in lemma:
            return number
    for number, lemma in enumerate(lemmas):
        if any(_form_of(folded, w) for w in lemma):
            return number
    longer = [number for number, lemma in enumerate(lemmas) if any(_form_of(w, folded) for w in lemma)]
    return longer[0] if len(longer) == 1 else None


@lru_cache(maxsize=50_000)
def same_lemma(word: str, other: str) -> bool:
    """Whether two words of one search key (:func:`norm`) are forms of one lemma, where the resources know
    lemmas of that key that are not (:func:`_homographs`): "Leber" and "Lebern" are, "Leber" and "Leben" are
    not, nor "Magen" and "mager" (of "Magersucht"). True wherever the resources cannot tell: a key of one
    lemma, or a word that begins with none of its lemmas."""
    lemmas = _homographs().get(norm(word))
    if not lemmas or norm(other) != norm(word):
        return True
    mine, theirs = _lemma_of(word, lemmas), _lemma_of(other, lemmas)
    return mine is None or theirs is None or mine == theirs


def same_noun(word: str, other: str) -> bool:
    """Whether two words of one search key are forms of one noun (s35-words): of one lemma (:func:`same_lemma`), or
    of lemmas the thesaurus keeps apart where one is a form of the other ("Kinder" of Kind: "Kindes" and "Kinder"
    are; "Leben" and "Leber" are not)."""
    if same_lemma(word, other):
        return True
    lemmas = _homographs().get(norm(word), ())
    mine = next((lemma for lemma in lemmas if _lemma_of(word, (lemma,)) is not None), frozenset())
    theirs = next((lemma for lemma in lemmas if _lemma_of(other, (lemma,)) is not None), frozenset())
    return any(noun_form(a, b) or noun_form(b, a) for a in mine for b in theirs)


def homograph_key(word: str) -> bool:
    """Whether a word's search key is one of several lemmas (:func:`_homographs`)."""
    return norm(word) in _homographs()
