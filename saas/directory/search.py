"""The public search of the directory: what people type finds the groups they mean, and only those.

Documents. ``operations.refresh_search`` keeps three token documents per group (never contact data or
meeting places): ``search_name`` (the name), ``search_topics`` (topics and the office's synonyms per
topic, their abbreviations, topic area, audience, age focus, languages) and ``search_text`` (all of it
plus the description). Each word contributes its search key (``language.norm``: Snowball stem) and its
spelling without umlauts prefixed with ``=``; a compound contributes its parts as well
("Alkoholabhängigkeit" → alkohol, abhang, ...). Tokens are separated by single spaces, with a space at
both ends, so ``LIKE '% key %'`` is a whole-token match (served by ``pg_trgm`` on PostgreSQL).

Query. Each word (filler words dropped) becomes a *term* with alternatives, each with a weight:
exact (its key, 1.0), its compound parts all present (0.9), the nouns a derived form stands for
(hunspell-de-de: "Epileptiker" → Epilepsie, "getrennt" → Trennung; 0.9), OpenThesaurus synonyms (0.75),
the topics of the common topic list the word reaches (:func:`named_topics`: "CED" → Morbus Crohn,
"saufen" → trinken → Alkoholabhängigkeit; 0.75) and typo corrections against the office's vocabulary
(0.6). Rules that keep the results precise:

- The nearest reading that some group has in its name or topics is used, and only it: the word as
  typed, else the nouns it is derived from, else synonyms, topics and fallbacks.
- So synonyms of a word are used only when no group matches the word itself in a name or topic
  ("Zucker" → Diabetes only where "Zucker" is no office synonym; "Trauer" never widens to "Kummer").
- A typo correction fires only for a word that matches nothing at all ("Parkison" → Parkinson).
- A word that matches nothing and cannot be corrected is ignored only when it names no concept
  (:func:`may_ignore`: a common verb or adverb, a place, an everyday noun: "Rauchen *aufhören*"); a noun
  that names a thing ("Selbstmord") or a rare word (a condition no group has) leaves the result empty,
  so a query never shrinks to its generic words ("Angehörige").
- A compound falls back to its front part ("Angst|störung" → Angst) only where that part names a topic
  ("Lebens|ende" never becomes "Leben").
- A compound whose head is a common word naming no topic falls back to its front part where that is a
  part of a topic word ("Spiel|halle" → "Glücks|spiel"), only while the office does not know the compound.
- A group outside the topic area that the word (or its synonyms) names ranks after those inside it.
- Every remaining term must match (AND). A match in the name counts most, then in the topics, then in
  the description. If any group matches all terms in name or topics, a group that matches only through
  its description is listed after them, only with the words typed (or their typo correction or compound
  fallback; no synonym), and only when its topics are the same concept: a topic of a group found by name
  or topic, or one the common topic list relates to the word ("Autismus" → "Asperger Syndrom"). An
  "Angst" group whose description mentions ADHS is no answer to "ADHS".
- Ties are broken by name.

Offices. Every rule above is decided per office, on that office's vocabulary and groups: a search across
offices (the regional finder's offices, the staff neighbour search, all offices) finds and ranks each
office's groups exactly as that office's own search does (:func:`search_by_office`). Which words are
known is each office's own too: it decides typo corrections, which readings of a word are kept and which
common words may be left out, so a vocabulary of the whole selection could change what an office's groups
match. Across offices the lists are merged by score, then name, which keeps each office's order.
"""

from __future__ import annotations

import contextvars
import dataclasses
import gzip
import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Exists,
    Select,
    Text,
    and_,
    bindparam,
    exists,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute

from saas.directory import language
from saas.extensions import db

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

    from saas.directory.finder import Filters
    from saas.directory.models import Group

STOPWORDS = frozenset(
    [
     "und", "oder", "bei", "fur", "fuer", "die", "der", "das", "den", "dem", "des", "mit", "von", "in", "im",
     "am", "an", "auf", "zu", "zur", "zum", "ein", "eine", "einer", "einem", "eines", "nach", "ich", "mein",
     "meine", "meiner", "meinem", "wir", "uns", "unser", "fur", "suche", "suchen", "gibt", "es", "wo", "wie",
     "was", "ist", "sind", "habe", "hat", "haben", "mich", "mir", "selbsthilfe", "selbsthilfegruppe",
     "selbsthilfegruppen", "gruppe", "gruppen", "shg", "hilfe", "treff", "treffen", "kontakt", "austausch",
     "gespraechskreis",
    ]
)  # fmt: skip
MAX_QUERY_WORDS = 8
MAX_QUERY_CHARS = 200
EXACT, COMPOUND, SYNONYM, TYPO = 1.0, 0.9, 0.75, 0.6
NAME, TOPICS, TEXT = 1.0, 0.85, 0.35
# A word matched among the area, audience and age words after ABOUT ("Sucht", the area of every addiction topic)
# weighs a little less than the same word among a group's own topics: the umbrella's own group ("Suchtselbsthilfe",
# filed under the topic Sucht) before the groups only its area holds (s34-umbrella). Above every weaker match.
ABOUT_AREA = TOPICS * 0.99
OUTSIDE_AREA = 0.5  # a group outside the topic area of the topic a word names ranks after those inside it
PART_OF = 0.8  # a match on a compound's part ("Verlust|ängste" for "Angst") counts less than a whole word
# The alternatives that match a description too: the word, its compound parts, the nouns it is derived from.
LITERAL_KINDS = ("exact", "compound", "derived")
# A compound's front part for the whole: where it names a topic ("Angst|störung"), or behind a common head.
FALLBACK_KINDS = ("fallback", "head", "front")
# The key of a compound's head whose topics of the common list it reads: the groups those topics find are listed only
# as far as the head typed alone lists them (:func:`_unlike_the_part_alone`, s32-heads); it marks that level too.
HEAD_WORD = "head_word"
# A compound's front standing for it: where its head is a common head (``head``: "Wechsel|jahre", a word of the
# common list's compounds) or an everyday word that names nothing (``front``: "Suizid|versuch", round 12).
_HEAD_KINDS = ("head", "front")
PART = "~"  # prefix of a compound part's key in documents
NAMED = "!"  # in _listed_topic_words: a key that names the topic alone (a one-word name or search word)
ABOUT = " | "  # in search_topics: topics before it, area / audience / age / languages after it
COMMON_WORD_ZIPF = 4.0  # a word this common is spelled right (no typo correction) and may be filler
GRAMMAR_ZIPF = 6.0  # as frequent as the words of grammar: "werden", "haben", "können", "aber", "unter"
EVERYDAY_NOUN_ZIPF = 5.0  # a noun this common is an everyday word ("Sohn", "Kinder"), not a condition
AREA_MARK = "@"  # vocabulary token "@<area>:<key>": the office has a topic of that area named <key>
TOPIC_AREA_CODES = ("addiction", "chronic_illness", "mental_health", "disability", "social")


# --- documents --------------------------------------------------------------------------------------------


# Raised when the documents' tokens change in a way the probe directory of ``cli.document_rules`` (the common
# topic list's words) cannot show, so that ``lotse db upgrade`` still rebuilds every office's documents: round
# 12 cuts rare words the frequencies did not ("Errötungs|angst", :func:`language.split_compound`), which no word
# of the list is.
# 2: a group word's whole or front makes no initials (_word_for_a_group); 3: nor a word defined as a meeting
# (s26-initials); 4: a compound's linking "-n" follows only "e", "el", "er" (s26-reading: "Essanfälle" is
# Ess|anfälle, no "essa|fälle"); 5: the Wiktionary glosses keep no function words among a definition's adjectives
# (s28-events: "Sternenkind" … *während* … *verstorben*), and stored documents read the glosses; 6: a negated
# noun also stands as its adjective in "-los" ("kein Antrieb" → antriebslos, s28-moods); 7: the glosses keep a
# definition's learned adjectives in "-isch" ("psychiatrische", s33-empty); 8: the glosses of a word in small letters
# keep a noun inside it that is none of its compound parts ("post|traumatisch": *Trauma*, s34-abbrev).
DOCUMENT_REVISION = 8


def word_tokens(word: str, parts: bool = True) -> list[str]:
    """The tokens one word contributes to a document: key and spelling, and (``parts``) those of its parts."""
    tokens = [language.norm(word), "=" + language.surface(word)]
    if parts and word.isalpha():
        split = language.split_compound(word)
        if len(split) > 1:
            for part in split:
                tokens += [PART + language.norm(part), "=" + language.surface(part)]
    return tokens


def document(*parts: str, acronyms: bool = False, compound_parts: bool = True) -> str:
    """A token document of texts; with ``acronyms`` each text also yields its abbreviations ("MS"), without
    ``compound_parts`` its compounds stand only as wholes."""
    tokens: list[str] = []
    for part in parts:
        words = language.raw_words(part or "")
        for word in words:
            if language.surface(word) not in STOPWORDS:
                tokens += word_tokens(word, compound_parts)
        # What a negation and a noun say, as the query reads them (:func:`_privatives`): a group "… kein Antrieb …"
        # answers "antriebslos" (s28-moods).
        for adjective in language.negated_privatives(words):
            tokens += word_tokens(adjective, compound_parts)
        if acronyms:
            for phrase in (part or "").split(","):  # "Missbrauch, sexueller" is no "MS"
                tokens += [language.norm(a) for a in sorted(language.acronyms(phrase))]
    unique = [t for t in dict.fromkeys(tokens) if t and t != "="]
    return " " + " ".join(unique) + " "


INITIALS = "#"  # prefix of a group name's initials in ``search_name`` ("#aa" of "Anonyme Alkoholiker")
_NAME_SEGMENTS = re.compile(r"\s[-–—]\s|[–—:;,()/!?.]")


def name_initials(name: str) -> list[str]:
    """The initials a group may be known by: of each part of its name (between dashes, colons, brackets) that
    has two to four words, none of them a filler or a word for a group ("Anonyme Alkoholiker – Meeting
    Innenstadt" → aa, mi; "Alzheimer Angehörigen|gruppe" is known by no "AA")."""
    found = []
    for segment in _NAME_SEGMENTS.split(name or ""):
        words = [w for w in language.raw_words(segment) if w.isalpha()]
        # A word as common as "nicht" or "allein" makes a phrase, no name: "Panik? Nicht allein!" is no "NA".
        generic = any(_word_for_a_group(w) or language.zipf(w) >= EVERYDAY_NOUN_ZIPF for w in words)
        if 2 <= len(words) <= 4 and not generic:
            found.append(language.surface("".join(w[0] for w in words)))
            # A place after the name is no part of it: "Narcotics Anonymous Dortmund" is known as "NA" (a last
            # word that is no noun of the dictionary).
            if len(words) >= 3 and not language.is_noun(words[-1]):
                found.append(language.surface("".join(w[0] for w in words[:-1])))
    return list(dict.fromkeys(found))


def _word_for_a_group(word: str) -> bool:
    """Whether a word of a group's name is a filler or a word for a group or its meeting: itself, its head or
    its front (:data:`STOPWORDS`: "Gesprächskreis", "Selbsthilfe|gruppe", "Treff|punkt"), or a word whose
    German Wiktionary definition has such a word as its genus ("Stammtisch": *regelmäßiges Treffen*). Such a word
    makes a description, no name known by its initials ("Gesprächskreis Aplerbeck" is no "GA", "Parkinson-Stammtisch
    Altmühlen" no "PSA")."""
    parts = language.split_compound(word)
    whole = {word, parts[0], parts[-1]}
    if any(language.surface(p) in STOPWORDS for p in whole):
        return True
    return any(language.surface(genus) in STOPWORDS for p in (word, parts[-1]) for genus, _ in language.gloss_genera(p))


_HYPHENATED_NAME = re.compile(r"\b([^\W\d_]{2,})-([^\W\d_]{2,})\b")


_DOTTED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![^\W\d_]))?")


def _joined_words(name: str) -> list[str]:
    """A hyphenated name word written as one ("Al-Anon" → alanon), and an abbreviation written with dots as
    its letters ("S.L.A.A." → slaa; issue #14, round 8), as people type them."""
    dotted = [language.norm(m.replace(".", "")) for m in _DOTTED_LETTERS.findall(name or "")]
    return [language.norm(a + b) for a, b in _HYPHENATED_NAME.findall(name or "")] + dotted


def name_document(name: str) -> str:
    """``search_name``: the name's tokens (:func:`document`) and its initials (:func:`name_initials`), which a
    query word matches only where no group has the word itself (an abbreviation such as "AA")."""
    initials = [INITIALS + i for i in name_initials(name)]
    doc = document(name)
    extra = [t for t in dict.fromkeys(_joined_words(name)) if f" {t} " not in doc] + initials
    return doc + (" ".join(extra) + " " if extra else "")


def vocabulary_words(doc: str) -> set[str]:
    """The tokens of a document that go into the office's vocabulary (known words, typo targets)."""
    return {t for t in doc.split() if 2 <= len(t) <= 80 and not t.lstrip("=").isdigit() and t != ABOUT.strip()}


def topics_document(names: list[str], synonyms: list[str], about: list[str]) -> str:
    """``search_topics``: the topics and the office's synonyms, then after ``ABOUT`` the topic area,
    audience, age focus and languages (which only the very words typed may match).

    A synonym's compound stands only as a whole: "Schmerzmittel", a search word of
    Medikamentenabhängigkeit, names the pills, and is no answer to "Schmerzen" (its front part); the
    topic's own name keeps its parts ("Alkohol|abhängigkeit" answers "Alkohol")."""
    topics = document(*names, acronyms=True) + document(*synonyms, acronyms=True, compound_parts=False).lstrip()
    return topics + ABOUT.lstrip() + document(*about).lstrip()


def topic_keys(name: str, search_words: str) -> set[str]:
    """Search keys of the single words that name a topic: its name and each of its synonyms."""
    keys = set()
    for phrase in [name, *search_words.replace(";", ",").split(",")]:
        words = language.raw_words(phrase)
        if len(words) == 1 and words[0].isalpha():
            keys.add(language.norm(words[0]))
    return keys


def topic_area_tokens(topics: Iterable[tuple[str, str, str | None]]) -> set[str]:
    """Vocabulary tokens of an office's topics ``(name, search words, area)``: which words name a topic of
    which area (see :func:`listed_topic_areas`)."""
    return {
        f"{AREA_MARK}{area}:{key}"
        for name, words, area in topics
        if area in TOPIC_AREA_CODES
        for key in topic_keys(name, words)
    }


def office_vocabulary(search_texts: Iterable[str | None], topics: Iterable[tuple[str, str, str | None]]) -> set[str]:
    """An office's typo-correction vocabulary: the words of its groups' search documents and, from its topics
    ``(name, search words, area)``, which words name a topic of which area. The one definition, for saving a
    group (``operations.refresh_vocabulary``) and for rebuilding every office (``lotse groups reindex``)."""
    words: set[str] = set()
    for doc in search_texts:
        words |= vocabulary_words(doc or "")
    return words | topic_area_tokens(topics)


def _search_phrases(row: dict[str, str]) -> list[str]:
    """The search words of a row of the common topic list, one phrase each ("pflegende Angehörige"): the list
    separates them by commas, an office's own by commas or semicolons."""
    return row["search_words"].replace(";", ",").split(",")


_Index = TypeVar("_Index")
# The indexes the search builds once from the common topic list and the word data (:func:`_common_index`),
# in the order they are defined; :func:`warm_up` builds them all when a web worker starts.
_COMMON_INDEXES: list[_lru_cache_wrapper[object]] = []


def _common_index(build: Callable[[], _Index]) -> _lru_cache_wrapper[_Index]:
    """An index built once per process from the common topic list and the word data, and registered so that
    :func:`warm_up` builds it before the first search: a new index cannot be forgotten there."""
    cached = lru_cache(maxsize=1)(build)
    _COMMON_INDEXES.append(cached)
    return cached


@_common_index
def _listed_topics() -> dict[str, frozenset[str]]:
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        for key in topic_keys(row["name"], row["search_words"]):
            found.setdefault(key, set()).add(row["topic_area"])
    return {key: frozenset(areas) for key, areas in found.items()}


@_common_index
def _listed_topic_names() -> dict[str, frozenset[str]]:
    """Search key of each one-word topic name or search word of the common topic list → the names of the
    topics it names ("cannabis" → Drogenabhängigkeit, "trink" → Alkoholabhängigkeit)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        for key in topic_keys(row["name"], row["search_words"]):
            found.setdefault(key, set()).add(row["name"])
    return {key: frozenset(names) for key, names in found.items()}


@_common_index
def _listed_parts() -> frozenset[str]:
    """Spellings of the compound parts of the common topic list's words ("Spiel|sucht", "Glücks|spiel")."""
    from saas.directory.demo import load_topic_rows

    return frozenset(
        language.surface(part)
        for row in load_topic_rows()
        for word in language.raw_words(row["name"] + " " + row["search_words"])
        if len(parts := language.split_compound(word)) > 1
        for part in parts
    )


def _listed_infinitive_nouns(word: str) -> tuple[str, ...]:
    """The nouns in -ung (lower case) of an infinitive the dictionary lists as a noun as well
    (:func:`language.infinitive_nouns`) that are words of the common topic list: "trennen" → trennung,
    "behindern" → behinderung; not "abgrenzen" (Abgrenzung is no word of the list, and its synonym Trennung is not
    read: the synonyms of such nouns flood, "anfertigen" → Anfertigung ~ … → AIDS / HIV)."""
    return tuple(n for n in language.infinitive_nouns(word) if language.norm(n) in _listed_topics())


@lru_cache(maxsize=20_000)
def named_topics(word: str, loose: bool = True) -> tuple[str, ...]:
    """Topics of the common topic list a word stands for.

    Nearest first: the word itself or a form it is derived from names a topic ("Cannabis", "CED",
    "Trinker" → trinken); else, for a word that is no noun, its synonyms ("saufen" → trinken), else its
    broader terms and the nouns of its multi-word synonyms, else their broader terms ("kiffen" →
    "Haschisch rauchen" → Haschisch → Cannabis). Each step is taken only when the nearer ones name no topic, so a
    word never reaches a topic through a loose relation when a near one exists. A noun goes no further than
    its own synonyms (:func:`language.synonyms`, matched against the office's topics): the common list names
    its topics by nouns, and a noun's synonyms are nouns of their own ("Lebensende" ~ "Tod" is no grief).
    """
    derived = language.derivations(word)
    levels = [(word, *derived, *_listed_infinitive_nouns(word))]
    # A verb's form walks its verb's relations (its sets are the verb's): as loose as the verb is common
    # (issue #14, s26-reading: "weint" is weinen's, whose phrase "sich die Augen ausweinen" named the eye groups).
    verbs = (*language.infinitives(word), *language.finite_verbs(word))
    common = max(language.zipf(w) for w in (word, *verbs)) >= COMMON_WORD_ZIPF
    # A noun's plural the thesaurus does not list is the noun ("Kollegen" ~ Kontakt is no Einsamkeit).
    if not language.is_noun(word) and not language.is_noun_plural(word):
        synonyms_, broader, further = _related_words(word)
        # After the word's own synonyms, those of the nouns a verb form stands for: "gestorben" → sterben →
        # Tod, which the list names (Trauer); nearer than the word's broader terms.
        # Of a common word, only those of a word whose senses the thesaurus does not narrow to the directory's:
        # "schlägt" → Schlag (eleven senses, one of them Schlaganfall) is no stroke, "stammt" → Stamm no Familie
        # (s30-prec-thes); "gestorben" → sterben ~ Tod stays.
        of_derived = tuple(s for d in derived if not common or language.senses_whole(d) for s in language.synonyms(d))
        # With them, the nouns a learned synonym is derived from (issue #14, round 11): "verwirrt" ~ dement →
        # Demenz, where no synonym names a topic as it is written.
        of_derived += tuple(n for s in synonyms_ for n in language.learned_form_nouns(s))
        levels += [synonyms_, of_derived, broader, further, *_derived_relations(word, derived)]
    if not loose:
        levels = levels[:LOOSE_LEVEL]
    common = common and len(levels) > 1
    # The nouns of idioms among its relations (a part of the body: "halten" ~ "sich zu Herzen nehmen") name no
    # topic; they still count where a common word's loose relations disagree (s30-prec-thes).
    idioms = {n for w in (word, *derived, *verbs) for n in language.idiom_nouns(w)} if len(levels) > 1 else set()
    for depth, level in enumerate(levels):
        named = {w: _names_of_lemma(w) for w in level}
        # A related everyday word names no noun of its key (s31-everyday: "ungewollt" ~ automatisch is no
        # "Automaten"); where only such words name a topic, the word reads no further than here.
        everyday = {w for w in level if depth and named[w] and _everyday_noun_key(w)}
        found = sorted({n for w in level if w not in idioms and w not in everyday for n in named[w]})
        if everyday and not found:
            return ()
        every = {n for names in named.values() for n in names}
        if depth == 0 and not found:
            # The adjective of a phrase of the list whose noun says who ("verwaist": "verwaiste Eltern" of Trauer),
            # nearer than its synonyms ("verwaist" ~ einsam is no Einsamkeit here; s27-phrases).
            found = sorted(_people_phrase_topics().get(language.norm(word), ()))
        if every and common and depth >= LOOSE_LEVEL and (depth > LOOSE_LEVEL or len(every) > 1):
            # A common word has many senses, and its loose relations follow any of them (issue #14, round 10):
            # its broader terms name a topic only where they agree on one ("tot" ^Tod → Trauer; not "nicht"
            # ^Beziehung, ^Haar → Polyamorie, Haarausfall), its further relations none ("komme" → … → Krieg).
            return ()
        if found and depth >= LOOSE_LEVEL and _plain_reads_nothing(word):
            # A colloquial word reads no further than the plain word it stands for (s34-colloquial): "schmöken"
            # (ugs.) is "rauchen", which names no topic; its phrase's noun's ^Droge is no answer, nor is
            # "betütern" (~ verzuckern) a diabetes group.
            return ()
        if found:
            return tuple(found)
    if loose and len(levels) > 1 and not common and (of_nouns := _synonym_noun_topics(word)):
        # Last: the topics the nouns of its synonyms name ("ausgebrannt" ~ erschöpft → Erschöpfung ~ Burnout;
        # s28-moods), for a rare adjective or participle that reaches none otherwise.
        return of_nouns
    # A rare noun of a property names what its adjective names (issue #14, round 11): "Verwirrtheit" →
    # verwirrt. Not an everyday one, which has senses of its own ("Sicherheit" is no "sicher", alleinstehend).
    rare = language.is_noun(word) and language.zipf(word.lower()) < COMMON_WORD_ZIPF
    adjective = language.property_adjective(word) if rare else None
    return named_topics(adjective, loose) if adjective else ()


def _plain_reads_nothing(word: str) -> bool:
    """Whether a word OpenThesaurus lists as colloquial only stands for plain words (:func:`language.plain_words`),
    none of which names a topic of the common topic list by its own reading (:func:`named_topics`)."""
    if not language.only_colloquial(word):
        return False  # "haschen" stands plain beside kiffen too: that set's relations are its own
    plain = language.plain_words(word)
    return bool(plain) and not any(named_topics(p) for p in plain)


SYNONYMS_AGREE = 2  # in _synonym_noun_topics: a topic the nouns of this many of a word's synonyms name


@lru_cache(maxsize=20_000)
def _synonym_noun_topics(word: str) -> tuple[str, ...]:
    """The topics of the common topic list that the nouns of at least two of an adjective's or participle's
    OpenThesaurus synonyms name, by themselves or by their own synonyms: the last level of :func:`named_topics`
    (s28-moods). "ausgebrannt" and "ausgelaugt" have the synonyms "erschöpft" (erschöpfen → Erschöpfung) and
    "abgeschlagen" (Abgeschlagenheit), which OpenThesaurus gives with Burnout and Niedergeschlagenheit
    (Depression, Psychische Belastung), and "gestresst" (Stress: Psychische Belastung). A synonym's noun is one the
    dictionary derives from it (:func:`language.derivations`: a verb's action, the noun of an adjective's suffix)
    or the noun of its property (:func:`language.property_nouns`, also as OpenThesaurus lists it), never a synonym
    that is a noun itself; the noun's own synonyms are read only where it names no topic itself. Two synonyms that
    agree by two nouns, as in :func:`synonym_topics`: one noun's other sense names any topic ("gehemmt" → Hemmung ~
    Behinderung is no answer to "schüchtern"; "bedrückt", "gedrückt" → drücken no Zwangsstörung)."""
    by_synonyms: dict[str, set[str]] = {}
    by_nouns: dict[str, set[str]] = {}
    for synonym in language.synonyms(word):
        if language.is_noun(synonym) or language.norm(synonym) == language.norm(word):
            continue
        nouns = [n for n in language.derivations(synonym) if language.is_noun(n) and not language.is_person(n)]
        nouns += language.property_nouns(synonym, thesaurus=True)
        for noun in dict.fromkeys(nouns):
            named = _names_of_lemma(noun) or {n for s in language.synonyms(noun) for n in _names_of_lemma(s)}
            for name in named:
                by_synonyms.setdefault(name, set()).add(language.norm(synonym))
                by_nouns.setdefault(name, set()).add(language.norm(noun))
    # Two synonyms by two nouns: forms of one verb are one relation ("bedrückt", "gedrückt" → drücken).
    return tuple(sorted(n for n in by_synonyms if min(len(by_synonyms[n]), len(by_nouns[n])) >= SYNONYMS_AGREE))


@_common_index
def _people_phrase_topics() -> dict[str, frozenset[str]]:
    """Search key of the adjective of a two-word name or search word of the common topic list whose noun says who
    ("*verwaiste* Eltern" of Trauer, "*hochbegabte* Kinder") → the names of those topics: the people are whom
    the topic concerns, the adjective what (s27-phrases)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        for phrase in [row["name"], *_search_phrases(row)]:
            words = [w for w in language.raw_words(phrase) if language.surface(w) not in STOPWORDS]
            pair = len(words) == 2 and all(w.isalpha() for w in words)
            if pair and not language.is_noun(words[0]) and language.is_person(words[1]):
                found.setdefault(language.norm(words[0]), set()).add(row["name"])
    return {key: frozenset(names) for key, names in found.items()}


LOOSE_LEVEL = 3  # in named_topics: the level of a word's broader terms (after itself, its synonyms, its forms')


def _derived_relations(word: str, derived: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The broader terms, then the further relations, of the verbs a form is derived from (issue #14, round 8),
    the last levels of :func:`named_topics` for a word that is no noun: "verängstigt" → verängstigen, which
    OpenThesaurus relates to "Angst machen" (→ Angst), where the participle itself has no entry."""
    related = [_related_words(d) for d in derived if d != word and not language.is_noun(d)]
    return [tuple(w for r in related for w in r[1]), tuple(w for r in related for w in r[2])]


@lru_cache(maxsize=20_000)
def broader_topics(word: str) -> tuple[str, ...]:
    """Topics of the common topic list a noun is a kind of by its OpenThesaurus broader terms ("Oberbegriff":
    "Downsyndrom" → Behinderung), for a noun that names no topic itself (:func:`named_topics`) and whose
    synonyms name none either (the search uses those as they are: "Trunksucht" ~ Alkoholismus never widens
    to every addiction topic through ^Sucht). Never a person's ("Rentner" → Mensch). Not a topic that lists several
    kinds of a broader concept the noun's definition says it is not of (:func:`_lists_other_kinds`: "Zigarette"
    ^Droge is *Tabak|produkt*, no Drogenabhängigkeit of Cannabis, Kokain, Heroin; s35-demo). The search reads a
    word so only where no other reading of it finds any group (see :func:`rank`)."""
    names = _listed_topic_names()
    if (
        not language.is_noun(word)
        or language.is_person(word)
        or named_topics(word)
        or any(names.get(language.norm(s)) for s in language.synonyms(word))
    ):
        return ()
    found: set[str] = set()
    other_kind = _concepts_defined_otherwise(word)
    for broader in language.broader_terms(word):
        named = _names_of_lemma(broader)
        # A kind of a topic named by its broader term is that topic, not its other kinds: "Melanom" ^Krebs
        # is no "Lungenkrebs", which lists "Krebs" among its words (s21-heads).
        own = {n for n in named if language.norm(n) == language.norm(broader)}
        found |= {
            n for n in own or named if not any(_lists_other_kinds(n, keys) for keys in other_kind.get(broader, ()))
        }
    return tuple(sorted(found))


def _concepts_defined_otherwise(word: str) -> dict[str, list[frozenset[str]]]:
    """The broader terms of :func:`language.concepts_defined_otherwise`, each with its concept's search keys."""
    found: dict[str, list[frozenset[str]]] = {}
    for terms in language.concepts_defined_otherwise(word):
        keys = frozenset(language.norm(t) for t in terms)
        for term in terms:
            found.setdefault(term, []).append(keys)
    return found


# A topic whose words name this many kinds of a broader concept is about those kinds (Drogenabhängigkeit:
# Cannabis, Kokain, Heroin ^Droge), not about every kind of it.
LISTED_KINDS = 2


def _lists_other_kinds(name: str, keys: frozenset[str]) -> bool:
    """Whether a topic of the common list names at least ``LISTED_KINDS`` kinds of a broader concept (its one-word
    search words that OpenThesaurus files under a term of ``keys``, not those terms themselves): then a noun of
    that concept whose definition says it is of another kind is none of the topic's (s35-demo: a smoker's
    "Zigarette" ^Droge is no Drogenabhängigkeit, whose words are Cannabis, Kokain, Heroin)."""
    kinds = [
        word
        for word, broader in _topic_word_broader_keys().get(name, ())
        if language.norm(word) not in keys and broader & keys
    ]
    return len(kinds) >= LISTED_KINDS


@_common_index
def _topic_word_broader_keys() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Each topic of the common list → its one-word search words, each with the search keys of its OpenThesaurus
    broader terms ("Drogenabhängigkeit" → (Cannabis, {droge, rauschgift, …}), …)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in load_topic_rows():
        for phrase in _search_phrases(row):
            words = language.raw_words(phrase)
            if len(words) == 1 and words[0].isalpha():
                broader = frozenset(language.norm(b) for b in language.broader_terms(words[0]))
                found.setdefault(row["name"], []).append((words[0], broader))
    return {name: tuple(words) for name, words in found.items()}


@lru_cache(maxsize=20_000)
def broader_front_topics(word: str) -> tuple[str, ...]:
    """Topics of the common topic list that a noun's OpenThesaurus broader terms name by their front, where a
    broader term is a compound of two parts whose head is an everyday word that names no topic and whose front
    is a topic's own name (issue #14, round 12b): "Beerdigung", "Begräbnis", "Bestattung" ^Trauer|feier → Trauer.
    The everyday head says the kind of event, the front what it is about. For a noun that reaches no topic
    otherwise (:func:`broader_topics`, its synonyms); never a person's or an everyday word's. Read like a
    broader term: only where no other reading finds any group (see :func:`rank`)."""
    if (
        not language.is_noun(word)
        or language.is_person(word)
        or may_ignore(word)
        or named_topics(word)
        or broader_topics(word)
    ):
        return ()
    names = _listed_topic_names()
    if any(names.get(language.norm(s)) for s in language.synonyms(word)):
        return ()
    name_keys = _listed_topic_name_keys()
    found: set[str] = set()
    # Not a broader term of a concept the noun's definition says it is not of ("Zigarette" ^Sucht|mittel: its
    # definition says *Tabak|produkt*; s35-demo).
    other = {term for terms in language.concepts_defined_otherwise(word) for term in terms}
    for broader in language.broader_terms(word):
        if broader in other:
            continue
        parts = language.split_compound(broader)
        if len(parts) != 2 or language.is_person(parts[0]) or language.zipf(parts[1]) < COMMON_WORD_ZIPF:
            continue
        if _listed_spelling(parts[1]):
            continue  # a head that names a topic itself ("Trauer|fall"): the compound is read by it
        key = language.norm(parts[0])
        if key in name_keys:
            found |= {n for n in names.get(key, ()) if language.norm(language.raw_words(n)[0]) == key}
    return tuple(sorted(found))


@lru_cache(maxsize=20_000)
def synonym_topics(word: str) -> tuple[str, ...]:
    """Topics of the common topic list that a noun's OpenThesaurus synonyms name and its broader terms name too,
    for a noun that names none itself (issue #14, round 8): "Koks" ~ Kokain, a search word of
    Drogenabhängigkeit, and Koks ^Droge ("Drogen" names it too). Two relations that agree, not a synonym's
    sense alone ("Lebensende" ~ Tod names Trauer, but is no grief, and has no such broader term). Read like a
    broader term, only where no other reading finds any group (see :func:`rank`): where an office's groups have
    the synonym itself, they are the answer ("Trunksucht" ~ Alkoholismus), and a noun's synonym never chooses a topic
    over a group that says the word. Never a person's or an everyday word's synonyms."""
    if (
        not language.is_noun(word)
        or language.is_person(word)
        or may_ignore(word)
        or named_topics(word)
        or language.derivations(word)
    ):
        return ()
    of_synonyms = {n for s in language.synonyms(word) for n in _names_of_lemma(s)}
    if not of_synonyms:
        return ()
    return tuple(sorted(of_synonyms & {n for w in language.broader_terms(word) for n in _names_of_lemma(w)}))


@_common_index
def _listed_words_by_key() -> dict[str, frozenset[str]]:
    """Search key of each one-word name or search word of the common topic list → the words as the list spells
    them ("mani" → Manie)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        for phrase in [row["name"], *_search_phrases(row)]:
            words = language.raw_words(phrase)
            if len(words) == 1 and words[0].isalpha():
                found.setdefault(language.norm(words[0]), set()).add(words[0])
    return {key: frozenset(words) for key, words in found.items()}


def _names_of_lemma(word: str) -> frozenset[str]:
    """The topics of the common topic list a related word (a synonym or broader term) names, by a listed word
    of its own lemma only (issue #14, round 8): a Snowball key shared by words of several lemmas names nothing
    through the other lemma ("Manier", a broader term of "Glatze", is no "Manie"; :func:`language.same_lemma`)."""
    key = language.norm(word)
    names = _listed_topic_names().get(key, frozenset())
    if names and _umlaut_homograph(word, key):
        return frozenset()
    verbs = () if not names or language.is_noun(word) else language.infinitives(word)
    if verbs and all(language.norm(v) != key for v in verbs):
        # A verb form names no topic by a key its verb does not have: "hört" (hören) is no "Horten", whose
        # key Snowball's folded umlaut gives it (issue #14, round 10).
        return frozenset()
    if not names or not language.homograph_key(word):
        return names
    if any(language.same_lemma(word, listed) for listed in _listed_words_by_key().get(key, ())):
        return names
    return frozenset()


def _everyday_noun_key(word: str) -> bool:
    """Whether a related word is an everyday word that is no noun and shares its search key only with nouns of
    the common topic list: "automatisch" (a synonym of "ungewollt", in the sense *involuntary*) is no "Automaten"
    of Glücksspiel, so "ungewollt schwanger" listed the gambling groups. An everyday word has many senses, and a
    noun of its key is a thing of its own. A rare one is still read ("alkoholabhängig" → Alkoholabhängigkeit)."""
    if language.is_noun(word) or language.zipf(word) < COMMON_WORD_ZIPF:
        return False
    listed = _listed_words_by_key().get(language.norm(word), frozenset())
    return bool(listed) and all(language.is_noun(spelled) for spelled in listed)


def _umlaut_homograph(word: str, key: str) -> bool:
    """Whether a related word that is no noun shares ``key`` with the common list's words only because Snowball
    folds its umlaut, and is not derived from them (issue #14, round 12b): "dröge" (dull, a synonym of
    "nüchtern") is no "Drogen", so "nüchtern" named Drogenabhängigkeit. Not an adjective the dictionary derives
    from the listed noun ("süchtig" → Sucht, "ängstlich" → Angst), nor a noun's plural ("Ängste")."""
    if language.is_noun(word) or not set(word.lower()) & set("äöü"):
        return False
    listed = _listed_words_by_key().get(key, frozenset())
    if not listed or any(set(spelled.lower()) & set("äöü") for spelled in listed):
        return False
    if key in {language.norm(d) for d in language.derivations(word)}:
        return False
    # A compound adjective by its head's derivation (s21-heads): "spiel|süchtig" → Spiel + Sucht, as "süchtig" → Sucht.
    parts = language.split_compound(word) if word.isalpha() else ()
    if len(parts) == 2:
        return key not in {language.norm(parts[0] + d) for d in language.derivations(parts[1])}
    return True


@_common_index
def _listed_links() -> dict[str, frozenset[str]]:
    """Name of each topic of the common topic list → the other topics its one-word search words name by their
    own name, in the same topic area: "Torticollis Spasticus" lists "Schiefhals, Dystonie", and Dystonie is a
    topic of the list."""
    from saas.directory.demo import load_topic_rows

    rows = load_topic_rows()
    by_name: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        words = language.raw_words(row["name"])
        # Not a topic named for people ("Eltern", "Männer"): a search word such as that says who, not what.
        if len(words) == 1 and words[0].isalpha() and not language.is_person(words[0]):
            by_name.setdefault(language.norm(words[0]), set()).add((row["name"], row["topic_area"]))
    found: dict[str, set[str]] = {}
    for row in rows:
        for key in topic_keys(row["name"], row["search_words"]):
            found.setdefault(row["name"], set()).update(
                n for n, area in by_name.get(key, ()) if n != row["name"] and area == row["topic_area"]
            )
    return {name: frozenset(links) for name, links in found.items() if links}


@lru_cache(maxsize=20_000)
def linked_topics(word: str) -> tuple[str, ...]:
    """Topics of the common topic list that the topics a word names list among their own search words
    ("Schiefhals" → Torticollis Spasticus, whose search words name Dystonie): where an office has no group of
    the topic the word names, the topic the list itself relates it to. Read like a broader term: only where no
    other reading finds any group (see :func:`rank`)."""
    named = named_topics(word)
    links = _listed_links()
    return tuple(sorted({n for name in named for n in links.get(name, ())} - set(named)))


@lru_cache(maxsize=20_000)
def wider_topics(word: str) -> tuple[str, ...]:
    """Topics of the common topic list that a noun names and its OpenThesaurus broader terms name too: the
    word is a kind of that topic's concept, and its groups answer it beside those that have the word ("Phobie"
    is a search word of Angsterkrankungen and an ^Angst: the anxiety groups, not only a social phobia group).
    Not a person's nor an everyday word, and not where the broader terms name no topic the word names
    ("Bulimie" ^Sucht is no addiction group)."""
    if not language.is_noun(word) or language.is_person(word) or may_ignore(word):
        return ()
    names = _listed_topic_names()
    named = set(named_topics(word))
    found = {n for w in language.broader_terms(word) for n in names.get(language.norm(w), ())} & named
    # The topics its narrower terms name, of the word's own topic areas: "Tumor" has the kind Krebs, which the
    # list gives for Leukämie and Multiples Myelom too.
    areas = frozenset().union(*(listed_topic_areas(language.norm(n)) for n in named)) if named else frozenset()
    areas = areas or listed_topic_areas(language.norm(word))
    for narrower in language.narrower(word) if named else ():
        found |= {n for n in names.get(language.norm(narrower), ()) if _topic_area(n) in areas}
    return tuple(sorted(found))


def _head_wider_topics(word: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """The topics a compound's head names that its OpenThesaurus broader terms name too (as
    :func:`wider_topics`, by the broader terms alone): a "Sozial|phobie" is a Phobie, which is an ^Angst, so the
    anxiety groups answer it beside the social phobia group its synonym finds (s27-compounds)."""
    if len(parts) != 2 or wider_topics(word) or not language.is_noun(parts[-1]):
        return ()
    head = parts[-1]
    if language.is_person(head) or may_ignore(head):
        return ()
    names = _listed_topic_names()
    named = set(named_topics(head))
    found = {n for w in language.broader_terms(head) for n in names.get(language.norm(w), ())} & named
    # One topic: a head whose broader terms name several ("Krebs": every cancer topic lists it) says no one kind.
    return tuple(found) if len(found) == 1 else ()


@_common_index
def _umbrella_kinds() -> dict[str, dict[str, frozenset[str]]]:
    """Name of each umbrella topic of the common topic list → the search key of its word for what its kinds are →
    the keys of the kinds among its one-word words (s28-psych). An umbrella is named by that word, alone or in
    front of a head that says which kind of thing ("Angst|erkrankungen", "Drogen|abhängigkeit",
    "Hauterkrankungen"), and lists it; its kinds are its other words that OpenThesaurus gives it as a broader
    term: Angsterkrankungen lists Angst, and Panik, Phobie, Angststörung ^Angst. Not a topic whose words' broader
    term is something else than it ("Brust|krebs" lists Mammakarzinom ^Krebs: a sibling, no kind of it;
    Panikattacken lists Panik ^Angst: no Angst|…)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, dict[str, set[str]]] = {}
    for row in load_topic_rows():
        name = language.raw_words(row["name"])
        if len(name) != 1 or not name[0].isalpha():
            continue
        parts = language.split_compound(name[0])
        concept = {language.norm(name[0])} | ({language.norm(parts[0])} if len(parts) == 2 else set())
        words = [w[0] for p in _search_phrases(row) if len(w := language.raw_words(p)) == 1 and w[0].isalpha()]
        keys = {language.norm(w) for w in [name[0], *words]}
        for word in words:
            key = language.norm(word)
            for broader in {language.norm(b) for b in language.broader_terms(word)} & keys & concept:
                if broader != key:
                    found.setdefault(row["name"], {}).setdefault(broader, set()).add(key)
    return {name: {b: frozenset(k) for b, k in kinds.items()} for name, kinds in found.items()}


@_common_index
def _kind_filed_topics() -> dict[str, frozenset[str]]:
    """Search key of a noun → the topics of the common list whose two-word name is an adjective and that noun:
    the list files "Soziale Phobie" as a kind of Phobie (s28-psych), as it files Panikattacken under its one-word
    word Panik (:func:`_listed_topic_names`)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        words = language.raw_words(row["name"])
        pair = len(words) == 2 and "," not in row["name"] and all(w.isalpha() for w in words)
        if pair and not language.is_noun(words[0]) and not language.is_person(words[1]):
            found.setdefault(language.norm(words[1]), set()).add(row["name"])
    return {key: frozenset(names) for key, names in found.items()}


def umbrella_sibling_topics(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The topics of the common topic list filed under the same umbrella topic as a word (s28-psych), as
    (the umbrella's own kinds, the word's siblings):

    - A word that is the umbrella's own one-word name ("Angsterkrankung") reads the topics the list files as its
      kinds (:func:`_umbrella_kinds`: Panik → Panikattacken, Phobie → Soziale Phobie), before a group that only
      has its front as a part ("Verlust|angst").
    - A word naming a kind under the umbrella, and no topic of its own (it names the umbrella only, and one of
      its OpenThesaurus broader terms is the umbrella's word for what its kinds are: "Phobie" ^Angst, a search
      word of Angsterkrankungen), reads the topics the list files as the umbrella's kinds of that word, its
      siblings (Panik ^Angst → Panikattacken) and its own kind's ("Angststörung" ~ Phobie → Soziale Phobie),
      after the umbrella's groups. Not a word with a topic of its own ("Panik" names Panikattacken: its groups
      and the umbrella's answer it, not the social phobia group)."""
    key = language.norm(word)
    umbrellas = _umbrella_kinds()
    names = _listed_topic_names()
    own = [
        n for n in names.get(key, ()) if n in umbrellas and [language.norm(w) for w in language.raw_words(n)] == [key]
    ]
    if own:
        kinds = {k for ks in umbrellas[own[0]].values() for k in ks}
        return _filed_as(kinds, own[0]), ()
    named = named_topics(word)
    if len(named) != 1 or named[0] not in umbrellas or named[0] not in wider_topics(word):
        return (), ()
    umbrella = named[0]
    broader = {language.norm(b) for b in language.broader_terms(word)}
    return (), _filed_as({k for b, ks in umbrellas[umbrella].items() if b in broader for k in ks}, umbrella)


def _filed_as(kinds: set[str], umbrella: str) -> tuple[str, ...]:
    """The topics of the umbrella's topic area other than it that the list files as one of ``kinds`` (search
    keys): by a one-word word of theirs, or as the noun of their two-word name."""
    names, filed = _listed_topic_names(), _kind_filed_topics()
    area = _topic_area(umbrella)
    found = {n for k in kinds for n in names.get(k, frozenset()) | filed.get(k, frozenset())}
    return tuple(sorted(n for n in found if n != umbrella and _topic_area(n) == area))


@_common_index
def _topic_areas() -> dict[str, str]:
    from saas.directory.demo import load_topic_rows

    return {row["name"]: row["topic_area"] for row in load_topic_rows()}


def _topic_area(name: str) -> str:
    return _topic_areas().get(name, "")


@lru_cache(maxsize=20_000)
def synonym_front_topics(word: str) -> tuple[str, ...]:
    """Topics of the common topic list that the front parts of a noun's compound synonyms name, for a noun
    that reaches no topic otherwise: "Heißhunger" ~ Fress|anfall, Fress|attacke (fressen ~ essen) →
    Essstörungen. Read like a broader term: only where no other reading finds any group (see :func:`rank`)."""
    if broader_topics(word) or not language.is_noun(word) or language.is_person(word) or named_topics(word):
        return ()
    names = _listed_topic_names()
    synonyms = language.synonyms(word)
    if any(names.get(language.norm(s)) for s in synonyms):
        return ()
    found: set[str] = set()
    for synonym in synonyms:
        parts = language.split_compound(synonym)
        # A compound is a kind of its head, a noun: "Schar|nier" (a synonym of "Gelenk") is no compound of
        # "Schar", whose verb "scharen" ~ sammeln would name the Messies (s21-demo). Of three parts the front is
        # the first and the head the last (s29-fronts): "Hyperthyreose" ~ Schilddrüsen|über|funktion → the
        # thyroid topics (Morbus Basedow, Hashimoto-Thyreoiditis).
        if (
            len(parts) in (2, 3)
            and language.noun_or_plural(parts[-1])
            and not may_ignore(parts[0])
            and not language.is_person(parts[0])
        ):
            key = language.norm(parts[0])
            found.update(n for n in _synonym_front_names(parts[0]) if not _another_kind(word, key, n, parts[-1]))
    return tuple(sorted(found))


def _another_kind(word: str, key: str, name: str, head: str = "") -> bool:
    """Whether a noun is a kind of another thing than a topic of the common list that its synonym's front (of
    ``key``) names as the front of the topic's own compound name, a kind of its head (:func:`_kind_of_its_head`;
    s26-senses): the noun's OpenThesaurus broader terms say what it is, and none of them is that head.
    "Inkontinenz" ^Symptom (~ Blasen|schwäche) is no "Blasen|krebs", "Pneumonie" ^Entzündung (~ Lungen|entzündung)
    no "Lungen|krebs". Where the thesaurus gives no broader term, the genus of the noun's first Wiktionary sense
    says it, if it is the synonym's ``head`` too (two resources agree; s34-absent): "Zystitis" (*Entzündung* der
    Harnwege, ~ Blasen|entzündung) is no "Blasen|krebs". A noun with neither keeps the reading ("Mastektomie":
    *Entfernung*, ~ Brust|amputationen → Brustkrebs)."""
    if not _kind_of_its_head(key, name):
        return False
    broader = {language.norm(b) for b in language.broader_terms(word)}
    if not broader and head:
        senses = language.glosses(word)
        genus = language.norm(senses[0][0]) if senses and senses[0] else ""
        broader = {genus} if genus and genus == language.norm(head) else set()
    return bool(broader) and language.norm(language.split_compound(name)[-1]) not in broader


def _synonym_front_names(front: str) -> tuple[str, ...]:
    """The topics a synonym's front part names for :func:`synonym_front_topics` (:func:`_front_topics`); a verb's
    stem in front by the verb's own synonyms only, which OpenThesaurus writes in lower case: a capitalised one
    is a noun of the noun the verb is spelt like ("Rück|stand", a synonym of "Schulden": rücken ~ Wirbelsäule is
    the back's, which names Morbus Bechterew)."""
    found = named_topics(front)
    if found or front + "en" not in language.verbs():
        return found
    names = _listed_topic_names()
    verbal = [s for s in language.synonyms(front + "en") if s[:1].islower()]
    return tuple(sorted({n for s in verbal for n in names.get(language.norm(s), ())}))


def _related_words(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """:func:`language.related_words` of a word and of the verbs it is a present-tense form of where the
    dictionary lacks them ("kifft" → kiffen → Haschisch → Cannabis; :func:`language.finite_verbs`)."""
    levels = [language.related_words(word), *(language.related_words(v) for v in language.finite_verbs(word))]
    return tuple(tuple(dict.fromkeys(w for level in levels for w in level[i])) for i in range(3))  # type: ignore[return-value]


@_common_index
def _listed_topic_words() -> list[frozenset[str]]:
    from saas.directory.demo import load_topic_rows

    return [
        frozenset(language.norm(w) for w in language.raw_words(row["name"] + " " + row["search_words"]))
        | {NAMED + k for k in topic_keys(row["name"], row["search_words"])}
        for row in load_topic_rows()
    ]


@lru_cache(maxsize=20_000)
def related_topic_keys(key: str) -> frozenset[str]:
    """The words of the common topic list's topics that a word names (as a one-word name or search word):
    "autismus" → autismus, autist, asperg, ... ("Asperger Syndrom" lists "Autismus"), "krebs" → leukam, ...
    A group whose description has the word is about the same concept when its topics have one of them. A
    word inside a longer search word names no topic: "manisch-depressiv" makes Bipolare Störung no depression."""
    words = frozenset().union(*(words for words in _listed_topic_words() if NAMED + key in words))
    return frozenset(w for w in words if not w.startswith(NAMED))


def listed_topic_areas(key: str) -> frozenset[str]:
    """Topic areas of a word that names a topic of the common topic list (seed 001): "trau" → social.

    A word that names a topic is searched within that topic's area: it never widens, through loose
    synonyms, to another area ("Trauer" ~ "Niedergeschlagenheit" is no answer when no grief group meets).
    Together with the office's own topics (``@area:key`` words in its vocabulary).
    """
    return _listed_topics().get(key, frozenset())


def warm_up() -> None:
    """Everything the first search would otherwise build: the German word data (:func:`language.warm_up`)
    and every index of the common topic list (:func:`_common_index`). Called when a web worker starts
    (gunicorn.conf.py). With them the thesaurus phrases a sentence may be read by (:func:`_thesaurus_phrases`)."""
    language.warm_up()
    for build in _COMMON_INDEXES:
        build()
    _thesaurus_phrases()


# --- query terms ------------------------------------------------------------------------------------------


@dataclass
class Alternative:
    tokens: tuple[str, ...]
    weight: float
    kind: str  # exact | compound | derived | fallback | head | synonym | topic | typo


@dataclass
class Term:
    """One query word and what counts as a hit for it."""

    word: str
    alternatives: list[Alternative] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)  # typo corrections shown to the person
    exact_known: bool = False  # the word itself is in the vocabulary
    areas: frozenset[str] = frozenset()  # topic areas of the topics this word names ("Trauer": social)
    meant_areas: frozenset[str] = frozenset()  # those, else the areas its synonyms name (see settle_terms)

    @property
    def tokens(self) -> set[str]:
        return {t for a in self.alternatives for t in a.tokens}


def query_words(q: str) -> list[str]:
    found = [w for w in language.raw_words((q or "")[:MAX_QUERY_CHARS]) if language.surface(w) not in STOPWORDS]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


def _whole_or_part(keys: tuple[str, ...], weight: float, kind: str) -> list[Alternative]:
    """Each key may stand as a whole word or as a compound's part (which counts less)."""
    found = []
    for marks in itertools.product((False, True), repeat=len(keys)):
        tokens = tuple(PART + k if m else k for k, m in zip(keys, marks, strict=True))
        found.append(Alternative(tokens, weight * (PART_OF if any(marks) else 1.0), kind))
    return found


def _term(word: str) -> Term:
    return Term(word, list(_alternatives(word)))


# The words that name suicide, with their OpenThesaurus synonyms (Selbstmord, Freitod; lebensmüde,
# selbstmordgefährdet): a query that reads one of them shows the TelefonSeelsorge beside its results
# (:func:`speaks_of_suicide`).
SUICIDE_WORDS = ("Suizid", "suizidal")


@lru_cache(maxsize=1)
def _suicide_keys() -> frozenset[str]:
    return frozenset(language.norm(w) for word in SUICIDE_WORDS for w in (word, *language.synonyms(word)))


# What people in a crisis type instead of a word for it (s29-crisis): OpenThesaurus's phrases for the act ("sich das
# Leben nehmen", "sich umbringen", "Hand an sich legen", "seinem Leben ein Ende setzen"), which its single-word data
# file drops (a set there needs two single words; this one has "entleiben" alone), and the wish to die ("ich will nicht
# mehr leben", "ich möchte einfach nur sterben"). The search reads such a phrase as the word "Suizid" ("Sohn hat sich
# das Leben genommen" listed groups with "Leben" in their names; now it reads "Sohn Suizid": the bereaved's group), and
# the Wegweiser shows the crisis line. A phrase's words stand in the query in its order, each at most PHRASE_GAP other
# words after the one before ("mir einfach das Leben nehmen"), in any inflection the Snowball stem keeps ("umbringen",
# "umbringe"; a participle is a phrase of its own), "sich" as any reflexive pronoun ("ich will mich umbringen", "Bruder
# hat sich umgebracht").
SUICIDE_PHRASES = (
    "nicht mehr leben",
    "nicht mehr aufwachen",
    "will sterben",
    "möchte sterben",
    "sterben will",
    "sterben möchte",
    "sterben wollen",
    "sich umbringen",
    "sich umgebracht",
    "sich töten",
    "sich getötet",
    "sich das Leben nehmen",
    "sich das Leben genommen",
    "Hand an sich legen",
    "Leben ein Ende",
    "Leben beenden",
    "sich etwas antun",
    "sich etwas antut",
)
# The phrases of SUICIDE_PHRASES that say someone died: read as "Suizid" and, after it, as "verstorben" by its topic.
SUICIDE_DEATH_PHRASES = ("sich umgebracht", "sich getötet", "sich das Leben genommen")
# Phrases of a crisis that say no act: the crisis line only, the search reads their words as they are ("alles hat
# keinen Sinn mehr" may be said of a course of study). The English ones serve the English interface. Like
# SUICIDE_WORDS a safety rule of the product: a false alarm costs a line above the groups; a missed one, the help.
CRISIS_PHRASES = ("keinen Sinn mehr", "suicide", "kill myself", "want to die", "end my life")
# Words of a crisis that say it only where the sentence ends with them: "ich will nicht mehr", "ich kann nicht mehr",
# "ich halte das nicht mehr aus" (the demo showed no line for them), but not "ich will nicht mehr trinken" or
# "kann nicht mehr schlafen", which say what the person wants to stop or cannot do.
CRISIS_ENDINGS = (
    "will nicht mehr",
    "kann nicht mehr",
    "mag nicht mehr",
    "möchte nicht mehr",
    "nicht mehr aus",
    "can't go on",
)
PHRASE_GAP = 2
PHRASE_READ_AS = "Suizid"  # the word a phrase of SUICIDE_PHRASES stands for in the query
REFLEXIVE = frozenset({"mich", "dich", "sich", "uns", "euch", "mir", "dir"})


@lru_cache(maxsize=2)
def _phrase_keys(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(language.norm(w) for w in language.raw_words(p)) for p in phrases)


@lru_cache(maxsize=1)
def _reflexive_keys() -> frozenset[str]:
    return frozenset(language.norm(w) for w in REFLEXIVE)


def _phrase_span(keys: list[str], phrase: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the words ``phrase`` stand in ``keys`` in its order, each at most :data:`PHRASE_GAP` words after the
    one before ("sich" for any reflexive pronoun): the first and the last place, or None."""
    reflexive = _reflexive_keys()
    if phrase[0] not in keys and not (phrase[0] == "sich" and reflexive.intersection(keys)):
        return None

    def same(key: str, word: str) -> bool:
        return key == word or (word == "sich" and key in reflexive)

    for start, key in enumerate(keys):
        if not same(key, phrase[0]):
            continue
        at = start
        for word in phrase[1:]:
            window = keys[at + 1 : at + 2 + PHRASE_GAP]
            step = next((i for i, k in enumerate(window) if same(k, word)), None)
            if step is None:
                break
            at += 1 + step
        else:
            return start, at
    return None


def _suicide_phrases_read(q: str) -> tuple[str, bool]:
    """The query with each phrase of :data:`SUICIDE_PHRASES` in it read as the word "Suizid" (its words between
    the phrase's too: "mir einfach das Leben nehmen"), the query as it is where it has none; and whether a phrase
    says that someone died (:data:`SUICIDE_DEATH_PHRASES`)."""
    words = language.raw_words((q or "")[:MAX_QUERY_CHARS])
    keys = [language.norm(w) for w in words]
    found = died = False
    death = _phrase_keys(SUICIDE_DEATH_PHRASES)
    for phrase in _phrase_keys(SUICIDE_PHRASES):
        span = _phrase_span(keys, phrase)
        while span:
            words[span[0] : span[1] + 1] = [PHRASE_READ_AS]
            keys[span[0] : span[1] + 1] = [language.norm(PHRASE_READ_AS)]
            found, died = True, died or phrase in death
            span = _phrase_span(keys, phrase)
    return (" ".join(words) if found else q), died


def _with_death(term: Term) -> Term:
    """The term "Suizid" read from a phrase that says someone died ("Sohn hat sich das Leben genommen"): also as
    "verstorben" reads by its topic (Trauer), after the word itself. Where the office has a group for the bereaved
    after suicide it comes first, and its grief groups follow (s31-situation: the bereaved want them as much; they
    answered only where no suicide group did); where it has none, its grief groups answer alone, as for "Sohn
    gestorben". Read as a topic the word names beside its reading (:data:`FILED_TOPIC`), so it crosses topic areas
    (Trauer is social, Suizid mental health) and the term means the topic's area too (:func:`settle_terms`)."""
    return Term(term.word, [*term.alternatives, *_grief(FILED_TOPIC)])


def _grief(kind: str) -> list[Alternative]:
    """The topics "verstorben" reads (Trauer) as alternatives of ``kind`` below a word's own, for the loss a
    suicide tells of (:func:`_with_death`, :func:`_with_loss`)."""
    return [
        Alternative(a.tokens, a.weight * SYNONYM * PART_OF, kind)
        for a in _term("verstorben").alternatives
        if a.kind == "topic"
    ]


@lru_cache(maxsize=1)
def _suicide_act_keys() -> frozenset[str]:
    """The keys of the nouns for the act ("Suizid" and its OpenThesaurus synonyms: Selbstmord, Freitod,
    Selbsttötung), not of the wish or the danger ("suizidal", "lebensmüde", "Suizidgedanken")."""
    return frozenset(language.norm(w) for w in (PHRASE_READ_AS, *language.synonyms(PHRASE_READ_AS)))


def _suicide_of_someone_close(q: str) -> str | None:
    """A query that names the act of suicide beside someone close ("Selbstmord Angehöriger", "Bruder Suizid",
    "Angehörige Freitod"), with the noun for the act (:func:`_suicide_act_keys`) read as the word "Suizid", as a
    phrase of :data:`SUICIDE_PHRASES` is; None for any other. The noun once, beside a relative or the relatives'
    word; not the wish or the danger ("Suizidgedanken Angehörige", "Sohn suizidgefährdet"), not the word alone."""
    q = (q or "")[:MAX_QUERY_CHARS]
    matches = list(_LETTERS.finditer(q))
    acts = [m for m in matches if language.norm(m.group()) in _suicide_act_keys()]
    if len(acts) != 1 or not any(language.is_relative(m.group()) or _for_relatives_word(m.group()) for m in matches):
        return None
    return q[: acts[0].start()] + PHRASE_READ_AS + q[acts[0].end() :]


def _with_loss(term: Term) -> Term:
    """The term "Suizid" read from the act beside someone close (:func:`_suicide_of_someone_close`) as the loss it
    tells of (s32-bereaved): also as "verstorben" reads by its topic (Trauer), as a topic reading below the word's
    own. The ranking takes, per office, the nearest reading some group of the office has: where the office has a
    group for the bereaved after suicide ("Suizid" in its topics) it answers alone, as before; where it has no topic
    Suizid, its grief groups do (the demo's Dortmund listed nothing for "Selbstmord Angehöriger", the issue's own
    example). A topic reading stays within the area of the office's topic the word is (unlike :data:`FILED_TOPIC`):
    an office that keeps the topic Suizid without a group lists nothing, as before.
    Unlike :func:`_with_death`, the grief groups do not follow the bereaved's: a person close to someone who thinks
    of suicide may type the same words, and the office's AGUS is the answer the offices give."""
    return Term(term.word, [*term.alternatives, *_grief("topic")])


def speaks_of_suicide(q: str) -> bool:
    """Whether a query speaks of suicide, as the search reads its words (the word, its synonyms, a compound's
    parts; not a word whose kinds include it: "Mord"): "Selbstmord", "lebensmüde", "Suizidgedanken", "Selbstmord
    Angehöriger", a phrase the search reads as "Suizid" (:data:`SUICIDE_PHRASES`: "ich will nicht mehr leben") and
    those of :data:`CRISIS_PHRASES` ("alles hat keinen Sinn mehr") and a sentence that ends as one of
    :data:`CRISIS_ENDINGS` does ("ich kann nicht mehr"). Someone who types that may be in a crisis
    tonight, and a self-help group is not the help for that: the Wegweiser names the TelefonSeelsorge first, above
    whatever groups it found or the nothing-found box. Of the 1,044 queries of the judged sets but held-out-9 and
    -11 it is true for the fifteen about suicide and for "ich kann nicht mehr" (held-out-10 judges the burnout and
    depression groups for it; the line stands above them)."""
    words = [language.norm(w) for w in language.raw_words((q or "")[:MAX_QUERY_CHARS])]
    if any(_phrase_span(words, phrase) for phrase in _phrase_keys(CRISIS_PHRASES)):
        return True
    if any(tuple(words[-len(ending) :]) == ending for ending in _phrase_keys(CRISIS_ENDINGS)):
        return True
    keys = _suicide_keys()
    readings = (a for term in query_terms(q) for a in term.alternatives if a.kind != "narrower")
    return any(t.removeprefix(PART) in keys for a in readings for t in a.tokens)


def query_terms(q: str) -> list[Term]:
    """The terms of a query: one per word, but words that together are a phrase of the common topic list
    ("Post Covid", "Post-Covid" for Long Covid) make one term (:func:`_phrase_alternatives`)."""
    q, died = _suicide_phrases_read(q)
    lost = None if died else _suicide_of_someone_close(q)
    q = lost or q
    words = _privatives(query_words(q))
    phrases = _listed_phrases()
    terms: list[Term] = []
    i = 0
    while i < len(words):
        for n in (3, 2):
            keys = tuple(language.norm(w) for w in words[i : i + n])
            if len(keys) == n and keys in phrases:
                phrase = tuple(words[i : i + n])
                terms.append(Term(" ".join(phrase), list(_phrase_alternatives(phrase))))
                i += n
                break
        else:
            terms.append(_term(words[i]))
            i += 1
    read_as = language.raw_words(PHRASE_READ_AS)[0]  # a term's word is the query's word in lower case
    if died or lost:
        terms = [(_with_death if died else _with_loss)(t) if t.word == read_as else t for t in terms]
    return _with_glosses(_hyphenated_heads(q, terms))


_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+){2,}")


def _hyphenated_heads(q: str, terms: list[Term]) -> list[Term]:
    """A hyphenated compound whose front is a phrase of the common topic list and whose head is no part of it
    ("Post-Covid-Syndrom", "Binge-Eating-Störung") is one term: its words together, else its front as a
    fallback, like a one-word compound's front part (the phrase's words, and the topics it names)."""
    for match in _HYPHENATED.finditer((q or "")[:MAX_QUERY_CHARS]):
        parts = [w for w in language.raw_words(match.group()) if language.surface(w) not in STOPWORDS]
        front = " ".join(parts[:-1])
        for i in range(len(terms) - 1):
            if terms[i].word == front and terms[i + 1].word == parts[-1] and " " in front:
                keys = tuple(dict.fromkeys(language.norm(p) for p in parts))
                alternatives = _whole_or_part(keys, EXACT, "exact")
                for alt in _phrase_alternatives(tuple(parts[:-1])):
                    kind = "fallback" if alt.kind == "exact" else alt.kind
                    alternatives.append(
                        Alternative(alt.tokens, alt.weight * (SYNONYM if kind == "fallback" else 1), kind)
                    )
                terms[i : i + 2] = [Term(" ".join(parts), alternatives)]
                break
    return terms


def _privatives(words: list[str]) -> list[str]:
    """A negation and the noun after it read as the adjective in "-los" ("keine Wohnung" → wohnungslos,
    :func:`language.privative`); a negation before anything else stays (it is filler)."""
    found: list[str] = []
    i = 0
    while i < len(words):
        adjective = language.privative(words[i + 1]) if words[i] in language.NEGATIONS and i + 1 < len(words) else None
        found.append(adjective or words[i])
        i += 2 if adjective else 1
    return found


@_common_index
def _listed_phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Search keys of the two- and three-word names and search words of the common topic list (filler words
    dropped) → the names of the topics they name: ("post", "covid") → Covid, Long Covid."""
    from saas.directory.demo import load_topic_rows

    found: dict[tuple[str, ...], set[str]] = {}
    for row in load_topic_rows():
        for phrase in [row["name"], *_search_phrases(row)]:
            words = [w for w in language.raw_words(phrase) if language.surface(w) not in STOPWORDS]
            if 2 <= len(words) <= 3 and all(w.isalpha() for w in words):
                found.setdefault(tuple(language.norm(w) for w in words), set()).add(row["name"])
    return {keys: tuple(sorted(names)) for keys, names in found.items()}


@lru_cache(maxsize=2_000)
def _phrase_alternatives(words: tuple[str, ...]) -> tuple[Alternative, ...]:
    """What counts as a hit for a phrase of the common topic list: its words together (each as a word or a
    compound's part), or the topics the list gives it for, matched like the topics a word stands for (in names
    and topics, only where no group has the words themselves there). Kept as a tuple, like
    :func:`_alternatives`: each search makes its own :class:`Term`, which :func:`settle_terms` narrows to
    what that search's offices know."""
    keys = tuple(dict.fromkeys(language.norm(w) for w in words))
    alternatives = _whole_or_part(keys, EXACT, "exact")
    for name in _listed_phrases()[tuple(language.norm(w) for w in words)]:
        topic = tuple(
            dict.fromkeys(language.norm(w) for w in language.raw_words(name) if language.surface(w) not in STOPWORDS)
        )
        if topic and topic != keys:
            alternatives.append(Alternative(topic, SYNONYM, "topic"))
    alternatives += _phrase_noun_alternatives(words)
    return tuple(alternatives)


def _phrase_noun_alternatives(words: tuple[str, ...]) -> list[Alternative]:
    """An adjective and a noun that the common topic list gives as a phrase for a topic whose name lacks the noun
    ("soziale Angst", a search word of Soziale Phobie) are a kind of what the noun names: where the noun alone
    names a topic of the list ("Angst": Angsterkrankungen), the groups it finds join the phrase's own (as a kind
    of a word joins the word, kind ``narrower``), after them; they never choose the reading (s27-phrases). Not a
    noun that names no topic ("ältere *Menschen*", "psychisch *Kranke*"), nor one that says who ("verwaiste
    *Eltern*"), nor a phrase naming a topic that has the noun in its name ("*pflegende Angehörige*", "sexueller
    *Missbrauch*", "häusliche *Gewalt*": the topic is the phrase's own sense, not every group of the noun)."""
    if len(words) != 2 or language.is_noun(words[0]) or not language.is_noun(words[1]):
        return []
    noun = words[1]
    key = language.norm(noun)
    if language.is_person(noun) or not named_topics(noun):
        return []
    names = _listed_phrases()[tuple(language.norm(w) for w in words)]
    if any(key in {language.norm(w) for w in language.raw_words(name)} for name in names):
        return []
    return [Alternative((key,), SYNONYM * PART_OF, "narrower")]


@lru_cache(maxsize=20_000)
def _alternatives(word: str) -> tuple[Alternative, ...]:
    """What counts as a hit for a query word, before the office's vocabulary is known (the same for every
    search, so kept per process; :func:`settle_terms` narrows a copy)."""
    key = language.norm(word)
    term = Term(word, _whole_or_part((key,), EXACT, "exact"))
    if word.isalpha():
        split = language.split_compound(word)
        # A filler word may be dropped only as the head ("Angehörigen|gruppe"); in front it is a verb's
        # prefix that makes another word ("auf|hören" is no "hören").
        prefixed = len(split) > 1 and language.surface(split[0]) in STOPWORDS
        # So is a form of a verb of the dictionary that begins with the front ("über|fordert" of
        # überfordern): a word of its own, whose front alone would find every "… überwinden" (round 10).
        prefixed = prefixed or (len(split) > 1 and _verb_beginning_with(word, split[0]))
        # So is a word of its own behind a filler head whose front names nothing ("Spiel|gruppe", s25-noanswer).
        prefixed = prefixed or _defined_whole(word, split)
        parts = [p for p in split if language.surface(p) not in STOPWORDS] if not prefixed else [word]
        if _kind_of_head_adjective(parts):
            parts = parts[:-1]  # "Parkinson|krank" is what "Parkinson" names, as "Krebs|gruppe" is
        if parts and parts != [word]:
            keys = tuple(dict.fromkeys(language.norm(p) for p in parts))[:3]
            if keys != (key,):
                term.alternatives += _whole_or_part(keys, COMPOUND if len(keys) > 1 else EXACT, "compound")
            if len(parts) > 1:
                # "Angststörung" where groups say "Angsterkrankungen": the part in front alone, as a fallback,
                # only where it names a topic of the common list (by spelling): "Lebens|ende" never falls
                # back to "Leben", which would find every "Leben mit ..." group.
                # Never a front that says who, not what ("Alters|diabetes" is no seniors' group), but an audience
                # the groups name ("Eltern|kreis").
                specific = tuple(dict.fromkeys(language.norm(p) for p in parts[:-1]))
                who = any(language.is_person(p) and not _audience_word(Term(p)) for p in parts[:-1])
                concepts = [p for p in parts[:-1] if _concept_spelling(p)]
                if specific != keys and not who and all(_concept_spelling(p) for p in parts[:-1]):
                    term.alternatives += _whole_or_part(specific, SYNONYM, "fallback")
                elif (
                    specific != keys
                    and _generic_head(parts)
                    and key not in _listed_topic_names()
                    and not _people_front(parts)
                ):
                    # So does a compound whose head is a common word that names no topic ("Spiel|halle"), only
                    # where the office does not know the compound as typed ("Hör|sturz": a description has it).
                    term.alternatives += _whole_or_part(specific, SYNONYM, "head")
                elif (
                    specific != keys
                    and concepts
                    and not who
                    and all(p in concepts or _everyday_noun(p) for p in parts[:-1])
                ):
                    # So do the concept fronts alone where the others are everyday nouns that name nothing
                    # ("Trauma|folge|störung" → Trauma; s25-umlaut), never a word of grammar ("Über|funktion").
                    term.alternatives += _whole_or_part(
                        tuple(dict.fromkeys(language.norm(p) for p in concepts)), SYNONYM, "fallback"
                    )
        # The nouns a derived form stands for ("Epileptiker" → Epilepsie, "getrennt" → Trennung); of a common
        # word only those that name a topic ("getrennt" → Trennung, never "lebt" → Leben).
        common = may_ignore(word)
        for derived in dict.fromkeys(language.norm(d) for d in language.derivations(word)):
            if derived != key and (not common or derived in _listed_topics()):
                term.alternatives += _whole_or_part((derived,), COMPOUND, "derived")
        # An infinitive the dictionary lists as a noun too ("Trennen") reads its noun in -ung where that is a word
        # of the topic list ("trennen" → Trennung, as "trennt" does), never that noun's relations (s35-derived).
        for noun in dict.fromkeys(language.norm(n) for n in _listed_infinitive_nouns(word)):
            if noun != key:
                term.alternatives += _whole_or_part((noun,), COMPOUND, "derived")
        if common:
            # A common word's noun of one sense whose set holds a word of the topic list reads as that word
            # ("vergewaltigt" → Vergewaltigung ~ Missbrauch), as "getrennt" reads as the list's Trennung.
            for listed in _topic_words_of_derived_nouns(word):
                if listed != key:
                    term.alternatives += _whole_or_part((listed,), COMPOUND * SYNONYM, "derived")
        # A participle of an inchoative verb the dictionary lacks reads as its adjective ("ertaubt": taub
        # geworden → taub, its synonyms and the topics it names), the adjective itself as a derived form.
        if adjective := language.inchoative_adjective(word):
            for alt in _alternatives(adjective):
                kind = "derived" if alt.kind == "exact" else alt.kind
                weight = alt.weight * COMPOUND if alt.kind == "exact" else alt.weight
                term.alternatives.append(Alternative(alt.tokens, weight, kind))
        synonyms = _read_synonyms(word)[0]
        for synonym in synonyms:
            term.alternatives += _whole_or_part((language.norm(synonym),), SYNONYM, "synonym")
        for noun in _learned_synonym_nouns(word, synonyms):
            term.alternatives.append(Alternative((language.norm(noun),), SYNONYM, "synonym"))
        # The topics a synonym names as one of the list's words ("Pillen" ~ Tablette: Medikamentenabhängigkeit),
        # fetched with the word but read only where a group the reading matches is filed under one of them
        # (:func:`_with_filed_topics`; s23-colloquial).
        # Not a topic a synonym names by its name ("Schwermut" ~ Depression): its groups are the synonym's own
        # match, and the other topics listing its word ("manisch-depressiv": Bipolare Störung) are no answer.
        named_by = {(key,)} | {(language.norm(s),) for s in synonyms}
        for tokens in dict.fromkeys(t for s in synonyms for t in _word_topics(s)):
            if tokens not in named_by:
                term.alternatives.append(Alternative(tokens, SYNONYM * PART_OF, SYNONYM_TOPIC))
        # The topics the word stands for by the common topic list ("CED" → Morbus Crohn, "saufen" → trinken →
        # Alkoholabhängigkeit), by their names: matched like synonyms (in names and topics, only where no group
        # has the word itself there), but kept for a common word too: "Trinken" names a topic, "finde" none.
        for name in named_topics(word):
            keys = tuple(
                dict.fromkeys(
                    language.norm(w) for w in language.raw_words(name) if language.surface(w) not in STOPWORDS
                )
            )
            if keys and keys != (key,):
                term.alternatives.append(Alternative(keys, SYNONYM, "topic"))
        for name in (
            broader_topics(word)
            + linked_topics(word)
            + synonym_front_topics(word)
            + synonym_topics(word)
            + broader_front_topics(word)
        ):
            alternative = _topic_alternative(name)
            if alternative.tokens and alternative.tokens != (key,):
                term.alternatives.append(Alternative(alternative.tokens, alternative.weight, "broader_topic"))
        for name in wider_topics(word):
            # Joins whatever reading the word has, never chooses it, like a kind of the word (see rank).
            alternative = _topic_alternative(name)
            if alternative.tokens and alternative.tokens != (key,):
                term.alternatives.append(Alternative(alternative.tokens, COMPOUND, "narrower"))
        for name in _head_wider_topics(word, tuple(parts)):
            # So does what its head is a kind of, after the compound's own readings (a kind of a kind).
            alternative = _topic_alternative(name)
            if alternative.tokens and alternative.tokens != (key,):
                term.alternatives.append(Alternative(alternative.tokens, SYNONYM * PART_OF, "narrower"))
        kinds, siblings = umbrella_sibling_topics(word)
        for filed, weight in ((kinds, COMPOUND), (siblings, SYNONYM * PART_OF)):
            # The kinds the list files under an umbrella the word names, or its siblings there; they join the
            # word's reading, never choose it, the siblings after the word's own kinds (s28-psych).
            for name in filed:
                alternative = _topic_alternative(name)
                if alternative.tokens and alternative.tokens != (key,):
                    term.alternatives.append(Alternative(alternative.tokens, weight, "narrower"))
        term.alternatives += _kind_alternatives(word, key, tuple(parts))
        have = {a.tokens for a in term.alternatives}
        front_siblings = _front_sibling_topics(tuple(parts))
        # Where the compound is itself a word of one of them ("Hör|verlust" of Ertaubte), that topic is its
        # reading and the others join it as kinds of the same trouble (CI, Hörgeschädigte; s35-demo).
        joining = bool(set(front_siblings) & set(named_topics(word)))
        for name in front_siblings:
            # What a compound of a general head is about, by the list's compounds of the same front (s34-fronts).
            alternative = _topic_alternative(name)
            if alternative.tokens and alternative.tokens not in have and alternative.tokens != (key,):
                term.alternatives.append(Alternative(alternative.tokens, SYNONYM, "front_topic"))
                if joining:
                    term.alternatives.append(Alternative(alternative.tokens, SYNONYM * PART_OF, "narrower"))
        term.alternatives += _phrase_verb_readings(word)
        if not any(a.kind in _NAMED_TOPIC_KINDS for a in term.alternatives):
            for name in _defining_front_topics(tuple(parts)) + _elided_synonym_topics(word, tuple(parts)):
                alternative = _topic_alternative(name)
                if alternative.tokens and alternative.tokens != (key,):
                    term.alternatives.append(Alternative(alternative.tokens, alternative.weight, "front_topic"))
        term.alternatives += _defined_topic_alternatives(word, tuple(term.alternatives))
        term.alternatives += _front_compound_alternatives(word, tuple(parts), tuple(term.alternatives))
        term.alternatives += _everyday_head_alternatives(word, tuple(parts), tuple(term.alternatives))
        if 2 <= len(word) <= 4:
            term.alternatives.append(Alternative((INITIALS + language.surface(word),), SYNONYM, "initials"))
    return tuple(term.alternatives)


PHRASE_VERB = "phrase_verb"  # what a noun is for, by a verb phrase of OpenThesaurus (see _phrase_verb_readings)


def _topic_words_of_derived_nouns(word: str) -> tuple[str, ...]:
    """The search keys of the words of the common topic list that share the one OpenThesaurus set of a noun a
    common word is derived from (s34-senses): "vergewaltigt" → Vergewaltigung (one set: Missbrauch, Notzucht) →
    *Missbrauch*. A noun of one sense says what the word means; the word itself reaches only its verb's synonyms,
    which a common word does not read (:func:`settle_terms`). Not where the noun is itself a word of the list
    (read as such already), nor where the noun or the word's verb has several senses."""
    derivations = language.derivations(word)
    if any(language.sense_count(v) > 1 for v in derivations if v in language.verbs()):
        # A verb of several senses: its noun may be another sense's ("wartet" is no Wartung ~ Pflege).
        return ()
    listed = _listed_topics()
    found: list[str] = []
    for noun in derivations:
        noun_key = language.norm(noun)
        if noun_key in listed or not language.listed_noun(noun) or language.sense_count(noun) != 1:
            continue
        found += [k for s in language.synonyms(noun) if (k := language.norm(s)) in listed]
    return tuple(dict.fromkeys(found))


def _phrase_verb_readings(word: str) -> list[Alternative]:
    """The verbs of an OpenThesaurus set that holds a multi-word term with the noun, where Wiktionary ties them
    (:func:`language.phrase_verbs`): "Zigaretten" → rauchen ("(sich) eine Zigarette anstecken"; *Rauchen*: Zigaretten
    … konsumieren), so the groups about smoking, which never say "Zigarette", answer it (s28-smoking). Read with
    the synonyms, only where neither the word nor what it is derived from finds a group (see :func:`rank`); like a
    synonym it matches names and topics, never a description. Not a verb the noun itself has as a form."""
    key = language.norm(word)
    found: list[Alternative] = []
    # A colloquial noun no phrase holds reads by the phrases of the plain word it stands for (s34-colloquial):
    # "Glimmstängel", "Fluppe", "Kippe" (ugs.) ~ Zigarette, which Wiktionary defines them by → rauchen, not the
    # drugs of the set's ^Droge.
    verbs = language.phrase_verbs(word) or tuple(
        dict.fromkeys(v for s in language.plain_words(word) for v in language.phrase_verbs(s))
    )
    for verb in verbs:
        if (verb_key := language.norm(verb)) != key:
            found += _whole_or_part((verb_key,), SYNONYM, PHRASE_VERB)
    return found


def _defined_whole(word: str, split: tuple[str, ...]) -> bool:
    """Whether a compound whose head is a filler word (:data:`STOPWORDS`: "Gruppe", "Hilfe", "Treffen") is a word
    of its own, read whole and by its own definition rather than as its front (s25-noanswer): German Wiktionary
    defines it (:func:`language.glosses`), and each front part is an everyday word that names no topic of the
    common list (:func:`may_ignore`, :func:`named_topics`), so that the front alone says nothing the compound
    means. "Spiel|gruppe" (… Einheit von Spielern, a playgroup) is no "Spiel", which as a part found the
    gambling and media addiction groups ("Glücks|spiel", "Computer|spiele"). A front that names a concept still
    stands for the compound ("Krebs|gruppe", "Angehörigen|gruppe", "Sterbe|hilfe", "Flüchtlings|hilfe"); so does
    one behind a filler head Wiktionary does not define ("Frauen|gruppe": … verschiedener Frauen, no noun)."""
    if len(split) < 2 or language.surface(split[-1]) not in STOPWORDS or not language.glosses(word):
        return False
    fronts = [p for p in split[:-1] if language.surface(p) not in STOPWORDS]
    return bool(fronts) and all(may_ignore(p) and not named_topics(p) for p in fronts)


def _kind_of_head_adjective(parts: list[str]) -> bool:
    """Whether a compound adjective's head says only what its front is: the front is a kind of the head's noun of
    property ("krank|heit") by OpenThesaurus's broader terms ("Parkinson", "Rheuma": Krankheit), so that
    "parkinson|krank" means having Parkinson and reads as the front alone. Not "herz|krank" (Herz is an organ,
    no illness: the compound stays one), and only a noun in front ("voll|umfänglich": voll is no kind of Umfang;
    "russisch|sprachig" reads as the language Russisch, a kind of Sprache)."""
    if len(parts) != 2 or language.is_noun(parts[-1]) or not language.is_noun(parts[0]):
        return False
    head = parts[-1].lower()
    nouns = {head + suffix for suffix in ("heit", "keit", "igkeit")} | set(language.adjective_nouns(head))
    return any(b.lower() in nouns for b in language.broader_terms(parts[0]))


def _learned_synonym_nouns(word: str, synonyms: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns that an adjective's learned synonyms are the forms of (:func:`language.learned_form_nouns`):
    "lebensmüde" ~ suizidal → Suizid (s28-moods). As its synonyms are, matched in names and topics only: an
    office files the groups about it under the noun ("AGUS – Angehörige um Suizid", a topic Suizid), where the
    common list has no such topic for :func:`named_topics` to name."""
    if language.is_noun(word) or language.is_noun_plural(word):
        return ()
    own = {language.norm(word), *(language.norm(s) for s in synonyms)}
    found = (n for s in synonyms for n in language.learned_form_nouns(s))
    return tuple(n for n in dict.fromkeys(found) if language.norm(n) not in own)


def _concept_synonyms(word: str) -> tuple[str, ...]:
    """The word's synonyms (:func:`language.synonyms`), but for a word that names topics of the common list
    (:func:`named_topics`), not one that names only topics of the list in other topic areas: a sense of another
    concept ("Manie", which names Bipolare Störung, ~ Sucht, a topic of the addiction area; "taub" ~
    schwerhörig stays, both the disability area's)."""
    # OpenThesaurus sets mix word classes: a noun's synonym that is a word of grammar ("neben", "bei" in the
    # set of "Nachbar") names no concept of it, and as a compound's front it matched "Neben|niere".
    noun = language.is_noun(word)
    synonyms = tuple(
        s
        for s in language.synonyms(word)
        if not _folded_noun_homograph(s) and not (noun and language.is_function_word(s))
    )
    named = set(named_topics(word, loose=False))
    if not named:
        return synonyms
    names = _listed_topic_names()
    areas = {_topic_area(n) for n in named}
    return tuple(
        s for s in synonyms if not (other := names.get(language.norm(s))) or any(_topic_area(n) in areas for n in other)
    )


@lru_cache(maxsize=20_000)
def _read_synonyms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The synonyms a word is read by (:func:`_concept_synonyms`, none where they name topics of different areas,
    :func:`_senses_apart`), and those left out because the thesaurus gives them the word only in a sense it does
    not give them for the directory's topics: ``(read, of another sense)``.

    Not an everyday synonym that shares its key only with nouns of the list (s31-everyday: "ungewollt" ~
    automatisch is no "Automaten"), neither as the word it is nor by the topics it would name. Nor one of another
    sense (s32-precision: "Notunterkunft" ~ Schuppen, the shed, is no "Schuppen|flechte"; "Isolation" ~ Trennung,
    as in Abtrennung, no separated couple); the word's senses are still told apart by all of them. Nor a synonym as
    frequent as the words of grammar (:data:`GRAMMAR_ZIPF`): the groups' texts have it as grammar, never in the
    sense the thesaurus gives it ("Ausbildung" ~ Werden, the formation of a thing, is no "Rauchfrei *werden*";
    s32-precision2)."""
    synonyms = _concept_synonyms(word) if not _senses_apart(word) else ()
    synonyms = tuple(s for s in synonyms if not _everyday_noun_key(s) and language.zipf(s.lower()) < GRAMMAR_ZIPF)
    other = tuple(s for s in synonyms if language.synonym_in_other_sense(word, s))
    return tuple(s for s in synonyms if s not in other), other


def _senses_apart(word: str) -> bool:
    """Whether the synonyms of a word that names no topic itself name topics of the common list in more than one
    topic area (s21-demo): "Seelenkrankheit" ~ Manie (mental health), Sucht (addiction). Such synonyms are of
    different senses, and none of them says which the word means; a word of one sense has synonyms of one
    area ("Schwermut" ~ Depression, Niedergeschlagenheit)."""
    if named_topics(word, loose=False):
        return False
    listed = _listed_topics()
    areas = {a for s in _concept_synonyms(word) for a in listed.get(language.norm(s), ())}
    return len(areas) > 1


def _folded_noun_homograph(synonym: str) -> bool:
    """Whether a synonym that is no noun has an umlaut whose plain vowel spells a noun of the dictionary it is not
    derived from, so that Snowball gives both one key (issue #14, round 12b): "dröge" (dull, ~ nüchtern) and
    "Droge" are both "drog", and the synonym matched the drug groups' "Drogen". Not "süchtig" (Suchtig is no
    noun; and it is derived from Sucht)."""
    lowered = synonym.lower()
    if language.is_noun(synonym) or not set(lowered) & set("äöü"):
        return False
    plain = lowered.translate(str.maketrans("äöü", "aou")).capitalize()
    if plain == synonym or not (language.is_noun(plain) and language.dictionary_spelling(language.surface(plain))):
        return False
    key = language.norm(plain)
    return not any(key.startswith(language.norm(d)) for d in language.derivations(synonym))


def _verb_beginning_with(word: str, front: str) -> bool:
    """Whether a word is a form of a verb of the dictionary (hunspell-de-de) that begins with ``front``, or the
    noun of its action in -ung: "ueberfordert", "überfordert", "Überforderung" of überfordern with "über"."""
    verbs = language.verbs()
    begins = language.surface(front)
    lowered = word.lower()
    # The noun of its action in -ung too ("Über|forderung", "Ueber|forderung" of überfordern; s25-umlaut).
    stem = lowered[:-3] if lowered.endswith("ung") else ""
    actions = tuple(language.umlaut_spelling(stem + ending) for ending in ("en", "n")) if stem else ()
    return any(
        v in verbs and language.surface(v).startswith(begins)
        for v in (*language.infinitives(word), *language.derivations(word), *actions)
    )


def _topic_alternative(name: str) -> Alternative:
    """A topic of the common list as an alternative: the keys of its name (matched like a synonym)."""
    keys = tuple(
        dict.fromkeys(language.norm(w) for w in language.raw_words(name) if language.surface(w) not in STOPWORDS)
    )
    return Alternative(keys, SYNONYM, "topic")


def _kind_alternatives(word: str, key: str, parts: tuple[str, ...]) -> list[Alternative]:
    """What a word stands for as a kind of something (issue #14, word forms).

    - Its narrower terms (:func:`language.narrower`, OpenThesaurus): a group about a kind of the concept is
      about the concept ("Krebs" → Plasmozytom, Myelom). They join whatever reading of the word is used, but
      never choose it (see :func:`rank`).
    - A compound that names no topic of the common list itself stands for what its parts name: the topic
      its head names, as the compound is a kind of its head ("Spiel|automaten" → Automaten: Glücksspiel;
      "Schlaf|tabletten" → Tabletten: Medikamentenabhängigkeit; "Medien|sucht": the topic called Sucht, not
      every topic that lists the word), else the topics its front part names ("Krebs|diagnose" → Krebs and
      the kinds of cancer the list files under it). Not an everyday or person word in front ("Eltern|kreis").
    """
    # A compound whose head was a filler word stands for its front part ("Krebs|gruppe" → Krebs).
    of = [word, parts[0]] if len(parts) == 1 and parts[0] != word else [word]
    # Not a narrower term of two letters, an abbreviation or a symbol (s23-colloquial: "Bier" > "Äl", whose key
    # "al" matched "Al-Anon" and so hid the alcohol groups its broader term Alkohol reads).
    found = [
        Alternative((k,), COMPOUND, "narrower")
        for k in dict.fromkeys(language.norm(t) for w in of for t in language.narrower(w) if len(t) > 2)
        if k != key
    ]
    names = _listed_topic_names()
    if len(parts) < 2 or key in names:
        return found
    head = _adjective_head_noun(word, parts[-1], names) or language.norm(parts[-1])
    topics = sorted(names.get(head, frozenset()) | _named_by_word().get(head, frozenset()))
    # The topic the head names as such: its name, or the word before its name's comma ("Missbrauch, sexueller").
    own = [n for n in topics if language.norm(n) == head or _name_word(n) == head]
    kind = "part_topic"  # what the head names comes after every other reading (see rank)
    front = len(parts) == 2 and not may_ignore(parts[0]) and not language.is_person(parts[0])
    specific: list[str] = []
    if front and topics:
        # A head that names a broad topic ("Sucht") is the kind of thing; the front says which one: "Kokain|sucht"
        # is what Kokain names (Drogenabhängigkeit), "Wett|sucht" Glücksspiel, "Fress|sucht" (fressen ~ essen)
        # Essstörungen, never every group of the topic Sucht. Only a topic that is a kind of the head is: the
        # topic list gives it the head among its words, alone or as a compound's head (Drogenabhängigkeit:
        # "Sucht"; Glücksspiel: "Spiel|sucht"; Essstörungen: "Mager|sucht"). "Zucker|sucht" is no Diabetes,
        # "Krebs|schmerzen" no cancer topic. The head's own topics stay, after it (see rank).
        specific = _front_kinds(parts[0], head)
        # A verb's stem in front says what is done compulsively, or what is disturbed: the topic the verb itself
        # is a word of answers, though the list files no kind of the head under it ("Sammel|sucht": sammeln,
        # a word of Messies; s30-kind).
        specific += [n for n in _verb_front_topics(parts[0]) if n not in specific]
    elif front:
        own, kind = list(named_topics(parts[0], loose=False)), "front_topic"  # what the front names, with its fallback
    if kind == "part_topic" and _head_of_another_sense(word, parts[-1]):
        own = topics = []  # "Gedächtnis|verlust" is no bereavement (s26-senses)
    if kind == "part_topic" and (own or topics) and head != key:
        # The head as typed, to read it as the word alone is read (:func:`_unlike_the_part_alone`; s32-heads): its
        # groups as typed are candidates too.
        found += [Alternative((head,), SYNONYM, HEAD_WORD), Alternative((PART + head,), SYNONYM * PART_OF, HEAD_WORD)]
    specific += [n for n in _relative_sibling_topics(parts) if n not in specific]
    for name, of_kind in [(n, kind) for n in own or topics] + [(n, "front_topic") for n in specific]:
        alternative = _topic_alternative(name)
        if alternative.tokens and alternative.tokens != (key,):
            weight = alternative.weight * (PART_OF if _sibling_kind(parts, name) else 1.0)
            found.append(Alternative(alternative.tokens, weight, of_kind))
    return found


def _adjective_head_noun(word: str, head: str, names: dict[str, frozenset[str]]) -> str | None:
    """The key of the noun an adjective compound's head is made of, where that noun is the name of an umbrella
    topic of the common list (:func:`_umbrella_topics`: one the list files other topics under) and the compound is
    no word OpenThesaurus lists (s33-situation): "Computer|süchtig" is what "Computer|sucht" is, the topic called
    Sucht (the dictionary's noun of "süchtig"), not every kind of addiction whose words say "süchtig". A word
    with synonyms of its own is read by them ("sehnsüchtig", "streitsüchtig", "gelbsüchtig"); a head whose noun
    names no umbrella keeps its readings ("gut|herzig" is no heart disease, "grau|haarig" no hair loss)."""
    key = language.norm(head)
    if key in names or language.is_noun(head) or language.thesaurus_lists(word):
        return None
    umbrellas = {language.norm(u) for kinds in _umbrella_topics().values() for u in kinds}
    nouns = [
        n
        for n in dict.fromkeys(language.norm(d) for d in language.adjective_nouns(head))
        if n in names and n in umbrellas
    ]
    return nouns[0] if len(nouns) == 1 else None


@lru_cache(maxsize=20_000)
def _head_of_another_sense(word: str, head: str) -> bool:
    """Whether a compound has its head in another sense than the one that names the head's topics of the common list
    (s26-senses): German Wiktionary defines the head in senses of which some, not all, have a word that names one
    of those topics ("Verlust": … *Trauer* um einen Verstorbenen, beside the losing of a thing and a loss in
    business), and the compound's own definition, by nouns besides its parts, shares no word with those senses and
    names no topic of their areas. "Gedächtnis|verlust" (… *Erinnerungen*) is no bereavement: the head alone listed
    the grief groups. Not a head that is a topic's own name, which is that topic in any compound
    ("Wochenbett|depression", "Haut|krebs"), nor one whose OpenThesaurus synonyms name the topic (Zucker ~
    Diabetes: "Blut|zucker"); a compound Wiktionary does not define keeps its head's topics ("Partner|verlust")."""
    topics = set(named_topics(head, loose=False))
    own = [w for sense in language.gloss_senses(word) for w in sense]
    # A head that is a topic's own name is that topic in any compound ("Wochenbett|depression", "Kokain|sucht",
    # "Kindes|missbrauch": Missbrauch, sexueller).
    key = language.norm(head)
    if not topics or key in _listed_topic_name_keys() or key in _named_by_word():
        return False
    # Nor one the thesaurus gives that sense as a synonym ("Zucker" ~ Diabetes: "Blut|zucker" stays diabetes).
    if not any(w[:1].isupper() for w in own) or any(
        set(named_topics(s, loose=False)) & topics for s in language.synonyms(head)
    ):
        return False
    senses = language.gloss_senses(head)
    topical = [sense for sense in senses if any(set(named_topics(w, loose=False)) & topics for w in sense)]
    if not topical or len(topical) == len(senses):
        return False
    areas = {_topic_area(name) for name in topics}
    if any(_topic_area(name) in areas for w in own for name in named_topics(w, loose=False)):
        return False
    return not {language.norm(w) for sense in topical for w in sense} & {language.norm(w) for w in own}


@_common_index
def _named_by_word() -> dict[str, frozenset[str]]:
    """:func:`_name_word` of each topic of the common list → those topics (issue #14, round 12): the head of
    "Kindes|missbrauch" names "Missbrauch, sexueller" as its own topic, as "Hautkrebs" names Krebs."""
    found: dict[str, set[str]] = {}
    for name in _topic_heads():
        if word := _name_word(name):
            found.setdefault(word, set()).add(name)
    return {word: frozenset(names) for word, names in found.items()}


def _name_word(name: str) -> str:
    """The search key of the one word before the comma of a topic name ("Missbrauch, sexueller" → missbrauch),
    else ``""``."""
    first, comma, _rest = name.partition(",")
    words = language.raw_words(first)
    return language.norm(words[0]) if comma and len(words) == 1 and words[0].isalpha() else ""


def _sibling_kind(parts: tuple[str, ...], name: str) -> bool:
    """Whether a topic of the common list is another kind of a compound's head than the compound (issue #14,
    round 9): its one-word name has the same head and another front ("Verlust|ängste" for "Prüfungs|angst").
    Such a topic is a neighbour, not the head's own: it comes after the topics the head names as such
    (Angsterkrankungen, Panikattacken), even where a group has it in its name."""
    words = language.raw_words(name)
    if len(parts) < 2 or len(words) != 1 or not words[0].isalpha():
        return False
    split = language.split_compound(words[0])
    return (
        len(split) > 1
        and language.norm(split[-1]) == language.norm(parts[-1])
        and language.norm(split[0]) != language.norm(parts[0])
    )


def _front_compound_alternatives(
    word: str, parts: tuple[str, ...], alternatives: tuple[Alternative, ...]
) -> tuple[Alternative, ...]:
    """A compound of three or more parts that its parts give no topic reading read by its front compound, the
    word less its head (issue #14, round 9): "Autismusspektrum|störung" as "Autismusspektrum" is read (its front
    Autismus standing for it, the topics Autismus names), where the head names no topic ("Störung" is a
    category) and the middle part none either, so no single part reads it. Only a front that is a word itself
    (hunspell-de-de's noun or a Wiktionary headword), not a compound read by its parts already ("Kehlkopf|krebs":
    Krebs)."""
    if len(parts) < 3 or {a.kind for a in alternatives} & _PART_READINGS:
        return ()
    at = word.lower().rfind(parts[-1].lower())
    front = word[:at] if at > 0 else ""
    if len(front) < 4 or not front.isalpha() or not (language.is_noun(front) or language.glosses(front)):
        return ()  # a front that is no word of its own ("Schilddrüsen|über" of "…|über|funktion")
    return tuple(a for a in _alternatives(front) if a.kind in ("fallback", "front_topic", "part_topic"))


def _everyday_head_alternatives(
    word: str, parts: tuple[str, ...], alternatives: tuple[Alternative, ...]
) -> tuple[Alternative, ...]:
    """A compound whose head is an everyday word that names nothing, a noun ("Versuch", "Gedanken") or an adjective
    or participle ("gefährdet"), read as its front (issue #14, round 12): "Suizid|versuch", "Selbstmord|gedanken",
    "suizid|gefährdet" are about what "Suizid", "Selbstmord" find, though the common topic list has no word of
    them (the office's topics do): the front as a common head's fallback (kind ``front``, which unlike a common
    head's front may match a description) and its synonyms. Only where the parts give no other reading; never a
    head that is a word or part of the common list's words ("Angst|störung"), a person or a topic's word, nor a
    front that says who ("Kinder|wunsch"), is an everyday word ("Lebens|ende") or no noun as written, nor a
    compound whose own definition names a topic."""
    if len(parts) < 2 or {a.kind for a in alternatives} & (_PART_READINGS | {"topic", "broader_topic"}):
        return ()
    head = parts[-1]
    if (
        language.zipf(head) < COMMON_WORD_ZIPF
        or language.is_person(head)
        or _listed_spelling(head)
        or language.surface(head) in _listed_parts()
        or named_topics(head, loose=False)
    ):
        return ()
    at = word.lower().rfind(head.lower())
    front = word[:at] if at > 0 else ""
    if not front and (at := language.surface(word).rfind(language.surface(head))) > 0:
        front = language.surface(word)[:at]  # "Suizidgefaehrdet": the head read with its umlaut
    if (
        len(front) < 4
        or not front.isalpha()
        or not language.listed_noun(front)
        or may_ignore(front)
        or language.is_person(front)
        or _audience_word(Term(front))
    ):
        return ()
    # A compound with a definition of its own that names a topic means that ("Fehl|geburt": … *Verlust*), not
    # what its front does (Fehl ~ Mangel).
    if _definition_readings(word):
        return ()
    # Its synonyms only for a front of one sense (one set of OpenThesaurus: "Selbstmord" ~ Suizid); a front of
    # several senses stands for the compound only as written ("Beziehung" ~ Partnerin, Annäherung, …).
    one_sense = language.sense_count(front) == 1
    found: list[Alternative] = []
    for alt in _alternatives(front):
        if alt.kind in ("exact", "derived"):
            found.append(Alternative(alt.tokens, alt.weight * SYNONYM, "front"))
        elif alt.kind == "synonym" and not alt.tokens[0].startswith(PART) and one_sense:
            # As whole words (a synonym's part is two loose steps away), read with the front as written.
            found.append(Alternative(alt.tokens, alt.weight * SYNONYM, "front"))
    return tuple(found)


# A compound's readings through its parts: what its head or front names, or the front standing for it.
_PART_READINGS = frozenset(["part_topic", "front_topic", *FALLBACK_KINDS])


def _defined_topic_alternatives(word: str, alternatives: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
    """The topics a compound's own definition names by its genus (German Wiktionary, the first noun of a sense),
    where the compound names no topic as a whole and its parts name others (issue #14, round 9): a lexicalised
    compound means what its definition says, not what its parts do. "Rosenkrieg" (ein heftiger *Scheidungs*-
    oder Trennungskonflikt) is a divorce, not war grandchildren (Krieg|senkel through "Krieg"). Read as a topic
    the word names (kind ``topic``), so it comes before its parts' readings (see :func:`rank`). Not where the
    definition agrees with a part ("Trauer|fall": *Tod*, Trauer) nor by a definition's other nouns or
    adjectives, which say less of what the word is ("Trunk|sucht": zwanghafter Genuss …)."""
    if " " in word or len(language.split_compound(word)) < 2 or language.is_person(word) or may_ignore(word):
        return ()
    kinds = {a.kind for a in alternatives}
    if not kinds & _PART_READINGS or kinds & {"topic", "broader_topic"}:
        return ()
    genus = [a for sense in language.glosses(word) for a in _gloss_noun_alternatives(sense[0], GLOSS_KINDS[0])]
    if _loose_part_readings(word, alternatives):
        genus += [a for adjective in language.gloss_adjectives(word) for a in _gloss_adjective_alternatives(adjective)]
    defined = {a.tokens: Alternative(a.tokens, a.weight, "topic") for a in genus if not a.tokens[0].startswith(PART)}
    # What the parts read, and what those topics are kinds of: "Alkohol|problem" (*Abhängigkeit* … von
    # Alkohol) reads Alkoholabhängigkeit, a kind of Abhängigkeit, and so agrees with its definition.
    heads = _topic_tokens_heads()
    parts = {t.removeprefix(PART) for a in alternatives if a.kind in _PART_READINGS for t in a.tokens}
    parts |= {h for a in alternatives if a.kind in _PART_READINGS for h in heads.get(a.tokens, ())}
    if not defined or parts & {t for d in defined for t in d}:
        return ()
    return tuple(defined.values())


def _loose_part_readings(word: str, alternatives: tuple[Alternative, ...]) -> bool:
    """Whether a compound's readings through its parts all rest on a topic no part names as its own topic: a
    topic that lists the head among its search words ("Phantom|schmerzen" → Fibromyalgie) or a common head
    standing for the whole ("Wechsel|modell" → Wechsel). Then a definition's adjectives may say what the
    compound is (:func:`_defined_topic_alternatives`); not where a part is a topic's own word ("Trunk|sucht":
    Sucht, though its definition says *zwanghafter* Genuss)."""
    keys = {(language.norm(p),) for p in language.split_compound(word)}
    readings = [a for a in alternatives if a.kind in _PART_READINGS and not a.tokens[0].startswith(PART)]
    return bool(readings) and all(a.kind in _HEAD_KINDS or a.tokens not in keys for a in readings)


@_common_index
def _three_part_synonyms() -> dict[tuple[str, str], frozenset[str]]:
    """(front, head) search keys of each three-part compound among the OpenThesaurus synonyms of a word of a
    topic's name in the common list ("Aufmerksamkeit|defizit|störung" ~ ADHS) → those topics."""
    from saas.directory.demo import load_topic_rows

    found: dict[tuple[str, str], set[str]] = {}
    for row in load_topic_rows():
        for word in language.raw_words(row["name"]):
            if not word.isalpha():
                continue
            for synonym in language.synonyms(word):
                parts = language.split_compound(synonym)
                if len(parts) == 3 and language.is_noun(synonym):
                    found.setdefault((language.norm(parts[0]), language.norm(parts[-1])), set()).add(row["name"])
    return {key: frozenset(names) for key, names in found.items()}


def _elided_synonym_topics(word: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """The topics whose name's synonym is the compound with one more part in its middle (s27-compounds):
    "Aufmerksamkeits|störung" is the "Aufmerksamkeits|defizit|störung" of ADHS, said short. Only a compound the
    thesaurus lacks, and only where nothing else names a topic for it (see :func:`_alternatives`)."""
    if len(parts) != 2 or language.synonyms(word):
        return ()
    return tuple(sorted(_three_part_synonyms().get((language.norm(parts[0]), language.norm(parts[1])), ())))


_NAMED_TOPIC_KINDS = frozenset(["topic", "broader_topic", "front_topic", "part_topic", "narrower"])


def _defining_front_topics(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The topics a compound's front names whose German Wiktionary definition has the compound's head (or the
    head's own head) among its nouns (s27-compounds): "Augen|innen|druck" — the front names Augenerkrankung and
    Glaukom, and a Glaukom is an *Augenerkrankung* … erhöhten *Druck*. Read only where nothing else names a
    topic for the compound (see :func:`_alternatives`), as the front may be an everyday word ("Augen")."""
    if len(parts) < 2:
        return ()
    head = parts[-1]
    heads = {language.norm(head), language.norm(language.split_compound(head)[-1])}
    found = []
    for name in named_topics(parts[0], loose=False):
        nouns = {
            language.norm(n) for w in language.raw_words(name) if w.isalpha() for s in language.glosses(w) for n in s
        }
        if nouns & heads:
            found.append(name)
    return tuple(found)


@_common_index
def _relative_compounds() -> dict[str, frozenset[str]]:
    """Search key of the front of each word of the common topic list that is a compound with a relative as its
    head (:func:`_two_part_compounds`, OpenThesaurus's kin: "Pflege|kind" of Pflegeeltern, "Arbeiter|kinder") →
    the topics that list it."""
    found: dict[str, set[str]] = {}
    for name, front, _head, spelled, front_spelled in _two_part_compounds():
        if language.is_relative(spelled) and not language.is_person(front_spelled):
            found.setdefault(front, set()).add(name)
    return {front: frozenset(names) for front, names in found.items()}


@_common_index
def _two_part_compounds() -> tuple[tuple[str, str, str, str, str], ...]:
    """Each word of the common topic list that is a compound of two parts (hunspell's split: "Hör|gerät" of
    Cochlea-Implantat (CI), "Ess|störung" of Essstörungen): the topic's name, the front's and the head's search
    keys, the head as spelled (capitalized) and the front as split."""
    from saas.directory.demo import load_topic_rows

    found: dict[tuple[str, str, str, str, str], None] = {}
    for row in load_topic_rows():
        for phrase in [row["name"], *_search_phrases(row)]:
            words = language.raw_words(phrase)
            if len(words) == 1 and words[0].isalpha() and len(parts := language.split_compound(words[0])) == 2:
                front, head = parts
                found[(row["name"], language.norm(front), language.norm(head), head.capitalize(), front)] = None
    return tuple(found)


@_common_index
def _front_compounds() -> dict[str, frozenset[str]]:
    """Search key of the front of each two-part compound of the common topic list (:func:`_two_part_compounds`)
    → the topics that list it. Not one whose head is a topic's own name: "Blut|krebs" (Leukämie) is a kind of
    Krebs, about its head; its front says where, not what a "Blut|verlust" is about."""
    found: dict[str, set[str]] = {}
    names = _listed_topic_name_keys()
    for name, front, head, _spelled, _front in _two_part_compounds():
        if head not in names:
            found.setdefault(front, set()).add(name)
    return {front: frozenset(names) for front, names in found.items()}


@_common_index
def _general_heads() -> dict[str, tuple[str, ...]]:
    """Search key → spellings of the heads the common topic list joins to several fronts in the compounds of
    several topics ("Ess|störung", "Zwangs|störung", "Persönlichkeits|störung"; "Hör|verlust", "Seh|verlust"):
    a head that says what kind of thing, while the front says what it is about. Two topics of which one lists the
    other's name count once ("Spiel|sucht" lists "Glücks|spiel": "Spiel" is no general head)."""
    fronts: dict[str, dict[str, set[str]]] = {}
    spelled: dict[str, dict[str, None]] = {}
    for name, front, head, spelling, _front in _two_part_compounds():
        if _who_or_filler(spelling):
            continue
        fronts.setdefault(head, {}).setdefault(name, set()).add(front)
        spelled.setdefault(head, {})[spelling] = None
    words = _topic_heads()
    general: dict[str, tuple[str, ...]] = {}
    for head, topics in fronts.items():
        apart = [n for n in topics if not any(language.norm(n) in words[o] for o in topics if o != n)]
        if len(apart) > 1 and len({f for n in apart for f in topics[n]}) > 1:
            general[head] = tuple(spelled[head])
    return general


def _who_or_filler(word: str) -> bool:
    """Whether a compound's head is a filler word (:data:`STOPWORDS`, :func:`may_ignore`) or a word for people or
    relatives: it says whom, or nothing, not what kind of thing ("Eltern|gruppe", "Pflege|kind")."""
    return (
        language.surface(word) in STOPWORDS
        or may_ignore(word)
        or language.is_person(word)
        or language.is_relative(word)
    )


@lru_cache(maxsize=2_000)
def _general_head(head: str) -> bool:
    """Whether a compound's head is a general one (:func:`_general_heads`), or a word of the same meaning by
    OpenThesaurus: one of its synonyms is one ("Schädigung", "Schaden" ~ Verlust). Not a word for people or
    relatives, nor a filler word ("Eltern|gruppe", "Pflege|kind")."""
    general = _general_heads()
    if _who_or_filler(head):
        return False
    if language.norm(head) in general:
        return True
    # One step only, and a noun: two words that share a synonym seldom share a sense ("Sahne" ~ … ~ "Störung").
    return any(language.norm(s) in general for s in language.synonyms(head) if s.isalpha() and s[:1].isupper())


def _front_sibling_topics(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The topics of the common list that list a compound of the same front, for a compound whose head is a
    general one (:func:`_general_head`) and whose front names no topic itself (s34-fronts): a "Hör|störung" or
    "Hör|schädigung" is about what "Hör|gerät" (Cochlea-Implantat), "Hör|geschädigte" and "Hör|verlust"
    (Ertaubte) are about; the head says only what kind of trouble. Not a front that is a person or filler. Over the
    5,717 two-part compounds of wordfreq's German list (Zipf ≥ 1.5) whose front is such a front, 13 read so, all
    of the front's topics ("Aufmerksamkeits|störung" → ADHS, "Bewegungs|störung" → Dystonie)."""
    # The cheap test first: most fronts begin no compound of the list.
    siblings = _front_compounds().get(language.norm(parts[0]), frozenset()) if len(parts) == 2 else frozenset()
    if not siblings or may_ignore(parts[0]) or language.is_person(parts[0]) or named_topics(parts[0]):
        return ()
    # A head that is a noun and no topic's own name: what a topic's name heads is a kind of that topic, which
    # :func:`_front_kinds` picks by the front ("Computer|sucht" is no "Computer|spiel"; s34-fronts).
    head = parts[1]
    if (
        not language.noun_or_plural(head.capitalize())
        or language.norm(head) in _listed_topic_name_keys()
        or not _general_head(head)
    ):
        return ()
    return tuple(sorted(siblings))


def _relative_sibling_topics(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The topics of the common list that list a compound of the same front with another relative as its head
    (s27-compounds): a "Pflege|mutter" is one of the Pflegeeltern, whose list has "Pflege|kind"; the front says
    which family, the relative only who in it ("Mutter" alone names the mothers' groups)."""
    if len(parts) != 2 or not language.is_relative(parts[1]) or language.is_person(parts[0]):
        return ()
    return tuple(sorted(_relative_compounds().get(language.norm(parts[0]), frozenset())))


@_common_index
def _topic_tokens_heads() -> dict[tuple[str, ...], frozenset[str]]:
    """The tokens of each topic of the common list as an alternative (:func:`_topic_alternative`) → the keys of
    what it is a kind of (:func:`_topic_heads`)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for name, keys in _topic_heads().items():
        found.setdefault(_topic_alternative(name).tokens, set()).update(keys)
    return {tokens: frozenset(keys) for tokens, keys in found.items()}


@_common_index
def _topic_heads() -> dict[str, frozenset[str]]:
    """Name of each topic of the common topic list → the search keys of its words and of its compounds' heads
    ("Glücksspiel" → glucksspiel, spiel, spielsucht, sucht, wett, ...): what the topic is a kind of."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        keys = found.setdefault(row["name"], set())
        for word in language.raw_words(row["name"] + " " + row["search_words"]):
            if word.isalpha():
                keys |= {language.norm(word), language.norm(language.split_compound(word)[-1])}
    return {name: frozenset(keys) for name, keys in found.items()}


def _verb_of_stem(front: str) -> str:
    """The verb of the dictionary whose stem a compound's front is ("Wett" → wetten, "Sammel" → sammeln), else
    ``""``."""
    stem = front.lower()
    for verb in (stem + "en", stem + "n" if stem.endswith(("el", "er")) else ""):
        if verb and verb in language.verbs():
            return verb
    return ""


@lru_cache(maxsize=2_000)
def _verb_front_topics(front: str) -> tuple[str, ...]:
    """The topics of the common topic list whose one-word search word is the verb a compound's front is the
    stem of ("Sammel" → sammeln: Messies), where the front is no noun of its own ("Kauf", "Zucker"; s30-kind)."""
    verb = _verb_of_stem(front)
    if not verb or language.listed_noun(front):
        return ()
    return tuple(sorted(_listed_topic_names().get(language.norm(verb), ())))


@lru_cache(maxsize=2_000)
def _front_topics(front: str) -> tuple[str, ...]:
    """Topics of the common topic list a compound's front part names (:func:`named_topics`); a verb's stem
    in front ("Fress|sucht", "Wett|sucht") by the verb's own synonyms where the stem names none ("fressen" ~
    essen → Essstörungen)."""
    found = named_topics(front)
    verb = _verb_of_stem(front)
    if found or not verb:
        return found
    names = _listed_topic_names()
    return tuple(sorted({n for s in language.synonyms(verb) for n in names.get(language.norm(s), ())}))


def _front_kinds(front: str, head: str) -> list[str]:
    """The topics of the common list a compound's front names that are kinds of what its head names (their words
    or their compounds' heads have the head's key: Drogenabhängigkeit lists "Sucht", "Darm|krebs" is a Krebs).
    Where the front names none, those the heads of its OpenThesaurus synonyms name (s34-umbrella): "Rektum" ~
    Mast|darm, "Kolon" ~ Dick|darm are kinds of Darm, so "Rektum|krebs" is what "Darm|krebs" is, not the
    umbrella Krebs, whose groups the front then cannot narrow."""
    heads = _topic_heads()
    found = [n for n in _front_topics(front) if head in heads.get(n, frozenset())]
    if found or _front_topics(front):
        return found
    synonym_heads = dict.fromkeys(
        parts[-1] for s in language.synonyms(front) if len(parts := language.split_compound(s)) > 1
    )
    # Only a kind named by that head and the umbrella's word itself ("Darm|krebs" for Mast|darm): a synonym of
    # a front that names nothing is seldom of the compound's sense ("Sehn|sucht", "Inflations|angst").
    return sorted(
        n
        for n in {n for h in synonym_heads for n in named_topics(h, loose=False)}
        if len(words := language.raw_words(n)) == 1
        and len(split := language.split_compound(words[0])) == 2
        and language.norm(split[1]) == head
        and language.norm(split[0]) in {language.norm(h) for h in synonym_heads}
    )


def _people_front(parts: list[str]) -> bool:
    """Whether a compound's one front part is a word for people that is no topic of the common list by its name
    ("Kinder|wunsch": children are whom groups are for, not what "Kinderwunsch" is about), so that the front
    does not stand for the compound with a common head; a topic's name does ("Männer|kreis": the topic
    Männer)."""
    return len(parts) == 2 and language.is_person(parts[0]) and language.norm(parts[0]) not in _listed_topic_name_keys()


def _generic_head(parts: list[str]) -> bool:
    """Whether a compound names a kind of its front part by a common head ("Spiel|halle", "Sucht|beratung"):
    the head is an everyday word that names no topic, and each front part is a part of a word of the common
    topic list ("Spiel|sucht"). Not "Lebens|ende" (no topic word has "Leben" in it) nor "Herz|infarkt"
    ("Infarkt" is no everyday word)."""
    head = parts[-1]
    return (
        language.zipf(head) >= COMMON_WORD_ZIPF
        and not _listed_spelling(head)
        and all(language.surface(p) in _listed_parts() for p in parts[:-1])
    )


# --- definitions: the last reading of a word no other resource links to a topic --------------------------

# The readings of a word by its definitions (German Wiktionary, :func:`language.glosses`), weakest last: the
# first noun of a definition (its genus: "Methadon" → *Opioid*), its other nouns, then the genus of the
# definition of one of those ("Valium" → Diazepam → *Arzneistoff*), last the definition of a word it is a kind of or
# means the same as, its genus before its other nouns: a synonym's ("Totgeburt" ~ Fehlgeburt: … *Verlust* der
# Leibesfrucht) or a compound's head's ("Rektum|karzinom": *Krebserkrankung*). Each is read only where no reading
# before it finds a group (see :func:`_gloss_kinds`).
GLOSS_KINDS = ("gloss", "gloss_noun", "gloss_second", "gloss_related", "gloss_related_noun", "gloss_substance")
# The last of them: what the thing a word's definitions lead to is a kind of (:func:`_substance_readings`).
SUBSTANCE_KIND = GLOSS_KINDS[5]
# The readings by definitions that are not the word's own: by a topic word's definition that uses it, by what a noun
# of its definitions relates to (see :func:`gloss_alternatives`).
_BLIND_GLOSS_KINDS = frozenset([GLOSS_KINDS[2], GLOSS_KINDS[3], GLOSS_KINDS[4]])
# A word with a reading of these kinds reaches a topic through the topic list, the thesaurus or its parts already.
_TOPIC_READINGS = frozenset(["topic", "broader_topic", "front_topic", "part_topic", "fallback"])


@lru_cache(maxsize=20_000)
def gloss_alternatives(word: str) -> tuple[Alternative, ...]:
    """What a word stands for by its definitions, for a word that no other resource links to a topic: it names
    none itself (:func:`named_topics`), and the topic list, the thesaurus and its compound parts give it no
    reading of :data:`_TOPIC_READINGS` (its synonyms and kinds, which may name no topic, still come first in
    :func:`rank`). "Hypochondrie" (… Angst, krank zu sein) → Angst; "Fehlgeburt" (... Verlust) → Verlust, Trauer.
    Not for a filler word, a word for people, or one with punctuation or digits. Kinds :data:`GLOSS_KINDS`,
    matched like synonyms (in names and topics only) and only where nothing nearer finds a group
    (:func:`_gloss_kinds`); an office's vocabulary keeps only the readings it knows (:func:`settle_terms`), so a
    sense that names nothing of the office's drops out.

    An everyday word (:data:`COMMON_WORD_ZIPF`, wordfreq) has many senses, and its own definitions, its
    synonyms' and its head's read one of them, seldom the one typed (s30-prec-gloss: of the 6,000 most frequent
    words of wordfreq's German list, 237 listed groups of the bench directory that way, all nonsense:
    "Arbeitsplatz" ~ Arbeitsverhältnis: *Beziehung* → Polyamorie, "Brot" (… *Nahrung*, *Essen*) → Essstörungen,
    "Gold" → Scheidung → Trennung). It reads only a topic word whose common sense names it
    (:func:`_defined_by_readings`: "Ehe kaputt" → Scheidung, the *Auflösung* einer *Ehe* → Trennung).

    A word the thesaurus ties to a topic's word only in another sense is read by its own definitions alone
    (:data:`_BLIND_GLOSS_KINDS` left out; s32-precision2: "Stamm", "Mangel", "Verlierer" list nothing)."""
    readings = _gloss_readings(word)
    key = language.norm(word)
    if not readings or language.zipf(word.lower()) < COMMON_WORD_ZIPF:
        # The reverse reading by another sense of the listed word, or as its genus, names no topic; as a filter
        # (:func:`_gloss_readings`) it still says the word has senses of its own ("Wurst", "Identität").
        loose = {a.tokens for a in _defined_by_readings(key, common_sense=False)}
        loose -= {a.tokens for a in _defined_by_readings(key)}
        found = tuple(a for a in readings if a.kind != GLOSS_KINDS[2] or a.tokens not in loose)
    else:
        found = tuple(a for a in _defined_by_readings(key) if a.tokens != (key,))
    found = _without_umbrella_kinds(word, found)
    if _read_synonyms(word)[1]:
        # A word the thesaurus ties to a topic's word only in another sense (:func:`_read_synonyms`: "Mangel" ~
        # Opfer, "Stamm" ~ Familie) has senses apart from the topics'. Its own definitions still say what it is
        # ("Entzug": … *Drogenentzug* → Sucht), but not a topic word's definition that uses it, nor the nouns
        # a noun of its definitions relates to: they pick one of its senses blind ("Stamm": Krebs of the first
        # sense is the animal, *aus dem Stamm der Gliederfüßer*; "Verlierer" → Glücksspiel; "Mangel" → Anorexie).
        return tuple(a for a in found if a.kind not in _BLIND_GLOSS_KINDS)
    return found


@lru_cache(maxsize=20_000)
def _gloss_readings(word: str) -> tuple[Alternative, ...]:
    """The readings of :func:`gloss_alternatives` by every sense, of an everyday word too: as a filter they say
    which topic area a word read by its definitions keeps (:func:`_gloss_condition_topics`)."""
    if (
        not word.isalpha()
        or may_ignore(word)
        or language.is_person(word)
        or named_topics(word)
        or any(a.kind in _TOPIC_READINGS for a in _alternatives(word))
    ):
        return ()
    readings = (
        _definition_readings(word)
        + _synonym_definition_readings(word)
        + _head_definition_readings(word)
        + _verb_noun_definition_readings(word)
    )
    return readings + _substance_readings_beside(word, readings)


SUBSTANCE_STEPS = 3  # definitions followed from a word to a thing the thesaurus knows: Methadon → Opioid → Morphin → …


def _substance_readings_beside(word: str, readings: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
    """The readings of :func:`_substance_readings`, where the word's other readings by its definitions name no
    topic they do not name: a medicine whose definition names the illness it treats is about that illness
    ("Ritalin": zur Behandlung von *ADHS* eingesetzter Arzneistoff; "Lithium": … *Therapie* … → Depression), not
    about becoming dependent on it; one whose definition names nothing ("Valium", "Zolpidem"), or only that
    dependence ("Opioide" → Morphin: … *Schmerzmittel* → Medikamentenabhängigkeit), is."""
    substance = _substance_readings(word)
    if not substance:
        return ()
    topics = _listed_topics_by_tokens()
    named = {n for a in readings for n in topics.get(a.tokens, ())}
    return substance if named <= {n for a in substance for n in topics.get(a.tokens, ())} else ()


@lru_cache(maxsize=20_000)
def _substance_readings(word: str) -> tuple[Alternative, ...]:
    """The topics of dependence on a thing (:func:`_dependence_fronts`) that a word's definitions lead to, in up
    to :data:`SUBSTANCE_STEPS` steps, kind ``gloss_substance``, the weakest reading by definitions (s28-medicines):
    a drug's or brand's name is explained only by Wiktionary, whose definition names what it is, often by
    another such name ("Valium": Handelsname des *Arzneistoffs* *Diazepam*; "Methadon": *Opioid* → *Morphin* →
    *Betäubungsmittel*). Each noun the thesaurus does not know is followed to its own definition's nouns; each it
    knows (no everyday word, no person) ends the step, and where OpenThesaurus makes it a kind of a dependence
    topic's front (:func:`_dependence_kinds`) the word reads that topic: an Arzneistoff shares the synonym
    Pharmakon with Medikament (Medikamentenabhängigkeit), a Schlafmittel is a ^Medikament ("Zolpidem":
    *Arzneistoff* aus der Gruppe der *Schlafmitteln*), a Betäubungsmittel a ^Medikament and a synonym of
    Droge (Drogenabhängigkeit too). Read only where nothing nearer finds a group (:func:`_gloss_kinds`)."""
    fronts = _dependence_fronts()
    if not fronts:
        return ()
    seen = {language.norm(word)}
    found: set[str] = set()
    level = [word]
    for step in range(SUBSTANCE_STEPS):
        following: list[str] = []
        for defined in level:
            for sense in language.glosses(defined):
                # The word's own definitions by all their nouns, as :func:`_definition_readings` reads them; a
                # followed term's by its genus, as their second step does.
                for place, noun in enumerate(sense if not step else sense[:1]):
                    if (key := language.norm(noun)) in seen:
                        continue
                    seen.add(key)
                    # A noun the thesaurus has by its stem only is another word where Wiktionary defines it as
                    # written ("Alken", a hydrocarbon, is no form of "Alk").
                    if language.is_noun(noun) and (language.listed_noun(noun) or not language.defined_headword(noun)):
                        if language.zipf(noun.lower()) < COMMON_WORD_ZIPF and not language.is_person(noun):
                            found |= {n for front in _dependence_kinds(noun) for n in fronts[front]}
                    elif not place and noun.lower() not in language.verbs():
                        # A genus only Wiktionary explains, a name or term ("Opioid", "Morphin"): its definition
                        # says what it is. Not a verb's infinitive written as a noun ("Ziehen"), which names an act.
                        following.append(noun)
        level = following
    # As a kind of a word joins the word's reading (``narrower``): after what a nearer reading finds.
    return tuple(Alternative(_topic_alternative(n).tokens, SYNONYM * PART_OF, SUBSTANCE_KIND) for n in sorted(found))


@_common_index
def _dependence_fronts() -> dict[str, frozenset[str]]:
    """Search key of the front of a common topic list's name of two parts whose head names one other topic of
    the same area and whose search words name the front or a kind of it → that name: "Medikamenten|abhängigkeit"
    (Schmerzmittel ^Medikament), "Drogen|abhängigkeit" (Drogen), "Alkohol|abhängigkeit" (Alkohol); the head
    "Abhängigkeit" is a search word of Sucht. A kind of that topic told by the thing it is about, the dependence
    on it. Not "Lungen|krebs" (every cancer topic lists "Krebs"), nor "Seh|behinderte" (Sehbehinderung,
    sehschwach: the front is no thing the topic is about)."""
    from saas.directory.demo import load_topic_rows

    names = _listed_topic_names()
    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        words = language.raw_words(row["name"])
        if len(words) != 1 or not words[0].isalpha():
            continue
        parts = language.split_compound(words[0])
        heads = names.get(language.norm(parts[-1]), frozenset()) if len(parts) == 2 else frozenset()
        if len(heads) != 1 or row["name"] in heads or _topic_area(next(iter(heads))) != row["topic_area"]:
            continue
        front = language.norm(parts[0])
        listed = [w for phrase in _search_phrases(row) for w in language.raw_words(phrase)[:1] if w.isalpha()]
        if any(
            front in {language.norm(r) for r in (w, *language.synonyms(w), *language.broader_terms(w))} for w in listed
        ):
            found.setdefault(front, set()).add(row["name"])
    return {key: frozenset(topics) for key, topics in found.items()}


@lru_cache(maxsize=20_000)
def _dependence_kinds(noun: str) -> frozenset[str]:
    """The fronts of :func:`_dependence_fronts` (search keys) a noun is a kind of in every sense OpenThesaurus
    gives it (:func:`language.all_senses`), each sense by its set: the set holds the front ("Arzneimittel" ~
    Medikament, "Betäubungsmittel" ~ Droge), is filed under it ("Schlafmittel" ^Medikament), or holds a noun whose
    only other sense holds it ("Arzneistoff" ~ Pharmakon, and Pharmakon ~ Medikament). A noun with a sense of
    another kind names no such thing for certain ("Pappe" ~ LSD ^Droge is cardboard too, "Stoff" ~ Droge is
    cloth and matter, "Kleinigkeit" ^Alkohol a trifle), and reads none."""
    fronts = _dependence_fronts()
    found: set[str] = set()
    # Not a concept the noun's definition says it is not of ("Zigarette", *Tabak|produkt*, ^Droge; s35-demo).
    other = {term for terms in language.concepts_defined_otherwise(noun) for term in terms}
    for terms, broader in language.all_senses(noun):
        related = {language.norm(w) for w in (*terms, *broader) if w[:1].isupper() and w not in other}
        for term in terms:
            others = [s for s in language.all_senses(term) if s[0] != terms]
            if term[:1].isupper() and language.norm(term) != language.norm(noun) and len(others) == 1:
                related |= {language.norm(w) for w in others[0][0] if w[:1].isupper()}
        kinds = {key for key in fronts if key in related}
        if not kinds:
            return frozenset()
        found |= kinds
    return frozenset(found)


def _verb_noun_definition_readings(word: str) -> tuple[Alternative, ...]:
    """What a verb form stands for by the definition of the noun of its verb's stem (s25-verbs): the verb names
    doing what the noun is ("hungern" is to suffer *Hunger*), and Wiktionary defines the noun by what it is about
    where the verb's own definition says only how ("Tochter hungert": hungern → Hunger, Verlangen nach *Essen* →
    Essstörungen; hungern itself is "… zu wenig *Nahrung*", which names nothing). The noun is the infinitive's
    stem that the dictionary (hunspell-de-de) lists as a noun and no person ("hunger|n", "schlaf|en"), read as
    :func:`_definition_readings` reads a noun typed, by its kinds. Not for a noun typed ("Sucht" is no form of
    "suchen"), and not by the verb's nouns in "-ung" or its infinitive written as a noun: those are the verb's
    action, read as derived forms already."""
    if language.is_noun(word):
        return ()
    own = language.norm(word)
    nouns = language.dictionary_nouns()
    found: dict[tuple[tuple[str, ...], str], Alternative] = {}
    for verb in language.infinitives(word):
        stems = (verb[:-1], verb[:-2]) if verb.endswith("en") else (verb[:-1],)
        for stem in stems:
            if stem not in nouns or language.is_person(stem):
                continue
            # The stem's noun by its own senses: "raucht" → Rauch, the smoke, not "rauch" (hairy → Haarausfall).
            for alt in _definition_readings(stem.capitalize(), as_noun=True):
                if alt.tokens != (own,):
                    found.setdefault((alt.tokens, alt.kind), alt)
    return tuple(found.values())


def _head_definition_readings(word: str) -> tuple[Alternative, ...]:
    """What a compound Wiktionary does not define stands for by its head's definition: a compound is a kind of
    its head, so what the head is, the compound is ("Rektum|karzinom": a Karzinom is a *Krebserkrankung* … →
    Krebs). Only a head that is no everyday word (:data:`COMMON_WORD_ZIPF`): a learned or technical head names
    one kind of thing, an everyday one ("Recht", "Sucht", "Störung") many, and its definition's first sense is
    seldom the compound's. Only the head's genus, the first noun of each of its senses, as kind ``gloss_related``
    (as weak as a synonym's genus): what the head is, the compound is; the rest of the head's definition says
    what kind of it the head is, and that the compound's front may change. (Reading the head's other nouns
    too lowered the unseen held-out-9 set.)"""
    if language.glosses(word) or " " in word:
        return ()
    parts = language.split_compound(word)
    head = parts[-1]
    if len(parts) < 2 or len(head) < 4 or language.zipf(head) >= COMMON_WORD_ZIPF or may_ignore(head):
        return ()
    own = language.norm(word)
    readings = tuple(
        Alternative(a.tokens, a.weight, GLOSS_KINDS[3])
        for a in _definition_readings(head.capitalize())
        if a.kind == GLOSS_KINDS[0] and a.tokens != (own,)
    )
    # Where the head's definition names an umbrella topic ("Karzinom": a *Krebserkrankung* → Krebs), the front says
    # which of its kinds, as it does for the umbrella's own word (s34-umbrella): "Rektum|karzinom" is what
    # "Rektum|krebs" is, Darmkrebs, not every kind of cancer the list files under Krebs. The umbrella's reading
    # follows as the next kind of reading (:func:`_gloss_kinds`): an office without such a group lists its
    # cancer groups as before.
    tokens = {a.tokens for a in readings}
    for umbrella in sorted({u for us in _umbrella_topics().values() for u in us}):
        key = language.norm(umbrella)
        if len(language.raw_words(umbrella)) == 1 and (key,) in tokens and len(parts) == 2:
            kinds = _front_kinds(parts[0], key)
            if kinds:
                return tuple(Alternative(_topic_alternative(n).tokens, SYNONYM, GLOSS_KINDS[3]) for n in kinds) + tuple(
                    Alternative(a.tokens, a.weight, GLOSS_KINDS[4]) for a in readings
                )
    return readings


def _synonym_definition_readings(word: str) -> tuple[Alternative, ...]:
    """What a word of one sense (one set of OpenThesaurus) stands for by its synonyms' definitions: a synonym
    means what the word does, and Wiktionary often defines only one word of a set, or defines the word by a
    category where its synonym's definition names the thing ("Totgeburt" ~ Fehlgeburt: … *Verlust* der
    Leibesfrucht → Trauer; "MDMA" ~ Ecstasy: *Droge* …; "Spielothek" ~ Spielhölle: … in der *Glücksspiel*
    betrieben wird). Only the sense a synonym shares with the word (:func:`_shared_sense`): the one that names
    the word where one does ("Sargnagel": … *Zigarette*, not what is *verantwortlich* for a *Tod*), else its first,
    the one Wiktionary lists as the most common (a synonym shares one sense with the word, not all of its own:
    "Blutschande" is *Geschlechtsverkehr* zwischen engsten Verwandten before it is a Nazi term for
    *Beziehungen*), and not a synonym that is an everyday word (its
    first sense is seldom the one it shares: "Gesicht" ~ Halluzination), a word for people or several words.
    Not by a noun that is itself one of the word's synonyms: the thesaurus offered it, and what it reads as a
    synonym stands ("Lebensende" ~ Exitus: *Tod* is no bereavement; "Tod" is a synonym of Lebensende already).
    The weakest readings by definitions, one step through the thesaurus, then one through the definition: the
    genus as kind ``gloss_related``, the sense's other nouns after it (``gloss_related_noun``; "Ecstasy":
    *Droge* …, in Form von *Tabletten*).

    Not for a verb form (s30-prec2-gloss): a verb's synonym is a verb, whose definition says how something is
    done, not what the typed word is about, and a lower-case form names no thing (of the 11,000 most frequent
    words of wordfreq's German list 14 listed groups of the bench directory so, all nonsense: "schaute",
    "angucken" → Glaukom, "ruiniert" → Essstörungen, "qualifizieren" → Arbeiterkinder)."""
    # A learned plural the thesaurus lacks by its singular, as its definition is read ("Neuroleptika" ~
    # Antipsychotikum through Neuroleptikum, :func:`language.learned_singular`).
    lemma = word if language.sense_count(word) else language.learned_singular(word) or word
    if language.sense_count(lemma) != 1 or (not language.is_noun(word) and language.infinitives(word)):
        # A verb form (hunspell-de-de: the dictionary gives it an infinitive and no noun), see above.
        return ()
    own = language.norm(word)
    synonyms = language.synonyms(lemma)
    offered = {own} | {language.norm(s) for s in synonyms}
    # A word Wiktionary defines as one of its synonyms is that synonym ("Glimmstängel": *Zigarette*): another
    # synonym's sense that names that one is the sense they share, and says nothing more (Sargnagel's "Zigarette",
    # not its *Tod*; s35-demo).
    named = {language.norm(n) for sense in language.glosses(lemma) for n in sense} & (offered - {own})
    found: dict[tuple[str, ...], Alternative] = {}
    for synonym in synonyms:
        if (
            not synonym.isalpha()
            or language.zipf(synonym.lower()) >= COMMON_WORD_ZIPF
            or language.is_person(synonym)
            or not (senses := language.glosses(synonym))
        ):
            continue
        for place, noun in enumerate(_shared_sense(senses, {own, language.norm(lemma)}, named)):
            if (place and _action_noun(noun)) or language.norm(noun) in offered:
                continue
            for alt in _gloss_noun_alternatives(noun, GLOSS_KINDS[3 + min(place, 1)]):
                if alt.tokens != (own,) and (alt.tokens not in found or not place):
                    found[alt.tokens] = alt
    return tuple(found.values())


def _shared_sense(
    senses: tuple[tuple[str, ...], ...], keys: set[str], named: frozenset[str] | set[str] = frozenset()
) -> tuple[str, ...]:
    """The sense of a synonym's definitions that it shares with the word (search keys ``keys``): the one that
    names the word, where one does, less the word itself ("Sargnagel" ~ Zigarette: its sense "Zigarette" says
    nothing more, and its other senses, a coffin's nail and what is *verantwortlich* for a *Tod*, are not what a
    cigarette is); none where a sense names instead the synonym the word's own definition names (``named``:
    "Glimmstängel": *Zigarette* ~ Sargnagel: … *Zigarette*; s35-demo): the two are that word, which the thesaurus
    offers already; else its first, the most common."""
    for sense in senses:
        if keys & {language.norm(n) for n in sense}:
            return tuple(n for n in sense if language.norm(n) not in keys)
    if named and any(named & {language.norm(n) for n in sense} for sense in senses):
        return ()
    return senses[0]


@lru_cache(maxsize=20_000)
def _participle_noun_alternatives(noun: str) -> tuple[Alternative, ...]:
    """The readings of a definition's participle used as a noun (issue #14, s22-derived): "die Verstorbenen"
    (of "Hinterbliebene": Angehörige eines Verstorbenen) are who has done what the verb says, so the noun reads
    as the verb's infinitive written as a noun, the act ("Sterben"), by its synonyms that are nouns of the topic
    list ("Sterben" ~ *Tod* → Trauer), as weak as a definition's second step. Only a noun the dictionary lacks
    (a participle's inflected form, not a noun of its own: "Leistung" is none) of a verb that is no everyday word."""
    lowered = noun.lower()
    if not noun[:1].isupper() or language.lexicon_noun(lowered) or not lowered.endswith(("ene", "enen", "te", "ten")):
        return ()
    return _verb_act_alternatives(language.infinitives(noun))


def _verb_act_alternatives(verbs: tuple[str, ...]) -> tuple[Alternative, ...]:
    """The readings of verbs' act, each infinitive written as a noun ("sterben" → Sterben), by its OpenThesaurus
    synonyms that are nouns of the topic list ("Sterben" ~ *Tod* → Trauer), as weak as a definition's second step
    (kind ``gloss_second``). Only a verb that is no everyday word and whose act the thesaurus lists as a noun."""
    found: dict[tuple[str, ...], Alternative] = {}
    for verb in verbs:
        if language.zipf(verb) >= EVERYDAY_NOUN_ZIPF or not language.listed_noun(verb.capitalize()):
            continue
        for synonym in language.synonyms(verb.capitalize()):
            if synonym[:1].isupper() and _listed_spelling(synonym):
                for alt in _gloss_noun_alternatives(synonym, GLOSS_KINDS[2]):
                    found.setdefault(alt.tokens, alt)
    return tuple(found.values())


@lru_cache(maxsize=20_000)
def _definition_readings(word: str, as_noun: bool = False) -> tuple[Alternative, ...]:
    """The readings of :func:`gloss_alternatives`, whatever other readings the word has; with ``as_noun``, by a noun's
    own senses only (:func:`language.glosses`: the noun of a verb's stem, "Rauch" of "raucht", is no "rauch")."""
    key = language.norm(word)
    senses = language.glosses(word, as_noun)
    found: dict[tuple[tuple[str, ...], str], Alternative] = {}
    for sense in senses:
        for place, noun in enumerate(sense):
            if place and _action_noun(noun):
                continue
            for alt in _gloss_noun_alternatives(noun, GLOSS_KINDS[min(place, 1)]):
                if place and _body_part(noun) and not _names_part(alt.tokens, language.norm(noun)):
                    continue
                found.setdefault((alt.tokens, alt.kind), alt)
    # The second step: the genus of the definition of a noun the thesaurus does not know, a name or term only
    # Wiktionary explains ("Valium" → Diazepam → Arzneistoff); a known noun's definition would be one more
    # loose step ("Transidentität" → Geschlecht → Generation).
    for noun in dict.fromkeys(n for sense in senses for n in sense if not language.is_noun(n)):
        if _infinitive_noun(noun):
            # A verb's infinitive written as a noun names an act, and its definition what the act is done to
            # ("ritzen": … durch *Aufkratzen* der Arme verletzen → Aufkratzen: … die *Haut* verletzen, no skin
            # disease; s35-demo).
            continue
        for inner in language.glosses(noun):
            for alt in _gloss_noun_alternatives(inner[0], GLOSS_KINDS[2]) if inner else ():
                found.setdefault((alt.tokens, alt.kind), alt)
        for alt in _first_sense_other_nouns(noun):
            found.setdefault((alt.tokens, alt.kind), alt)
    for adjective in language.gloss_adjectives(word, as_noun):
        for alt in _gloss_adjective_alternatives(adjective):
            found.setdefault((alt.tokens, alt.kind), alt)
    for noun in dict.fromkeys(n for sense in senses for n in sense):
        for alt in _participle_noun_alternatives(noun):
            found.setdefault((alt.tokens, alt.kind), alt)
    # Last, the other way round: a topic word whose own definition names the word (issue #14, round 11), a
    # symptom in the definition of the one condition it marks ("Juckreiz": Neurodermitis is a *Hautkrankheit*
    # mit Hautrötung und *Juckreiz* → Hauterkrankungen). As weak as the second step.
    for alt in _defined_by_readings(key, common_sense=False):
        found.setdefault((alt.tokens, alt.kind), alt)
    return tuple(a for a in found.values() if a.tokens != (key,))


@lru_cache(maxsize=20_000)
def _body_part(noun: str) -> bool:
    """Whether a noun names a part of the body: OpenThesaurus files it under *Körperteil* or *Organ*, or the
    first sense German Wiktionary gives it is an organ (a noun ending in "organ": "Leber": … *Organ* …, "Auge":
    *Sinnesorgan*). Beside the genus of a definition it says where an illness is ("Virusenzephalitis":
    *Entzündung* des *Gehirns*; "Virushepatitis": … der *Leber*), not which: a topic that lists the organ among
    its search words (Hirn-Aneurysma: "Gehirn", PBC: "Leber", Glaukom: "Auge") is another illness of it
    (s34-absent)."""
    if language.body_part(noun):
        return True
    senses = language.glosses(noun)
    return bool(senses) and any(language.surface(n).endswith("organ") for n in senses[0])


def _names_part(tokens: tuple[str, ...], key: str) -> bool:
    """Whether a reading's keys hold a compound whose front is ``key`` ("augenerkrank" of Augenerkrankung holds
    "aug"): a topic of the organ as a whole, not the organ's word alone, whose stem another word may share
    ("leb" of Leber is the stem of *Leben*)."""
    return any(t.lstrip(PART).startswith(key) and t.lstrip(PART) != key for t in tokens)


def _defined_by_readings(key: str, common_sense: bool = True) -> tuple[Alternative, ...]:
    """The readings of the word of the common topic list whose definition alone names ``key``
    (:func:`_defined_by`), as weak as a definition's second step ("Juckreiz" → Neurodermitis → Hauterkrankungen).

    Only where the listed word's first sense, the most common one Wiktionary gives, names it, and not as that
    sense's genus: another sense is another thing ("Blase" as an economic bubble names *Preise*, "Auge" as a
    die's pips *Punkte*, "Depression" as a low the *Tiefe*), and a listed word whose genus the word is, is one
    kind of it ("Psychiatrie" is a *Wissenschaft*, "Abnehmen" an *Aufgabe*), which the broad word does not ask
    for. "Ehe" stays: Scheidung is the *Auflösung* einer *Ehe*. s30-prec-gloss held an everyday word to this;
    a rarer one reads another sense as wrongly (s30-prec2-gloss: of the next 5,000 words of wordfreq's German
    list, 104 listed groups of the bench directory by this reading alone, most by a later sense or as its
    genus: "Kartoffel" → Auge, a *Knospe* of *Kartoffeln* → Glaukom; "Motoren" → Stottern, of a motor's
    *Lauf*; "Anstalt" → Psychiatrie; "Wanderung" → Migration). Not ``common_sense``: by every sense, as
    :func:`_gloss_readings` reads a word to filter by (:func:`gloss_alternatives` drops those readings)."""
    found: dict[tuple[str, ...], Alternative] = {}
    for listed in _defined_by(key):
        first = language.glosses(listed)[0]
        if common_sense and key not in {language.norm(n) for n in first[1:]}:
            continue
        for alt in _gloss_noun_alternatives(listed, GLOSS_KINDS[2]):
            found.setdefault(alt.tokens, alt)
    return tuple(found.values())


def _infinitive_noun(noun: str) -> bool:
    """Whether a noun is a verb's infinitive written with a capital: of a verb of the dictionary (hunspell-de-de),
    or of one behind a particle the search drops as a filler word ("Auf|kratzen", "Nach|denken")."""
    lowered = noun.lower()
    verbs = language.verbs()
    return lowered in verbs or any(
        lowered[:cut] in STOPWORDS and lowered[cut:] in verbs for cut in range(2, len(lowered) - 3)
    )


def _first_sense_other_nouns(noun: str) -> tuple[Alternative, ...]:
    """The readings of the other nouns of the first sense of a noun only Wiktionary explains, as weak as a
    related word's (kind ``gloss_related_noun``, s22-glosses): where its genus names a thing, they say what
    kind of thing ("Opioide": von *Morphin* abgeleiteter Arzneistoff → Morphin: Betäubungsmittel … als starkes
    *Schmerzmittel* eingesetzt → Medikamentenabhängigkeit). Not where the genus names an act, a verb's
    infinitive written as a noun ("Psychoterror": *Ausüben* von Gewalt): the other nouns are then what the act
    is done with or to, not what the word is ("Stalking" is no violence group's answer). A noun in "-ung" may
    name a state as well as an act ("Erkrankung"), and stays."""
    senses = language.glosses(noun)
    if not senses or len(senses[0]) < 2:
        return ()
    genus = senses[0][0]
    if genus.lower() in language.verbs():
        return ()
    found: dict[tuple[str, ...], Alternative] = {}
    for inner in senses[0][1:]:
        if not _action_noun(inner):
            for alt in _gloss_noun_alternatives(inner, GLOSS_KINDS[4]):
                found.setdefault(alt.tokens, alt)
    return tuple(found.values())


def _action_noun(noun: str) -> bool:
    """Whether a noun of a definition names a verb's action ("Bildung" of bilden, in "Ausscheidungsorgan zur
    *Bildung* von Harn") and no topic of the common list by that topic's name, only as one of its search words
    ("Bildung" of Arbeiterkinder, "Beziehung" of Polyamorie): beside the genus it says what happens, not what
    the word is, and a search word reads it in another sense. As the genus, or as a topic's name ("Trennung"),
    it is read."""
    spelled = language.surface(noun)
    return (
        spelled.endswith("ung")
        and spelled[:-3] + "en" in language.verbs()
        and language.norm(noun) not in _listed_topic_name_keys()
        and language.norm(noun) not in _adjective_named_topics()  # "Psychische *Belastung*" names it too
    )


@_common_index
def _definition_index() -> dict[str, frozenset[str]]:
    """Search key of each noun of the definitions (German Wiktionary) of the common topic list's one-word names
    and search words → those words ("juckreiz" → Neurodermitis, "gedachtnis" → Demenz)."""
    found: dict[str, set[str]] = {}
    for spellings in _listed_words_by_key().values():
        for listed in spellings:
            for sense in language.glosses(listed):
                for noun in sense:
                    found.setdefault(language.norm(noun), set()).add(listed)
    return {key: frozenset(words) for key, words in found.items()}


def _defined_by(key: str) -> frozenset[str]:
    """The word of the common topic list whose definition alone names ``key`` (:func:`_definition_index`): a
    noun that several definitions use says a category ("Organ", "Störung", "Verlust"), not the thing."""
    listed = _definition_index().get(key, frozenset())
    return listed if len(listed) == 1 else frozenset()


@lru_cache(maxsize=20_000)
def _gloss_adjective_alternatives(adjective: str) -> tuple[Alternative, ...]:
    """The readings of an adjective or participle of a definition (issue #14, round 9): what kind of thing the
    word is, where the definition's nouns say only a category ("Dysthymie": langanhaltende *depressive*
    Verstimmung → Depression; "Phantomschmerz": … in einer *amputierten* Gliedmaße → Amputation). Read as a
    definition's other nouns (``gloss_noun``), by the adjective itself where it is a word of the topic list, or
    by the noun of the dictionary it is derived from ("getrennten" → Trennung), each as
    :func:`_gloss_noun_alternatives` reads a noun: never a word for people or an audience ("lesbische",
    "kindlich"). Not an everyday adjective ("verschiedener" is no "Scheidung", "positiv" no HIV test): a
    definition is full of them."""
    if language.zipf(adjective) >= COMMON_WORD_ZIPF or may_ignore(adjective):
        return ()
    nouns = [adjective] if _listed_spelling(adjective) else []
    nouns += [d for d in language.derivations(adjective) if language.is_noun(d) and _listed_spelling(d)]
    nouns += [n for n in language.property_nouns(adjective) if _listed_spelling(n)]
    if nouns and _adjective_of_another_sense(adjective, nouns):
        return ()
    if not nouns:
        # A participle whose verb names no noun of the list reads the verb's act (s28-events): "Witwe" (Frau,
        # deren Ehepartner *verstorben* ist) → Sterben ~ Tod → Trauer, as "die Verstorbenen" do.
        acts = _verb_act_alternatives(language.past_participle_verbs(adjective))
        return () if _participle_of_another_sense(adjective, acts) else acts
    found: dict[tuple[str, ...], Alternative] = {}
    for noun in nouns:
        for alt in _gloss_noun_alternatives(noun, GLOSS_KINDS[1]):
            found.setdefault(alt.tokens, alt)
    return tuple(found.values())


def _participle_of_another_sense(participle: str, acts: tuple[Alternative, ...]) -> bool:
    """Whether a definition's participle is used as an adjective of a sense apart from its verb's act
    (s28-events), by two relations that agree as in :func:`_adjective_of_another_sense`: OpenThesaurus gives the
    participle (as written or less an inflection ending) adjectives as synonyms, and none of them names a topic
    the act's readings name. "verstorben" ~ gestorben names Trauer, as Sterben ~ Tod does; "versunken" ~
    gedankenverloren, abwesend (in the definitions of "Flow", "nachdenklich") is no Sinken ~ Abnehmen →
    Übergewicht, and "gerissen" ~ schlau, raffiniert no Reißen ~ Gliederreißen → Rheuma."""
    if not acts:
        return False
    endings = ("e", "en", "er", "es", "em")  # an adjective's inflection
    forms = [participle] + [participle[: -len(e)] for e in endings if participle.endswith(e)]
    synonyms = {s for form in forms for s in language.synonyms(form) if s[:1].islower()}
    if not synonyms:
        return False
    tokens = {a.tokens for a in acts}
    return not any(_topic_alternative(n).tokens in tokens for s in synonyms for n in named_topics(s, loose=False))


def _adjective_of_another_sense(adjective: str, nouns: list[str]) -> bool:
    """Whether a definition's adjective that is no verb's form is used in a sense apart from the topics of the nouns
    it reads (s26-senses): OpenThesaurus gives it adjectives as synonyms, and none of them names one of those
    topics. Two relations that agree, as for a noun's synonyms (:func:`synonym_topics`): "zwanghafte" (~ obsessiv,
    triebgesteuert) in "Narkolepsie" (*zwanghafte* Schlafanfälle) says how the attacks come, not Zwangsstörungen,
    whereas "depressive" (~ Niedergeschlagenheit, Schwermut) names Depression. A participle ("amputierten") reads
    its verb's noun as before, and so does an adjective the thesaurus lacks."""
    # Its adjectives, as the thesaurus writes them, in lower case (a noun of the same stem is another word).
    synonyms = [s for s in language.synonyms(adjective) if s[:1].islower()]
    if not synonyms or language.infinitives(adjective):
        return False
    topics = {name for noun in nouns for name in named_topics(noun, loose=False)}
    return bool(topics) and not any(set(named_topics(s, loose=False)) & topics for s in synonyms)


@lru_cache(maxsize=20_000)
def _gloss_noun_alternatives(noun: str, kind: str) -> tuple[Alternative, ...]:
    """The readings of a definition's noun as ``kind``, weighed as synonyms: only a noun that is itself a
    one-word name or search word of a topic of the common topic list, by its spelling but for an inflection
    ending ("Angst", "Verlust"; not by a form it may be derived from, nor by a Snowball stem another word
    shares: "Lebens" is no "Leber"), as a whole word and by the topics it names. A definition holds many words, and
    most name a category ("Störung", "Erkrankung", "Verhalten") or a side of the thing ("Wirkung"): those
    would find every group of a kind, and are left out. Never a word for people, an audience or an everyday
    noun ("Eltern", "Angehörige": who, not what)."""
    key = language.norm(noun)
    names = _listed_topic_names().get(key, ()) if _listed_spelling(noun) else ()
    # A topic named by a word and who it is for ("ADHS, Erwachsene") by that word (issue #14, round 12):
    # "Ritalin" (zur Behandlung von *ADHS* eingesetzter Arzneistoff) → the ADHS groups.
    names = names or _qualified_topic_names().get(language.surface(noun), ())
    # A topic named by an adjective and a noun no other topic has ("Psychische *Belastung*") by that noun
    # (s23-colloquial): "Nervenzusammenbruch" (Versagen des Nervensystems aufgrund einer … *Belastung*).
    names = names or _adjective_named_topics().get(key, ())
    if (
        not names  # by its spelling: "Lebens" shares Leber's stem, not its word
        or language.is_person(noun)
        or _audience_word(Term(noun))
        or may_ignore(noun)
    ):
        return ()
    names = frozenset(n for n in names if not _kind_of_its_head(key, n)) or names
    names = frozenset(n for n in names if not _kind_by_another_front(key, n)) or names
    found = [Alternative((key,), SYNONYM, kind)]
    for name in sorted(names):
        alternative = _topic_alternative(name)
        if alternative.tokens and alternative.tokens != (key,):
            found.append(Alternative(alternative.tokens, SYNONYM, kind))
    # The topics listing the named topic's name are its kinds: after it, as its kinds by their head are.
    for name in sorted(_topics_listing_name(names)):
        alternative = _topic_alternative(name)
        if alternative.tokens and alternative.tokens != (key,):
            found.append(Alternative(alternative.tokens, SYNONYM * PART_OF, kind))
    return tuple(found) + tuple(a for name in sorted(names) for a in _gloss_kinds_of_topic(name, kind))


def _topics_listing_name(names: frozenset[str]) -> frozenset[str]:
    """The topics of the common list that list a topic's one-word name among their search words, in that
    topic's area (s23-words): a definition noun that names a topic only by one of its search words
    ("Karzinom": a *Krebserkrankung* → Krebs) reads what the topic's name reads, as "Krebs" typed does
    (Leukämie and Multiples Myelom list "Krebs"). Not a topic for some people ("Eltern", "Männer": who, not
    what)."""
    listed = _listed_topic_names()
    areas = _topic_areas()
    found: set[str] = set()
    for name in names:
        words = language.raw_words(name)
        if len(words) != 1 or language.is_person(words[0]) or _audience_word(Term(words[0])):
            continue
        found |= {n for n in listed.get(language.norm(words[0]), ()) if areas.get(n) == areas.get(name)}
    return frozenset(found - names)


@_common_index
def _adjective_named_topics() -> dict[str, frozenset[str]]:
    """Search key of the noun of a common topic list's name of an adjective and a noun ("Psychische Belastung",
    "Multiple Sklerose") → that name, where no other topic has the noun among its words (not "Störung" of
    Bipolare and Dissoziative Störung, nor "Erkrankungen") and it is no one-word name or search word of its own
    (:func:`_listed_topic_names`): the adjective says which kind, the noun names the topic (s23-colloquial)."""
    from saas.directory.demo import load_topic_rows

    rows = load_topic_rows()
    words = [
        {language.norm(w) for w in language.raw_words(row["name"] + " " + row["search_words"].replace(";", ","))}
        for row in rows
    ]
    found: dict[str, frozenset[str]] = {}
    for row in rows:
        name = [w for w in language.raw_words(row["name"]) if language.surface(w) not in STOPWORDS]
        if (
            len(name) != 2
            or set(",-/") & set(row["name"])
            or language.is_noun(name[0])
            or not language.is_noun(name[1])
        ):
            continue
        key = language.norm(name[1])
        if key not in _listed_topic_names() and sum(key in w for w in words) == 1:
            found[key] = frozenset([row["name"]])
    return found


@_common_index
def _qualified_topic_names() -> dict[str, frozenset[str]]:
    """Spelling of the one word before the comma of a common topic list's name that says whom the topic is for
    or which kind it is ("ADHS, Erwachsene", "PTBS, komplexe") → that name, where the word is no one-word name
    or search word of its own (:func:`_listed_topic_names`): the word names the topic."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, set[str]] = {}
    for row in load_topic_rows():
        first = row["name"].partition(",")[0]
        if (key := _name_word(row["name"])) and key not in _listed_topic_names():
            found.setdefault(language.surface(first.strip()), set()).add(row["name"])
    return {spelled: frozenset(names) for spelled, names in found.items()}


def _without_umbrella_kinds(word: str, found: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
    """A word's definition readings without the kinds of an umbrella topic whose own word the definition names
    (s34-umbrella): a definition says what kind of thing a word is by its genus, not which of the list's kinds.
    "Hypochondrie" is an *Angst*, krank zu sein; Angst names Angsterkrankungen (whose word for what its kinds are it
    is, :func:`_umbrella_kinds`) and the kinds the list files under it (Panikattacken, Soziale Phobie, which list
    "Angst"), and the hypochondriac is no panic or social phobia case. Only such an umbrella, whose kinds
    OpenThesaurus files under its word: the kinds of Sucht (:func:`_umbrella_topics`) are withdrawal's too
    ("Entzug": … *Drogenentzug*; held-out-6 takes every addiction group). Kept: a kind the definition names by a
    word of its own (*Panik*), and every kind where the word is itself named as one of them by its ending
    ("Emeto|phobie", a Phobie: held-out-8 takes every anxiety group, as for "Phobie" typed)."""
    tokens = {(a.kind, a.tokens) for a in found}
    key = language.norm(word)
    by_umbrella = _umbrella_kinds()
    drop: set[tuple[str, tuple[str, ...]]] = set()
    for umbrella in sorted(by_umbrella):
        words = {language.norm(umbrella), *by_umbrella[umbrella]}
        kind_keys = {k for ks in by_umbrella[umbrella].values() for k in ks}
        if any(key.endswith(k) for k in kind_keys):
            continue
        filed = set(_filed_as(kind_keys, umbrella))
        for kind in {k for k, t in tokens if any(t == (w,) for w in words)}:
            drop |= {
                (kind, _topic_alternative(n).tokens)
                for n in filed
                if not any((kind, (k,)) in tokens and n in _filed_as({k}, umbrella) for k in kind_keys)
            }
    return tuple(a for a in found if (a.kind, a.tokens) not in drop)


def _kind_of_its_head(key: str, name: str) -> bool:
    """Whether a topic of the common list is named by a compound with the word of ``key`` in front and a head that
    is a topic's word itself ("Verlust|ängste", "Darm|krebs"): a kind of its head, so a definition that names
    the front ("Fehlgeburt": … *Verlust*) is not about it where the word names other topics as a whole (Trauer;
    issue #14, round 12b). Not a compound whose head is a category ("Angst|erkrankungen", "Panik|attacken": an
    anxiety disorder is Angst), and kept where the word names no other topic ("Drogen|abhängigkeit")."""
    words = language.raw_words(name)
    if len(words) != 1:
        return False
    parts = language.split_compound(words[0])
    return len(parts) == 2 and language.norm(parts[0]) == key and _listed_spelling(parts[1])


def _kind_by_another_front(key: str, name: str) -> bool:
    """Whether a topic of the common list is named by a compound with the word of ``key`` as its head and, in
    front, a word of the list that names another concern ("Verlust|ängste" for "Angst"): a kind of the word,
    told by that concern. A definition's noun says what kind of thing its word is, the rest of the definition
    which kind ("Emetophobie": *Angst* vor dem Erbrechen), so the kinds the list tells by other fronts are its
    siblings, not its answer (s21-heads)."""
    words = language.raw_words(name)
    if len(words) != 1:
        return False
    parts = language.split_compound(words[0])
    return len(parts) == 2 and language.norm(parts[1]) == key and _listed_spelling(parts[0])


def _gloss_kinds_of_topic(name: str, kind: str) -> tuple[Alternative, ...]:
    """A topic of the common list with a one-word name that a definition's noun names also finds the kinds of
    it the groups are filed under, compounds with the topic's name as their head (issue #14, round 9):
    "Karzinom" (a *Krebserkrankung*: the topic Krebs) → "Darm|krebs", "Lungen|krebs", as "Krebs" typed finds
    them. As a compound's part, after the whole word, and only as a head (:func:`_gloss_heads`,
    :func:`_head_only`): a compound is a kind of its head, not of its front ("Krebs|nachsorge")."""
    words = language.raw_words(name)
    if len(words) != 1 or not words[0].isalpha():
        return ()
    return (Alternative((PART + language.norm(words[0]),), SYNONYM * PART_OF, kind),)


def _with_glosses(terms: list[Term]) -> list[Term]:
    """A query of one word gets the readings of its definitions (:func:`gloss_alternatives`). So does a word
    among others where none of them names a concern itself ("*Ehe* kaputt": … Scheidung, Trennung;
    "Sohn *computersüchtig*": … Sucht; "*schizoaffektive* Störung": … Psychose): the others are filler, a
    relative or words that reach no topic, so the definition is the only reading that says what it is about
    (s23-situation). Not beside a word that names a topic: that word says what it is about, and where no
    group matches them all the best partial match answers with the words as typed ("Gewalt in der *Ehe*" is
    no "Trennung"). Nor beside an audience the groups name ("Selbstmord *Angehörige*"): it asks for the groups
    of that concern for them, which a definition's loose reading (… Tod → Trauer) does not answer."""
    if len(terms) > 1 and any(_names_concern(t) or _audience_word(t) for t in terms):
        return terms
    for term in terms:
        if " " not in term.word:
            term.alternatives += gloss_alternatives(term.word)
    return terms


def _names_concern(term: Term) -> bool:
    """Whether a query word names a topic of the common list or reaches one through the topic list, the
    thesaurus or its compound parts (:data:`_TOPIC_READINGS`), as :func:`gloss_alternatives` asks of the word
    it reads: not a word for people ("Mann" names the men's topics, but says who, not what)."""
    if language.is_person(term.word) or _relative(term):
        return False
    return bool(
        listed_topic_areas(language.norm(term.word)) or any(a.kind in _TOPIC_READINGS for a in term.alternatives)
    )


def _gloss_kinds(term: Term, kinds: set[str], candidates: list[Candidate]) -> set[str]:
    """``kinds`` and the nearest reading by definitions (:data:`GLOSS_KINDS`) that finds a group, where no
    reading of ``kinds`` finds any: a weaker reading never joins a stronger one (see :func:`rank`)."""
    if not any(a.kind in GLOSS_KINDS for a in term.alternatives) or any(
        _score_term(term, _matchers(term, kinds), c)[0] for c in candidates
    ):
        return kinds
    for kind in GLOSS_KINDS:
        if _has_kind(term, kind) and any(_score_term(term, _matchers(term, {kind}), c)[0] for c in candidates):
            # What the thing the definitions lead to is a kind of joins the nearer reading it agrees with
            # (:func:`_substance_readings_beside`): "Opioide" → Morphin: … *Schmerzmittel*, and a *Betäubungsmittel*.
            return kinds | {kind} | ({SUBSTANCE_KIND} if _has_kind(term, SUBSTANCE_KIND) else set())
    return kinds


def _office_filter(column: InstrumentedAttribute[int], tenant_ids: list[int] | None) -> ColumnElement[bool]:
    if tenant_ids is None:
        return true()
    return column.in_(tenant_ids) if len(tenant_ids) != 1 else column == tenant_ids[0]


_PLAIN_TOKEN = re.compile(r"^[\w=~]+$")


def _pattern_words(tokens: Iterable[str]) -> list[str]:
    """Tokens for a regular expression (PostgreSQL and Python read it alike): letters, digits, "=" and "~"
    as they are, anything else escaped."""
    return [t if _PLAIN_TOKEN.match(t) else re.escape(t) for t in sorted(tokens)]


def _known(tokens: set[str], tenant_ids: list[int] | None) -> set[str]:
    from saas.directory.models import SearchWord

    if not tokens:
        return set()
    stmt = select(SearchWord.word).where(SearchWord.word.in_(sorted(tokens)))
    if tenant_ids is not None:
        stmt = stmt.where(SearchWord.tenant_id.in_(tenant_ids))
    return set(db.session.scalars(stmt.distinct()))


def _correction_window(word: str) -> tuple[str, int] | None:
    """The spelling to correct and the edit distance allowed: one for short words, two from eight letters on.
    None for a common German word: spelled right, it is no typo ("aufhören" is no "zuhören")."""
    spelled = language.surface(word)
    if len(spelled) < 4 or language.zipf(word) >= COMMON_WORD_ZIPF:
        return None
    return spelled, 1 if len(spelled) < 8 else 2


STEM_TYPO_MIN = 6  # a search key this long may be corrected by one edit where its spelling has none near


def _closest(spelled: str, limit: int, candidates: Iterable[str]) -> list[str]:
    from rapidfuzz.distance import OSA

    best: dict[int, list[str]] = {}
    # A word the dictionary has is spelled right: it is read only as another form of itself, a word it begins
    # like ("dement" → Demenz, "Traumata" → Trauma), never as another word one or two letters away
    # ("stammeln" is no "sammeln", "zunehmen" no "abnehmen"). So is a form of a verb of the dictionary that the
    # frequencies know (issue #14, s26-reading: "weint" is no "weilt").
    # So is a headword German Wiktionary labels Medizin (s34-absent): "Dyskorie", a malformed pupil, is no
    # "Dystonie".
    spelled_right = (
        language.dictionary_spelling(spelled)
        or (language.zipf(spelled) >= language.SPELLED_RIGHT_ZIPF and bool(language.infinitives(spelled)))
        or language.medical_term(spelled)
    )
    for candidate in set(candidates):
        if spelled_right and not _same_beginning(spelled, candidate[1:]):
            continue
        distance = OSA.distance(spelled, candidate[1:], score_cutoff=limit + 1)
        if distance == limit + 1 and moved_letter(spelled, candidate[1:]):
            distance = 1  # one letter in the wrong place, as hunspell's "movechar" suggests: "Chron" → Crohn
        if distance <= limit and (distance < 2 or _typed_beginning(spelled, candidate[1:])):
            best.setdefault(distance, []).append(candidate)
    if not best and not spelled_right:
        # The groups may have another form of the word than the one typed ("Essstörungen" for "Essstörrung"):
        # the inflection ending eats the edits a typo may have. Then the search keys (Snowball stems), one
        # edit apart, only where no spelling is near and the key is long enough to say a word ("Poker", pok,
        # is no "Polen", pol), and only for a word the dictionary does not know: a word spelled right is
        # no typo, its key's neighbour another word ("Migräne", migran, is no "Migration", migrat).
        stem = language.norm(spelled)
        if len(stem) >= STEM_TYPO_MIN:
            for candidate in set(candidates):
                if OSA.distance(stem, language.norm(candidate[1:]), score_cutoff=2) == 1:
                    best.setdefault(1, []).append(candidate)
    if not best:
        return []
    return sorted(best[min(best)])[:6]


def _typed_beginning(typed: str, word: str) -> bool:
    """Whether ``word``, two edits from ``typed``, may be what ``typed`` meant at its first letter: the same
    letter, or one typed in its place ("Kolitiss" for "Colitis"), never a beginning of two letters dropped or
    added ("esstoerung" is no "stoerung", the head of "Es|störung" cut off: it is the typo of
    "Essstörung", one letter short). Two edits at a word's front are a front of its own, not a slip of the
    hand; a spelling checker keeps the first letter likewise (:func:`language.spelling_suggestions`). One edit
    may fall anywhere ("KPTBS" → PTBS)."""
    from rapidfuzz.distance import OSA

    return typed[:1] == word[:1] or OSA.distance(typed[1:], word[1:], score_cutoff=2) <= 1


def _same_beginning(typed: str, word: str) -> bool:
    """Whether two spellings differ only in their last two letters or fewer, past a common beginning of at
    least four: forms of one word ("dement"/"demenz", "traumata"/"trauma", "suizidal"/"suizid")."""
    common = next((i for i, (a, b) in enumerate(zip(typed, word, strict=False)) if a != b), min(len(typed), len(word)))
    return common >= 4 and common >= min(len(typed), len(word)) - 2


def moved_letter(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one letter moved elsewhere ("chron"/"crohn", "parkinosn"/"parkinson"):
    one edit of a spelling checker (hunspell's "movechar"), two of optimal string alignment."""
    if len(typed) != len(word) or typed == word or sorted(typed) != sorted(word):
        return False
    for i in range(len(typed)):
        rest = typed[:i] + typed[i + 1 :]
        for j in range(len(typed)):
            if j != i and rest[:j] + typed[i] + rest[j:] == word:
                return True
    return False


def _candidates_stmt(word: str, tenant_ids: list[int] | None) -> Select[str]:
    from saas.directory.models import SearchWord

    shortest, longest = _candidate_lengths(word)
    return select(SearchWord.word).where(
        _office_filter(SearchWord.tenant_id, tenant_ids),
        SearchWord.length.between(shortest, longest),
        SearchWord.word.like("=%"),
    )


def _candidate_lengths(word: str) -> tuple[int, int]:
    """The lengths of the vocabulary's spellings ("=" and the word) that may be corrections of ``word``."""
    window = _correction_window(word)
    assert window is not None
    n, limit = len(window[0]), window[1]
    return n + 1 - limit, n + 1 + limit


def _asks_candidates(term: Term) -> bool:
    """Whether a term's typo candidates come with the search's first statement: a word that may be a typo
    and names no topic area of the common list."""
    return _correction_window(term.word) is not None and not listed_topic_areas(language.norm(term.word))


def _corrections(word: str, tenant_ids: list[int] | None) -> list[str]:
    """Vocabulary spellings closest to ``word`` (a statement of its own: the rare second try)."""
    window = _correction_window(word)
    if window is None:
        return []
    return _closest(*window, db.session.scalars(_candidates_stmt(word, tenant_ids).distinct()))


def add_corrections(
    term: Term, tenant_ids: list[int] | None, candidates: list[str] | None = None, known: set[str] | None = None
) -> bool:
    """Typo corrections of a word no group knows; never for a word that names a known topic ("Trauer" is
    no typo of "Trauma"). Else a typo in a compound's front part (:func:`_correct_compound`), where the
    offices know the rest (``known``, the vocabulary the search asked for, see :func:`_area_tokens`)."""
    if term.areas:
        return False
    window = _correction_window(term.word)
    if window is None:
        return False
    fixes = _closest(*window, candidates) if candidates is not None else _corrections(term.word, tenant_ids)
    if fixes:
        # The spelling meant and its search key: "Depresionen" → "depressionen", and so "Depression" too.
        keys = {language.norm(f[1:]) for f in fixes} - set(fixes)
        term.alternatives += [Alternative((f,), TYPO, "typo") for f in [*fixes, *sorted(keys)]]
        term.corrected = [f[1:] for f in fixes]
        return True
    return _correct_compound(term, tenant_ids, known) or _correct_by_dictionary(term, tenant_ids)


def _correct_by_dictionary(term: Term, tenant_ids: list[int] | None) -> bool:
    """A typo of a word the office has no spelling of, but reaches through a resource: the thesaurus's
    synonyms, the common topic list, a compound's parts ("Skizophrenie" → Schizophrenie → Psychose,
    "Angstörung" → Angststörung → Angst). The dictionary's nearest words (hunspell-de-de's nouns and
    OpenThesaurus's entries, :func:`language.spelling_suggestions`) are accepted only where one of their
    readings reaches the office's vocabulary, and then as a typo correction (weight ``TYPO``): never for a
    word that is spelled right ("Mukoviszidose"), nor one that names a topic. One statement, only for a word
    nothing else matched."""
    if term.areas or " " in term.word:
        return False
    window = _correction_window(term.word)
    if window is None:
        return False
    suggestions = language.spelling_suggestions(term.word, window[1])
    if not suggestions:
        return False
    if (counter := _COMPOUND_LOOKUPS.get(None)) is not None:
        counter[0] += 1  # an office's own vocabulary decides: its settled terms are its own
    readings = {s: _alternatives(s) for s in suggestions}
    known = _known({t for alternatives in readings.values() for a in alternatives for t in a.tokens}, tenant_ids)
    for suggestion, alternatives in readings.items():
        kept = [a for a in alternatives if all(t in known for t in a.tokens)]
        if kept:
            term.alternatives += [Alternative(a.tokens, a.weight * TYPO, a.kind) for a in kept]
            term.corrected = [suggestion]
            return True
    return False


@lru_cache(maxsize=20_000)
def _compound_cuts(spelled: str) -> tuple[tuple[str, str], ...]:
    """Where a word without umlauts may be a compound with a mistyped front: the rest a German word
    (``wordfreq``), the front none, at least four letters each."""
    if len(spelled) < 8 or not spelled.isalpha():
        return ()
    return tuple(
        (spelled[:i], spelled[i:])
        for i in range(4, len(spelled) - 3)
        if language.zipf(spelled[i:]) >= language.MIN_PART_ZIPF and language.zipf(spelled[:i]) < language.MIN_PART_ZIPF
    )


def _rest_tokens(word: str) -> set[str]:
    """The vocabulary tokens of the rests of :func:`_compound_cuts` (as a word or a compound's part)."""
    keys = {language.norm(rest) for _front, rest in _compound_cuts(language.surface(word))}
    return keys | {PART + k for k in keys}


# Counts the look-ups of _correct_compound and _correct_by_dictionary in this context (thread, request): their
# result is one office's own.
_COMPOUND_LOOKUPS: contextvars.ContextVar[list[int]] = contextvars.ContextVar("compound_lookups")


def _correct_compound(term: Term, tenant_ids: list[int] | None, known: set[str] | None = None) -> bool:
    """A typo in a compound's front part ("Alkohl|sucht"), which no whole word of the vocabulary is near: cut
    where the rest is a German word (``wordfreq``) and the front is none, and correct the front against the
    office's vocabulary (its words and compound parts: "alkohol" of "Alkohol|abhängigkeit"), one edit for a
    short front, two from eight letters on. The word is then read as corrected ("alkoholsucht"), with all
    its readings that the offices know. One statement, only for a word that nothing else matched."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from saas.directory.models import SearchWord

    if term.areas:
        return False
    cuts = [
        (front, rest)
        for front, rest in _compound_cuts(language.surface(term.word))
        if known is None or {language.norm(rest), PART + language.norm(rest)} & known
    ]
    if not cuts:
        return False
    if (counter := _COMPOUND_LOOKUPS.get(None)) is not None:
        counter[0] += 1
    shortest, longest = min(len(c[0]) for c in cuts), max(len(c[0]) for c in cuts)
    stmt = select(SearchWord.word).where(
        _office_filter(SearchWord.tenant_id, tenant_ids),
        SearchWord.length.between(shortest, longest + 3),  # "=" and up to two letters more
        SearchWord.word.like("=%"),
    )
    words = sorted({w[1:] for w in db.session.scalars(stmt.distinct())})
    best: tuple[int, int, str] | None = None  # (distance, -len(rest), corrected word)
    for front, rest in cuts:
        limit = 1 if len(front) < 8 else 2
        for fix, distance, _i in process.extract(front, words, scorer=OSA.distance, score_cutoff=limit, limit=None):
            if distance > 0 and (best is None or (distance, -len(rest), fix + rest) < best):
                best = (int(distance), -len(rest), fix + rest)
    if best is None:
        return False
    corrected = best[2]
    alternatives = _alternatives(corrected)
    known = _known({t for a in alternatives for t in a.tokens}, tenant_ids)
    kept = [a for a in alternatives if all(t in known for t in a.tokens)]
    if not kept:
        return False
    term.alternatives += [Alternative(a.tokens, a.weight * TYPO, a.kind) for a in kept]
    term.corrected = [corrected]
    return True


def _area_tokens(term: Term) -> set[str]:
    """Vocabulary tokens that tell whether the word names one of the offices' topics, and of which area, and
    whether they know the rest of a compound with a mistyped front (:func:`_rest_tokens`)."""
    key = language.norm(term.word)
    return {f"{AREA_MARK}{area}:{key}" for area in TOPIC_AREA_CODES} | _rest_tokens(term.word)


@_common_index
def _listed_spellings() -> frozenset[str]:
    from saas.directory.demo import load_topic_rows

    return frozenset(
        language.surface(words[0])
        for row in load_topic_rows()
        for phrase in [row["name"], *_search_phrases(row)]
        if len(words := language.raw_words(phrase)) == 1
    )


def _listed_spelling(part: str) -> bool:
    """Whether a compound's part is, but for an inflection ending, a one-word topic or synonym of the common
    topic list ("Angst|störung" → Angst, "Drogen|sucht" → Drogen; not "Lebens|ende" → Leben)."""
    spelled = language.surface(part)
    spellings = _listed_spellings()
    return any(spelled + ending in spellings for ending in ("", "e", "en", "n", "s")) or any(
        spelled.endswith(ending) and spelled[: -len(ending)] in spellings for ending in ("e", "en", "n", "s")
    )


@_common_index
def _concept_spellings() -> frozenset[str]:
    """:func:`_listed_spellings` of the topics that are no topic for some people (:func:`_audience_topic`)."""
    from saas.directory.demo import load_topic_rows

    return frozenset(
        language.surface(words[0])
        for row in load_topic_rows()
        if not _audience_topic(row["name"])
        for phrase in [row["name"], *_search_phrases(row)]
        if len(words := language.raw_words(phrase)) == 1
    )


def _everyday_noun(part: str) -> bool:
    """Whether a compound's part is an everyday noun that names no concept (:func:`may_ignore`: "Folge"), no word
    of grammar ("über", "unter": a prefix of the head, as in "Über|funktion")."""
    return may_ignore(part) and language.is_noun(part) and not language.is_function_word(part)


def _concept_spelling(part: str) -> bool:
    """Whether a compound's front part is, but for an inflection ending, a one-word name or search word of a topic
    that is no topic for some people (:func:`_listed_spelling`): only such a front stands for the compound as
    its fallback. "Herz" is a search word of "Herzerkrankte, Kinder" alone, so "Herz|infarkt" does not fall
    back to the children's heart groups."""
    spelled = language.surface(part)
    spellings = _concept_spellings()
    return any(spelled + ending in spellings for ending in ("", "e", "en", "n", "s")) or any(
        spelled.endswith(ending) and spelled[: -len(ending)] in spellings for ending in ("e", "en", "n", "s")
    )


def may_ignore(word: str) -> bool:
    """Whether a word no group knows may be left out of the query as filler, instead of finding nothing.

    Filler is what names no concept: a common verb, adverb or adjective ("Rauchen *aufhören*", "dringend"), a
    place ("Dortmund", which the thesaurus does not list) or an everyday noun ("Sohn", "Kinder"). A noun
    that names a thing is never filler, however common ("Selbstmord" no group has leaves "Selbstmord
    Angehöriger" empty; it does not shrink to "Angehörige" and list every group for relatives), and neither
    is a rare word (a condition no group has: "Mukoviszidose"). So whether a word is dropped depends on
    what it is, not on where its frequency falls around one cut-off: a noun of Zipf 4.01 and one of 3.99
    are treated alike.
    """
    frequency = language.zipf(word)
    if frequency < COMMON_WORD_ZIPF:
        return False
    # A common plural of a noun the thesaurus lists is that noun ("Flüchtlinge" of Flüchtling), as its rarer
    # spelling without umlauts is ("Fluechtlinge", which the thesaurus's stems find; s22-spelling).
    return frequency >= EVERYDAY_NOUN_ZIPF or not (language.is_noun(word) or language.is_noun_plural(word))


def _everyday(term: Term) -> bool:
    """A word that names no concept (:func:`may_ignore`) nor a topic ("Angst" is common, but a topic), and
    reaches none through the forms it is derived from ("trinkt" → trinken → Alkoholabhängigkeit)."""
    return not term.areas and may_ignore(term.word) and not _reaches_topic(term)


def settle_terms(
    terms: list[Term], known: set[str], tenant_ids: list[int] | None, candidates: dict[int, list[str]] | None = None
) -> tuple[list[Term], list[str], bool]:
    """Keep what the offices know of each term: ``(kept terms, ignored words, nothing can match)``.

    A known alternative stays; a word with none is corrected (from ``candidates[i]`` when the caller
    fetched them), else ignored when it is a common German word, else nothing can match.
    """
    kept: list[Term] = []
    ignored: list[str] = []
    for i, term in enumerate(terms):
        key = language.norm(term.word)
        own = frozenset() if _listed_other_lemma(term.word, key) else listed_topic_areas(key)
        term.areas = own | {area for area in TOPIC_AREA_CODES if f"{AREA_MARK}{area}:{key}" in known}
        # A topic the query's phrase names beside the word (:func:`_with_death`: someone died, the bereaved's
        # grief) is a concern of the query as much as the word's own.
        phrase_topics = [a.tokens[0] for a in term.alternatives if a.kind == FILED_TOPIC and len(a.tokens) == 1]
        term.areas |= frozenset().union(*(listed_topic_areas(k) for k in phrase_topics))
        term.exact_known = key in known
        # A word that names no topic itself means the areas of the topics its synonyms or the nouns it is
        # derived from name ("Trunksucht" ~ Alkoholismus: addiction; "Zucker" ~ Diabetes: chronic illness).
        term.meant_areas = term.areas or frozenset().union(
            *(
                listed_topic_areas(a.tokens[0])
                for a in term.alternatives
                if a.kind in ("synonym", "derived", *FALLBACK_KINDS)
                and len(a.tokens) == 1
                and not (a.kind == "synonym" and _another_words_key(term.word, a.tokens[0]))
            )
        )
        if term.meant_areas and not term.areas and _defined_by_its_parts(term.word):
            # A compound Wiktionary defines by its parts alone is a kind of its head, as German compounds are
            # ("Kriegs|trauma": durch Krieg *ausgelöstes* Trauma): it means the areas of the topics its head names
            # as well as its front's, which hid the trauma groups behind Kriegsenkel's area (s26-senses).
            term.meant_areas |= _head_topic_areas(term)
        # An everyday word matches only as typed: "Sohn" never widens to "Kind" or "Junge", "finde" to "Fund".
        # Alone in the query it is no filler, and may be a group's initials ("NA": Narcotics Anonymous, not "na").
        everyday = may_ignore(term.word) and not term.areas
        alone = len(terms) == 1
        term.alternatives = [
            a
            for a in term.alternatives
            if not (
                everyday
                and a.kind
                in (
                    "synonym",
                    "narrower",
                    "part_topic",
                    "front_topic",
                    "broader_topic",
                    "initials",
                    *GLOSS_KINDS,
                    *FALLBACK_KINDS,
                )
                and not (alone and a.kind == "initials")
            )
            and not (term.exact_known and a.kind in _HEAD_KINDS)
            and all(t in known for t in a.tokens)
        ]
        if all(a.kind == SYNONYM_TOPIC for a in term.alternatives) or everyday:
            # Read only beside a synonym's match: never the term's one reading (s23-colloquial).
            term.alternatives = [a for a in term.alternatives if a.kind != SYNONYM_TOPIC]
        if not term.alternatives:
            add_corrections(term, tenant_ids, (candidates or {}).get(i), known)
        if term.alternatives:
            kept.append(term)
        elif may_ignore(term.word) or _relative(term):
            # A relative no group names ("Oma gestorben") says who, not what: left out like an everyday noun.
            ignored.append(term.word)
        else:
            return [term], ignored, True  # a rare word no group knows: nothing can match
    if ignored and kept and all(_everyday(t) for t in kept):
        # Only everyday words would remain: no search for every group with "Kinder" in it.
        return kept, ignored, True
    if (
        kept
        and any(language.derivations(w) or language.finite_verbs(w) for w in ignored)
        and all(_person_word(t) for t in kept)
    ):
        # A verb form said what happened ("Kind *verloren*") and only the person it happened
        # to would remain: "Kind" alone would list every group with "Kinder" in its name, none about the loss.
        return kept, ignored, True
    return kept, ignored, False


@lru_cache(maxsize=2_000)
def _defined_by_its_parts(word: str) -> bool:
    """Whether German Wiktionary defines a compound noun with no noun besides its own parts (the glosses file
    leaves those out): "Kriegstrauma" → ("ausgelöst",), not "Trennungsschmerz" (… *Wahrnehmung* …)."""
    return (
        word.isalpha()
        and len(language.split_compound(word)) > 1
        and bool(language.gloss_adjectives(word))
        and not language.glosses(word)
    )


def _head_topic_areas(term: Term) -> frozenset[str]:
    """The topic areas of the topics of the common list a compound's head names (its ``part_topic`` readings)."""
    names = _listed_topic_of_keys()
    return frozenset(
        _topic_area(name) for a in term.alternatives if a.kind == "part_topic" and (name := names.get(a.tokens))
    )


def _person_word(term: Term) -> bool:
    """A noun for people ("Kind", "Sohn", "Mann"): it names at most who a group is for, never its concern."""
    return language.is_noun(term.word) and language.is_person(term.word)


# --- matching and ranking ---------------------------------------------------------------------------------


def _has(doc: str, tokens: tuple[str, ...]) -> bool:
    return all(f" {t} " in doc for t in tokens)


@dataclass
class Candidate:
    id: int
    name: str
    search_name: str
    search_topics: str
    search_text: str
    topic_area: str = ""
    score: float = 0.0  # set by rank: orders the groups of several offices, each office's order kept


@dataclass
class _Matcher:
    """A term's alternatives of some kinds, prepared once per ranking so that scoring a group costs a few set
    and substring look-ups, not a pass over every alternative (a word has up to a hundred with its synonyms,
    and a search across all offices ranks thousands of groups).

    ``single`` holds the best weight per token of the one-token alternatives, ``literal`` those that may
    match the area, audience and age words after ``ABOUT`` too, ``multi`` the alternatives of several tokens
    and ``described`` the ones that may match a description (tokens with their spaces around).
    """

    single: dict[str, float] = field(default_factory=dict)
    literal: dict[str, float] = field(default_factory=dict)
    multi: list[tuple[tuple[str, ...], float, bool]] = field(default_factory=list)
    described: list[tuple[tuple[str, ...], float]] = field(default_factory=list)
    strong: dict[tuple[str, str], float] = field(default_factory=dict)  # per (search_name, search_topics)
    fronts: set[str] = field(default_factory=set)  # a fallback's part tokens, which match only as a front part
    heads: set[str] = field(default_factory=set)  # a definition's part tokens, which match only as a head
    lemmas: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see _same_lemma_only
    nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see _noun_forms_only
    verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see _verb_forms_only


def _best(weights: dict[str, float], key: str, weight: float) -> None:
    if weight > weights.get(key, 0.0):
        weights[key] = weight


# Within one search across offices (:func:`_ranked_by_office`), the matchers of a term's alternatives by what
# they are made of, shared by the offices: each office settles and ranks its groups alone, mostly with the
# same terms, and a matcher keeps the scores of names and topics it has seen (many offices' groups have
# the same). None elsewhere: each ranking prepares its own.
_MATCHERS: contextvars.ContextVar[dict[tuple, tuple[_Matcher, _Matcher]] | None] = contextvars.ContextVar(
    "matchers", default=None
)


def _matchers(term: Term, kinds: set[str]) -> tuple[_Matcher, _Matcher]:
    """:func:`_term_matchers`, shared across the offices of one search (:data:`_MATCHERS`): a matcher
    depends on nothing but the term's word, its alternatives, its meant areas and ``kinds``."""
    shared = _MATCHERS.get()
    if shared is None:
        return _term_matchers(term, kinds)
    key = (
        term.word,
        term.meant_areas,
        frozenset(kinds),
        tuple((a.tokens, a.weight, a.kind) for a in term.alternatives),
    )
    found = shared.get(key)
    if found is None:
        found = shared[key] = _term_matchers(term, kinds)
    return found


def _term_matchers(term: Term, kinds: set[str]) -> tuple[_Matcher, _Matcher]:
    """The term's matchers for ``kinds``: for groups of the topic areas its word names (or any group when
    it names none), and for groups of other areas.

    Synonyms, fallbacks and typo corrections match names and topics only, never the description or the
    area, audience and age words after ``ABOUT`` (an office's "Belastungen" is no answer to "Stalking").
    A word that names a known topic widens through synonyms only within that topic's area.
    """
    matchers = (_Matcher(), _Matcher())
    for alt in term.alternatives:
        if alt.kind not in kinds:
            continue
        in_area_only = (
            alt.kind
            in (
                "synonym",
                "topic",
                "narrower",
                "part_topic",
                "front_topic",
                "broader_topic",
                PHRASE_VERB,
                *GLOSS_KINDS,
                FILED_TOPIC,
            )
            and bool(term.meant_areas)
            and not _named_topic_reading(term, alt)
        ) or (
            # A compound's front standing for it, matched as another compound's part, reaches a sibling compound
            # ("Sucht|druck" → "Mager|sucht" of an eating-disorder group): as loose as a synonym, it widens only
            # within the areas the word means (s22-floods). As a whole word it matches in any area.
            alt.kind == "fallback" and bool(term.meant_areas) and any(t.startswith(PART) for t in alt.tokens)
        )
        literal = alt.kind in LITERAL_KINDS or _names_area(term, alt)
        # A typo correction (only for a word that matches nothing as typed) reads the word as meant, and a
        # compound's front part stands for it where it names a topic: they may match a description too
        # ("Autimus" → a group "im Autismus-Spektrum", "Angststörung" → "... Angst vor der Angst"). Not the
        # front of a compound with a common head (kind ``head``), which is a word of the topic list's compounds
        # only: in a description it is the everyday word ("Wechsel|jahre" is no bipolar group's "Wechsel"). The
        # front before an everyday head (kind ``front``) is no everyday word: "Suizid|versuch" is about any Suizid.
        described = literal or alt.kind in ("typo", "fallback", "front")
        for matcher in matchers[:1] if in_area_only else matchers:
            if len(alt.tokens) == 1:
                _best(matcher.single, alt.tokens[0], alt.weight)
                if literal:
                    _best(matcher.literal, alt.tokens[0], alt.weight)
            else:
                matcher.multi.append((alt.tokens, alt.weight, literal))
            if described:
                matcher.described.append((tuple(f" {t} " for t in alt.tokens), alt.weight))
    # A compound's front part that stands for it matches another compound's part only where it is that
    # compound's front too ("Angst|erkrankungen"), never its head, when the compound's head is a part of the
    # topic list's words, a kind of condition: a "Verlust|angst" is a kind of Angst, not of Angst|störung
    # (:func:`_front_only`). A head such as "Beratung" is about the whole front: "Spiel|sucht" is Sucht|beratung's.
    head = language.split_compound(term.word)[-1] if " " not in term.word else ""
    condition = bool(head) and language.surface(head) in _listed_parts()
    fronts = {
        a.tokens[0] for a in term.alternatives if condition and a.kind == "fallback" and a.tokens[0].startswith(PART)
    }
    synonym_parts = _synonym_parts(term)
    others = {a.tokens[0] for a in term.alternatives if a.kind != "fallback" and len(a.tokens) == 1} - synonym_parts
    lemmas = _with_synonym_lemmas(_query_lemmas(term.word), term)
    nouns = _synonym_nouns(term, kinds)
    verbs = _synonym_verbs(term, kinds)
    heads = _gloss_heads(term)
    not_gloss = {a.tokens[0] for a in term.alternatives if a.kind not in GLOSS_KINDS and len(a.tokens) == 1}
    for matcher in matchers:
        matcher.fronts = {t for t in (fronts | synonym_parts) - others if t in matcher.single}
        matcher.heads = {t for t in heads - not_gloss if t in matcher.single}
        matcher.lemmas = lemmas
        matcher.nouns = nouns
        matcher.verbs = verbs
    return matchers


@_common_index
def _area_name_keys() -> frozenset[str]:
    """Search keys of the topic areas named by one word ("Sucht", "Behinderungen"), as documents have them
    after ``ABOUT``."""
    from saas.directory.models import TOPIC_AREAS

    return frozenset(language.norm(w[0]) for name in TOPIC_AREAS.values() if len(w := language.raw_words(name)) == 1)


def _names_area(term: Term, alt: Alternative) -> bool:
    """Whether an alternative is a topic of the common list named like a topic area that the very word names as
    a search word of it (:func:`_word_topics`; issue #14, round 8): the topic Sucht is the whole addiction
    area, so "Abhängigkeit", a search word of Sucht, finds every group of the area by the area's word, as
    "Sucht" does, gambling and smoking groups too. Not a kind of it ("Kaufsucht" is no answer for every
    addiction group)."""
    if alt.kind == "fallback" and len(alt.tokens) == 1 and alt.tokens[0] in _area_name_keys():
        # A compound's front standing for it, where it is the area's word ("Sucht|druck"), reads as the word typed
        # does: every group of the area, the smoking group too (s30-kind).
        return True
    return (
        alt.kind in ("topic", FILED_TOPIC)
        and len(alt.tokens) == 1
        and alt.tokens[0] in _area_name_keys()
        and alt.tokens in _word_topics(term.word)
    )


def _named_topic_reading(term: Term, alt: Alternative) -> bool:
    """Whether an alternative is a topic of the common list that the word itself names (kind ``topic`` or
    :data:`FILED_TOPIC`): it matches a group filed under that topic whatever the group's own topic area, after
    the groups of the word's areas (issue #14, round 8). "Tod" names Trauer (social): the suicide-bereaved
    group filed under Trauer and Suizid (mental health) answers it too; "Abnehmen" names Übergewicht, and the
    eating-disorder group filed under Übergewicht does. A synonym stays within the areas: a loose sense of a
    word never reaches another area ("Trauer" ~ Niedergeschlagenheit)."""
    return (
        alt.kind == FILED_TOPIC
        or (alt.kind == "topic" and alt.tokens in _named_topic_tokens(term.word))
        or (alt.kind == "front_topic" and alt.tokens in _front_named_topic_tokens(term.word))
    )


@lru_cache(maxsize=20_000)
def _named_topic_tokens(word: str) -> frozenset[tuple[str, ...]]:
    """The keys of the topics a word names (:func:`named_topics`), as its ``topic`` alternatives have them; not
    a topic the search relates the word to from the groups it found ("Kindes" in a description of a grief
    group for parents is no word for every "Eltern" topic), nor a word for people's."""
    if " " in word or language.is_person(word):
        return frozenset()  # a person says who, not what ("Kindes": the topic Eltern)
    return frozenset(_topic_alternative(name).tokens for name in named_topics(word))


@lru_cache(maxsize=20_000)
def _front_named_topic_tokens(word: str) -> frozenset[tuple[str, ...]]:
    """The key of the topic a compound's front (hunspell-de-de's split) names, where it names exactly one topic of
    the common list (:func:`named_topics`, not loosely; s28-events): the compound is about what its front names as
    the front typed is, so that topic's groups answer it whatever their own topic area, as the front's do (see
    :func:`_named_topic_reading`). "Todes|fall" → Trauer: the suicide-bereaved group filed under Trauer and Suizid
    (mental health) too; "Pflege|fall" → Pflegende Angehörige: the caregivers' group filed under Demenz. A front
    that names several topics says less which one the compound means, and stays within its areas (with it,
    held-out-9's precision@5 fell 0.561 → 0.556). Not a front for people, nor an everyday one."""
    if " " in word or not word.isalpha():
        return frozenset()
    parts = language.split_compound(word)
    if len(parts) < 2 or language.is_person(parts[0]) or may_ignore(parts[0]):
        return frozenset()
    names = named_topics(parts[0], loose=False)
    if len(names) != 1:
        return frozenset()
    return frozenset([_topic_alternative(names[0]).tokens])


def _synonym_parts(term: Term) -> set[str]:
    """The compound-part tokens of a word's synonyms, which match only as a compound's front (issue #14, round
    8; :func:`_front_only`): a compound is a kind of its head, and a kind of a synonym is two loose steps from
    the word ("Entzug" ~ Ausfall is no "Haar|ausfall", "Manie" ~ Sucht no "Mager|sucht"); a synonym in front
    still says what the compound is about ("Pillen" ~ Tabletten: "Tabletten|frei leben")."""
    return {a.tokens[0] for a in term.alternatives if a.kind == "synonym" and a.tokens[0].startswith(PART)}


@lru_cache(maxsize=20_000)
def _query_lemmas(phrase: str) -> dict[str, tuple[str, ...]]:
    """The search keys of a query's words and their compound parts that Snowball gives words of several lemmas
    (:func:`language.homograph_key`: "Leber", "Leben" → leb), with the words that have them."""
    found: dict[str, list[str]] = {}
    for word in phrase.split():
        parts = language.split_compound(word) if word.isalpha() else (word,)
        written = [word]
        position = 0
        for part, following in itertools.pairwise(parts):
            # A front part as written, with its linking element: "Magen|verkleinerung" → "magen", not "mag".
            start = word.find(following, position + len(part))
            written.append(word[position:start] if start > position else part)
            position = max(start, position)
        written.append(parts[-1])
        for part in dict.fromkeys(written):
            if language.homograph_key(part):
                found.setdefault(language.norm(part), []).append(part)
    return {key: tuple(words) for key, words in found.items()}


def _with_synonym_lemmas(lemmas: dict[str, tuple[str, ...]], term: Term) -> dict[str, tuple[str, ...]]:
    """``lemmas`` (:func:`_query_lemmas`) with the synonyms of a one-word term whose search key Snowball gives
    words of several lemmas (:func:`language.homograph_key`): a synonym matches a document's word of its own
    lemma only ("Baby" ~ Liebste is no "Liebes|sucht", both lieb)."""
    found = _synonym_lemmas(term.word) if " " not in term.word else {}
    if not found:
        return lemmas
    keys = {a.tokens[0].removeprefix(PART) for a in term.alternatives if a.kind == "synonym" and len(a.tokens) == 1}
    merged = dict(lemmas)
    for key, words in found.items():
        if key in keys:
            merged[key] = merged.get(key, ()) + words
    return merged


@lru_cache(maxsize=20_000)
def _synonym_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The search keys of a word's synonyms (:func:`language.synonyms`) that Snowball gives words of several
    lemmas, with the synonyms that have them."""
    found: dict[str, list[str]] = {}
    for synonym in language.synonyms(word) if word.isalpha() else ():
        if language.homograph_key(synonym):
            found.setdefault(language.norm(synonym), []).append(synonym)
    return {key: tuple(words) for key, words in found.items()}


def _synonym_nouns(term: Term, kinds: set[str]) -> dict[str, tuple[str, ...]]:
    """The keys that only a one-word term's noun synonyms give it (no other reading of the word has them), with
    those synonyms (issue #14, s21-demo; :func:`_noun_forms_only`). Not a person noun's: its key joins the
    condition it is named for by design ("Alkoholiker", Alkohol; "Drogenabhängiger", Drogenabhängigkeit)."""
    return _synonym_keys_alone(term, kinds, _noun_synonyms)


def _synonym_keys_alone(
    term: Term, kinds: set[str], by_key: Callable[[str], dict[str, tuple[str, ...]]]
) -> dict[str, tuple[str, ...]]:
    """Of ``by_key(word)`` (a kind of the word's synonyms by their search key) the keys that only the one-word
    term's synonyms give it, no other reading of the word (:func:`_synonym_nouns`, :func:`_synonym_verbs`)."""
    if "synonym" not in kinds or " " in term.word:
        return {}
    keys = {a.tokens[0].removeprefix(PART) for a in term.alternatives if a.kind == "synonym" and len(a.tokens) == 1}
    if not keys:
        return {}
    others = {
        t.removeprefix(PART) for a in term.alternatives if a.kind != "synonym" and a.kind in kinds for t in a.tokens
    }
    return {key: words for key, words in by_key(term.word).items() if key in keys and key not in others}


@lru_cache(maxsize=20_000)
def _noun_synonyms(word: str) -> dict[str, tuple[str, ...]]:
    """The search keys of a word's synonyms that are nouns and no person's (:func:`_synonym_nouns`), with them."""
    found: dict[str, list[str]] = {}
    for synonym in _concept_synonyms(word):
        if synonym[:1].isupper() and not language.is_person(synonym):
            found.setdefault(language.norm(synonym), []).append(synonym)
    return {key: tuple(words) for key, words in found.items()}


def _synonym_verbs(term: Term, kinds: set[str]) -> dict[str, tuple[str, ...]]:
    """The keys that only a one-word term's verb synonyms give it (:func:`_verb_synonyms`; no other reading of the
    word has them), with those verbs (s33-precision; :func:`_verb_forms_only`)."""
    return _synonym_keys_alone(term, kinds, _verb_synonyms)


@lru_cache(maxsize=20_000)
def _verb_synonyms(word: str) -> dict[str, tuple[str, ...]]:
    """The search keys of a word's synonyms that it shares only in sets of verbs (every word of each set they
    share is a verb of the dictionary), with those synonyms: "entstehen" ~ erwachsen (*to arise*: aufkommen,
    bilden, ergeben), whose key is that of the adults' "Erwachsene"."""
    found: dict[str, list[str]] = {}
    own = set(language.infinitives(word)) if word.isalpha() else set()
    for synonym in _read_synonyms(word)[0] if word.isalpha() else ():
        # Not the word's own verb ("hört" ~ hören, whose set it shares by its infinitive).
        if synonym.islower() and synonym not in own and language.verb_sense_only(word, synonym):
            found.setdefault(language.norm(synonym), []).append(synonym)
    return {key: tuple(words) for key, words in found.items()}


def _forms_only(m: _Matcher, tokens: set[str]) -> set[str]:
    """``tokens`` after :func:`_noun_forms_only` and :func:`_verb_forms_only`."""
    return _verb_forms_only(m, _noun_forms_only(m, tokens))


def _verb_forms_only(m: _Matcher, tokens: set[str]) -> set[str]:
    """``tokens`` without the keys of the word's verb synonyms (:func:`_synonym_verbs`) that the document has only
    from words that are no form of such a verb (:func:`language.infinitives`; s33-precision): a synonym in the
    sense of a verb is one step from the word, and another word of its key a second one, to another concept
    ("entstehen" ~ erwachsen, *to arise*, is no "ADHS bei Erwachsenen"). A verb's own forms stay ("trinken",
    "getrunken")."""
    return _keys_spelled_by(tokens, m.verbs, _form_of_verb)


def _form_of_verb(verb: str, spelled: str) -> bool:
    """Whether a document's word is a form of ``verb``, or a compound whose head is one ("Stimmen|hören")."""
    head = language.split_compound(spelled)[-1] if spelled.isalpha() else spelled
    return verb in language.infinitives(spelled) or verb in language.infinitives(head)


def _another_words_key(word: str, key: str) -> bool:
    """Whether a key of a word's noun synonyms (:func:`_noun_synonyms`) names topics of the common list only by
    words that are no form of them ("Arbeitsstelle" ~ Position names no AIDS / HIV by its search word "positiv"),
    so that it says nothing of the topic area the word means (see :func:`settle_terms`)."""
    synonyms = _noun_synonyms(word).get(key, ())
    listed = _listed_words_by_key().get(key, frozenset())
    return bool(synonyms and listed) and not any(language.noun_form(w, s) for w in listed for s in synonyms)


def _noun_forms_only(m: _Matcher, tokens: set[str]) -> set[str]:
    """``tokens`` without the keys of the word's noun synonyms that the document has only from words that are
    no form of such a synonym (:func:`language.noun_form`; issue #14, s21-demo): a synonym is one step from the
    word already, and another word of its Snowball key a second one, to another concept ("Arbeitsplatz" ~
    Posten, Position is no "Post-Covid", no "HIV, positiv"; "Knie" ~ Fase no "FAS"). Where the document spells
    no word of the key (an abbreviation's initials), the key stays."""
    return _keys_spelled_by(tokens, m.nouns, lambda synonym, spelled: language.noun_form(spelled, synonym))


def _same_lemma_only(m: _Matcher, tokens: set[str]) -> set[str]:
    """``tokens`` without the keys of the query's words that the document has only from words of another lemma
    (:func:`language.same_lemma`): "Leber" finds no "Leben", "Magen|verkleinerung" no "Mager|sucht". The
    document's spellings ("=leben") tell which words gave it the key."""
    return _keys_spelled_by(tokens, m.lemmas, language.same_lemma)


def _keys_spelled_by(
    tokens: set[str], words_of_key: dict[str, tuple[str, ...]], agree: Callable[[str, str], bool]
) -> set[str]:
    """``tokens`` without each key of ``words_of_key`` (a search key → the query side's words of it) that the
    document has only from spellings ("=word" tokens) none of those words ``agree(word, spelled)`` with; a key
    the document spells no word of stays."""
    if not words_of_key:
        return tokens
    blocked: set[str] = set()
    for key, words in words_of_key.items():
        if key in tokens or PART + key in tokens:
            spelled = [t[1:] for t in tokens if t[:1] == "=" and language.norm(t[1:]) == key]
            if spelled and not any(agree(w, s) for w in words for s in spelled):
                blocked |= {key, PART + key}
    return tokens - blocked if blocked else tokens


def _front_only(m: _Matcher, tokens: set[str]) -> set[str]:
    """``tokens`` without the fallback's part tokens that are no front of a compound among them: one whose
    spelling ("=angsterkrankungen") begins with the part's key and is longer by more than an ending."""
    if not m.fronts:
        return tokens
    blocked = set()
    for token in m.fronts & tokens:
        key = token.removeprefix(PART)
        if not any(t.startswith("=" + key) and len(t) > len(key) + 4 for t in tokens):
            blocked.add(token)
    return tokens - blocked


def _gloss_heads(term: Term) -> set[str]:
    """The compound-part tokens of a word's readings by its definitions (:func:`_gloss_kinds_of_topic`), which
    match only as a compound's head (:func:`_head_only`)."""
    return {a.tokens[0] for a in term.alternatives if a.kind in GLOSS_KINDS and a.tokens[0].startswith(PART)}


def _head_only(m: _Matcher, tokens: set[str]) -> set[str]:
    """``tokens`` without the definition's part tokens that are no head of a compound among them: one whose key
    (by its spelling, "=darmkrebs" → darmkreb) ends with the part's key and is longer than it."""
    if not m.heads:
        return tokens
    blocked = set()
    for token in m.heads & tokens:
        key = token.removeprefix(PART)
        if not any(
            t[:1] == "=" and len(t) > len(key) + 3 and (n := language.norm(t[1:])).endswith(key) and n != key
            for t in tokens
        ):
            blocked.add(token)
    return tokens - blocked


def _strong_score(m: _Matcher, c: Candidate) -> float:
    """Best weight of a term's alternative in the group's name or topics (0 = none)."""
    name = _forms_only(m, _same_lemma_only(m, _head_only(m, _front_only(m, set(c.search_name.split())))))
    topics_part, _sep, about_part = c.search_topics.partition(ABOUT)
    topics = _forms_only(m, _same_lemma_only(m, _head_only(m, _front_only(m, set(topics_part.split()) | name))))
    about = _same_lemma_only(m, set(about_part.split()))
    single = m.single
    best = max((single[t] * NAME for t in name if t in single), default=0.0)
    best = max(best, max((single[t] * TOPICS for t in topics if t in single), default=0.0))
    best = max(best, max((m.literal[t] * ABOUT_AREA for t in about if t in m.literal), default=0.0))
    for tokens, weight, is_literal in m.multi:
        if all(t in name for t in tokens):
            best = max(best, weight * NAME)
        elif all(t in topics for t in tokens):
            best = max(best, weight * TOPICS)
        elif all(t in topics or (is_literal and t in about) for t in tokens):
            best = max(best, weight * ABOUT_AREA)
    m.strong[(c.search_name, c.search_topics)] = best
    return best


def _score_term(term: Term, matchers: tuple[_Matcher, _Matcher], c: Candidate) -> tuple[float, bool]:
    """Best weight of a term in a group and whether it matched in name or topics (0 = no match): an
    alternative's weight times where it matches first (name, topics, description); a match in name or
    topics always outweighs one in the description. Name and topics are scored once per ranking for all
    groups with the same documents."""
    m = matchers[1] if term.meant_areas and c.topic_area not in term.meant_areas else matchers[0]
    strong = m.strong.get((c.search_name, c.search_topics))
    if strong is None:
        strong = _strong_score(m, c)
    if strong:
        return strong, True
    best, text = 0.0, c.search_text
    if m.lemmas:
        text = " " + " ".join(_same_lemma_only(m, set(text.split()))) + " "
    for tokens, weight in m.described:
        score = weight * TEXT
        if score > best and all(t in text for t in tokens):
            best = score
    return best, False


def _colloquial(term: Term) -> bool:
    """A word that is no noun, names no topic and is no derived form, but reaches a topic (see :func:`rank`).
    Not a phrase: its words, where a group has them, are the nearest reading ("pflegende Angehörige")."""
    kinds = {a.kind for a in term.alternatives}
    return (
        " " not in term.word
        and not term.areas
        and "topic" in kinds
        and "derived" not in kinds
        and not language.is_noun(term.word)
    )


def rank(terms: list[Term], candidates: list[Candidate], alone: bool = False) -> list[Candidate]:
    """The groups a query finds, best first (see the module's rules); ``alone``: the query is one word."""
    if not candidates:
        return []
    all_kinds = {
        *LITERAL_KINDS,
        *FALLBACK_KINDS,
        "synonym",
        "topic",
        "typo",
        "narrower",
        "part_topic",
        "front_topic",
        "initials",
        PHRASE_VERB,
        FILED_TOPIC,  # only a phrase's topic has it before a reading is chosen (:func:`_with_death`)
    }
    by_words = {*LITERAL_KINDS, *FALLBACK_KINDS, "typo"}
    matchers_of: dict[int, tuple[_Matcher, _Matcher]] = {}
    # Per term, the matchers that tell whether a description match is by the words typed; None where every
    # alternative the term matches with is such a one.
    literal_matchers: dict[int, tuple[_Matcher, _Matcher] | None] = {}
    dropped: dict[int, set[int]] = {}  # per term, groups its reading does not list (see _unlike_the_part_alone)
    terms = list(terms)
    for i, term in enumerate(terms):
        # The nearest reading that some group has in its name or topics, and only it: the word as typed,
        # else the nouns it is derived from ("Rheumatiker" → Rheuma, not also the topics the list relates to
        # Rheuma), else synonyms, topics of the list and fallbacks.
        # A colloquial verb or adjective that names no topic itself and is derived from no noun, but stands for
        # a topic through its synonyms ("zocken" ~ spielen → Glücksspiel), reads as that topic as near as the
        # word: a group named "Zocken ade" does not hide the gambling groups that never say "zocken".
        first = {"exact", "compound", "narrower"}
        if _colloquial(term) or _names_topic_only(term, candidates):
            first.add("topic")
        # What a compound's parts name comes last: its synonyms and fallbacks are nearer ("Medikamenten|sucht"
        # ~ Medikamentenabhängigkeit, not every group of the topic Sucht).
        # What the whole word stands for (its synonyms, the topics it names) is nearer than a reading of a part
        # that names no topic of the common list: "Kinderlähmung" ~ Polio is no "Kinder" group, "Anfallsleiden"
        # ~ Epilepsie no "Schlag|anfall" (but "Trauer|fall" stays Trauer, "Angst|störung" Angst).
        # A word that groups have only as the head of a longer word's part ("behindert" in "Seh|behinderten")
        # reads its derived nouns as near as the word, and that part after them (s35-parts).
        # Only a query of the one word: beside other words, even everyday ones left out ("Kind"), the part's
        # groups may be what is asked.
        by_head_part = alone and _head_part_hits_only(term, first, candidates)
        if by_head_part:
            terms[i] = term = _with_parts_lowered(term)
        for nearest in _levels(term, first, all_kinds):
            if by_head_part and nearest == first:
                continue
            by_part, nearest = HEAD_WORD in nearest, nearest - {HEAD_WORD}
            nearest_matchers = _matchers(term, nearest - {"narrower"})  # a kind of the word never chooses
            unlike: set[int] = set()
            if by_part:
                # What a compound's head or front names, as far as that part alone lists it (s32-heads).
                hits = [c for c in candidates if _score_term(term, nearest_matchers, c)[1]]
                unlike = _unlike_the_part_alone(term, nearest, hits, candidates) if hits else set()
                if not unlike and nearest == all_kinds:
                    continue  # the last reading, as below
                found = bool(hits)
            else:
                found = any(_score_term(term, nearest_matchers, c)[1] for c in candidates)
            if found:
                reading = _with_filed_topics(term, nearest, nearest_matchers, candidates)
                matchers_of[i] = _matchers(reading, nearest | {"typo", FILED_TOPIC})
                literal_matchers[i] = _matchers(term, by_words) if nearest == all_kinds else None
                if unlike:
                    dropped[i] = unlike
                break
        else:
            # What a compound's head names is only for a word no group has as typed, not even in a description
            # ("Kaufsucht" in a description is no "Sucht" topic).
            as_typed = _matchers(term, {"exact"})
            typed = any(_score_term(term, as_typed, c)[0] for c in candidates) if _has_part_topic(term) else False
            kinds = all_kinds - {"part_topic"} if typed else all_kinds
            # What a noun's broader term names is the last reading: only where no other finds any group.
            if _has_kind(term, "broader_topic") and not any(
                _score_term(term, _matchers(term, kinds), c)[0] for c in candidates
            ):
                kinds = kinds | {"broader_topic"}
            # What its definitions name comes after that: only where nothing else finds any group.
            kinds = _gloss_kinds(term, kinds, candidates)
            matchers_of[i] = _matchers(term, kinds)
            literal_matchers[i] = _matchers(term, by_words)
    order = _order_by(terms)
    strong_hits: list[tuple[float, Candidate]] = []
    weak_hits: list[tuple[float, Candidate]] = []
    literal_weak: list[tuple[float, Candidate]] = []
    for c in candidates:
        total, all_strong, literal = 0.0, True, True
        for i, term in enumerate(terms):
            score, strong = _score_term(term, matchers_of[i], c)
            if not score or c.id in dropped.get(i, ()):
                break
            if term.meant_areas and c.topic_area not in term.meant_areas:
                score *= OUTSIDE_AREA
            total += score
            all_strong = all_strong and strong
            if not strong and literal and (words := literal_matchers[i]) is not None:
                literal = _score_term(term, words, c)[0] > 0
        else:
            c.score = total
            if all_strong:
                strong_hits.append((total, c))
            else:
                weak_hits.append((total, c))
                if literal:
                    literal_weak.append((total, c))
    # With matches in names or topics, a description counts only with the very words typed, and only in a
    # group about the same topic as a group found by name or topic: a group about another concept that
    # mentions the word ("Angst" group: "... auch mit ADHS") is no answer. They come after all of those.
    if not strong_hits:
        return [c for _score, c in sorted(weak_hits, key=order)]
    if not literal_weak:
        return [c for _score, c in sorted(strong_hits, key=order)]
    concepts = set().union(*(_topic_keys(topics) for topics in {c.search_topics for _score, c in strong_hits}))
    for term in terms:
        for alt in term.alternatives:
            if alt.kind in (*LITERAL_KINDS, *FALLBACK_KINDS, "typo"):
                for token in alt.tokens:
                    key = language.norm(token.removeprefix(PART).removeprefix("="))
                    # A word for people among a topic's words says whom it concerns, not what it is about
                    # ("Männer" of Prostatakrebs: no men's query is about it; s21-heads).
                    if not language.is_person(key):
                        concepts |= related_topic_keys(key)
    same = [
        h for h in literal_weak if _topic_keys(h[1].search_topics) & concepts or not _topic_keys(h[1].search_topics)
    ]
    return [c for _score, c in sorted(strong_hits, key=order) + sorted(same, key=order)]


def _condition_noun_readings(terms: list[Term], ranked: list[Candidate]) -> list[Candidate]:
    """A noun that names a condition's topic by the common topic list ("Alkoholiker", "Alkoholismus" →
    Alkoholabhängigkeit; also as a typo's correction) reads that topic, and lists no group of another topic
    area that it matched only through Snowball's key of the substance in another topic's name or a description:
    "Alkoholiker" has the key of "Alkohol", the front of "Fetales Alkohol-Syndrom", yet the foster parents of
    such children are no answer to an addicted person or their relatives (issue #14). "Alkohol" itself, a word
    of that topic's name, keeps them."""
    for term in terms:
        names = tuple(dict.fromkeys(n for w in [term.word, *term.corrected] for n in _condition_topics(w)))
        by_definition = not names and " " not in term.word
        if by_definition:
            # A word read by its definition reads the topics its genus names ("Quartalssäufer": *Alkohol* →
            # Alkoholabhängigkeit), where nothing else has the word itself (s21-demo).
            names = _gloss_condition_topics(term.word)
        if not names and _has_kind(term, "front_topic"):
            names = _front_condition_topics(term.word)
        if not names:
            continue
        areas = {_topic_area(name) for name in names} - {""}
        keys = {language.norm(w) for name in names for w in language.raw_words(name)}
        # A group whose topics spell the word itself is its answer too: a topic the office names by the word
        # ("Angst", where the common list says "Angsterkrankungen"), also without a topic area.
        spelled = {"=" + language.surface(w) for w in [term.word, *term.corrected]}
        kept = [
            c
            for c in ranked
            if c.topic_area in areas
            or _topic_keys(c.search_topics) & keys
            or spelled & set(c.search_topics.partition(ABOUT)[0].split())
            or (by_definition and _in_name_or_topic(term, c))
        ]
        # Not where that keeps nothing of what the word's own forms find among the groups' topics: "raucht" finds
        # "Rauchfrei werden" (topic Nichtraucher) by its derived noun Rauch, whose definition of another sense
        # (rauch: behaart … *Haar*) is no reading of it (s35-parts).
        ranked = kept if kept or not by_definition or not _topic_found_by_forms(term, ranked) else ranked
    return ranked


def _topic_found_by_forms(term: Term, ranked: list[Candidate]) -> bool:
    """Whether the word as typed, its compound parts or the nouns it is derived from (:data:`LITERAL_KINDS`) match
    the topics of one of the groups ``ranked`` (not only its name or description)."""
    forms = Term(term.word, [a for a in term.alternatives if a.kind in LITERAL_KINDS])
    forms.meant_areas = term.meant_areas
    if not forms.alternatives:
        return False
    matchers = _matchers(forms, set(LITERAL_KINDS))
    return any(
        _score_term(forms, matchers, dataclasses.replace(c, search_name=" ", search_text=" "))[1] for c in ranked
    )


def _person_compound_readings(terms: list[Term], ranked: list[Candidate]) -> list[Candidate]:
    """A word that names topics of the common list (itself, or a compound by its front: "Pflege",
    "Pflege|heim" → Pflegende Angehörige) lists no group that it matches only as the front of its topics'
    compounds for people (s21-heads): "Pflege|eltern" are parents of a kind, not care, so the foster parents'
    groups are no answer to "Vater im Pflegeheim". The front of a compound whose head is a person word says
    which people; the compound has a meaning of its own. Not for a word whose own head is a word for people
    (:func:`_person_compound`: "Pflegemutter", "Pflegekind" are of the foster family; "Pflegefall" is not), nor
    for a group with a topic the word names, or the word as a whole word in its name or topics, or another
    reading of it."""
    for term in terms:
        named = [a.tokens for a in term.alternatives if a.kind in ("topic", "front_topic")]
        keys = {
            a.tokens[0].removeprefix(PART)
            for a in term.alternatives
            if a.kind in ("exact", "fallback") and len(a.tokens) == 1
        }
        if not named or not keys or " " in term.word or _person_compound(term.word):
            continue
        parts = {PART + k for k in keys}
        rest = Term(term.word, [a for a in term.alternatives if not set(a.tokens) & (parts | keys)])
        rest.areas, rest.meant_areas = term.areas, term.meant_areas
        others: tuple[_Matcher, _Matcher] | None = None
        kept: list[Candidate] = []
        for c in ranked:
            topics = c.search_topics.partition(ABOUT)[0]
            if (
                any(_has(topics, tokens) for tokens in named)
                or keys & set(topics.split())
                or keys & _whole_name_keys(c.name)
                or not _person_compounds_only(keys, topics)
            ):
                kept.append(c)
                continue
            if others is None:  # built only for a group that the rule may drop
                others = _term_matchers(rest, {a.kind for a in rest.alternatives})
            if _score_term(rest, others, c)[0]:
                kept.append(c)
        ranked = kept
    return ranked


def _person_compound(word: str) -> bool:
    """Whether a word is itself a word for people by its head ("Pflege|mutter", "Pflege|kind"; not "Pflege|fall",
    a person only as a case of care), or a word for people that is no compound."""
    parts = language.split_compound(word) if word.isalpha() else (word,)
    return language.is_person(parts[-1]) if len(parts) > 1 else language.is_person(word)


def _person_compounds_only(keys: set[str], topics: str) -> bool:
    """Whether every compound of a group's topics with one of ``keys`` in front is a topic of the common list of
    its own whose head is a word for people ("Pflege|eltern"), and there is one."""
    found = False
    listed = _listed_topic_names()
    for spelled in (w[1:] for w in topics.split() if w[:1] == "="):
        parts = language.split_compound(spelled)
        if len(parts) > 1 and language.norm(parts[0]) in keys:
            if not language.is_person(parts[-1]) or language.norm(spelled) not in listed:
                return False
            found = True
    return found


@_common_index
def _listed_topics_by_tokens() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The keys of each topic name of the common list (:func:`_topic_alternative`) → those topics."""
    from saas.directory.demo import load_topic_rows

    found: dict[tuple[str, ...], list[str]] = {}
    for row in load_topic_rows():
        found.setdefault(_topic_alternative(row["name"]).tokens, []).append(row["name"])
    return {tokens: tuple(names) for tokens, names in found.items()}


@lru_cache(maxsize=4096)
def _gloss_condition_topics(word: str) -> tuple[str, ...]:
    """The topics of the common list that a word's readings by its definitions name (:func:`gloss_alternatives`),
    where all of them lie in one topic area of conditions, as :func:`_condition_topics` (issue #14, s21-demo):
    "Quartalssäufer" (… *Alkohol* …) → Alkoholabhängigkeit. By every sense, an everyday word's too
    (:func:`_gloss_readings`): as a filter they keep "Wurst" (… *Darm*) from the group that its synonym of
    another sense (Versager) finds."""
    if not word.isalpha():
        return ()
    topics = _listed_topics_by_tokens()
    names = sorted({n for a in _gloss_readings(word) for n in topics.get(a.tokens, ())})
    if not names or len({_topic_area(name) for name in names}) != 1 or _topic_area(names[0]) in ("", "social"):
        return ()
    return tuple(names)


@_common_index
def _topic_name_spellings() -> frozenset[str]:
    """Every word of a topic name of the common list, as spelt (lower case)."""
    from saas.directory.demo import load_topic_rows

    return frozenset(language.surface(w) for row in load_topic_rows() for w in language.raw_words(row["name"]))


@lru_cache(maxsize=4096)
def _condition_topics(word: str) -> tuple[str, ...]:
    """The topics of the common list a noun names (not loosely), where all of them lie in one topic area of
    conditions (not the social area: "Familie" → Eltern names who, not a concern). Not a person noun derived
    from no noun ("Vater"), nor a word of a topic's name as spelt ("Alkohol", in "Fetales Alkohol-Syndrom")."""
    if not word.isalpha() or not language.is_noun(word):
        return ()
    if language.is_person(word) and not language.derivations(word):
        return ()
    if language.surface(word) in _topic_name_spellings():
        return ()
    names = named_topics(word, loose=False)
    if not names or len({_topic_area(name) for name in names}) != 1 or _topic_area(names[0]) in ("", "social"):
        return ()
    return names


@lru_cache(maxsize=4096)
def _front_condition_topics(word: str) -> tuple[str, ...]:
    """The topics of the common list that a compound's front part names (not loosely), where all of them lie in
    one topic area of conditions (s21-heads): "Alkohol|kranker", "Alkohol|problem" → Alkoholabhängigkeit. The
    compound says what the front does to someone; the front typed alone may mean the substance itself
    ("Alkohol" keeps the FASD group, :func:`_condition_topics`), the compound does not. Not for a front that is a
    word for people."""
    if not word.isalpha():
        return ()
    parts = language.split_compound(word)
    if len(parts) < 2 or language.is_person(parts[0]) or not language.is_noun(parts[0]):
        return ()
    names = named_topics(parts[0], loose=False)
    if not names or len({_topic_area(name) for name in names}) != 1 or _topic_area(names[0]) in ("", "social"):
        return ()
    return names


def _names_topic_only(term: Term, candidates: list[Candidate]) -> bool:
    """Whether a one-word term is a search word of a topic of the common list (:func:`_word_topics`) that no
    group has as a whole word in its name (issue #14): then the topic it names is as near as the word, and the
    groups whose names have it only as a compound part ("Pflege|eltern") do not hide the groups filed under the
    topic ("Pflege" → Pflegende Angehörige). A word some group is named by ("Rheuma", "Schlaganfall") keeps
    its own groups first."""
    if " " in term.word or not _word_topics(term.word):
        return False
    exact = [a.tokens for a in term.alternatives if a.kind == "exact"]
    return bool(exact) and not any(
        all(t in _whole_name_keys(c.name) for t in tokens) for tokens in exact for c in candidates
    )


@lru_cache(maxsize=20_000)
def _whole_name_keys(name: str) -> frozenset[str]:
    """The keys of a group name's words as wholes, without their compound parts; a front part standing for a
    compound with a dash ("Pflege- und Adoptiv|familien") is no whole word."""
    return frozenset(document(_ELIDED_FRONT.sub(" ", name), compound_parts=False).split())


_ELIDED_FRONT = re.compile(r"\w+-(?=[\s,]|$)")


def _head_part_hits_only(term: Term, first: set[str], candidates: list[Candidate]) -> bool:
    """Whether the groups a word finds at its nearest reading (``first``) all have it only as a compound's part,
    and each in its name as the head of the parts before it ("behindert" in "Seh|behinderten|verein": a
    Sehbehinderung is a kind of Behinderung), while no group has the word whole and the word is derived from a
    noun (s35-parts). Such a hit is one kind of what the word says, not its reading: the word reads its derived
    nouns too (:func:`rank`). Not a word a group has as a compound's front only ("Krebs|nachsorge" is no kind of
    Krebs), nor one a group has whole, in name, topics or description."""
    if " " in term.word or not _has_kind(term, "derived"):
        return False
    near = [a for a in term.alternatives if a.kind in first]
    parts = Term(term.word, [a for a in near if a.kind == "exact" and any(t.startswith(PART) for t in a.tokens)])
    whole = Term(term.word, [a for a in near if a not in parts.alternatives])
    parts.meant_areas = whole.meant_areas = term.meant_areas
    if not parts.alternatives:
        return False
    by_parts = _matchers(parts, {"exact"})
    hits = [c for c in candidates if _score_term(parts, by_parts, c)[0]]
    if not hits or (whole.alternatives and any(_score_term(whole, _matchers(whole, first), c)[0] for c in candidates)):
        return False
    keys = {t for a in parts.alternatives for t in a.tokens}
    return all(keys & _later_parts(c.search_name + c.search_topics.partition(ABOUT)[0]) for c in hits)


def _later_parts(doc: str) -> set[str]:
    """The keys of a document's compound parts that follow another part of the same word (:func:`word_tokens`
    lists a word's key, then its parts in order): "Seh|behinderte" → behindert, the head of the parts before it."""
    later: set[str] = set()
    parts = 0
    for token in doc.split():
        if token.startswith(PART):
            if parts:
                later.add(token)
            parts += 1
        elif not token.startswith("="):
            parts = 0
    return later


def _with_parts_lowered(term: Term) -> Term:
    """A term whose matches as a compound's part of the word as typed weigh no more than a synonym's part: after
    the groups its derived nouns find (see :func:`_head_part_hits_only`)."""
    lowered = [
        Alternative(a.tokens, min(a.weight, SYNONYM * PART_OF), a.kind)
        if a.kind == "exact" and any(t.startswith(PART) for t in a.tokens)
        else a
        for a in term.alternatives
    ]
    found = Term(term.word, lowered, term.corrected, term.exact_known, term.areas, term.meant_areas)
    return found


def _levels(term: Term, first: set[str], all_kinds: set[str]) -> Iterator[set[str]]:
    """The readings of a term from the nearest on (see :func:`rank`); the whole word's before a loose part's
    only where a nearer one found nothing (:func:`_loose_part` is not asked on the common path). The first level
    that reads the topics a compound's head or front names is marked (:data:`HEAD_WORD`): there rank lists their
    groups only as far as the part typed alone does; where no level reads them, a last one, read only where that
    lists fewer groups than rank's last reading."""
    parts = {"part_topic"} if _has_kind(term, HEAD_WORD) else set()
    if _has_kind(term, "front_topic") and _has_kind(term, "fallback"):
        parts.add("front_topic")
    marked = False
    for level in _nearest_levels(term, first, all_kinds):
        if parts & level and not marked:
            marked = True
            level = level | {HEAD_WORD}
        yield level
    if parts and not marked:
        yield all_kinds | {HEAD_WORD}  # read only where it lists fewer groups (see rank)


def _nearest_levels(term: Term, first: set[str], all_kinds: set[str]) -> Iterator[set[str]]:
    """The levels of :func:`_levels`, unmarked."""
    yield first
    yield set(LITERAL_KINDS) | (first - {"exact", "compound"})
    if _head_names_kind(term):
        # What the whole compound stands for (its synonyms, the topics it names) before what its head names:
        # "Trennungsangst" ~ Verlustangst is the fear-of-loss group, not every anxiety group (s21-heads).
        yield all_kinds - {"part_topic", *FALLBACK_KINDS}
        yield all_kinds - {*FALLBACK_KINDS}
    if _loose_part(term):
        yield all_kinds - {"part_topic", *FALLBACK_KINDS}
    if _has_kind(term, "head"):
        # A compound with an everyday head that Wiktionary defines is a word of its own: its definition says what
        # it is, not its front ("Frauen|haus": … *Gewalt* … → the violence groups, not every women's group;
        # s22-floods). Its definition's readings, nearest first, before the front standing for it.
        whole = all_kinds - {"part_topic", *FALLBACK_KINDS}
        for kind in GLOSS_KINDS:
            if _has_kind(term, kind):
                yield whole | {kind}
    yield all_kinds - {"part_topic"}


def _unlike_the_part_alone(term: Term, kinds: set[str], hits: list[Candidate], candidates: list[Candidate]) -> set[int]:
    """The ids of the groups among ``hits`` (found by ``kinds``) that a compound's reading finds only by the topics
    its head or its front names (``part_topic``, ``front_topic``) and that this part, typed alone, does not list;
    none where that would leave no group. A word alone reads its nearest level only: "Trauma" lists "Wege aus dem
    Trauma", not the other topics that give Trauma among their words (Dissoziative Störung, Komplexe PTBS), so
    neither "Kriegs|trauma" nor "Trauma|bewältigung" does."""
    split = language.split_compound(term.word)
    keys = {
        "part_topic": {a.tokens[0] for a in term.alternatives if a.kind == HEAD_WORD},
        "front_topic": {a.tokens[0] for a in term.alternatives if a.kind == "fallback" and len(a.tokens) == 1},
    }
    matchers = {kind: _matchers(term, {kind}) for kind in keys if kind in kinds}
    others = _matchers(term, kinds - {"part_topic", "front_topic", "narrower"})
    by_parts = [c for c in hits if not _score_term(term, others, c)[1]]
    if not by_parts:
        return set()
    alone: dict[str, set[int]] = {}
    for kind in matchers:
        part = [p for p in split if language.norm(p) in keys[kind]]
        word = (part[-1] if kind == "part_topic" else part[0]) if part else ""
        alone[kind] = {c.id for c in rank([_term(word)], candidates)} if word and len(split) > 1 else set()
    unlike = {
        c.id
        for c in by_parts
        if not any(alone[k] and c.id in alone[k] and _score_term(term, m, c)[1] for k, m in matchers.items())
        and all(alone[k] for k, m in matchers.items() if _score_term(term, m, c)[1])
    }
    return unlike if len(unlike) < len(hits) else set()


def _head_names_kind(term: Term) -> bool:
    """Whether a compound is a kind of what its head names while its front names another concept (issue #14,
    round 8): "Haut|krebs" is a cancer, not a skin disease, so the head's topic (Krebs) is read before the front
    part's fallback (Haut → Hauterkrankungen). Not where the front says which kind of the head's topic it is
    ("Kokain|sucht": the front's topic, :func:`_kind_alternatives`), nor for a compound whose head names no
    topic ("Angst|störung" falls back to Angst)."""
    kinds = {a.kind for a in term.alternatives}
    return "part_topic" in kinds and "fallback" in kinds and "front_topic" not in kinds


def _loose_part(term: Term) -> bool:
    """Whether a compound's fallback reading rests on front parts that name no topic of the common list, or
    say who, not what ("Kinder|lähmung")."""
    if not any(_has_kind(term, kind) for kind in FALLBACK_KINDS):
        return False
    names = _listed_topic_names()
    fronts = language.split_compound(term.word)[:-1]
    return bool(fronts) and all(language.norm(p) not in names or language.is_person(p) for p in fronts)


@lru_cache(maxsize=20_000)
def _word_topics(word: str) -> tuple[tuple[str, ...], ...]:
    """The keys of the topics of the common topic list that a word names by itself or by a form it is derived
    from (as a one-word search word), where it is no topic's own name; else ``()``."""
    names = _listed_topic_names()
    own = {language.norm(w) for w in (word, *language.derivations(word))}
    if own & _listed_topic_name_keys():
        return ()
    topics = {n for k in own for n in names.get(k, ())}
    lists = _listed_topic_phrases()
    # A topic another of them lists by its name, and which does not list that one back, is the broader one
    # (Anorexie lists "Essstörung"): the word names the narrower ("Magersucht" is no answer for every eating
    # disorder). Topics that list each other are alike (Demenz, Alzheimer).
    broader = {
        t
        for t in topics
        for other in topics
        if other != t
        and lists[t][0] in lists[other][1]
        and lists[other][0] not in lists[t][1]
        and not _audience_topic(other)
    }
    return tuple(t for t in (_topic_alternative(n).tokens for n in sorted(topics - broader)) if t)


@_common_index
def _audience_links() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """Keys of each topic of the common list for some people (:func:`_audience_topic`) → the keys of the topics
    it lists (:func:`_listed_links`): "Asperger Syndrom, Frauen" → Autismus."""
    return {
        _topic_alternative(name).tokens: frozenset(_topic_alternative(n).tokens for n in links)
        for name, links in _listed_links().items()
        if _audience_topic(name)
    }


def _audience_broader(filed: list[tuple[str, ...]], tokens: tuple[str, ...]) -> bool:
    """Whether a topic the word names is the one a topic for some people, under which a group the word matches
    is filed, lists: "Asperger" matches the group filed under "Asperger Syndrom, Frauen", which lists Autismus,
    so the autism groups answer it too, after it (issue #14, round 8)."""
    links = _audience_links()
    return any(tokens in links.get(f, ()) for f in filed)


@lru_cache(maxsize=2_000)
def _audience_topic(name: str) -> bool:
    """Whether a topic of the common list is a concept for some people, named "<concept>, <people>" ("Asperger
    Syndrom, Frauen", "ADHS, Erwachsene"; issue #14, round 8): narrower than the topic it lists by whom it is
    for, not by what, so a word that names both names the broader one too ("Asperger" → Autismus as well)."""
    *_concept, people = name.split(",") if "," in name else ("",)
    words = language.raw_words(people)
    return bool(words) and all(language.is_person(w) for w in words)


@_common_index
def _listed_topic_phrases() -> dict[str, tuple[tuple[str, ...], frozenset[tuple[str, ...]]]]:
    """Name of each topic of the common topic list → the keys of its name, and those of each of its search
    words (filler dropped)."""
    from saas.directory.demo import load_topic_rows

    def keys(phrase: str) -> tuple[str, ...]:
        return tuple(language.norm(w) for w in language.raw_words(phrase) if language.surface(w) not in STOPWORDS)

    return {
        row["name"]: (keys(row["name"]), frozenset(keys(p) for p in _search_phrases(row))) for row in load_topic_rows()
    }


@_common_index
def _listed_topic_name_keys() -> frozenset[str]:
    from saas.directory.demo import load_topic_rows

    return frozenset(
        language.norm(words[0]) for row in load_topic_rows() if len(words := language.raw_words(row["name"])) == 1
    )


FILED_TOPIC = "filed_topic"  # a topic the word names, under which a group the word matches is filed (see rank)
SYNONYM_TOPIC = "synonym_topic"  # a topic a synonym names, read only as a FILED_TOPIC (see _with_filed_topics)


def _with_filed_topics(
    term: Term, nearest: set[str], matchers: tuple[_Matcher, _Matcher], candidates: list[Candidate]
) -> Term:
    """The term, with the topics its word names (:func:`_word_topics`) that a group it matches by its nearest
    reading is filed under, as alternatives of that reading (kind ``FILED_TOPIC``): the topic's other groups
    answer the word too, after the groups it matches itself ("vergesslich" → "Leben mit Vergesslichkeit",
    filed under Demenz → every Demenz group). Only the topics the very word names, not those of its synonyms;
    never a topic of its own name ("Alzheimer" is no answer for every Demenz group, though the list relates
    them). The term as it is where no such topic exists, or where the reading takes topics anyway."""
    named = _word_topics(term.word) if " " not in term.word and "topic" not in nearest else ()
    topics = {a.tokens for a in term.alternatives if a.kind == "topic"} & set(named)
    if not topics and "synonym" in nearest:
        # Where the reading is the word's synonyms, the topics a synonym names that way (s23-colloquial):
        # "Pillen" ~ Tablette, a search word of Medikamentenabhängigkeit, matches "Tablettenfrei leben", filed
        # under it, so the topic's other groups answer too. Two relations that agree, as above.
        topics = {a.tokens for a in term.alternatives if a.kind == SYNONYM_TOPIC}
    if not topics and "compound" in nearest and _has_part_topic(term):
        # Where the reading is a compound's parts, the kind of its head that its front names (s30-kind):
        # "Tabletten|sucht" matches "Gesprächskreis Tablettenabhängigkeit", filed under Medikamentenabhängigkeit,
        # which "Tabletten" names as the kind of Sucht; the topic's other groups (a Kreuzbund group filed under it
        # and Alkoholabhängigkeit) answer too. The parts and the front's topic agree.
        topics = {a.tokens for a in term.alternatives if a.kind == "front_topic"}
    if not topics:
        return term
    # A group filed under the topic (its keys among the topics: a substring test) that the reading matches.
    filed = [
        tokens
        for tokens in sorted(topics)
        if any(_has(c.search_topics, tokens) and _score_term(term, matchers, c)[1] for c in candidates)
    ]
    filed += [tokens for tokens in sorted(topics) if tokens not in filed and _audience_broader(filed, tokens)]
    # The other topics the same listed word names, where a synonym is that word (s29-senses): "taub" ~ schwerhörig
    # → Hörgeschädigte (the matched group) and Cochlea-Implantat (CI), which lists "Schwerhörigkeit".
    filed += [tokens for tokens in sorted(topics) if tokens not in filed and _named_with(term, filed, tokens)]
    # A topic whose name has the word only as a compound's front ("Verlust|ängste", "Darm|krebs") names it as the
    # kind of its head it is about. Where the word names other topics by itself as well (Trauer lists "Verlust"),
    # those are nearer to it, and a group it matches under the front's topic points to them (s25-nearer:
    # "Verlust" → the grief groups after "Bindung und Verlust", filed under Verlustängste). The front's own groups
    # need no widening: its name's part matches the word. A word that names no other topic keeps its one.
    fronts = {tokens for tokens in topics if _word_is_front(term.word, tokens)}
    nearer = sorted(topics - fronts)
    if nearer and fronts & set(filed):
        filed = [tokens for tokens in filed if tokens not in fronts]
        filed += [tokens for tokens in nearer if tokens not in filed]
    if not filed:
        return term
    # Weighed as a synonym's compound part: below every match of the reading itself, in a name or a topic.
    weight = SYNONYM * PART_OF
    widened = Term(term.word, [*term.alternatives, *(Alternative(t, weight, FILED_TOPIC) for t in filed)])
    widened.areas, widened.meant_areas = term.areas, term.meant_areas
    return widened


def _named_with(term: Term, filed: list[tuple[str, ...]], tokens: tuple[str, ...]) -> bool:
    """Whether a synonym the term is read by is a word of the common topic list that names the topic with these
    keys as well as a topic in ``filed`` (s29-senses): the topics one listed word names are one answer to a word
    read by it. "taub" ~ schwerhörig, and the list gives "schwerhörig" to Hörgeschädigte and "Schwerhörigkeit"
    (one key) to Cochlea-Implantat (CI): the Schwerhörigen group the synonym matches is filed under
    Hörgeschädigte, so the CI group answers too, as "Hörgerät" (a word of both) finds both. Not the word typed
    itself: where it matches a group, that group's topic is its answer ("schwerhörig" is no CI query)."""
    names = _listed_topic_names()
    of_keys = _listed_topic_of_keys()
    name, filed_names = of_keys.get(tokens), {of_keys.get(f) for f in filed}
    if name is None or not filed_names - {None}:
        return False
    keys = {a.tokens[0] for a in term.alternatives if a.kind == "synonym"}
    return any(name in names.get(k, ()) and filed_names & names.get(k, frozenset()) for k in keys)


@_common_index
def _listed_topic_of_keys() -> dict[tuple[str, ...], str]:
    """The keys of each topic of the common list as an alternative (:func:`_topic_alternative`) → its name."""
    from saas.directory.demo import load_topic_rows

    return {_topic_alternative(row["name"]).tokens: row["name"] for row in load_topic_rows()}


@lru_cache(maxsize=2_000)
def _word_is_front(word: str, tokens: tuple[str, ...]) -> bool:
    """Whether a word (or a form it is derived from) stands in the name of the topic of the common list with
    these keys only as the front of a compound, the part that says what kind of its head the topic is: "Verlust"
    in "Verlust|ängste", "Darm" in "Darm|krebs". Not where it is a word of the name itself, or its head."""
    name = _listed_topic_of_keys().get(tokens)
    if name is None:
        return False
    own = {language.norm(w) for w in (word, *language.derivations(word))}
    front = False
    for w in language.raw_words(name):
        parts = language.split_compound(w)
        if language.norm(w) in own or language.norm(parts[-1]) in own:
            return False
        front = front or any(language.norm("".join(parts[:i])) in own for i in range(1, len(parts)))
    return front


def _has_part_topic(term: Term) -> bool:
    return _has_kind(term, "part_topic")


def _has_kind(term: Term, kind: str) -> bool:
    return any(a.kind == kind for a in term.alternatives)


def _initials_topic(term: Term, hits: list[Candidate]) -> tuple[str, ...]:
    """The topic's keys that every group found for a word has, when each found it only by its name's initials
    (:func:`name_initials`); else ``()``."""
    initials = [a.tokens[0] for a in term.alternatives if a.kind == "initials"]
    if not initials or len(hits) > 5:
        return ()
    others = {t for a in term.alternatives if a.kind != "initials" for t in a.tokens}
    common: frozenset[str] | None = None
    for c in hits:
        strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
        if initials[0] not in strong or others & strong:
            return ()
        keys = _topic_keys(c.search_topics)
        common = keys if common is None else common & keys
    return tuple(sorted(common or ()))


def _name_word_topic(term: Term, hits: list[Candidate]) -> tuple[str, ...]:
    """The topic's keys that every group found for a word has, when each found it only in its name by the word
    itself, and the word is a name no resource explains (no noun of the dictionary, no definition, no synonym,
    not common: "Kreuzbund", "Alanon" of "Al-Anon"); else ``()``. Like a name's initials, such a word is the
    name of an association, which stands for its topic. Only the name's first word (a place comes after it:
    "Suchtselbsthilfe Eving") or first words written as one ("Stimmenhören": :func:`_name_begins_with`), and no
    word for a group ("Regional|gruppe", "Frühstücks|treff")."""
    word = term.word
    if term.areas or len(hits) > 5 or any(a.kind not in ("exact", "compound", "front") for a in term.alternatives):
        return ()
    if language.zipf(word) >= COMMON_WORD_ZIPF or language.is_noun(word) or language.glosses(word):
        return ()
    if language.surface(language.split_compound(word)[-1]) in STOPWORDS:
        return ()
    tokens = term.tokens
    common: frozenset[str] | None = None
    for c in hits:
        if tokens & set(c.search_topics.partition(ABOUT)[0].split()):
            return ()
        if not _name_begins_with(c, word):
            return ()
        keys = _topic_keys(c.search_topics)
        common = keys if common is None else common & keys
    return tuple(sorted(common or ()))


def _name_begins_with(c: Candidate, word: str) -> bool:
    """Whether a group's name begins with ``word``: its first word ("Kreuzbund", "Al-Anon" as "Alanon"), or its
    first words written together, as a compound ("Stimmenhören" of "Stimmen hören", s27-compounds): a name
    written as one word is still the name."""
    key = language.norm(word)
    words = (c.name or "").split()
    if (
        words
        and key in c.search_name.split()
        and key in (language.norm(words[0]), language.norm(words[0].replace("-", "")))
    ):
        return True
    spelled = language.surface(word)
    joined = ""
    for part in language.raw_words(c.name or "")[:MAX_QUERY_WORDS]:
        joined += language.surface(part)
        if joined == spelled:
            return joined != language.surface(language.raw_words(c.name or "")[0])
        if not spelled.startswith(joined):
            return False
    return False


def _name_noun_topic(term: Term, hits: list[Candidate]) -> tuple[str, ...]:
    """The topic's keys that every group found for a word has, when the word is a noun of the dictionary that names
    no topic of the common list (:func:`named_topics`) and each of at most three groups has it in its name, none
    among its topics, and neither its definition reads as a topic nor is it a compound part of the list's words;
    a topic that says whom a group is for left out (as in :func:`_described_topic_of_words`); else ``()``.
    :func:`_name_word_topic` reads a name no resource explains; this one a noun the dictionary knows, which says
    what the group is about but names no topic by itself ("Stimmen" of "Stimmen hören")."""
    if term.areas or len(hits) > 3 or not language.is_noun(term.word) or named_topics(term.word):
        return ()
    if any(a.kind in GLOSS_KINDS for a in term.alternatives) or _gloss_readings(term.word):
        # Its definition says what it is about ("Fehlgeburt": … Verlust → Trauer), or, for an everyday word, that
        # it has senses of its own ("Nebel": *Gemisch* von *Wassertröpfchen*, not the depression of "Gemeinsam
        # durch den Nebel").
        return ()
    if language.surface(term.word) in _listed_parts():
        return ()  # a part of the list's words ("Spiel|sucht", "Glücks|spiel") reads as those
    key = language.norm(term.word)
    common: frozenset[str] | None = None
    people: set[str] = set()
    for c in hits:
        topics = c.search_topics.partition(ABOUT)[0].split()
        if key not in c.search_name.split() or key in topics:
            return ()
        keys = _topic_keys(c.search_topics)
        common = keys if common is None else common & keys
        people |= {k for k, s in itertools.pairwise(topics) if s[0] == "=" and language.is_person(s[1:])}
    return tuple(sorted(k for k in common or () if k not in people))


def _described_topic(term: Term, hits: list[Candidate]) -> tuple[str, ...]:
    """The topic's keys that every group found for a word has, when each found it only in its description
    (none in its name or topics) through the word as typed or a form it is derived from; else ``()``."""
    literal = [a.tokens for a in term.alternatives if a.kind in ("exact", "derived")]
    if not literal or term.areas or len(hits) > 5:
        return ()
    common: frozenset[str] | None = None
    for c in hits:
        strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
        if any(all(t in strong for t in tokens) for tokens in literal) or not _has(c.search_text, literal[0]):
            return ()
        keys = _topic_keys(c.search_topics)
        common = keys if common is None else common & keys
    return tuple(sorted(common or ()))


def _one_word_topics(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The topics of the common topic list among the keys of the topics the groups of a word share
    (:func:`_described_topic`), each on its own, where the list gives all of them one one-word search word: a
    trauma group filed under Traumatisierung, Komplexe PTBS and "PTBS, komplexe", which all list "Trauma", is
    about that one concept, so each topic's groups answer the word its description has ("Albträume"; s28-moods),
    not only a group filed under all three. Else the keys together, as before: a group of topics the list does not
    join ("AGUS": Trauer and Suizid) stands for them all at once."""
    listed = _listed_topic_of_keys()
    within = [tokens for tokens in listed if set(tokens) <= set(keys)]
    if len(within) < 2:
        return [keys]
    phrases = _listed_topic_phrases()
    words = [{p for p in phrases[listed[tokens]][1] if len(p) == 1} for tokens in within]
    return within if set.intersection(*words) else [keys]


def _described_topic_of_words(terms: list[Term], hits: list[Candidate]) -> tuple[str, ...]:
    """The topic's keys that every group found for a query of several words has, when each group has every word
    only in its description (none in its name or topics, as a whole word: "Trocken|dock" has "trocken" as a
    part only) through the word as typed or a form it is derived from, the query's words naming no topic area;
    else ``()``. A topic that says whom a group is for ("Frauen" beside Alkoholabhängigkeit) is no concern
    the words are about, so it is left out of the keys (:func:`_described_topic` for one word)."""
    if len(hits) > 5 or any(t.areas for t in terms):
        return ()
    common: frozenset[str] | None = None
    for term in terms:
        literal = [
            a.tokens
            for a in term.alternatives
            if a.kind in ("exact", "derived") and not any(t.startswith(PART) for t in a.tokens)
        ]
        if not literal:
            return ()
        for c in hits:
            strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
            if any(all(t in strong for t in tokens) for tokens in literal) or not _has(c.search_text, literal[0]):
                return ()
    people: set[str] = set()
    for c in hits:
        keys = _topic_keys(c.search_topics)
        common = keys if common is None else common & keys
        tokens = c.search_topics.partition(ABOUT)[0].split()
        people |= {k for k, s in itertools.pairwise(tokens) if s[0] == "=" and language.is_person(s[1:])}
    return tuple(sorted(k for k in common or () if k not in people))


def _defining_keys(terms: list[Term]) -> frozenset[str]:
    """The search keys of the nouns a query word's first sense is defined by in German Wiktionary
    (:func:`language.glosses`), but words for people ("Frauen": who, not what) and the query's own keys."""
    own = {language.norm(t.word) for t in terms}
    return frozenset(
        language.norm(noun)
        for t in terms
        if " " not in t.word and (senses := language.glosses(t.word))
        for noun in senses[0]
        if not language.is_person(noun) and language.norm(noun) not in own
    )


def _order_by(terms: list[Term]) -> Callable[[tuple[float, Candidate]], tuple[float, int, str, int]]:
    """Best score first, then by name; among groups of the same score first those whose name, topics or description say
    what the query word's definition says it is (s34-umbrella): "Wochenbettdepression" (… nach der *Geburt*)
    reads as its head Depression, whose groups all score alike; the group for mothers "nach der Geburt" is the
    one about the kind asked for, and came seventh by name. A tie-break only: no group is added or dropped."""
    keys = [f" {k} " for k in _defining_keys(terms)]

    def order(hit: tuple[float, Candidate]) -> tuple[float, int, str, int]:
        c = hit[1]
        said = bool(keys) and any(k in c.search_text for k in keys)  # name, topics and description
        return (-hit[0], -int(said), c.name.lower(), c.id)

    return order


@lru_cache(maxsize=4096)
def _topic_keys(search_topics: str) -> frozenset[str]:
    """The search keys of a group's topics and their synonyms (whole words: no spellings, no parts)."""
    return frozenset(t for t in search_topics.partition(ABOUT)[0].split() if t[0] not in "=~")


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    corrected: dict[str, list[str]]  # query word → the words it was read as (typo correction)
    ignored: list[str] = field(default_factory=list)  # common words no group has ("aufhören")


def _base_filters(
    tenant_ids: list[int] | None, topic_area: str | None, statuses: tuple[str, ...] | None, extra: list | None
) -> list:
    from saas.directory.models import Group

    filters: list = list(extra or [])
    if tenant_ids is not None:
        filters.append(Group.tenant_id.in_(tenant_ids) if len(tenant_ids) != 1 else Group.tenant_id == tenant_ids[0])
    if statuses:
        filters.append(Group.status.in_(statuses))
    if topic_area:
        filters.append(Group.topic_area == topic_area)
    return filters


def _group_columns() -> tuple:
    from saas.directory.models import Group

    return (Group.id, Group.name, Group.search_name, Group.search_topics, Group.search_text, Group.topic_area)


def _token_regex(keys: Iterable[str]) -> str:
    """A pattern that finds any of the keys as a whole token, as a word or as a compound's part."""
    return " ~?(" + "|".join(_pattern_words({k.removeprefix(PART) for k in keys})) + ") "


def _term_keys(term: Term) -> tuple[set[str], list[tuple[str, ...]]]:
    """A term's keys as every statement matches them: the tokens of its one-token alternatives (a compound
    part's with its prefix) and, sorted, the keys of each compound alternative (bare)."""
    singles = {a.tokens[0] for a in term.alternatives if len(a.tokens) == 1}
    multi = sorted({tuple(t.removeprefix(PART) for t in a.tokens) for a in term.alternatives if len(a.tokens) > 1})
    return singles, multi


# How a term's groups' condition matches its one-token alternatives: None (it has none), False (one regular
# expression over the document), True (PostgreSQL's hashed look-up of the document's tokens).
_Singles = bool | None


def _match_values(
    i: int, singles: set[str], multi: list[tuple[str, ...]], postgresql: bool, values: dict[str, object]
) -> _Singles:
    """The patterns and key lists of term ``i``'s groups' condition (:func:`_term_condition`), written into
    ``values`` by the names that condition binds; how its singles are matched."""
    for j, keys in enumerate(multi):
        for n, k in enumerate(keys):
            values[f"match_{i}_{j}_{n}"] = _token_regex([k])
    if not singles:
        return None
    bare = {k.removeprefix(PART) for k in singles}
    hashed = postgresql and len(bare) >= HASHED_KEYS
    values[f"match_{i}"] = _part_tokens(bare) if hashed else _token_regex(bare)
    return hashed


def _term_condition(
    i: int,
    hashed: _Singles,
    multi: Iterable[int],
    column: ColumnElement[str] | InstrumentedAttribute[str],
    value: Callable[[str, bool], BindParameter],
) -> ColumnElement[bool]:
    """Term ``i``'s groups' condition: some alternative's keys are whole tokens of the document, as words or
    compound parts (its singles in one regular expression or look-up, each compound alternative's keys each in
    its own). ``multi`` gives the number of keys of each compound alternative, ``value(name, expanding)`` the
    parameter of a pattern or key list (:func:`_match_values`): bound by name in a kept statement, by value in
    one built for a single query."""
    matched: list[ColumnElement[bool]] = []
    if hashed:
        matched.append(_tokens_among(value(f"match_{i}", True), column))
    elif hashed is not None:
        matched.append(column.regexp_match(value(f"match_{i}", False)))
    matched += [
        and_(*(column.regexp_match(value(f"match_{i}_{j}_{n}", False)) for n in range(keys)))
        for j, keys in enumerate(multi)
    ]
    return or_(*matched) if matched else false()


def _term_regex(term: Term, column: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """For one office: a term as one regular expression over the document instead of a ``LIKE`` per
    alternative (a word has up to a hundred with its synonyms), or, for many keys on PostgreSQL, a look-up
    of the document's tokens (:func:`_tokens_among`). Slightly wider than the alternatives (a key as word or
    part alike); :func:`rank` narrows it exactly. The condition of the kept first statement
    (:func:`_build_statement`), its values written in."""
    values: dict[str, object] = {}
    singles, multi = _term_keys(term)
    hashed = _match_values(0, singles, multi, db.session.get_bind().dialect.name == "postgresql", values)

    def value(name: str, expanding: bool) -> BindParameter:
        return bindparam(None, values[name], type_=Text, expanding=expanding, literal_execute=expanding)

    return _term_condition(0, hashed, [len(keys) for keys in multi], column, value)


# From this many keys on, PostgreSQL looks a document's tokens up in a hash of the keys (:func:`_tokens_among`)
# instead of running a regular expression of them over it: PostgreSQL hashes a constant list of 9 or more
# values (``IN``, since version 14), and below about 9 keys the regular expression is as fast.
HASHED_KEYS = 9


def _part_tokens(bare: Iterable[str]) -> list[str]:
    """The keys and their part tokens ("~key"), the list :func:`_tokens_among` looks a document's tokens up in."""
    return sorted({w for k in bare for w in (k, PART + k)})


def _tokens_among(
    listed: BindParameter, column: ColumnElement[str] | InstrumentedAttribute[str]
) -> ColumnElement[bool]:
    """PostgreSQL: some token of the document (split at its spaces) is a key or a key's part token
    ("~key", ``listed``: :func:`_part_tokens`): what ``column ~ ' ~?(k1|k2|…) '`` finds, as ``EXISTS (…
    unnest(string_to_array(…)) … IN ('k1', '~k1', …))``. The keys are written into the statement
    (``literal_execute``), not sent as parameters: only a list of constants becomes a hashed look-up
    (PostgreSQL's hashed ``ScalarArrayOpExpr``), one probe per token instead of the regular expression's pass
    over the text with every key (Trennung, 20 keys: the office's rows in 1.5 ms instead of 4.2 ms). A document
    is about 30 tokens."""
    from sqlalchemy.dialects.postgresql import ARRAY

    token = func.unnest(func.string_to_array(column, literal_column("' '"), type_=ARRAY(Text))).column_valued("token")
    return exists(select(literal_column("1")).where(token.in_(listed)))


def _find(terms: list[Term], where: list) -> list[Candidate]:
    """The groups of one office that match every term, ranked (a statement of its own: after a typo
    correction, or where a search widens or narrows its terms)."""
    return _person_compound_readings(terms, _condition_noun_readings(terms, rank(terms, _rows(terms, where))))


def _rows(terms: list[Term], where: list) -> list[Candidate]:
    from saas.directory.models import Group

    conditions = [_term_regex(t, Group.search_text + "") for t in terms]
    return [Candidate(*row) for row in db.session.execute(select(*_group_columns()).where(*where, *conditions))]


def _one_statement(
    terms: list[Term], office: int, topic_area: str | None, statuses: tuple[str, ...] | None, filters: list | None
) -> tuple[set[str], dict[int, list[str]], list[Candidate], set[int]]:
    """Vocabulary, typo candidates and matching groups of a query for one office, in one statement
    (``UNION ALL``).

    Returns the known tokens, the correction candidates per term (only for a word of which the office
    knows no alternative), the groups and the terms the groups' condition let pass when unknown (common
    words, ignored when no group knows them: "Rauchen *aufhören*").

    The groups' condition is each term's alternatives before the vocabulary is known, as one regular
    expression per term (:func:`_term_regex`): a superset of what :func:`settle_terms` keeps, narrowed
    again by :func:`rank`. One office has a few hundred groups: its (tenant_id, status) index and a filter
    over them beat the trigram index over all offices; ``search_text || ''`` is the same text without an
    index. :func:`_ranked_by_office` fetches the same per office, for many offices at once.

    The statement is built once per shape of the query (:func:`_statement_shape`: how many terms, which
    kinds of condition each has, which ask for typo candidates, which filters) and kept
    (:func:`_shaped_statement`); the words, patterns and the office are its bound parameters. Building it
    and its SQLAlchemy expressions cost about as much client time as PostgreSQL's answer.
    """
    postgresql = db.session.get_bind().dialect.name == "postgresql"
    shape, values = _statement_shape(terms, postgresql)
    values["office"] = office
    base = (bool(statuses), topic_area is not None)
    if statuses:
        values["statuses"] = list(statuses)
    if topic_area is not None:
        values["topic_area"] = topic_area
    stmt = _shaped_statement(shape, base) if not filters else _build_statement(shape, base, list(filters))
    optional = {i for i, term_shape in enumerate(shape) if term_shape[2]}
    asked = [i for i, term_shape in enumerate(shape) if term_shape[3]]
    read = _READ.get()
    key = tuple((t.word, tuple(sorted({a.tokens for a in t.alternatives}))) for t in terms)
    if read is not None and key in read:
        rows = read[key]
    else:
        rows = list(db.session.execute(stmt, values).all())
        if read is not None:
            read[key] = rows
    known: set[str] = set()
    candidates_of: dict[int, list[str]] = {i: [] for i in asked}
    groups: list[Candidate] = []
    for kind, number, *row in rows:
        if kind == "w":
            known.add(row[0])
        elif kind == "c":
            candidates_of.setdefault(int(number), []).append(row[0])
        else:
            groups.append(Candidate(int(number), *row))
    return known, candidates_of, groups, optional


# The shape of one term in the first statement: how its singles are matched (:data:`_Singles`), the number of
# keys of each compound alternative, whether it may be left out when unknown, whether its typo candidates
# come along.
_TermShape = tuple[_Singles, tuple[int, ...], bool, bool]


def _statement_shape(terms: list[Term], postgresql: bool) -> tuple[tuple[_TermShape, ...], dict[str, object]]:
    """One walk over the terms: the shape of their first statement (all its SQL depends on besides the
    filters) and the values of its parameters: the same patterns and key lists :func:`_term_regex` and
    :func:`_candidates_stmt` write, by the names :func:`_build_statement` gives
    them."""
    values: dict[str, object] = {}
    shape: list[_TermShape] = []
    tokens: set[str] = set()
    for i, term in enumerate(terms):
        tokens |= term.tokens
        tokens |= _area_tokens(term)
        singles, multi = _term_keys(term)
        hashed = _match_values(i, singles, multi, postgresql, values)
        if singles:
            values[f"known_{i}"] = "^(" + "|".join(_pattern_words(singles)) + ")$"
        for j, keys in enumerate(multi):
            for n, k in enumerate(keys):
                values[f"known_{i}_{j}_{n}"] = "^~?" + _pattern_words([k])[0] + "$"
        asked = _asks_candidates(term)
        if asked:
            values[f"shortest_{i}"], values[f"longest_{i}"] = _candidate_lengths(term.word)
        shape.append((hashed, tuple(len(keys) for keys in multi), may_ignore(term.word), asked))
    values["tokens"] = sorted(tokens)
    return tuple(shape), values


@lru_cache(maxsize=1024)
def _shaped_statement(shape: tuple[_TermShape, ...], base: tuple[bool, bool]) -> CompoundSelect:
    """:func:`_build_statement` kept by shape (a query's shape recurs: the bench's mix has a few dozen)."""
    return _build_statement(shape, base, [])


def _build_statement(shape: tuple[_TermShape, ...], base: tuple[bool, bool], filters: list) -> CompoundSelect:
    """The first statement of a query of this shape for one office (see :func:`_one_statement`), its values
    bound by name (:func:`_statement_shape`): the office ``office``, ``statuses`` and ``topic_area`` where
    ``base`` says so, after the finder's own ``filters``."""
    from saas.directory.models import Group, SearchWord

    statuses, topic_area = base
    where: list = [*filters, Group.tenant_id == bindparam("office")]
    if statuses:
        where.append(Group.status.in_(bindparam("statuses", expanding=True)))
    if topic_area:
        where.append(Group.topic_area == bindparam("topic_area"))
    blank: ColumnElement[str] = literal_column("''")

    def named(name: str, expanding: bool) -> BindParameter:
        return bindparam(name, type_=Text, expanding=expanding, literal_execute=expanding)

    known_words = (
        select(SearchWord.word.label("word"))
        .where(SearchWord.tenant_id == bindparam("office"), SearchWord.word.in_(bindparam("tokens", expanding=True)))
        .cte("known_words")
    )

    def among(name: str) -> Exists:
        pattern = bindparam(name, type_=Text)
        return exists(
            select(literal_column("1")).select_from(known_words).where(known_words.c.word.regexp_match(pattern))
        )

    parts: list[Select] = [
        select(literal_column("'w'"), literal_column("0"), known_words.c.word, blank, blank, blank, blank)
    ]
    column = Group.search_text + ""  # one office: its (tenant_id, status) index, not the trigram index
    conditions = []
    for i, (hashed, multi, optional, asked) in enumerate(shape):
        # Some alternative of the term has all its tokens among the known words (one pattern for its singles,
        # one per key of a compound alternative: each EXISTS is uncorrelated, evaluated once per statement
        # over the few known words); and the term's groups' condition as in _term_regex. Patterns bound.
        found: list[ColumnElement[bool]] = [among(f"known_{i}")] if hashed is not None else []
        found += [and_(*(among(f"known_{i}_{j}_{n}") for n in range(keys))) for j, keys in enumerate(multi)]
        unknown = ~(or_(*found) if found else false())
        condition = _term_condition(i, hashed, multi, column, named)
        conditions.append(or_(condition, unknown) if optional else condition)
        if asked:
            candidates = (
                select(SearchWord.word)
                .where(
                    SearchWord.tenant_id == bindparam("office"),
                    SearchWord.length.between(bindparam(f"shortest_{i}"), bindparam(f"longest_{i}")),
                    SearchWord.word.like("=%"),
                )
                .where(unknown)
                .subquery()
            )
            parts.append(
                select(literal_column("'c'"), literal_column(str(i)), candidates.c.word, blank, blank, blank, blank)
            )
    parts.append(select(literal_column("'g'"), *_group_columns()).where(*where, *conditions))
    return union_all(*parts)


# The rows of the first statements of one search_ids call, by the terms they read (their words and readings,
# all a statement depends on besides the call's own filters): where every punctuation reading of a query
# finds nothing, its best partial match reads the query as typed again (_one_statement).
_ENGLISH: contextvars.ContextVar[bool] = contextvars.ContextVar("english_reading", default=False)  # read once
_READ: contextvars.ContextVar[dict[tuple, list] | None] = contextvars.ContextVar("first_statements", default=None)


def search_ids(
    q: str,
    *,
    tenant_id: int | None = None,
    tenant_ids: list[int] | None = None,
    topic_area: str | None = None,
    statuses: tuple[str, ...] | None = ("founding", "active"),
    filters: list | None = None,
    offset: int = 0,
    limit: int = 20,
) -> SearchResult:
    """Ranked group ids for a query (:func:`_search`). A term written with punctuation inside ("AD(H)S",
    "Down-Syndrom", "ME/CFS") is read as its words first, as typed; where that finds nothing, as its other
    readings (:func:`punctuation_readings`: "ADHS", "ADS", "Downsyndrom", "ME", "CFS"), the first the
    directory knows winning; only then does the best partial match of the words as typed answer. Where nothing
    answers, an abbreviation is read as what it stands for (:func:`expansion_readings`, else
    :func:`initials_readings`: "DM" → Diabetes Mellitus, "BPS" → Borderline-Persönlichkeitsstörung)."""
    options = {
        "tenant_id": tenant_id,
        "tenant_ids": tenant_ids,
        "topic_area": topic_area,
        "statuses": statuses,
        "filters": filters,
        "offset": offset,
        "limit": limit,
    }

    def first_found(queries: Iterable[str], partial: bool) -> SearchResult | None:
        """The first of ``queries`` read as if typed that finds a group."""
        for query in queries:
            found = _search(query, partial=partial, **options)  # type: ignore[arg-type]
            if found.total:
                return found
        return None

    q = as_written(q)
    # An English term or abbreviation no German resource knows, read first as its German terms (s35-english,
    # :func:`english_readings`): "PTSD" → PTBS, "grief" → … tiefe Trauer; the first that finds a group answers. A
    # German reading of such a word is a guess (a typo's correction, a part of a compound) and comes after.
    if not _ENGLISH.get():
        once = _ENGLISH.set(True)
        try:
            offices = [tenant_id] if tenant_id is not None else tenant_ids
            # A word the office's groups use themselves is theirs, read as typed ("Fatigue" of a Long Covid group).
            english = english_readings(q)
            words = [w for w in _LETTERS.findall(q) if english and language.english_word(w)]
            if _known({k for w in words for k in (language.norm(w), PART + language.norm(w))}, offices):
                english = []
            for reading, term in english:
                # A German term read so must be one the office's groups speak of themselves (as a word or a
                # compound's part; as for head_readings): else only the German search's own loose readings of it
                # would answer ("node" → Knoten, "bracket" → Halter). An abbreviation Ding gives is exact.
                head = language.raw_words(term)[-1]
                if not _abbreviation(term) and not _known({language.norm(head), PART + language.norm(head)}, offices):
                    continue
                found = search_ids(reading, **options)  # type: ignore[arg-type]
                if found.total:
                    return found
        finally:
            _ENGLISH.reset(once)
    readings = punctuation_readings(q)
    token = _READ.set({} if readings else None)
    try:
        # A sentence read by an OpenThesaurus phrase it says (s31-phrases, :func:`phrase_reading_words`): where no
        # group matches all of its own words, or the groups it finds leave a word of the phrase unread, the word of
        # the phrase's set for a concern ("lebe auf der Straße" → obdachlos, not the groups of "Leben" alone).
        if not readings and (phrased := phrase_reading_words(q)):
            result = _search(q, partial=False, **options)  # type: ignore[arg-type]
            for reading, read in phrased:
                if result.total and not read.intersection(result.ignored):
                    break
                found = _search(reading, partial=False, **options)  # type: ignore[arg-type]
                # The phrase reads its own words; a word of the sentence beside it that the reading leaves unread
                # said something else ("ich kann nicht mehr *laufen*" is no exhaustion), so it is no reading of it.
                # A person it leaves out said whom ("mein *Bruder* macht Platte"), not what (s32-situation).
                if found.total and not any(_content_keys(w) and not language.is_person(w) for w in found.ignored):
                    return found
            if result.total:
                return result
        # A verb done to oneself read as its noun in "Selbst-" (s34-situation, :func:`reflexive_readings`): where
        # the words as typed match no group together ("Tochter ritzt sich" → "Tochter Selbstverletzung").
        if not readings and (reflexive := reflexive_readings(q)):
            result = _search(q, partial=False, **options)  # type: ignore[arg-type]
            if result.total:
                return result
            if answer := first_found(reflexive, partial=False):
                return answer
        result = _search(q, partial=not readings, **options)  # type: ignore[arg-type]
        if result.total:
            return result
        if answer := first_found(readings, partial=False):
            return answer
        if readings:
            result = _search(q, partial=True, **options)  # type: ignore[arg-type]
            if result.total:
                return result
        # An abbreviation written together with an ending or a word ("PTBSler", "ADHSlerin", "MSkranke"), read as
        # the abbreviation apart, as all of the search reads it (s34-abbrev, :func:`abbreviation_word_readings`).
        for reading in abbreviation_word_readings(q):
            found = search_ids(reading, **options)  # type: ignore[arg-type]
            if found.total:
                return found
        # Last, an abbreviation read as what it stands for, as if that were typed (s30-abbrev): as Wiktionary spells
        # it out, else as the one name of a concern whose initials it is.
        if answer := first_found(expansion_readings(q) or initials_readings(q), partial=True):
            return answer
        # Very last, a rare word read as its head, the kind it names (s31-medical): "Uro|stoma" → Stoma,
        # "Poly|arthritis" → Arthritis; only a head the office's groups speak of themselves (as a word or a
        # compound's part), never one the search would read only loosely ("Washing|toner" → Ton → Klang).
        offices = [tenant_id] if tenant_id is not None else tenant_ids
        for reading in head_readings(q):
            key = language.norm(reading)
            if not _known({key, PART + key}, offices):
                continue
            found = _search(reading, partial=True, **options)  # type: ignore[arg-type]
            if found.total:
                return found
        return result
    finally:
        _READ.reset(token)


# A word that begins with two capitals or more and goes on in small letters ("PTBSler"): the capitals and the rest.
_CAPITALS_FIRST = re.compile(r"^([A-ZÄÖÜ]{2,})([a-zäöüß]{2,})$")


def abbreviation_word_readings(q: str) -> list[str]:
    """The query with a word written as an abbreviation and small letters after it ("PTBSler", "ADHSlerin",
    "MSkranke") read as the abbreviation apart (s34-abbrev): German derives a person from an abbreviation with
    an ending ("ADHSler", as "Sportler" of Sport) and writes a compound of one without its hyphen, and no
    resource lists such a word, so the search read it as one unknown word and found nothing. The rest is kept
    where it is a noun of its own, a compound's head ("MS Kranke", "ADHS Kinder"), else it is an ending and
    goes ("PTBS"). Only a word no resource knows as written ("GmbHs" is none: one capital before its small
    letters), for :func:`search_ids` to try where the query as typed finds nothing."""
    q = (q or "")[:MAX_QUERY_CHARS]
    words = _LETTERS.findall(q)
    reading = q
    for word in dict.fromkeys(words):
        match = _CAPITALS_FIRST.match(word)
        if not match or language.known_word(word):
            continue
        capitals, rest = match.groups()
        apart = capitals + (" " + rest if language.is_noun(rest.capitalize()) else "")
        reading = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", apart, reading)
    return [reading] if reading != q else []


def expansion_readings(q: str) -> list[str]:
    """The query with an abbreviation in it spelled out as German Wiktionary spells it (:func:`language.expansions`:
    "PTBS" → posttraumatische Belastungsstörung), one reading per sense in Wiktionary's order, for
    :func:`search_ids` to try where the query as typed finds nothing (s30-abbrev). An abbreviation typed with two
    capitals or more, or a word no resource knows otherwise ("ptbs"); not "ass" (Ass), "all"."""
    q = (q or "")[:MAX_QUERY_CHARS]
    found: list[str] = []
    for match in _LETTERS.finditer(q):
        word = match.group()
        capitals = sum(c.isupper() for c in word) >= 2
        if not (capitals or not language.known_word(word)):
            continue
        for spelled in language.expansions(word):
            if _names_a_concern(spelled):
                found.append(q[: match.start()] + spelled + q[match.end() :])
    return list(dict.fromkeys(found))


ENGLISH_MAX_READINGS = 12  # in english_readings: the most German readings of a query tried


def _abbreviation(term: str) -> bool:
    """Whether a term is written as an abbreviation: one word of capitals, two or more ("PTBS")."""
    return term.isalpha() and term.isupper() and len(term) >= 2


def english_readings(q: str) -> list[tuple[str, str]]:
    """The query with an English term or abbreviation in it read as its German terms (s35-english, Ding's
    German–English dictionary, :func:`language.english_terms`): "PTSD" → PTBS, "grief" → Kummer, … tiefe Trauer,
    "binge eating" → Fressgelage, "OCD" → Zwangsstörung; one reading per German term, in the dictionary's order
    (medicine's and psychology's senses first), a term with a word of the common topic list before those without,
    the longest English term first ("eating disorder" before "disorder"); each with the German term it reads.
    Only a term no German resource knows (a word German has too keeps its German reading: "burnout", "Trauma"),
    for :func:`search_ids` to try as typed."""
    q = (q or "")[:MAX_QUERY_CHARS]
    matches = list(_LETTERS.finditer(q))
    found: list[tuple[str, str]] = []
    place = 0
    while place < len(matches):
        for size in range(min(language.ENGLISH_MAX_WORDS, len(matches) - place), 0, -1):
            start, end = matches[place].start(), matches[place + size - 1].end()
            span = q[start:end]
            if size > 1 and not re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+)*", span):
                continue
            if terms := language.english_terms(" ".join(span.split())):
                # The rest of the query must be German: a reading with an English word left in it ("eating" of
                # "eating disorder" beside "disorder" → Störung) reads a part of a term as if it were the whole.
                rest = _LETTERS.findall(q[:start] + " " + q[end:])
                if all(language.german_word(w) or language.surface(w) in STOPWORDS for w in rest):
                    # A term with a word the common topic list has comes first: "grief" is *tiefe Trauer* (the
                    # list's Trauer) before *Kummer*, whose definitions lead to the depression groups.
                    listed = _listed_topic_names()
                    terms = tuple(sorted(terms, key=lambda t: not any(language.norm(w) in listed for w in t.split())))
                    found += [(q[:start] + term + q[end:], term) for term in terms]
                place += size - 1
                break
        place += 1
    return list(dict.fromkeys(found))[:ENGLISH_MAX_READINGS]


HEAD_MIN_LETTERS = 5  # in head_readings: the shortest head a rare word is read by ("Stoma", not "Agen" of Magen)
HEAD_MIN_FRONT = 3  # … and the shortest front before it ("Uro|stoma")
PHRASES_FILE = Path(__file__).parent / "data" / "openthesaurus_phrases_de.txt.gz"
# The words that negate, as one class (s31-phrases): a phrase read from a sentence must say "not" where the sentence
# does, in any of them ("ich trau mich *nicht* unter Leute" is no "unter Leute gehen"; "*niemand* kümmert sich um mich"
# is "niemand kümmert sich um").
NEGATION_WORDS = language.NEGATIONS | frozenset(
    ["nicht", "nichts", "niemand", "niemandem", "niemanden", "niemands", "nie", "niemals"]
)
MIN_PHRASE_WORDS = 2  # a phrase read from a sentence has this many content words, all of them in the sentence
SMALL_WORD = "'"  # the mark of a small word's key in a phrase that negates ("'mehr"), no content word's key


@lru_cache(maxsize=1)
def _negation_keys() -> frozenset[str]:
    return frozenset(language.norm(w) for w in NEGATION_WORDS)


@lru_cache(maxsize=20_000)
def _content_keys(word: str) -> frozenset[str]:
    """The keys a word of a sentence or a phrase is matched by, order-free (its stem and its infinitives' stems:
    "lebe", "lebt" → leben), or none where it says nothing of its own: a filler word (:data:`STOPWORDS`), a
    reflexive pronoun, a negation (matched as a class, :func:`phrase_readings`), a function word that is no verb
    ("um", "aus")."""
    lower = word.lower()
    key = language.norm(word)
    if language.surface(lower) in STOPWORDS or key in _reflexive_keys() or key in _negation_keys():
        return frozenset()
    verbs = language.infinitives(lower)
    if language.is_function_word(lower) and not verbs and not language.is_noun(word.capitalize()):
        return frozenset()
    return frozenset({key, *(language.norm(v) for v in verbs)})


@lru_cache(maxsize=20_000)
def _said_keys(word: str) -> frozenset[str]:
    """The keys of a word of a phrase that negates or of a sentence (s32-situation): those of :func:`_content_keys`,
    or, for a function word that is no filler, no reflexive pronoun and no negation ("mehr" of "nicht mehr
    können"), the word as written: in such a phrase the small words are what says the state, and a small word is
    not inflected ("mehrere" is no "mehr", "unten" no "unter", whose stems are theirs), and matches only a small
    word (marked :data:`SMALL_WORD`)."""
    if keys := _content_keys(word):
        return keys
    key, spelled = language.norm(word), language.surface(word.lower())
    if spelled in STOPWORDS or key in _reflexive_keys() or key in _negation_keys():
        return frozenset()
    return frozenset({SMALL_WORD + spelled})


def _said_of_a_concern(word: str) -> bool:
    """Whether a word of a negating phrase's set may read it (s32-situation): one that names a topic and is a word
    of the common topic list's names and search words ("allein") or rarer than everyday words
    (:data:`COMMON_WORD_ZIPF`: "erschöpft", "ausgelaugt"; not "unglaublich", whose loose synonyms reach the
    violence groups)."""
    key = language.norm(word)
    if any(key in words for words in _listed_topic_words()):
        return bool(named_topics(word))
    # Its own topics, its derivations' or its synonyms', or those the nouns of its synonyms agree on ("ausgepowert"
    # ~ erschöpft → Erschöpfung ~ Burnout, s28-moods); not a broader term's, which follows any of its senses.
    near = named_topics(word, loose=False) or _synonym_noun_topics(word)
    return language.zipf(word) < COMMON_WORD_ZIPF and bool(near)


@lru_cache(maxsize=1)
def _thesaurus_phrases() -> tuple[tuple[tuple[frozenset[str], ...], bool, bool, tuple[str, ...]], ...]:
    """OpenThesaurus's phrases of at least :data:`MIN_PHRASE_WORDS` content words (of a phrase that negates, small
    words included), each as the keys of those words, whether it negates, whether it is an idiom only where said
    alone (fewer content words without its small ones: "kann nicht mehr"), and the words of its set that name a
    concern (``scripts/build_thesaurus.py``)."""
    found = []
    with gzip.open(PHRASES_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            phrase, *readings = line.rstrip("\n").split("|")
            words = language.raw_words(phrase)
            negates = any(language.norm(w) in _negation_keys() for w in words)
            # A phrase that negates is matched by its small words too: "nicht *mehr* können" (~ erschöpft) is not
            # "nicht können" (~ unfähig), and has two words a sentence must say beside the negation (s32-situation).
            keys_of = _said_keys if negates else _content_keys
            content = tuple(keys for w in words if (keys := keys_of(w)))
            # Its set's words are kept whether or not the topic list has them (build_thesaurus.py); of those it lacks,
            # only a word rarer than everyday ones, whose topics are its own ("ausgelaugt"), not an everyday word's
            # loose ones ("das kann nicht wahr sein" ~ unglaublich, whose synonyms reach the violence groups).
            readings = [w for w in readings if (_said_of_a_concern(w) if negates else named_topics(w))]
            if len(content) >= MIN_PHRASE_WORDS and readings:
                alone = sum(1 for w in words if _content_keys(w)) < MIN_PHRASE_WORDS
                found.append((content, negates, alone, tuple(readings)))
    return tuple(found)


# The subject a pronoun of REFLEXIVE is reflexive with (grammar): "sich" with anyone, "mich" only beside "ich"
# ("ich hasse mich"; "Partner schlägt mich" is no act on oneself), "dich" beside "du", and so on.
REFLEXIVE_SUBJECTS = {"mich": "ich", "mir": "ich", "dich": "du", "dir": "du", "uns": "wir", "euch": "ihr"}
REFLEXIVE_REACH = 2  # words between a reflexive pronoun and its verb ("ritzt sich", "sich selbst verletzt")


def _lower_case_verb(word: str) -> tuple[str, ...]:
    """The verb a present-tense form typed in lower case belongs to, though a noun is spelled so too: German
    writes a noun with a capital, so "ritze" in "ich ritze mich" is ritzen, not the noun Ritze."""
    if not word[:1].islower():
        return ()
    for ending in ("et", "st", "t", "e"):
        if word.endswith(ending) and (verb := word[: -len(ending)] + "en") in language.verbs():
            return (verb,)
    return ()


def reflexive_readings(q: str) -> list[str]:
    """The query with a verb done to oneself read as its noun in "Selbst-" (:func:`language.reflexive_nouns`),
    the verb and its reflexive pronoun replaced by it: "Tochter ritzt sich" → "Tochter Selbstverletzung", "ich
    hasse mich" → "ich Selbsthass" (s34-situation). The pronoun is reflexive only with its own subject
    (:data:`REFLEXIVE_SUBJECTS`); the verb is the nearest word beside it that is a verb's form. For
    :func:`search_ids`, where the query's own words find nothing."""
    q = (q or "")[:MAX_QUERY_CHARS]
    spans = [m.span() for m in _LETTERS.finditer(q)]
    words = [q[a:b] for a, b in spans]
    lower = [w.lower() for w in words]
    found: list[str] = []
    for i, pronoun in enumerate(lower):
        if pronoun not in REFLEXIVE or (pronoun != "sich" and REFLEXIVE_SUBJECTS.get(pronoun) not in lower):
            continue
        near = sorted(
            (j for j in range(i - REFLEXIVE_REACH, i + REFLEXIVE_REACH + 1) if 0 <= j < len(words) and j != i),
            key=lambda j: (abs(j - i), j > i),
        )
        for j in near:
            verbs = language.infinitives(words[j]) or language.finite_verbs(words[j]) or _lower_case_verb(words[j])
            nouns = [n for v in verbs for n in language.reflexive_nouns(v)]
            if nouns:
                (first, _end), (_last, end) = spans[min(i, j)], spans[max(i, j)]
                between = " ".join(words[k] for k in range(min(i, j) + 1, max(i, j)))
                found += [
                    " ".join(p for p in (q[:first].strip(), noun, between, q[end:].strip()) if p)
                    for noun in dict.fromkeys(nouns)
                ]
                break
    return list(dict.fromkeys(found))


def phrase_readings(q: str) -> list[str]:
    """The readings of :func:`phrase_reading_words`, without the words they read."""
    return list(dict.fromkeys(reading for reading, _words in phrase_reading_words(q)))


def phrase_reading_words(q: str) -> list[tuple[str, frozenset[str]]]:
    """The query read by an OpenThesaurus phrase whose content words it has, in any order and inflection ("lebe
    auf der Straße": "auf der Straße leben"), as each word of the phrase's set that names a concern ("obdachlos"),
    the phrase's words replaced by it and the query's other words kept (s31-phrases). A phrase that negates is read
    only from a query that negates, and a query that negates only by one that does: "ich trau mich nicht unter Leute"
    is not "unter Leute gehen". For :func:`search_ids`, where the query's own words find no group that matches them
    all or leave a word of the phrase unread. Each reading with the query's words it read (their surface keys, as
    :attr:`SearchResult.ignored` names them)."""
    words = language.raw_words((q or "")[:MAX_QUERY_CHARS])
    if len(words) < MIN_PHRASE_WORDS or _suicide_phrases_read(q)[0] != q:
        # A sentence of suicide is read as one ("ich will nicht mehr leben"), never as a phrase of its words.
        return []
    keys = [_said_keys(w) for w in words]
    negates = any(language.norm(w) in _negation_keys() for w in words)
    said = frozenset().union(*keys)
    found: list[tuple[str, frozenset[str]]] = []
    for content, phrase_negates, alone, readings in _thesaurus_phrases():
        # A phrase some of whose words the sentence lacks is passed over at once (one set operation a word).
        if phrase_negates != negates or not all(wanted & said for wanted in content):
            continue
        places = [next((i for i, k in enumerate(keys) if k & wanted), None) for wanted in content]
        if None in places:
            continue
        used = {i for i in places if i is not None}
        if negates:
            used |= {i for i, w in enumerate(words) if language.norm(w) in _negation_keys()}
        if alone and any(keys[i] and not language.is_person(w) for i, w in enumerate(words) if i not in used):
            # A phrase of small words is an idiom only where the sentence says nothing else but who ("ich kann
            # nicht mehr", "Vater ist nicht mehr unter uns"); beside another word they are grammar ("ist der Platz
            # nicht mehr frei" is no "nicht mehr frei" ~ vermählt; s32-situation).
            continue
        first = min(used)
        read = frozenset(language.surface(words[i].lower()) for i in used)
        for reading in readings:
            rest = [reading if i == first else w for i, w in enumerate(words) if i == first or i not in used]
            found.append((" ".join(rest), read))
    return list(dict.fromkeys(found))


RARE_WORD_ZIPF = 3.0  # in head_readings: a word this rare (or rarer) may be read by its head; no everyday word


def head_readings(q: str) -> list[str]:
    """A query of one rare word read as its head, for :func:`search_ids` to try where nothing else finds a group
    (s31-medical): the longest ending of the word, at least :data:`HEAD_MIN_LETTERS` letters after a front of
    :data:`HEAD_MIN_FRONT` or more, that German Wiktionary defines as a headword and the thesaurus or the dictionary
    has as a noun. A learned compound's front is often no word of any resource ("Uro|stoma", "Ileo|stoma",
    "Poly|arthritis", "Subarachnoidal|blutung") and the compound splitter cuts it elsewhere or not at all, but
    its head is the kind it is of, as in every German compound. Only a word rarer than :data:`RARE_WORD_ZIPF`
    (none of everyday speech), and only the longest such head: never a short word inside a longer one
    ("Schlauch|magen" is read as Magen, not "Agen")."""
    words = _LETTERS.findall((q or "")[:MAX_QUERY_CHARS])
    if len(words) != 1:
        return []
    word = words[0]
    defined = bool(language.glosses(word)) and not language.medical_term(word)
    if language.zipf(word.lower()) >= RARE_WORD_ZIPF or defined or language.synonyms(word):
        # An everyday word, or one Wiktionary or the thesaurus reads (the search has read it so); a term Wiktionary
        # defines as one of medicine is read by its head too, where its definition found nothing (s32-terms): it
        # often says where or how, not what the term is a kind of ("Subarachnoidal|blutung": krankhaftes
        # *Geschehen* im Bereich des zentralen *Nervensystems*), as no definition does.
        return []
    split = language.split_compound(word)
    if len(split) > 1 and _word_front(split[0]):
        return []  # a compound of words the search has read as such ("Panik|attacken", "Arbeiter|kinder")
    for start in range(HEAD_MIN_FRONT, len(word) - HEAD_MIN_LETTERS + 1):
        head = word[start].upper() + word[start + 1 :]
        if language.glosses(head) and (language.is_noun(head) or language.lexicon_noun(head)):
            # The longest head decides: an everyday one ("Nation", "Zentrum") names no kind of condition, nor one of
            # several senses that name different topics (s31-medical2: "Trichotillo|manie").
            if _word_front(word[:start]) or language.zipf(head.lower()) >= COMMON_WORD_ZIPF or _head_senses_apart(head):
                return []
            return [head]
    return []


def _head_senses_apart(head: str) -> bool:
    """Whether a head has senses that name different topics of the common list, so that a compound of it says not
    which it means (s31-medical2): an OpenThesaurus synonym of the head names topics none of which the head names
    itself. Manie names the bipolar topic, its synonym Sucht the addictions (Wiktionary: the mood disorder, and
    a compulsive urge): "Trichotillo|manie" is no bipolar disorder. Stoma has no synonym of another topic
    ("Uro|stoma" stays the ostomy groups')."""
    own = set(named_topics(head, loose=False))
    return any(
        (topics := named_topics(synonym, loose=False)) and not own & set(topics) for synonym in language.synonyms(head)
    )


def _word_front(front: str) -> bool:
    """Whether a compound's front is a word of German Wiktionary, the thesaurus or the dictionary, as written or
    without a linking element ("Querschnitt|s", "Heu", "Spiel", "Schuldner"): a compound of words, whose head
    alone is no reading of the whole ("Heu|schnupfen", "Spiel|gruppe", "Querschnitts|lähmung"), where a learned
    front is none ("Uro", "Ileo", "Tracheo", "Subarachnoidal")."""
    spelled = front[0].upper() + front[1:]
    return any(
        language.defined_headword(v) or language.is_noun(v) or language.lexicon_noun(v)
        for v in language.linking_variants(spelled)
    )


INITIALS_LETTERS = (3, 6)  # an abbreviation no resource lists is read by the initials of a concern's name: this long


def initials_readings(q: str) -> list[str]:
    """The query with an abbreviation that no resource lists read as the one name of a concern whose initials it
    is (:func:`_initials_names`: "BPS" → Borderline-Persönlichkeitsstörung), for :func:`search_ids` to try where
    nothing else finds a group (s30-abbrev). A word of three to six letters, typed with two capitals or more or
    no word of the dictionary, that no resource knows: no word of the dictionary or the thesaurus, no definition,
    no abbreviation Wiktionary spells out, no word of the topic list. None where several names have its initials:
    no guessing among them."""
    q = (q or "")[:MAX_QUERY_CHARS]
    found: list[str] = []
    low, high = INITIALS_LETTERS
    for match in _LETTERS.finditer(q):
        word = match.group()
        if not (low <= len(word) <= high) or (sum(c.isupper() for c in word) < 2 and language.known_word(word)):
            continue
        if (
            language.dictionary_spelling(language.surface(word))
            or language.defined_headword(word)
            or language.expansions(word)
            or language.synonyms(word)
            or language.norm(word) in _listed_topic_names()
        ):
            continue
        names = _initials_names().get(language.surface(word), ())
        if len(names) == 1:
            found.append(q[: match.start()] + names[0] + q[match.end() :])
    return found


@_common_index
def _initials_names() -> dict[str, tuple[str, ...]]:
    """Initials (:func:`language.acronyms`, three letters or more) → the names of a concern they spell: the nouns
    OpenThesaurus writes as a phrase or with a hyphen (:func:`language.thesaurus_phrases`) and the names and
    search words of the common topic list, each that names a concern (:func:`_names_a_concern`), one spelling
    per name (its search keys)."""
    from saas.directory.demo import load_topic_rows

    listed = [
        p.strip() for row in load_topic_rows() for p in re.split(r"[,;()/]", row["name"] + "," + row["search_words"])
    ]
    found: dict[str, dict[tuple[str, ...], str]] = {}
    for name in [*listed, *language.thesaurus_phrases()]:
        words = name.split()
        if not words or len(words) > 3 or any(w.islower() and language.is_function_word(w) for w in words):
            continue
        if name not in listed and not _names_a_concern(name):
            continue
        keys = tuple(language.norm(w) for w in language.raw_words(name))
        for initials in language.acronyms(name):
            if len(initials) >= INITIALS_LETTERS[0]:
                found.setdefault(initials, {}).setdefault(keys, name)
    return {initials: tuple(names.values()) for initials, names in found.items()}


def _names_a_concern(spelled: str) -> bool:
    """Whether an abbreviation's expansion names a topic of the common topic list as a concern: it is a phrase of
    the list ("Multiple Sklerose", "posttraumatische Belastungsstörung"), or a noun of it, a rare one (no everyday
    word, no word for people), is a word of the list ("Diabetes Mellitus", "Schilddrüse", "akute lymphatische
    Leukämie"); so is the front of a hyphenated compound whose head is the head of words of the list
    ("Borderline-Persönlichkeits|störung", "Ess-Brech-Sucht"), not of another ("Hörgeräte-Akustiker",
    "Herz-Lungen-Maschine"). Not by a word that the list has as the head of other words ("Syndrom" of
    Asperger-Syndrom and Alkohol-Syndrom, "Abhängige" of Alkohol|abhängigkeit). The other senses of an abbreviation
    name no concern, though the search would read their words loosely ("Deutsche Meisterschaft" → Glücksspiel,
    "Bundesministerium für Bildung" → Arbeiterkinder, "Tourette-Syndrom" → Chromosomenschädigung)."""
    words = [w for w in language.raw_words(spelled) if w.isalpha() and language.surface(w) not in STOPWORDS]
    if tuple(language.norm(w) for w in words) in _listed_phrases():
        return True
    heads = _listed_heads()
    for word in spelled.split():
        pieces = word.split("-")
        for place, piece in enumerate(pieces):
            if not (
                piece[:1].isupper()
                and piece.isalpha()
                and language.zipf(piece.lower()) < COMMON_WORD_ZIPF
                and language.norm(piece) not in heads
                and _names_of_lemma(piece)
                and not language.is_person(piece)
            ):
                continue
            if len(pieces) == 1 and language.is_noun(piece):
                return True
            if place < len(pieces) - 1 and language.norm(language.split_compound(pieces[-1])[-1]) in heads:
                return True
    return False


@_common_index
def _listed_heads() -> frozenset[str]:
    """Search keys of the words of the common topic list that are the head of another of its words: the last part
    of a compound ("Alkohol|abhängigkeit", "Essstörung") or the last word of a phrase ("Asperger Syndrom",
    "Alkohol-Syndrom")."""
    from saas.directory.demo import load_topic_rows

    found: set[str] = set()
    for row in load_topic_rows():
        for phrase in re.split(r"[,;()]", row["name"] + "," + row["search_words"]):
            words = [w for w in language.raw_words(phrase) if w.isalpha()]
            if len(words) > 1:
                found.add(language.norm(words[-1]))
            for word in words:
                if len(parts := language.split_compound(word)) > 1:
                    found.add(language.norm(parts[-1]))
    return frozenset(found)


_LETTERS = re.compile(r"[^\W\d_]+")


def as_written(q: str) -> str:
    """A query with each word typed without umlauts ("ae", "oe", "ue", as on a phone or a keyboard without them)
    spelled as German writes it (:func:`language.umlaut_spelling`), its first letter's case kept: "Partner
    schlaegt mich" is searched as "Partner schlägt mich", "Autismusspektrumstoerung" as
    "Autismusspektrumstörung" (issue #14, s22-spelling). Every step reads the query as written then: the verb's
    form by the dictionary, a compound's front cut where the head is found as typed, the words' frequencies."""

    def written(match: re.Match[str]) -> str:
        typed = match.group()
        spelled = language.umlaut_spelling(typed.lower())
        if spelled == typed.lower():
            return typed
        return spelled[:1].upper() + spelled[1:] if typed[:1].isupper() else spelled

    return _LETTERS.sub(written, q or "")


# A word with punctuation inside: "AD(H)S", "ME/CFS", "Co-Abhängigkeit", "Down-Syndrom", "Hörgeschädigte(r)".
_PUNCTUATED = re.compile(r"[^\W\d_]+(?:[-‐–/()'’.]+[^\W\d_]+)+\)?")
_BRACKETED = re.compile(r"\([^()]*\)")
MAX_READINGS = 4


def punctuation_readings(q: str) -> list[str]:
    """Other readings of a query whose words have punctuation inside, nearest first: each such word joined
    ("AD(H)S" → ADHS, "Down-Syndrom" → Downsyndrom, "Co-Abhängigkeit" → Coabhängigkeit), without what its
    brackets hold ("AD(H)S" → ADS), and each side of a slash alone, which writes alternatives ("ME/CFS" →
    ME, CFS). At most ``MAX_READINGS``; none for a query without such a word."""
    q = (q or "")[:MAX_QUERY_CHARS]
    found: list[str] = []
    for match in _PUNCTUATED.finditer(q):
        word = match.group()
        variants = [re.sub(r"[^\w]", "", word)]
        if "(" in word:
            variants.append(re.sub(r"[^\w]", "", _BRACKETED.sub("", word)))
        if "/" in word:
            variants += [side for side in word.split("/") if side]
        found += [q.replace(word, v, 1) for v in variants if v and v.lower() != word.lower()]
    return [r for r in dict.fromkeys(found) if r != q][:MAX_READINGS]


def _search(
    q: str,
    *,
    tenant_id: int | None = None,
    tenant_ids: list[int] | None = None,
    topic_area: str | None = None,
    statuses: tuple[str, ...] | None = ("founding", "active"),
    filters: list | None = None,
    offset: int = 0,
    limit: int = 20,
    partial: bool = True,
) -> SearchResult:
    """Ranked group ids for a query. ``tenant_id`` / ``tenant_ids`` limit the offices; neither searches
    all offices (inside ``cross_tenant``). ``filters`` are further SQL conditions on ``Group``.

    One ranking semantics for any selection: each office's groups are found and ranked exactly as that
    office's own search finds them (:func:`search_by_office`), and a search across offices lists them all,
    merged by score (then name) so that each office's order stays as it is. For one office, one statement
    (vocabulary, typo candidates and groups together, see :func:`_one_statement`); a second one only for
    a typo correction.
    """
    from saas.directory.models import Group

    offices = [tenant_id] if tenant_id is not None else tenant_ids
    terms = query_terms(q)
    if not terms:
        where = _base_filters(offices, topic_area, statuses, filters)
        # Every group by name: the order of each office's own list, merged.
        rows = db.session.execute(
            select(Group.id, func.count().over())
            .where(*where)
            .order_by(Group.name, Group.id)
            .offset(offset)
            .limit(limit)
        ).all()
        if rows:
            return SearchResult([r[0] for r in rows], rows[0][1], {}, [])
        total = db.session.scalar(select(func.count(Group.id)).where(*where)) if offset else 0
        return SearchResult([], total or 0, {}, [])
    token = _PARTIAL_QUERY.set(q if partial else None)
    try:
        if offices is not None and len(offices) == 1:
            known, candidates_of, groups, optional = _one_statement(terms, offices[0], topic_area, statuses, filters)
            settled = _settle_office(terms, known, candidates_of, optional, offices[0])
            where_of = lru_cache(maxsize=1)(lambda: _base_filters(offices, topic_area, statuses, filters))
            ranked, corrected, ignored = _finish(settled, groups, where_of)
            return SearchResult([c.id for c in ranked[offset : offset + limit]], len(ranked), corrected, ignored)
        found = _ranked_by_office(q, offices, topic_area, statuses, filters)
    finally:
        _PARTIAL_QUERY.reset(token)
    merged = list(heapq.merge(*(ranked for ranked, _c, _i in found.values()), key=_merge_key))
    corrected_all: dict[str, list[str]] = {}
    for _ranked, corrected, _ignored in found.values():
        for word, fixes in corrected.items():
            corrected_all[word] = list(dict.fromkeys([*corrected_all.get(word, []), *fixes]))
    ignored_all = list(dict.fromkeys(w for _r, _c, ignored in found.values() for w in ignored))
    return SearchResult([c.id for c in merged[offset : offset + limit]], len(merged), corrected_all, ignored_all)


def search_by_office(
    q: str,
    offices: list[int],
    *,
    topic_area: str | None = None,
    statuses: tuple[str, ...] | None = ("founding", "active"),
    filters: list | None = None,
    offset: int = 0,
    limit: int = 20,
) -> dict[int, SearchResult]:
    """Each office's own search (:func:`search_ids` with its ``tenant_id``), for many offices at once: the
    vocabulary of all of them in one statement, their groups in another (a third for typo candidates),
    then each office settled and ranked on its own. Reads across offices: inside ``cross_tenant``. A query that
    :func:`search_ids` may read another way where it finds nothing (punctuation inside a word, an abbreviation:
    "ME/CFS", "BPS", a learned compound read by its head: "Urostoma", a sentence read by a thesaurus phrase:
    "lebe auf der Straße") is each office's :func:`search_ids` itself: the regional finder read "BPS" as typed
    only and listed no office's Borderline group that the office's own Wegweiser finds (s30)."""
    q = as_written(q)
    readings = (
        punctuation_readings,
        phrase_readings,
        reflexive_readings,
        expansion_readings,
        initials_readings,
        head_readings,
    )
    if not query_terms(q) or any(reading(q) for reading in readings):
        return {
            office: search_ids(
                q,
                tenant_id=office,
                topic_area=topic_area,
                statuses=statuses,
                filters=filters,
                offset=offset,
                limit=limit,
            )
            for office in offices
        }
    token = _PARTIAL_QUERY.set(q)
    try:
        found = _ranked_by_office(q, offices, topic_area, statuses, filters)
    finally:
        _PARTIAL_QUERY.reset(token)
    return {
        office: SearchResult(
            [c.id for c in found[office][0][offset : offset + limit]],
            len(found[office][0]),
            found[office][1],
            found[office][2],
        )
        for office in offices
    }


def _merge_key(c: Candidate) -> tuple[float, str, int]:
    return (-c.score, c.name.lower(), c.id)


@dataclass
class _Settled:
    """A query's terms as one office's vocabulary leaves them (:func:`settle_terms`)."""

    office: int
    terms: list[Term]  # all of the query's terms, settled
    kept: list[Term]
    ignored: list[str]
    nothing: bool
    fits: bool  # the groups of the first statement are those the kept terms match (no second statement)
    # What the first statement read for all of the query's words: the office's known tokens, and the typo
    # candidates of each word (by its place in the query) of which the office knows no reading. The best
    # partial match settles the words again from these instead of asking again (:func:`_best_partial`).
    known: set[str] = field(default_factory=set)
    candidates: dict[int, list[str]] = field(default_factory=dict)


def _fresh(terms: list[Term]) -> list[Term]:
    """Copies of unsettled terms (:func:`settle_terms` narrows its terms in place)."""
    return [Term(t.word, list(t.alternatives)) for t in terms]


def _settle_office(
    terms: list[Term], known: set[str], candidates_of: dict[int, list[str]], optional: set[int], office: int
) -> _Settled:
    unknown_terms = {
        i for i, term in enumerate(terms) if not any(all(t in known for t in a.tokens) for a in term.alternatives)
    }
    # The candidates the statement fetched: those of a word it found no reading of (_build_statement).
    asked = {i: c for i, c in candidates_of.items() if not _known_alternative(terms[i], known)}
    kept, ignored, nothing = settle_terms(terms, known, [office], candidates_of)
    # The groups' condition holds for the kept terms (a superset of their alternatives) and for ignored
    # words that were optional because unknown; a typo correction needs the statement again.
    kept_ids = {id(t) for t in kept}
    fits = all(not t.corrected for t in kept) and all(
        i in optional and i in unknown_terms for i, t in enumerate(terms) if id(t) not in kept_ids
    )
    return _Settled(office, terms, kept, ignored, nothing, fits, known, asked)


def _known_alternative(term: Term, known: set[str]) -> bool:
    """The known-alternative test of :func:`_build_statement` in Python, for one office's known words."""
    for a in term.alternatives:
        if len(a.tokens) == 1:
            if a.tokens[0] in known:
                return True
        elif all(k in known or PART + k in known for k in (t.removeprefix(PART) for t in a.tokens)):
            return True
    return False


def _ranked_by_office(
    q: str,
    offices: list[int] | None,
    topic_area: str | None,
    statuses: tuple[str, ...] | None,
    filters: list | None,
) -> dict[int, tuple[list[Candidate], dict[str, list[str]], list[str]]]:
    """:func:`_ranked_by_each_office`, the offices sharing the matchers of their terms (:data:`_MATCHERS`)."""
    token = _MATCHERS.set({})
    try:
        return _ranked_by_each_office(q, offices, topic_area, statuses, filters)
    finally:
        _MATCHERS.reset(token)


def _ranked_by_each_office(
    q: str,
    offices: list[int] | None,
    topic_area: str | None,
    statuses: tuple[str, ...] | None,
    filters: list | None,
) -> dict[int, tuple[list[Candidate], dict[str, list[str]], list[str]]]:
    """Each office's ranked groups, corrections and ignored words, exactly as its own search gives them, read
    with a few statements for all offices (:func:`search_by_office`). ``None``: every office with groups.

    The same steps as :func:`_one_statement` per office: the vocabulary (which words are known is each
    office's own: it decides typo corrections, which readings a word keeps and which words may be left
    out), the typo candidates of a word an office knows nothing of, and the groups that match each term's
    alternatives before the vocabulary is known (or, for a common word an office does not know, any group
    of that office). Then each office is settled and ranked alone: "the nearest reading some group has in
    its name or topics" means a group of that office."""
    from saas.directory.models import Group, SearchWord

    where = _base_filters(None, topic_area, statuses, filters)
    if offices == []:
        return {}
    template = query_terms(q)
    tokens = {t for term in template for t in term.tokens} | {t for term in template for t in _area_tokens(term)}
    known_of: dict[int, set[str]] = {office: set() for office in offices or []}
    for office, word in db.session.execute(
        select(SearchWord.tenant_id, SearchWord.word).where(
            _office_filter(SearchWord.tenant_id, offices), SearchWord.word.in_(sorted(tokens))
        )
    ).tuples():
        known_of.setdefault(office, set()).add(word)
    optional = {i for i, term in enumerate(template) if may_ignore(term.word)}

    def lacks(known: set[str]) -> set[int]:
        return {i for i, term in enumerate(template) if not _known_alternative(term, known)}

    unknown_of = {office: lacks(known) for office, known in known_of.items()}
    asked = [i for i, term in enumerate(template) if _asks_candidates(term)]
    fixes_of: dict[int, dict[int, list[str]]] = {}
    for i in asked:
        # All offices (None): those that know none of the words are found by their spellings.
        lacking = None if offices is None else [office for office in offices if i in unknown_of[office]]
        if lacking == []:
            continue
        # Only a spelling within the edit distance can be a correction: those first, then which office has them.
        window = _correction_window(template[i].word)
        assert window is not None
        spellings = db.session.scalars(_candidates_stmt(template[i].word, lacking).distinct()).all()
        close = sorted({w for w in spellings if _closest(*window, [w])})
        if close:
            for office, word in db.session.execute(
                select(SearchWord.tenant_id, SearchWord.word).where(
                    _office_filter(SearchWord.tenant_id, lacking), SearchWord.word.in_(close)
                )
            ).tuples():
                if i in unknown_of.get(office, {i}):  # asked only of an office that knows no reading of it
                    fixes_of.setdefault(office, {}).setdefault(i, []).append(word)
    if offices is None:
        # Every office that knows a word of the query or has a spelling near one; the others find nothing.
        offices = sorted(set(known_of) | set(fixes_of))
        if not offices:
            return {}
        for office in offices:
            known_of.setdefault(office, set())
            unknown_of.setdefault(office, lacks(set()))
    candidates_of = {office: {i: fixes_of.get(office, {}).get(i, []) for i in asked} for office in offices}
    # Offices that know the same words (and have the same typo candidates) settle the terms alike: once.
    # Not where a typo inside a compound was looked up in the office's whole vocabulary (_correct_compound).
    settled: dict[int, _Settled] = {}
    alike: dict[tuple, _Settled] = {}
    for office in offices:
        key = (frozenset(known_of[office]), tuple(sorted((i, tuple(c)) for i, c in candidates_of[office].items())))
        if key in alike:
            settled[office] = _copy_settled(alike[key], office)
            continue
        counter = [0]
        token = _COMPOUND_LOOKUPS.set(counter)
        try:
            settled[office] = _settle_office(
                _fresh(template), known_of[office], candidates_of[office], optional, office
            )
        finally:
            _COMPOUND_LOOKUPS.reset(token)
        if not counter[0]:
            alike[key] = settled[office]
    # One statement for the groups: for an office that needs no typo correction, those that match each
    # term's alternatives before the vocabulary is known (as its first statement fetches them); after a
    # correction, those its kept terms match (offices with the same kept terms share a condition).
    ranking = [o for o, s in settled.items() if s.fits and s.kept and not s.nothing]
    # The offices as an expression no index serves: PostgreSQL then finds the rows by the index of tokens
    # (see _may_matter) and checks the office on those, instead of reading every group of every office.
    tenant: ColumnElement[int] = Group.tenant_id + 0
    wanted = []
    if ranking:
        conditions = []
        for i, term in enumerate(template):
            unknown = [o for o in ranking if i in optional and i in unknown_of[o]]
            match = _term_tokens(term)
            conditions.append(or_(match, tenant.in_(unknown)) if unknown else match)
        wanted.append(and_(tenant.in_(ranking), *conditions))
    corrected: dict[tuple, list[int]] = {}
    for office, s in settled.items():
        if not s.fits and s.kept and not s.nothing:
            corrected.setdefault(_condition_key(s.kept), []).append(office)
    wanted += [
        and_(
            tenant.in_(members),
            *(_term_tokens(t) for t in settled[members[0]].kept),
        )
        for members in corrected.values()
    ]
    groups_of: dict[int, list[Candidate]] = {}
    if wanted:
        searched = ranking + [o for members in corrected.values() for o in members]
        matter = _may_matter([a for o in searched for t in settled[o].kept for a in t.alternatives])
        postgresql = db.session.get_bind().dialect.name == "postgresql"
        if postgresql:
            # PostgreSQL keeps no statistics of the token arrays and takes a condition on them to hold for
            # a tenth of all groups: it would read every group of every office instead of asking the index.
            db.session.execute(text("SET LOCAL enable_seqscan = off"))
        try:
            rows = db.session.execute(
                select(Group.tenant_id, *_group_columns()).where(*where, or_(*wanted), matter)
            ).all()
        finally:
            if postgresql:
                db.session.execute(text("SET LOCAL enable_seqscan = on"))
        for office_id, *row in rows:
            groups_of.setdefault(office_id, []).append(Candidate(*row))
    found = {}
    for office in offices:
        found[office] = _finish(
            settled[office],
            groups_of.get(office, []),
            lambda office=office: _base_filters([office], topic_area, statuses, filters),  # type: ignore[misc]
            second=True,
        )
    return found


def _may_matter(alternatives: list[Alternative]) -> ColumnElement[bool]:
    """Of the groups a condition lets pass, those :func:`rank` may list or that decide its rules, for the
    kept alternatives of any office: some alternative in the name or topics, or one that may match a
    description (the words typed, their typo correction, a compound's front part) in the text. A group
    that has a query's words only as synonyms in its description scores nought for every term and decides
    nothing, so it never leaves the database (a synonym such as "Begegnung" of "Spiel" is in thousands of
    descriptions). The same results, fewer rows."""
    from saas.directory.models import Group

    strong = {a.tokens for a in alternatives}
    described = {a.tokens for a in alternatives if a.kind in (*LITERAL_KINDS, *FALLBACK_KINDS, "typo")}
    if db.session.get_bind().dialect.name != "postgresql":

        def has(
            column: ColumnElement[str] | InstrumentedAttribute[str], tokens: tuple[str, ...]
        ) -> ColumnElement[bool]:
            return and_(*(column.like(f"% {t} %") for t in tokens))

        name_topics: ColumnElement[str] = Group.search_name + Group.search_topics
        return or_(
            false(),
            *(has(name_topics, tokens) for tokens in sorted(strong)),
            *(has(Group.search_text, tokens) for tokens in sorted(described)),
        )
    from sqlalchemy.dialects.postgresql import ARRAY

    def array(column: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement:
        return func.string_to_array(column, literal_column("' '"), type_=ARRAY(Text))

    def any_of(column: ColumnElement, groups: set[tuple[str, ...]]) -> list[ColumnElement[bool]]:
        singles = sorted(t[0] for t in groups if len(t) == 1)
        found = [column.op("&&")(literal(singles, ARRAY(Text)))] if singles else []
        return found + [column.op("@>")(literal(list(t), ARRAY(Text))) for t in sorted(groups) if len(t) > 1]

    # The same once more as a condition the GIN index of tokens answers (name and topics are in the text),
    # on its own in a materialized CTE: the index finds the rows (a few known tokens) and the rest is checked
    # on those alone. In one statement with the rest the planner reads every group instead.
    indexed = (
        select(Group.id)
        .where(or_(false(), *any_of(array(Group.search_text), strong)))
        .cte("may_matter")
        .prefix_with("MATERIALIZED")
    )
    return and_(
        Group.id.in_(select(indexed.c.id)),
        or_(
            false(),
            *any_of(array(Group.search_name + Group.search_topics), strong),
            *any_of(array(Group.search_text), described),
        ),
    )


def _copy_settled(settled: _Settled, office: int) -> _Settled:
    """Another office's copy of settled terms (what :func:`_finish` may still change is its own)."""
    terms = []
    for t in settled.terms:
        copy = Term(t.word, list(t.alternatives), list(t.corrected), t.exact_known, t.areas, t.meant_areas)
        terms.append(copy)
    position = {id(t): i for i, t in enumerate(settled.terms)}
    kept = [terms[position[id(t)]] for t in settled.kept]
    return _Settled(
        office, terms, kept, list(settled.ignored), settled.nothing, settled.fits, settled.known, settled.candidates
    )


def _term_tokens(term: Term) -> ColumnElement[bool]:
    """:func:`_term_regex` over ``Group.search_text`` for many offices. On PostgreSQL the same condition as
    array operators on the document's tokens (each key as a word or a compound's part: ``&&`` with
    ``{key, ~key}``), which its GIN index of tokens answers (``ix_groups_search_tokens``, see ddl.py) instead
    of a regular expression over every document of every office; elsewhere the regular expression."""
    from saas.directory.models import Group

    if db.session.get_bind().dialect.name != "postgresql":
        return _term_regex(term, Group.search_text)
    from sqlalchemy.dialects.postgresql import ARRAY

    tokens = func.string_to_array(Group.search_text, literal_column("' '"), type_=ARRAY(Text))

    def any_of(keys: Iterable[str]) -> ColumnElement[bool]:
        bare = sorted({k.removeprefix(PART) for k in keys})
        return tokens.op("&&")(literal([w for k in bare for w in (k, PART + k)], ARRAY(Text)))

    singles, multi = _term_keys(term)
    found = [any_of(singles)] if singles else []
    found += [and_(*(any_of([k]) for k in keys)) for keys in multi]
    return or_(*found) if found else false()


def _condition_key(terms: list[Term]) -> tuple:
    """What :func:`_term_regex` makes of the terms: offices whose kept terms give the same share a condition."""
    return tuple((tuple(sorted(singles)), tuple(multi)) for singles, multi in map(_term_keys, terms))


def _finish(
    settled: _Settled, groups: list[Candidate], where_of: Callable[[], list], *, second: bool = False
) -> tuple[list[Candidate], dict[str, list[str]], list[str]]:
    """One office's ranked groups from its settled terms and the groups of its first statement (see the
    module's rules), or with ``second`` those its kept terms match (:func:`_rows`, read for many offices
    at once); ``where_of`` gives the conditions that limit to that office (built only where a statement of its
    own is needed). Returns the groups, corrections and ignored words."""
    kept, ignored = settled.kept, settled.ignored
    if settled.nothing or not kept:
        if unlisted := _unlisted_front_groups(settled, where_of):
            return unlisted, {}, ignored
        if best := _partial_of(settled, where_of):
            return best[0], {t.word: t.corrected for t in best[1] if t.corrected}, best[2]
        return [], {}, ignored
    # The groups of the first statement, or (after a typo correction) those the kept terms match.
    ranked = rank(kept, groups if settled.fits or second else _rows(kept, where_of()), len(settled.terms) == 1)
    ranked = _person_compound_readings(kept, _condition_noun_readings(kept, ranked))
    if not ranked:
        # Parts of a mistyped word may each be known ("Schlagen|fall"): now try corrections.
        retry = [t for t in kept if not t.exact_known and not t.corrected]
        if [add_corrections(t, [settled.office]) for t in retry].count(True):
            ranked = _find(kept, where_of())
    if situation := _situation(settled.terms, kept, ranked, ignored, where_of):
        ranked, kept, ignored = situation
        if not ranked:
            # A child's concern whose groups here are all for adults ("Sohn hat ADHS": "ADHS bei Erwachsenen"):
            # no group answers it, and the concern read without the child would list them again.
            return [], {}, ignored
    if (
        ranked
        and len(kept) > 1
        and not any(_relative(t) for t in settled.terms)
        and (loose := _loose_qualifiers(kept, ranked))
    ):
        # A place or a loose qualifier ranks, it does not filter (a life situation with a relative excepted).
        ranked = _then_concern(ranked, [t for t in kept if t not in loose], where_of)
    if ranked and len(kept) == 1 and (front := _generic_head_front(kept[0], ranked)):
        # A compound whose head only says "a group" or "a meeting" ("Trauer|café"): the front is the concern.
        ranked = _then_concern(ranked, [front], where_of)
    if (
        not ranked
        and len(kept) > 1
        and not any(_relative(t) for t in settled.terms)
        and (loose := _loose_qualifiers(kept, []))
    ):
        # No group has all the words, and a rare one only qualifies the concern ("Depression *Hombruch*" where
        # no depression group meets in Hombruch): the concern's groups, not the place's (the partial match
        # below rested on the rarer word, the place, and listed every group of Hombruch).
        concern = [t for t in kept if t not in loose]
        # Only a rare word the groups have as typed (a place's name; not "Menschen", not a typo such as
        # "Parkisonn") beside words that each name a topic area.
        rare = all(language.zipf(t.word) < COMMON_WORD_ZIPF and t.exact_known and not t.corrected for t in loose)
        if rare and all(t.areas for t in concern) and (alone := _find(concern, where_of())):
            ranked, kept, ignored = alone, concern, ignored + [t.word for t in loose]
    if not ranked and len(kept) > 1:
        # No group has all the words, and some are everyday words ("was *tun* bei Panikattacken", "Drogen
        # *Sohn*", "Stottern *Kinder*"): the other words alone, once. A specific word is never left out.
        firm = [t for t in kept if _firm(t)]
        if firm and len(firm) < len(kept):
            ranked = _find(firm, where_of())
            if ranked:
                ranked = _dropped_nouns_first(ranked, [t for t in kept if not _firm(t)])
                ignored = ignored + [t.word for t in kept if not _firm(t)]
                kept = firm
    if ranked and len(kept) == 1 and (topic := _described_topic(kept[0], ranked)):
        # A word only descriptions have, all in groups of one topic ("Witwe": "Junge Witwen und Witwer" of a
        # grief group): the word is about that topic, so the topic's other groups answer it too, after them.
        # Several topics the common list gives one word for ("Trauma": Traumatisierung, Komplexe PTBS) each stand
        # for it: "Albträume" of a trauma group's description finds the groups of each (s28-moods).
        readings = [Alternative(keys, SYNONYM, "topic") for keys in _one_word_topics(topic)]
        widened = Term(kept[0].word, [*kept[0].alternatives, *readings])
        # The area it means is the described topic's, not one its fallback part names ("Herz|rasen": a
        # panic group's description has it; Herz names the heart children's topic; s23-colloquial).
        widened.areas, widened.meant_areas = kept[0].areas, frozenset()
        found = {c.id for c in ranked}
        ranked = ranked + [c for c in _find([widened], where_of()) if c.id not in found]
    elif ranked and len(kept) > 1 and (topic := _described_topic_of_words(kept, ranked)):
        # Every word only in descriptions, all of groups of one topic ("trocken bleiben": "… die trocken werden
        # oder bleiben wollen" of a women's alcohol group): the words are about that topic, as one word is above
        # (s27-phrases). The topic's other groups answer them too, after them.
        widened = Term(" ".join(t.word for t in kept), [Alternative(topic, SYNONYM, "topic")])
        found = {c.id for c in ranked}
        ranked = ranked + [c for c in _find([widened], where_of()) if c.id not in found]
    initials = _initials_topic(kept[0], ranked) if ranked and len(kept) == 1 else ()
    named = () if initials or not ranked or len(kept) != 1 else _name_word_topic(kept[0], ranked)
    if not initials and not named and ranked and len(kept) == 1 and (noun := _name_noun_topic(kept[0], ranked)):
        # A noun that names no topic, found only in the names of a few groups of one topic ("Stimmen": "Stimmen
        # hören", filed under Psychose): as in a description ("Witwe"), the name says what that topic's groups
        # are about, so the topic's other groups answer it too, after them (s27-phrases).
        found = {c.id for c in ranked}
        widened = Term(kept[0].word, [Alternative(noun, SYNONYM, "topic")])
        ranked = ranked + [c for c in _find([widened], where_of()) if c.id not in found]
    if topic := initials or named:
        # An abbreviation only names have ("AA": "Anonyme Alkoholiker – Meeting"), all of groups of one topic:
        # it stands for that topic, whose other groups answer it too, after them. A group of several topics
        # ("OA": Overeaters Anonymous, Essstörungen and Übergewicht) stands for each of them. So does the name
        # of an association no resource explains ("Kreuzbund"), for the topics its groups share all at once
        # ("AGUS": Trauer and Suizid, not every grief group), and one for relatives ("Alanon") for its topic's
        # groups open to relatives.
        if initials:
            readings = [Alternative((key,), SYNONYM, "topic") for key in topic]
        else:
            readings = [Alternative(topic, SYNONYM, "topic")]
        widened = Term(kept[0].word, [*kept[0].alternatives, *readings])
        widened.areas, widened.meant_areas = kept[0].areas, kept[0].meant_areas
        found = {c.id for c in ranked}
        relatives = bool(named) and all(_for_relatives(c) for c in ranked)
        ranked = ranked + [
            c for c in _find([widened], where_of()) if c.id not in found and (not relatives or _for_relatives(c))
        ]
    if not ranked and (unlisted := _unlisted_front_groups(settled, where_of)):
        ranked = unlisted
    if not ranked and (best := _partial_of(settled, where_of)):
        ranked, kept, ignored = best
    if ranked and (asked := _relatives_asked(settled.terms, kept, ranked, where_of)):
        # "Depression Angehörige", "Zwang Angehörige": the relatives' circle of the concern's umbrella topic.
        ranked, ignored = asked, [w for w in ignored if not _for_relatives_word(w)]
    if ranked and len(settled.terms) > 1 and (picked := _ignored_noun_picks(ranked, ignored)):
        # A noun no group has picks the groups whose text derives a word of it ("Gewalt zu *Hause*": "*Häusliche*
        # Gewalt"), where some but not all do (s35-words).
        ranked = picked
    # A correction that found nothing is no suggestion to show.
    corrected = {t.word: t.corrected for t in kept if t.corrected} if ranked else {}
    return ranked, corrected, ignored


@lru_cache(maxsize=20_000)
def _unlisted_front_alternatives(word: str) -> tuple[Alternative, ...]:
    """The front of a two-part compound that the common topic list does not list (:func:`_listed_spelling`), as a
    topic's word ("Rauch|stopp", "Raucher|entwöhnung" → rauch): read only for a one-word query that finds nothing,
    and only in the topics of an office's groups (:func:`_unlisted_front_groups`). Not a front the list lists:
    it has its own fallback where it names a concept, and none where it says who ("Herz|infarkt": Herz is a
    search word of the heart children's topic alone); not an everyday word (:func:`may_ignore`: "Lebens|ende" is
    no "Leben mit …" group), a filler word, a person or a word that is no noun."""
    if not word.isalpha():
        return ()
    parts = language.split_compound(word)
    if len(parts) != 2:
        return ()
    front = parts[0]
    if (
        language.surface(front) in STOPWORDS
        or _listed_spelling(front)
        or may_ignore(front)
        or language.is_person(front)
        or not language.is_noun(front)
    ):
        return ()
    return tuple(_whole_or_part((language.norm(front),), SYNONYM, "topic"))


def _topic_has_unlisted_front(c: Candidate, alternatives: tuple[Alternative, ...]) -> bool:
    """Whether a group's topics (before :data:`ABOUT`) have a compound's front (:func:`_unlisted_front_alternatives`)
    as a word or a compound's part: "Nichtraucher" (nicht|raucher) has "Raucher|entwöhnung"'s front."""
    topics = c.search_topics.partition(ABOUT)[0]
    return any(_has(f" {topics} ", a.tokens) for a in alternatives)


def _unlisted_front_groups(settled: _Settled, where_of: Callable[[], list]) -> list[Candidate]:
    """For a query of one word that finds nothing, a compound whose front the common topic list does not list
    ("Rauchstopp", "Raucherentwöhnung"), the groups whose topics have that front (the office's topic
    "Nichtraucher": "Rauchfrei werden"): the office's own topic says what the front is about where the list
    says nothing (s28-smoking). Only towards topics: a front in a name or a description is no topic. Only one
    word, the narrower reading: no judged set tells it from the same rule for several words (see
    docs/search-history.md, s28-smoking)."""
    if len(settled.terms) != 1 or not (readings := _unlisted_front_alternatives(settled.terms[0].word)):
        return []
    if not any(a.tokens[0] in settled.known for a in readings):
        return []  # the office has the front nowhere (its first statement read the compound's parts): no statement
    term = Term(settled.terms[0].word, list(readings))
    return [c for c in _find([term], where_of()) if _topic_has_unlisted_front(c, readings)]


LOOSE_KINDS = frozenset(["exact", "compound", "initials"])


@_common_index
def _listed_name_words() -> frozenset[str]:
    """Search keys of every word of the common topic list's names and search words, of one word or more
    ("Multiple *Sklerose*", "Missbrauch, *sexueller*", "Pflegende *Angehörige*")."""
    from saas.directory.demo import load_topic_rows

    return frozenset(
        language.norm(w)
        for row in load_topic_rows()
        for w in language.raw_words(row["name"] + " " + row["search_words"].replace(";", ","))
    )


@_common_index
def _listed_name_spellings() -> dict[str, tuple[str, ...]]:
    """The words of the common topic list's names and search words by their search key (:func:`_listed_name_words`)."""
    from saas.directory.demo import load_topic_rows

    found: dict[str, list[str]] = {}
    for row in load_topic_rows():
        for w in language.raw_words(row["name"] + " " + row["search_words"].replace(";", ",")):
            found.setdefault(language.norm(w), []).append(w)
    return {key: tuple(dict.fromkeys(words)) for key, words in found.items()}


def _listed_other_lemma(word: str, key: str) -> bool:
    """Whether the common list's names and search words have ``word``'s own key only as words of another lemma
    (:func:`language.same_lemma`; s35-words): "Leben" shares its key with "Leber" of "PBC, Leber", so it names no
    topic and no area, and "Leben nach Krebs" qualifies the cancer groups loosely instead of keeping those that
    say "Leben"."""
    spelled = _listed_name_spellings().get(key, ())
    return bool(spelled) and key == language.norm(word) and not any(language.same_noun(word, w) for w in spelled)


def _loose_qualifiers(kept: list[Term], ranked: list[Candidate]) -> list[Term]:
    """The words of a query that only qualify its concern: a place or a loose qualifier ("Depression
    *Hohenfeld*", "MS *jung*", "Brustkrebs *Nachsorge*"), which the groups found have only as typed in
    names and descriptions. Not a word that names a topic or topic area (of the office or the common
    list), nor a word of a topic's name on the common list, as typed or as a compound's part
    ("*sexuelle* Gewalt", "Mulitple *Sklerose*", "*Angehörigen*gruppe Alkohol", "epileptischer *Anfall*":
    Schlag|anfall), nor one a group found has among its topics or by a synonym, a derived form, a topic
    it stands for or a definition ("jung" reaches Tinnitus by a chain of synonyms; no group found by "MS
    jung" has it), nor a word for whom a group is for (an audience, a person or a relative: "Frauen",
    "Eltern", "Kinder" keep filtering), nor a verb's form (:func:`_verb_form`). None where no other word
    names a concern (:func:`_informative`: "Mütter nach *Geburt*")."""
    listed = _listed_name_words()

    def loose(t: Term) -> bool:
        return (
            not t.areas
            and language.surface(t.word) not in _listed_parts()
            and not any(
                k.removeprefix(PART) in listed and not _listed_other_lemma(t.word, k.removeprefix(PART))
                for a in t.alternatives
                if a.kind in LOOSE_KINDS
                for k in a.tokens
            )
            and not any(
                _has(c.search_topics.partition(ABOUT)[0], a.tokens)
                or (a.kind not in LOOSE_KINDS and _has(c.search_text, a.tokens))
                for a in t.alternatives
                for c in ranked
            )
            and not _person_word(t)
            and not _relative(t)
            and not _audience_word(t)
            and not _verb_form(t.word)
        )

    found = [t for t in kept if loose(t)]
    rest = [t for t in kept if t not in found]
    return found if found and any(_informative(t) for t in rest) else []


def _generic_head_front(term: Term, ranked: list[Candidate]) -> Term | None:
    """The front of a compound whose head says nothing of the concern ("Trauer|café", "Trauer|gespräch",
    "Sucht|beratung", as groups name themselves), as a term of its own: where its groups have the
    compound only in a name or a description, not as a topic; the head is an everyday word (Zipf ≥ 4)
    and no word or compound part of the common topic list ("Angst|*störung*", "Kinder|*wunsch*" is a
    topic's part); the front names a topic of the list by itself (its fallback or front-topic reading)
    and no person ("*Kinder*|wunsch" says who)."""
    parts = language.split_compound(term.word) if term.word.isalpha() else ()
    if len(parts) < 2 or term.areas:
        return None
    head = parts[-1]
    if (
        language.zipf(head) < COMMON_WORD_ZIPF
        or language.norm(head) in _listed_name_words()
        or language.surface(head) in _listed_parts()
        or _listed_spelling(head)
        or any(language.is_person(p) for p in parts[:-1])
    ):
        return None
    fronts = [a for a in term.alternatives if a.kind in ("fallback", "front_topic")]
    wholes = [a.tokens for a in term.alternatives if a.kind in ("exact", "compound")]
    if not fronts or any(_has(c.search_topics.partition(ABOUT)[0], tokens) for c in ranked for tokens in wholes):
        return None
    front = Term(term.word, fronts)
    front.areas, front.meant_areas = term.areas, term.meant_areas
    return front


def _verb_form(word: str) -> bool:
    """A form of a verb of the dictionary (hunspell-de-de, OpenThesaurus): it says what happens ("trocken
    *bleiben*", "*zockt*"), part of the concern, not a qualifier of it. Not an infinitive that the dictionary and
    the thesaurus list as a noun of its own ("*Leben* nach Krebs": das Leben, s35-words)."""
    noun = word.capitalize()
    if language.lexicon_noun(noun) and language.is_noun(noun):
        return False
    return bool(language.surface(word) in language.verbs() or language.finite_verbs(word) or language.derivations(word))


def _then_concern(ranked: list[Candidate], concern: list[Term], where_of: Callable[[], list]) -> list[Candidate]:
    """A qualifier ranks, it does not filter (issue #14, a minimum-should-match): the groups that match
    every word first, then those the concern words alone find, in their order and below the first in score
    (so a search across offices keeps them after every full match). A statement of its own, only for a
    query with such a qualifier."""
    found = {c.id for c in ranked}
    more = [c for c in _find(concern, where_of()) if c.id not in found]
    if not more:
        return ranked
    floor = min(c.score for c in ranked)
    for place, c in enumerate(more):
        c.score = min(c.score, floor) - (place + 1) / PARTIAL_SCORE
    return ranked + more


# --- graceful degradation: the best partial match ----------------------------------------------------


# The query whose best partial match may answer in this context (a search's first reading), else None.
_PARTIAL_QUERY: contextvars.ContextVar[str | None] = contextvars.ContextVar("partial_query", default=None)
PARTIAL_SCORE = 1000.0  # a partial match's score, divided by this and less one, ranks after every full match


def _partial_of(
    settled: _Settled, where_of: Callable[[], list]
) -> tuple[list[Candidate], list[Term], list[str]] | None:
    """One office's best partial match (:func:`_best_partial`) of the query of this context, if it may have one."""
    q = _PARTIAL_QUERY.get()
    return _best_partial(q, where_of(), settled) if q else None


PARTIAL_MAX_ZIPF = 7.0  # a word's specificity in a partial match: this minus its Zipf frequency (wordfreq)


def specificity(word: str) -> float:
    """How much a query word says (information content by ``wordfreq``'s Zipf scale): 7 minus its Zipf
    frequency, at least 1; a phrase by its rarest word. "Demenz" (Zipf 3.4) says more than "Ehe" (4.6)."""
    words = [w for w in word.lower().split() if w]
    return max(max(1.0, PARTIAL_MAX_ZIPF - language.zipf(w)) for w in words) if words else 1.0


def _audience_word(term: Term) -> bool:
    """A word that names whom a group is for (its audience labels: "Angehörige", "Eltern"), not a concern."""
    from saas.directory.models import AUDIENCES

    audience = {language.norm(w) for label in AUDIENCES.values() for w in language.raw_words(label)}
    return language.norm(term.word) in audience


def _informative(term: Term) -> bool:
    """A word a partial match may rest on: it names a concern, not only whom it concerns or when."""
    return not _everyday(term) and not _person_word(term) and not _relative(term) and not _audience_word(term)


def _strong_hit(term: Term, c: Candidate) -> bool:
    strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
    return any(all(t in strong for t in a.tokens) for a in term.alternatives)


def _best_partial(q: str, where: list, settled: _Settled) -> tuple[list[Candidate], list[Term], list[str]] | None:
    """When no group matches all the words of a query, the groups that match the most of it, as a search
    engine's "minimum should match" does: each word is settled and searched alone, and a group scores the
    specificity (:func:`specificity`) of each word it matches, in full where it matches in its name or
    topics, at ``TEXT`` in its description. Groups are listed by that score, then by their rank for the
    most specific word they match. Only the last resort: it never runs when a group matches the whole
    query (nor after the fallbacks of :func:`_finish` found something); one office's, as every search.

    It rests only on words that name a concern (:func:`_informative`): "Gewalt in der *Ehe*" → the groups
    about violence, "Demenz *Anfangsstadium*" → the dementia groups; never on a relative, an audience or an
    everyday word alone ("Mukoviszidose *Angehörige*" does not list every group for relatives). A word the
    offices lack that names a topic of the common topic list is a concern of its own they have no group
    for: the query stays empty, and the person is offered the founding interest list.

    The query is the one the office's first statement read (``settled``): its known tokens and typo
    candidates answer here too, no statement asks again."""
    bound = _bound_words(q)
    places = [(i, t) for i, t in enumerate(query_terms(q)) if t.word not in bound]
    terms = [t for _i, t in places]
    if len(terms) < 2 and not bound:
        return None
    office = settled.office
    tokens = {t for term in terms for t in term.tokens} | {t for term in terms for t in _area_tokens(term)}
    known = settled.known & tokens  # the first statement asked for all of the query's tokens
    scores: dict[int, list] = {}  # id → [score, best word's weight, place in its ranking, candidate]
    matched: list[Term] = []
    unmatched: list[str] = []
    firm: set[int] = set()  # groups matched by a word that is no common noun naming no topic itself
    pair = _adjacent_pair(q, terms)
    other_terms = False  # a word found groups only as part of another term
    elsewhere: set[str] = set()  # words that found groups only as part of another term
    for i, term in places:
        asked = {0: settled.candidates[i]} if i in settled.candidates else None
        kept, _ignored, nothing = settle_terms([term], known, [office], asked)
        hits = _find(kept, where) if kept and not nothing and _informative(term) else []
        hits = [c for c in hits if not _common_head_synonym_hit(term, c)]
        if pair and kept and hits:
            # "*Morbus* Hodgkin", "*multiple* Persönlichkeit": a word a group has only in a term of several words
            # where another word stands beside it ("Morbus Crohn", "Multiple Sklerose") names that other term.
            # It still counts as the query's firm word: a common noun beside it lists nothing alone.
            apart = [c for c in hits if not _part_of_another_term(kept[0], c, places.index((i, term)))]
            other_terms |= len(apart) < len(hits)
            if not apart:
                elsewhere.add(term.word)
            hits = apart
        if not hits:
            if not kept and listed_topic_areas(language.norm(term.word)):
                return None
            unmatched.append(term.word)
            continue
        matched.append(term)
        weight = specificity(term.word)
        if not (may_ignore(term.word) and language.is_noun(term.word.capitalize()) and not term.areas):
            firm |= {c.id for c in hits}
        for place, c in enumerate(hits):
            gain = weight * (1.0 if _strong_hit(term, c) else TEXT)
            entry = scores.setdefault(c.id, [0.0, 0.0, place, c])
            entry[0] += gain
            if weight > entry[1]:
                entry[1], entry[2] = weight, place
    if not matched:
        return None
    if firm or other_terms:
        # A common noun that names no topic itself ("zu *Hause*" ~ Familie → Eltern) only adds to the groups the
        # other words find; alone it lists nothing beside them (s21-heads).
        scores = {i: e for i, e in scores.items() if i in firm}
    if (attributive := _attributive_form(q, places)) is not None and attributive.word in elsewhere:
        # "*multiple* Persönlichkeit": the adjective the groups have only inside another term ("Multiple Sklerose")
        # still says which kind of the noun is asked for; the noun's groups alone are its other kinds (the
        # thesaurus' "Typ" → "Typ-1 junge Erwachsene"), no answer. So "Morbus Hodgkin" lists no other "Morbus".
        return None
    if (modifier := _attributive_modifier(q, places, scores)) is not None:
        # "narzisstische Persönlichkeitsstörung": the groups of the adjective's own word are the kind asked for;
        # those of the noun alone are its other kinds (Borderline), not an answer (s21-heads).
        # So are those of the topic its definition names ("schizoaffektive Störung": … Schizophrenie → Psychose,
        # where no group says "schizoaffektiv"), not every group of the noun (s28-psych).
        scores = {i: e for i, e in scores.items() if _modifier_hit(modifier, e[3])}
    ranked = [e[3] for e in sorted(scores.values(), key=lambda e: (-e[0], -e[1], e[2], e[3].name.lower(), e[3].id))]
    for place, c in enumerate(ranked):
        # Across offices the groups are merged by score: a partial match comes after every full one, in its
        # office's order.
        c.score = -1.0 - place / PARTIAL_SCORE
    return ranked, matched, unmatched


def _adjacent_pair(q: str, terms: list[Term]) -> bool:
    """Whether a query is two words typed one after the other ("Morbus Hodgkin"), read as one term of two."""
    if len(terms) != 2:
        return False
    lowered = [w.lower() for w in re.findall(r"[^\W\d_]+", q)]
    return lowered == [terms[0].word, terms[1].word]


@lru_cache(maxsize=4096)
def _multiword_topics(search_topics: str) -> tuple[tuple[str, ...], ...]:
    """The topics of several words in a group's topics document, as the keys of their words in order: a topic of
    two to four words is followed there by its initials (:func:`name_initials`, "morbus =morbus crohn =crohn
    mc"), which mark where it began."""
    words: list[tuple[str, str]] = []  # (key, spelled) of each word, in order
    found: list[tuple[str, ...]] = []
    tokens = search_topics.partition(ABOUT)[0].split()
    for k, token in enumerate(tokens):
        if token[:1] in ("=", PART, "#"):
            continue
        spelled = tokens[k + 1][1:] if k + 1 < len(tokens) and tokens[k + 1][:1] == "=" else ""
        if spelled:
            words.append((token, spelled))
            continue
        for n in range(2, min(4, len(words)) + 1):
            if "".join(w[1][:1] for w in words[-n:]) == token:
                found.append(tuple(w[0] for w in words[-n:]))
                break
    return tuple(found)


def _part_of_another_term(term: Term, c: Candidate, place: int) -> bool:
    """Whether a word of a two-word query ("*Morbus* Hodgkin") finds a group only as the word at the same place of
    one of its topics of several words, beside a word the query does not have ("Morbus Crohn"): the query names
    another term of that kind, as "multiple Persönlichkeit" is no "Multiple Sklerose". A group its other
    readings (synonyms, compound parts) find is kept, and so is one whose name has the word apart."""
    keys = {a.tokens[0] for a in term.alternatives if a.kind == "exact" and len(a.tokens) == 1}
    keys = {k for k in keys if not k.startswith(PART)}
    # A topic of more words binds its first word to the next, its last to the one before: "Morbus Osler / HHT".
    pairs = [t[:2] if place == 0 else t[-2:] for t in _multiword_topics(c.search_topics)]
    pairs = [t for t in pairs if t[place] in keys]
    if not pairs:
        return False
    bound = {t[place] for t in pairs}
    others = [a for a in term.alternatives if not {x.removeprefix(PART) for x in a.tokens} & bound]
    if any(_has(c.search_text, a.tokens) for a in others):
        return False
    partners = {t[1 - place] for t in pairs}
    name = c.search_name.split()
    name_keys = [x for x in name if x[:1] not in ("=", PART, "#")]
    for k, key in enumerate(name_keys):
        if key in bound:
            beside = name_keys[k + 1] if place == 0 else (name_keys[k - 1] if k else "")
            if beside not in partners:
                return False
    return True


def _literal_strong_hit(term: Term, c: Candidate) -> bool:
    """Whether a group has a word as typed, or a form it is derived from, in its name or topics."""
    strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
    return any(all(t in strong for t in a.tokens) for a in term.alternatives if a.kind in LITERAL_KINDS)


def _defined_hit(term: Term, c: Candidate) -> bool:
    """Whether a group has in its name or topics what a word's definition names (its readings of
    :data:`GLOSS_KINDS`, German Wiktionary): "schizoaffektiv" (… Symptome der *Schizophrenie* …) → Psychose."""
    strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
    return any(all(t in strong for t in a.tokens) for a in term.alternatives if a.kind in GLOSS_KINDS)


def _modifier_hit(term: Term, c: Candidate) -> bool:
    """Whether a group is of the kind an attributive adjective asks for (:func:`_attributive_modifier`): it has
    the adjective as typed in its name or topics, or what its definition names."""
    return _literal_strong_hit(term, c) or _defined_hit(term, c)


def _attributive_modifier(q: str, places: list[tuple[int, Term]], scores: dict[int, list]) -> Term | None:
    """In a partial match of an adjective and the noun after it ("narzisstische Persönlichkeitsstörung", written
    as German writes them: the adjective in lower case with an inflection ending, the noun capitalised), the
    adjective, where some groups have it as typed in their name or topics, or what its definition names
    (:func:`_defined_hit`, s28-psych: "schizoaffektive Störung" → the psychosis groups): it says which kind of
    the noun is asked for. Else None."""
    first = _attributive_form(q, places)
    if first is None or not any(_modifier_hit(first, e[3]) for e in scores.values()):
        return None
    return first


def _attributive_form(q: str, places: list[tuple[int, Term]]) -> Term | None:
    """The first word of a two-word query written as an attributive adjective before its noun (in lower case
    with an inflection ending, the noun capitalised; a query all in lower case read by the dictionary), else
    None."""
    if len(places) != 2:
        return None
    typed = re.findall(r"[^\W\d_]+", q)
    lowered = [w.lower() for w in typed]
    first, second = places[0][1], places[1][1]
    if first.word not in lowered or second.word not in lowered:
        return None
    at = lowered.index(first.word)
    # A query typed all in lower case (on a phone) says nothing by its capitals: the words are read as German
    # would write them, by the dictionary and the thesaurus (:func:`_written_with_capital`).
    cased = q != q.lower()
    if (
        lowered.index(second.word) != at + 1
        or (typed[at][:1].isupper() if cased else _written_with_capital(lowered[at], False))
        or not (typed[at + 1][:1].isupper() if cased else _written_with_capital(lowered[at + 1], True))
        or not first.word.endswith(("e", "er", "es", "en", "em"))
    ):
        return None
    return first


def _written_with_capital(word: str, by_head: bool) -> bool:
    """Whether German writes a lower-case word with a capital, as a noun: the thesaurus lists it as a noun as
    spelled, or the dictionary (hunspell-de-de) has it as a noun; with ``by_head`` also a compound whose head is
    such a noun ("persönlichkeits|störung"). A compound's head alone does not make an adjective a noun:
    "narzisstische" is no "narziss|tische"."""
    if language.listed_noun(word) or word in language.dictionary_nouns():
        return True
    parts = language.split_compound(word)
    return by_head and len(parts) > 1 and _written_with_capital(parts[-1], False)


def _common_head_synonym_hit(term: Term, c: Candidate) -> bool:
    """Whether a group a word of a partial match (:func:`_best_partial`) finds has it only as a synonym in front
    of compounds with an everyday head (Zipf ≥ 4, no word for people nor of the topic list): "Arbeitsplatz" ~
    Arbeit is no "Arbeits|gemeinschaft" of a rheumatism group, where "Single" ~ allein still finds the
    "Allein|erziehende". Where no group has all the words, a word alone lists groups by what it says."""
    parts = {a.tokens[0] for a in term.alternatives if a.kind == "synonym" and a.tokens[0].startswith(PART)}
    text = c.search_text
    if not parts or any(
        _has(text, a.tokens) for a in term.alternatives if not set(a.tokens) & parts and a.kind != "initials"
    ):
        return False
    words = text.split()
    for token in parts & set(words):
        key = token.removeprefix(PART)
        for spelled in (w[1:] for w in words if w[:1] == "=" and len(w) > len(key) + 4):
            if language.norm(spelled).startswith(key):
                head = language.split_compound(spelled)[-1]
                if language.zipf(head) < COMMON_WORD_ZIPF or language.is_person(head) or _listed_spelling(head):
                    return False
    return True


SHORT_FRAGMENT = 3  # a part of a punctuated word this short is a prefix or an abbreviation ("Co-", "ME/")


def _bound_words(q: str) -> set[str]:
    """Words a partial match may not use alone: the parts of a word written with punctuation inside are one
    concept ("Down-Syndrom" is no "down", nor a "Syndrom" of any kind), where it has two parts or more of
    more than ``SHORT_FRAGMENT`` letters; a short fragment never stands alone either ("co", "me"). So
    "Co-Abhängigkeit" may fall back to "Abhängigkeit", "Down-Syndrom" to neither of its words."""
    bound: set[str] = set()
    for match in _PUNCTUATED.finditer((q or "")[:MAX_QUERY_CHARS]):
        parts = language.raw_words(match.group())
        long_parts = [p for p in parts if len(p) > SHORT_FRAGMENT]
        bound |= {p for p in parts if len(p) <= SHORT_FRAGMENT}
        if len(long_parts) > 1:
            bound |= set(long_parts)
    return bound


# --- life situations: a relative and what is wrong --------------------------------------------------------


def _reaches_topic(term: Term) -> bool:
    """Whether a word that is no person reaches a topic the offices have: through a form it is derived from
    (:func:`language.derivations`) or the common topic list (:func:`named_topics`), as the settled term
    keeps them ("trinkt" → Alkoholabhängigkeit, "gestorben" → Trauer; not "Kinder", which names who)."""
    return any(a.kind in ("derived", "topic") for a in term.alternatives) and not _person_word(term)


def _dropped_nouns_first(ranked: list[Candidate], dropped: list[Term]) -> list[Candidate]:
    """The groups that say the nouns a query dropped come first, in their order ("Angst vor *Menschen*": the
    group "... wenn andere Menschen Angst machen" before the other anxiety groups); relatives excepted, and
    words as common as prepositions (Zipf 6: "vor", "gegen"), which the thesaurus lists as nouns too."""
    nouns = [t for t in dropped if language.is_noun(t.word) and language.zipf(t.word) < 6.0 and not _relative(t)]
    literal = [a.tokens for t in nouns for a in t.alternatives if a.kind == "exact"]
    if not literal:
        return ranked
    saying = [c for c in ranked if any(_has(c.search_text, tokens) for tokens in literal)]
    return saying + [c for c in ranked if c not in saying]


@lru_cache(maxsize=20_000)
def _ignored_noun_keys(word: str) -> frozenset[str]:
    """The keys by which a group's own text says a noun the query's search left out: the noun's own and those of
    its one-word OpenThesaurus synonyms. None for a relative, a word as common as a preposition."""
    noun = word if word[:1].isupper() else word.capitalize()
    if not (language.is_noun(noun) or language.is_noun_plural(noun)) or language.zipf(word) >= 6.0:
        return frozenset()
    if language.is_relative(noun):
        return frozenset()
    return frozenset({language.norm(word), *(language.norm(s) for s in language.synonyms(noun) if s.isalpha())})


@lru_cache(maxsize=20_000)
def _derived_keys(surface: str) -> frozenset[str]:
    """The keys of the nouns a group text's word is derived from (:func:`language.derivations`, spelled as the
    document's ``=`` token spells it: "haeusliche" → Haus)."""
    return frozenset(language.norm(n) for n in language.derivations(surface))


def _says_noun(c: Candidate, keys: frozenset[str]) -> bool:
    """Whether a group's name or description has a word derived from a noun of ``keys`` ("*Häusliche* Gewalt"
    for Haus). Only a derived word: the noun as typed would keep the one group of several that happens to say it
    ("Angst vor *Menschen*")."""
    for token in (c.search_name + c.search_text).split():
        if token.startswith("=") and keys & _derived_keys(token[1:]):
            return True
    return False


def _ignored_noun_picks(ranked: list[Candidate], ignored: list[str]) -> list[Candidate] | None:
    """The groups found whose own text derives a word of a noun the query left out (s35-words): "Gewalt zu Hause"
    names both violence topics, and of their groups the one whose text says "*Häusliche* Gewalt" answers. None
    where no group or every group says one."""
    for word in ignored:
        keys = _ignored_noun_keys(word)
        if not keys:
            continue
        saying = [c for c in ranked if _says_noun(c, keys)]
        if 0 < len(saying) < len(ranked):
            return saying
    return None


def _firm(term: Term) -> bool:
    """A word a query without answer keeps when it drops its everyday words: one that names a concept, or,
    common as it may be, a topic ("*Angst* vor Menschen", "*Tod* der Mutter"), but no relative."""
    return not may_ignore(term.word) or ((bool(term.areas) or _reaches_topic(term)) and not _relative(term))


def _filler_beside_concern(term: Term) -> bool:
    """A word of a life situation that says nothing of the groups wanted beside a word that names a concern
    (s25-situation): an everyday word (:func:`_everyday`: as common as filler and reaching no topic, "Tag",
    "ständig") or a function word as common as filler ("jeden", "immer", "nur", "noch"), whose readings
    through a synonym say no concern ("nur" ~ allein is no Einsamkeit). Never one that reaches a topic
    through a form it is derived from ("trinkt" → trinken)."""
    if any(a.kind == "derived" for a in term.alternatives):
        return False
    return _everyday(term) or (may_ignore(term.word) and not term.areas and language.is_function_word(term.word))


def _relative(term: Term) -> bool:
    """A word for someone close to the person searching ("Sohn", "Mann", "Kind": :func:`language.is_relative`),
    not an audience word the groups themselves use ("Angehörige", "Eltern")."""
    from saas.directory.models import AUDIENCES

    audience = {language.norm(w) for label in AUDIENCES.values() for w in language.raw_words(label)}
    return " " not in term.word and language.norm(term.word) not in audience and language.is_relative(term.word)


def _for_relatives(c: Candidate) -> bool:
    """A group open to relatives (audience relatives, parents or both: "Angehörige" among its about words)."""
    from saas.directory.models import AUDIENCES

    return f" {language.norm(AUDIENCES['relatives'])} " in c.search_topics.partition(ABOUT)[2].join("  ")


def _for_relatives_topic(concept: list[Term], where_of: Callable[[], list]) -> list[Candidate]:
    """Where a word of a situation stands for a topic of the common list whose name says it is for relatives,
    that topic's groups, ranked as the topic ("Mutter pflegen" → Pflegende Angehörige, not Pflegeeltern): the
    relative named makes the person searching one. Only for a single such word."""
    from saas.directory.models import AUDIENCES

    key = language.norm(AUDIENCES["relatives"])
    if len(concept) != 1:
        return []
    topics = [a for a in concept[0].alternatives if a.kind == "topic" and key in a.tokens]
    if not topics:
        return []
    term = Term(concept[0].word, topics)
    term.areas, term.meant_areas = concept[0].areas, concept[0].meant_areas
    return _find([term], where_of())


def _relatives_of_topic(concept: list[Term], where_of: Callable[[], list]) -> list[Candidate]:
    """Where the groups a situation's word finds as typed are none open to relatives ("spielsüchtiger Partner":
    the gamblers' own group, by "Spielsucht"), the groups open to relatives of the topics the word names
    (Glücksspiel: a group for gamblers and their relatives), as :func:`_situation` wants them (s21-heads). Only
    for a single such word; none where those topics have no such group."""
    if len(concept) != 1:
        return []
    topics = [a for a in concept[0].alternatives if a.kind == "topic"]
    if not topics:
        return []
    term = Term(concept[0].word, topics)
    term.areas, term.meant_areas = concept[0].areas, concept[0].meant_areas
    return [c for c in _find([term], where_of()) if _for_relatives(c)]


@_common_index
def _umbrella_topics() -> dict[str, frozenset[str]]:
    """Name of each topic of the common topic list → the topics it is a kind of by the language (s25-relatives):
    another topic's one-word name, of the same topic area, is the head of its one-word compound name
    ("Spiel|sucht" → Sucht, "Brust|krebs" → Krebs) or one of its OpenThesaurus broader terms
    ("Drogenabhängigkeit" ^Sucht), or, where another topic is named by an adjective and a noun, the genus of
    one of its senses in German Wiktionary is that noun or its OpenThesaurus synonym and the sense has that
    adjective (s25-situation: "Depression", a *psychische Krankheit* → "Psychische Erkrankungen", Krankheit ~
    Erkrankung; "Zwangsstörungen", a *psychische Krankheit*, too). Such an umbrella topic is its own too. Never a
    topic named for people ("Adoptiv|eltern" ^Eltern says who, not what is wrong)."""
    from saas.directory.demo import load_topic_rows

    rows = load_topic_rows()
    by_key: dict[str, set[str]] = {}
    by_pair: dict[tuple[str, str], set[str]] = {}  # (adjective, noun) of a two-word name → the topic
    for row in rows:
        words = language.raw_words(row["name"])
        if len(words) == 1 and words[0].isalpha() and not language.is_person(words[0]):
            by_key.setdefault(language.norm(words[0]), set()).add(row["name"])
        if len(words) == 2 and all(w.isalpha() for w in words) and not language.is_person(words[1]):
            by_pair.setdefault((language.norm(words[0]), language.norm(words[1])), set()).add(row["name"])
    # The noun of a two-word name stands for the genus of its own definition too (s26-situation): an
    # "Erkrankung" is a *Störung* (of the body's or the mind's functions), so a psychische Störung ("Psychose")
    # is a psychische Erkrankung.
    for (adjective, _noun), names in list(by_pair.items()):
        for name in sorted(names):
            for genus, _adjectives in language.gloss_genera(language.raw_words(name)[1]):
                by_pair.setdefault((adjective, language.norm(genus)), set()).add(name)
    found: dict[str, set[str]] = {}
    for row in rows:
        words = language.raw_words(row["name"])
        if len(words) != 1 or not words[0].isalpha():
            continue
        parts = language.split_compound(words[0])
        kinds_of = [*(parts[-1:] if len(parts) > 1 else []), *language.broader_terms(words[0])]
        defined = {
            u
            for genus, adjectives in language.gloss_genera(words[0])
            for noun in (genus, *language.synonyms(genus))
            for adjective in adjectives
            for u in by_pair.get((language.norm(adjective), language.norm(noun)), ())
        }
        for umbrella in {u for w in kinds_of for u in by_key.get(language.norm(w), ())} | defined:
            if umbrella != row["name"] and _topic_area(umbrella) == row["topic_area"]:
                found.setdefault(row["name"], set()).add(umbrella)
                found.setdefault(umbrella, set()).add(umbrella)
    return {name: frozenset(umbrellas) for name, umbrellas in found.items()}


def _named_for_relatives(c: Candidate) -> bool:
    """A group whose name says it is for relatives: the relatives' audience word, as a word or a compound's
    part ("*Angehörige* Sucht", "*Angehörigen*gruppe Depression")."""
    from saas.directory.models import AUDIENCES

    key = language.norm(AUDIENCES["relatives"])
    tokens = set(c.search_name.split())
    return key in tokens or PART + key in tokens


def _described_for_relatives(c: Candidate) -> bool:
    """A group open to relatives whose own text says so (s34-situation): the relatives' audience word or a word
    OpenThesaurus gives for it in its description ("Betroffene und *Angehörige* gemeinsam", "… und ihre
    *Familien*"), not only the audience the office set."""
    # search_text is the name's document, the topics' and the description's, in that order (search_documents).
    description = c.search_text[len(c.search_name) + len(c.search_topics.lstrip()) :]
    return _for_relatives(c) and not _relatives_keys().isdisjoint(description.split())


@lru_cache(maxsize=1)
def _relatives_keys() -> frozenset[str]:
    """The keys of the relatives' audience word and of the words OpenThesaurus gives for it (Familie, Sippe)."""
    from saas.directory.models import AUDIENCES

    word = AUDIENCES["relatives"]
    return frozenset(language.norm(w) for w in (word, *language.synonyms(word)))


_UMBRELLA_READINGS = ("exact", "derived", "topic", "broader_topic")  # readings whose topics a concern names


def _shared_listed_topics(groups: list[Candidate]) -> set[str]:
    """The topics of the common list every one of the groups is filed under (their topics' keys before
    ``ABOUT``): groups of one topic stand for it, as in :func:`_described_topic`."""
    return {
        name
        for tokens, names in _listed_topics_by_tokens().items()
        if groups and all(_has(c.search_topics.partition(ABOUT)[0] + " ", tokens) for c in groups)
        for name in names
    }


def _relatives_of_found_topics(
    concept: list[Term], found: list[Candidate], where_of: Callable[[], list]
) -> list[Candidate]:
    """Where a situation's words name no topic and the groups they find are none open to relatives ("mein Bruder
    hört Stimmen": the voice hearers' group "Stimmen hören", filed under Psychose), the groups open to relatives
    of the topics those groups are filed under (a psychosis seminar for those affected and their relatives): the
    groups found say what the concern is, as their area does in :func:`_situation` (s26-situation)."""
    if _concept_topics(concept) or not found:
        return []
    found_ids = {c.id for c in found}
    readings = [_topic_alternative(name) for name in sorted(_shared_listed_topics(found))]
    if not readings:
        return []
    term = Term(concept[0].word, readings)
    term.areas = term.meant_areas = frozenset(c.topic_area for c in found)
    return [c for c in _find([term], where_of()) if c.id not in found_ids and _for_relatives(c)]


def _concept_topics(concept: list[Term]) -> set[str]:
    """The topics of the common list a situation's words name (read by :func:`_umbrella_relatives`)."""
    topics = _listed_topics_by_tokens()
    named: set[str] = set()
    for t in concept:
        # The topics as the word names them, not only those the office has: "zockt" → Glücksspiel, which lists
        # Spiel|sucht, a kind of Sucht, where the office files no group under Spielsucht. An everyday word's
        # broader topics as settle_terms keeps them (none).
        own = [a for a in _alternatives(t.word) if a.kind != "broader_topic" or not may_ignore(t.word) or t.areas]
        own = own if " " not in t.word else []
        named |= {n for a in [*t.alternatives, *own] if a.kind in _UMBRELLA_READINGS for n in topics.get(a.tokens, ())}
    return named


def _umbrella_relatives(
    concept: list[Term], where_of: Callable[[], list], found: list[Candidate] | None = None
) -> list[Candidate]:
    """The groups filed under the umbrella topics of the topics a situation's words name
    (:func:`_umbrella_topics`) whose name says they are for relatives (:func:`_named_for_relatives`): a circle for
    relatives of any addiction ("Angehörige Sucht") answers a relative of someone who drinks, takes drugs or
    gambles, beside the groups of that addiction open to relatives (s25-relatives). None where those topics
    have no umbrella, or it no such group."""
    umbrellas = _umbrella_topics()
    # Where the words name no topic, the topics of the groups they find (s26-situation, "hört Stimmen").
    named = _concept_topics(concept) or _shared_listed_topics(found or [])
    circles: list[Candidate] = []
    for umbrella in sorted({u for n in named for u in umbrellas.get(n, ())}):
        reading = _topic_alternative(umbrella)
        term = Term(umbrella, [reading])
        term.areas = term.meant_areas = frozenset([_topic_area(umbrella)])
        seen = {c.id for c in circles}
        circles += [
            c
            for c in _find([term], where_of())
            if c.id not in seen
            and _has(c.search_topics.partition(ABOUT)[0] + " ", reading.tokens)
            and (_named_for_relatives(c) or _described_for_relatives(c))
        ]
    return circles


def _for_relatives_word(word: str) -> bool:
    """The relatives' audience word ("Angehörige", "Angehöriger", "Angehoerige"), as a word of its own."""
    from saas.directory.models import AUDIENCES

    return " " not in word and language.norm(word) == language.norm(AUDIENCES["relatives"])


def _relatives_asked(
    terms: list[Term], kept: list[Term], ranked: list[Candidate], where_of: Callable[[], list]
) -> list[Candidate] | None:
    """A concern beside the relatives' audience word and no relative ("Depression Angehörige", "Angehörige von
    Depressiven", "Zwang Angehörige"): the word says who asks, as a relative does in a life situation
    (:func:`_situation`), wherever it stands. The groups found that are open to relatives, then the circles for
    relatives of the concern's umbrella topics (:func:`_umbrella_relatives`); those alone where the groups found
    are none for relatives (the depression groups for the depressed are no answer). None where the query names
    a relative, the concern is a social one, or no umbrella has such a circle (s26-situation)."""
    if not any(_for_relatives_word(t.word) for t in terms) or any(_relative(t) for t in terms):
        return None
    concept = [t for t in kept if not _for_relatives_word(t.word)]
    areas = frozenset().union(*(t.areas for t in concept)) if concept else frozenset()
    if not areas or "social" in areas:
        return None
    circle = _umbrella_relatives(concept, where_of)
    if not circle:
        return None
    open_to_relatives = [c for c in ranked if _for_relatives(c)]
    seen = {c.id for c in open_to_relatives}
    return open_to_relatives + [c for c in circle if c.id not in seen]


def _in_name_or_topic(term: Term, c: Candidate) -> bool:
    strong = set(c.search_name.split()) | set(c.search_topics.partition(ABOUT)[0].split())
    return any(all(t in strong for t in a.tokens) for a in term.alternatives if a.kind == "exact")


@_common_index
def _topic_sexes() -> dict[tuple[str, ...], str]:
    """The key tokens of each condition of the common topic list that concerns one sex only → that sex (a noun of
    :data:`language.SEXES`): its name or search words name the people of that sex and not of the other
    (Prostatakrebs: "Prostata, Krebs, *Männer*"; "Asperger Syndrom, *Frauen*"). Not a social topic: "Frauen",
    "Lesben", "Schwule" say whom a group is for, who may be the relative asking (s33-situation)."""
    from saas.directory.demo import load_topic_rows

    found: dict[tuple[str, ...], str] = {}
    for row in load_topic_rows():
        if row["topic_area"] == "social":
            continue
        words = {language.norm(w) for w in language.raw_words(row["name"] + " " + row["search_words"])}
        sexes = [noun for noun, _adjective in language.SEXES if language.norm(noun) in words]
        if len(sexes) == 1:
            found[_topic_alternative(row["name"]).tokens] = sexes[0]
    return found


def _other_sex_only(c: Candidate, sex: str) -> bool:
    """Whether a group is filed under a topic of the common list that concerns the other sex than ``sex``
    (:func:`_topic_sexes`): the prostate cancer group is none for "Mama hat Krebs"."""
    topics = c.search_topics.partition(ABOUT)[0] + " "
    return any(other != sex and _has(topics, tokens) for tokens, other in _topic_sexes().items())


# The people the common topic list names a condition's adults by ("ADHS, *Erwachsene*"), as it names a sex by
# language.SEXES: a group filed under such a topic is for adults with the condition.
ADULTS = "Erwachsene"


@_common_index
def _adults_topics() -> tuple[tuple[str, ...], ...]:
    """The key tokens of each topic of the common list whose name names its people as adults (:data:`ADULTS`:
    "ADHS, Erwachsene", "Narzisstenkinder, Erwachsene")."""
    from saas.directory.demo import load_topic_rows

    adults = language.norm(ADULTS)
    return tuple(
        _topic_alternative(row["name"]).tokens
        for row in load_topic_rows()
        if adults in {language.norm(w) for w in language.raw_words(row["name"])}
    )


def _adults_only(c: Candidate) -> bool:
    """Whether a group is filed under a topic of the common list for adults (:func:`_adults_topics`): the group
    "ADHS bei Erwachsenen" is none for "Sohn hat ADHS"."""
    topics = c.search_topics.partition(ABOUT)[0] + " "
    return any(_has(topics, tokens) for tokens in _adults_topics())


def _situation(
    terms: list[Term], kept: list[Term], ranked: list[Candidate], ignored: list[str], where_of: Callable[[], list]
) -> tuple[list[Candidate], list[Term], list[str]] | None:
    """A life situation: someone close and what is wrong ("Sohn trinkt", "Mutter hat Alzheimer", "Mann
    gestorben", "Kind mit Behinderung"). The relative is no topic of the groups wanted; the other words are.

    - An illness, addiction or disability (a topic area other than social) is the relative's: the groups
      open to relatives answer ("Sohn trinkt" → Al-Anon, not Anonyme Alkoholiker), or, where the offices
      have none, the groups about it.
    - A social situation is the person's own, the relative is who was lost, left or cared for: the groups
      about it answer whoever they are for ("Mann gestorben" → every grief group).
    - The relative as typed stands where it names who a group found is for ("Frauen Alkohol" → a group
      with the topic Frauen); where those groups are for relatives ("Kind" in "Eltern behinderter Kinder"),
      the other groups for relatives of the concept follow them.

    None where the query names no relative beside another word, or nothing answers the other words. Else the
    groups, the terms searched and the words ignored: a relative counts as ignored only where it said nothing
    of the groups (a social situation), not where it asked for groups open to relatives.
    """
    persons = [t for t in terms if _relative(t)]
    person_ids = {id(t) for t in persons}
    concept = [t for t in kept if id(t) not in person_ids]
    if not persons or not concept:
        return None
    words = {p.word for p in persons}
    unused = [w for w in ignored if w not in words]
    if caring := _for_relatives_topic(concept, where_of):
        return caring, concept, unused
    named = [c for c in ranked if any(_in_name_or_topic(p, c) for p in persons if id(p) in {id(k) for k in kept})]
    place = {id(t): i for i, t in enumerate(terms)}
    subject = min(place.get(id(p), len(terms)) for p in persons) < min(place.get(id(t), len(terms)) for t in concept)
    named_areas = frozenset().union(*(t.areas for t in concept))
    if named and subject and named_areas and "social" not in named_areas:
        # A relative named before an illness is the one who has it ("Frau hat Krebs": the wife), not whom a group
        # is for ("Frauenselbsthilfe Krebs", for women with cancer): the groups the word names stand first only
        # where they are open to relatives (s33-situation). After a concern the person says whom the groups are
        # for ("Trennung Vater" → the fathers' group), as in a social situation the person asking may be one.
        named = [c for c in named if _for_relatives(c)]
    if named and not all(_for_relatives(c) for c in named):
        return None
    found = ranked if len(concept) == len(kept) else _find(concept, where_of())
    if (said := [t for t in concept if not _filler_beside_concern(t)]) and len(said) < len(concept):
        # The situation is its concern without the everyday words beside it ("Papa trinkt *jeden Tag*", "Sohn
        # nimmt Drogen"), which say how often, how long or how, not what is wrong: they rank the groups that
        # say them too first ("... und nur noch nachts wach sind"), they do not keep out the concern's other
        # groups (a group "für Frauen, die heimlich trinken ... durch den Tag" is no answer to a relative
        # where Al-Anon is one).
        unused += [t.word for t in concept if t not in said] if not found else []
        concept = said
        seen_found = {c.id for c in found}
        found += [c for c in _find(concept, where_of()) if c.id not in seen_found]
    if not found or (all(_everyday(t) for t in concept) and not _described_topic(concept[0], found)):
        # Everyday words alone say no concern ("Kind *finden*"), unless only groups of one topic say them
        # ("Kind *verloren*": two grief groups' descriptions), which then stand for that topic.
        return None
    # The areas of the topics the words name, else of the group that answers them best ("trinkt": addiction).
    areas = frozenset().union(*(t.areas for t in concept)) or frozenset(
        [max(Counter(c.topic_area for c in found).items(), key=lambda item: item[1])[0]]
    )
    if "social" not in areas:
        open_to_relatives = (
            [c for c in found if _for_relatives(c)]
            or _relatives_of_topic(concept, where_of)
            or _relatives_of_found_topics(concept, found, where_of)
        )
        # After them, the groups for relatives of what the concern is a kind of ("Sohn nimmt Drogen": the
        # circle "Angehörige Sucht" of topic Sucht, for relatives of any addiction); they answer alone where the
        # concern's own groups are none for relatives ("Frau depressiv": "Angehörige psychisch Kranker", not
        # the depression groups for the depressed). Only where the relative is the situation's subject, named
        # before the concern ("Partner depressiv", "Sohn nimmt Drogen"); a person after a concern's noun
        # qualifies it as those it concerns ("Depression Jugendliche": depression among young people), and the
        # circle for relatives of a kind of it is none of theirs (s25-situation).
        place = {id(t): i for i, t in enumerate(terms)}
        if min(place.get(id(p), len(terms)) for p in persons) < min(place.get(id(t), len(terms)) for t in concept):
            seen_found = {c.id for c in open_to_relatives}
            circles = _umbrella_relatives(concept, where_of, found)
            open_to_relatives += [c for c in circles if c.id not in seen_found]
        found = open_to_relatives or found
        # A relative of one sex has no concern of the other's only (s33-situation): "Mama hat Krebs" lists no
        # prostate cancer group. The sex as OpenThesaurus or Wiktionary says it (:func:`language.person_sex`);
        # never where that leaves nothing.
        sexes = {language.person_sex(p.word) for p in persons}
        if len(sexes) == 1 and (sex := sexes.pop()):
            found = [c for c in found if not _other_sex_only(c, sex)] or found
        if all(language.is_child(p.word) for p in persons):
            found = [c for c in found if not _adults_only(c)]
            named = [c for c in named if not _adults_only(c)]
    else:
        unused += [p.word for p in persons]
        if areas - {"social"}:
            # A loss and what it came of ("Bruder hat sich umgebracht": grief and suicide): the relative is who
            # was lost, so the groups of the other concern answer only where they are open to relatives (the
            # bereaved's, not those for people with suicidal thoughts); the social situation's groups all do.
            found = [c for c in found if c.topic_area == "social" or _for_relatives(c)] or found
    seen = {c.id for c in named}
    return named + [c for c in found if c.id not in seen], concept, unused


# --- the public search as the Wegweiser, the API and the regional finder serve it ------------------------


@dataclass
class PublicResults:
    """One page of an office's public directory for a query: the groups in rank order, which of them
    meet step-free, and what the search made of the words."""

    groups: list[Group]
    total: int
    step_free: set[int]
    corrected: dict[str, list[str]]
    ignored: list[str]


def public_results(
    q: str,
    *,
    tenant_id: int,
    filters: Filters,
    topic_area: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> PublicResults:
    """Search one office's public groups and load them: the one search the Wegweiser page, its embed,
    the JSON API and the regional finder share. Words that name a filter value ("abends", "online") set
    that filter in ``filters`` (so the page shows it) instead of being searched."""
    from saas.directory import finder, queries

    result = search_ids(
        finder.filters_in_query(q, filters),
        tenant_id=tenant_id,
        topic_area=topic_area,
        filters=finder.conditions(filters),
        offset=offset,
        limit=limit,
    )
    groups = queries.public_groups_by_ids(result.ids)
    step_free = finder.step_free_ids([group.id for group in groups])
    return PublicResults(groups, result.total, step_free, result.corrected, result.ignored)
