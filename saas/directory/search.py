"""The public search of the directory: what people type finds the groups they mean, and only those.

Documents. ``operations.refresh_search`` keeps three token documents per group (never contact data or
meeting places): ``search_name`` (the name), ``search_topics`` (topics and the office's synonyms per
topic, their abbreviations, topic area, audience, age focus, languages) and ``search_text`` (all of it
plus the description). Each word contributes its search key (``language.norm``: Snowball stem) and its
spelling without umlauts prefixed with ``=``; a compound contributes its parts as well
("Alkoholabhängigkeit" → alkohol, abhang, ...). Tokens are separated by single spaces, with a space at
both ends, so ``LIKE '% key %'`` is a whole-token match (served by ``pg_trgm`` on PostgreSQL).

Query. Each word (filler words dropped) becomes a *term* with alternatives, each with a weight:
exact (its key, 1.0), its compound parts all present (0.9), OpenThesaurus synonyms (0.75) and typo
corrections against the office's vocabulary (0.6). Rules that keep the results precise:

- Synonyms of a word are used only when no group matches the word itself in a name or topic
  ("Zucker" → Diabetes only where "Zucker" is no office synonym; "Trauer" never widens to "Kummer").
- A typo correction fires only for a word that matches nothing at all ("Parkison" → Parkinson).
- A word that matches nothing and cannot be corrected is ignored when it is a common German word
  ("Rauchen *aufhören*"); a rare one (a condition no group has) leaves the result empty.
- Every remaining term must match (AND). A match in the name counts most, then in the topics, then in
  the description. If any group matches all terms in name or topics, a group that matches only through
  its description is listed after them, and only with the very words typed (no synonym, no typo fix).
- Ties are broken by name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, or_, select

from saas.directory import language
from saas.extensions import db

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
PART_OF = 0.8  # a match on a compound's part ("Verlust|ängste" for "Angst") counts less than a whole word
PART = "~"  # prefix of a compound part's key in documents
ABOUT = " | "  # in search_topics: topics before it, area / audience / age / languages after it
GENERIC_ZIPF = 4.0  # a compound's head this common ("-störung", "-gruppe") may be dropped as a fallback
COMMON_WORD_ZIPF = 4.0  # unknown words at least this common are filler ("aufhören", "Dortmund")


# --- documents --------------------------------------------------------------------------------------------


def word_tokens(word: str) -> list[str]:
    """The tokens one word contributes to a document: key and spelling, and those of its parts."""
    tokens = [language.norm(word), "=" + language.surface(word)]
    if word.isalpha():
        parts = language.split_compound(word)
        if len(parts) > 1:
            for part in parts:
                tokens += [PART + language.norm(part), "=" + language.surface(part)]
    return tokens


def document(*parts: str, acronyms: bool = False) -> str:
    """A token document of texts; with ``acronyms`` each text also yields its abbreviations ("MS")."""
    tokens: list[str] = []
    for part in parts:
        for word in language.raw_words(part or ""):
            if language.surface(word) not in STOPWORDS:
                tokens += word_tokens(word)
        if acronyms:
            for phrase in (part or "").split(","):  # "Missbrauch, sexueller" is no "MS"
                tokens += [language.norm(a) for a in sorted(language.acronyms(phrase))]
    unique = [t for t in dict.fromkeys(tokens) if t and t != "="]
    return " " + " ".join(unique) + " "


def vocabulary_words(doc: str) -> set[str]:
    """The tokens of a document that go into the office's vocabulary (known words, typo targets)."""
    return {t for t in doc.split() if 2 <= len(t) <= 80 and not t.lstrip("=").isdigit() and t != ABOUT.strip()}


def topics_document(phrases: list[str], about: list[str]) -> str:
    """``search_topics``: the topics and the office's synonyms, then after ``ABOUT`` the topic area,
    audience, age focus and languages (which only the very words typed may match)."""
    return document(*phrases, acronyms=True) + ABOUT.lstrip() + document(*about).lstrip()


# --- query terms ------------------------------------------------------------------------------------------


@dataclass
class Alternative:
    tokens: tuple[str, ...]
    weight: float
    kind: str  # exact | compound | synonym | typo


@dataclass
class Term:
    """One query word and what counts as a hit for it."""

    word: str
    alternatives: list[Alternative] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)  # typo corrections shown to the person
    exact_known: bool = False  # the word itself is in the vocabulary

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
    key = language.norm(word)
    term = Term(word, _whole_or_part((key,), EXACT, "exact"))
    if word.isalpha():
        parts = [p for p in language.split_compound(word) if language.surface(p) not in STOPWORDS]
        if parts and parts != [word]:
            keys = tuple(dict.fromkeys(language.norm(p) for p in parts))[:3]
            if keys != (key,):
                term.alternatives += _whole_or_part(keys, COMPOUND if len(keys) > 1 else EXACT, "compound")
            if len(parts) > 1:
                # "Angststörung" where groups say "Angsterkrankungen": the specific part alone, as a fallback.
                # The head (last part) names the kind of thing; dropped only when it is a common word.
                specific = tuple(dict.fromkeys(language.norm(p) for p in parts[:-1]))
                if language.zipf(parts[-1]) >= GENERIC_ZIPF and specific != keys:
                    term.alternatives += _whole_or_part(specific, SYNONYM, "fallback")
        for synonym in language.synonyms(word):
            term.alternatives += _whole_or_part((language.norm(synonym),), SYNONYM, "synonym")
    return term


def _known(tokens: set[str], tenant_ids: list[int] | None) -> set[str]:
    from saas.directory.models import SearchWord

    if not tokens:
        return set()
    stmt = select(SearchWord.word).where(SearchWord.word.in_(sorted(tokens)))
    if tenant_ids is not None:
        stmt = stmt.where(SearchWord.tenant_id.in_(tenant_ids))
    return set(db.session.scalars(stmt.distinct()))


def _corrections(word: str, tenant_ids: list[int] | None) -> list[str]:
    """Vocabulary spellings closest to ``word``: one edit for short words, two from eight letters on."""
    from rapidfuzz.distance import OSA

    from saas.directory.models import SearchWord

    spelled = language.surface(word)
    n = len(spelled)
    if n < 4:
        return []
    limit = 1 if n < 8 else 2
    stmt = select(SearchWord.word).where(
        SearchWord.length.between(n + 1 - limit, n + 1 + limit), SearchWord.word.like("=%")
    )
    if tenant_ids is not None:
        stmt = stmt.where(SearchWord.tenant_id.in_(tenant_ids))
    best: dict[int, list[str]] = {}
    for candidate in db.session.scalars(stmt.distinct()):
        distance = OSA.distance(spelled, candidate[1:], score_cutoff=limit)
        if distance <= limit:
            best.setdefault(distance, []).append(candidate)
    if not best:
        return []
    return sorted(best[min(best)])[:6]


def add_corrections(term: Term, tenant_ids: list[int] | None) -> bool:
    fixes = _corrections(term.word, tenant_ids)
    if fixes:
        term.alternatives += [Alternative((f,), TYPO, "typo") for f in fixes]
        term.corrected = [f[1:] for f in fixes]
    return bool(fixes)


def build_terms(q: str, tenant_ids: list[int] | None) -> tuple[list[Term], list[str]]:
    """Terms of a query and the words that were ignored. Only words the offices know stay."""
    terms = [_term(w) for w in query_words(q)]
    known = _known({t for term in terms for t in term.tokens}, tenant_ids)
    kept: list[Term] = []
    ignored: list[str] = []
    for term in terms:
        term.exact_known = language.norm(term.word) in known
        term.alternatives = [a for a in term.alternatives if all(t in known for t in a.tokens)]
        if not term.alternatives:
            add_corrections(term, tenant_ids)
        if term.alternatives:
            kept.append(term)
        elif language.zipf(term.word) >= COMMON_WORD_ZIPF:
            ignored.append(term.word)
        else:
            return [term], ignored  # a rare word no group knows: nothing can match
    return kept, ignored


# --- matching and ranking ---------------------------------------------------------------------------------


def _has(doc: str, tokens: tuple[str, ...]) -> bool:
    return all(f" {t} " in doc for t in tokens)


def _like_all(column: SQLColumnExpression[str], tokens: tuple[str, ...]) -> ColumnElement[bool]:
    # Tokens hold only letters, digits and "=": nothing to escape in LIKE.
    return and_(*(column.like(f"% {t} %") for t in tokens))


@dataclass
class Candidate:
    id: int
    name: str
    search_name: str
    search_topics: str
    search_text: str


def _score_term(term: Term, c: Candidate, kinds: set[str]) -> tuple[float, bool]:
    """Best weight of a term in a group and whether it matched in name or topics (0 = no match).

    Synonyms, fallbacks and typo corrections match names and topics only, never the description or the
    area, audience and age words after ``ABOUT`` (an office's "Belastungen" is no answer to "Stalking").
    """
    topics, _sep, about = c.search_topics.partition(ABOUT)
    topics += " "
    about = " " + about
    best, strong = 0.0, False
    for alt in term.alternatives:
        if alt.kind not in kinds:
            continue
        literal = alt.kind in ("exact", "compound")
        for doc, place, is_strong in (
            (c.search_name, NAME, True),
            (topics, TOPICS, True),
            (c.search_name + topics, TOPICS, True),
            (c.search_name + topics + about if literal else "", TOPICS, True),
            (c.search_text if literal else "", TEXT, False),
        ):
            if doc and _has(doc, alt.tokens):
                score = alt.weight * place
                if score > best:
                    best, strong = score, is_strong
                break
    return best, strong


def rank(terms: list[Term], candidates: list[Candidate]) -> list[Candidate]:
    """The groups a query finds, best first (see the module's rules)."""
    all_kinds = {"exact", "compound", "synonym", "fallback", "typo"}
    kinds_of: dict[int, set[str]] = {}
    for i, term in enumerate(terms):
        own = {"exact", "compound"}
        # Synonyms only widen a word that no group has in its name or topics.
        if any(_score_term(term, c, own)[1] for c in candidates):
            kinds_of[i] = own | {"typo"}
        else:
            kinds_of[i] = all_kinds
    strong_hits: list[tuple[float, Candidate]] = []
    weak_hits: list[tuple[float, Candidate]] = []
    literal_weak: list[tuple[float, Candidate]] = []
    for c in candidates:
        total, all_strong, literal = 0.0, True, True
        for i, term in enumerate(terms):
            score, strong = _score_term(term, c, kinds_of[i])
            if not score:
                break
            total += score
            all_strong = all_strong and strong
            if not strong:
                literal = literal and _score_term(term, c, {"exact", "compound"})[0] > 0
        else:
            if all_strong:
                strong_hits.append((total, c))
            else:
                weak_hits.append((total, c))
                if literal:
                    literal_weak.append((total, c))
    # With matches in names or topics, a description counts only with the very words typed.
    hits = strong_hits + literal_weak if strong_hits else weak_hits
    hits.sort(key=lambda h: (-h[0], h[1].name.lower(), h[1].id))
    return [c for _score, c in hits]


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


def _find(terms: list[Term], where: list, *, few_offices: bool) -> list[Candidate]:
    from saas.directory.models import Group

    # One office has a few hundred groups: its (tenant_id, status) index and a filter over them beat the
    # trigram index over all offices, which PostgreSQL would otherwise pick for the many LIKE alternatives.
    # ``search_text || ''`` is the same text without an index; across all offices the trigram index serves.
    column = (Group.search_text + "") if few_offices else Group.search_text
    conditions = [or_(*(_like_all(column, a.tokens) for a in t.alternatives)) for t in terms]
    rows = db.session.execute(
        select(Group.id, Group.name, Group.search_name, Group.search_topics, Group.search_text).where(
            *where, *conditions
        )
    ).all()
    return rank(terms, [Candidate(*row) for row in rows])


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
    """Ranked group ids for a query. ``tenant_id`` / ``tenant_ids`` limit the offices; neither searches
    all offices (inside ``cross_tenant``). ``filters`` are further SQL conditions on ``Group``."""
    from saas.directory.models import Group

    offices = [tenant_id] if tenant_id is not None else tenant_ids
    where = _base_filters(offices, topic_area, statuses, filters)
    terms, ignored = build_terms(q, offices)
    if not terms:
        if query_words(q):  # only words no group knows
            return SearchResult([], 0, {}, ignored)
        total = len(db.session.scalars(select(Group.id).where(*where)).all())
        ids = db.session.scalars(
            select(Group.id).where(*where).order_by(Group.name, Group.id).offset(offset).limit(limit)
        ).all()
        return SearchResult(list(ids), total, {}, ignored)
    if any(not t.alternatives for t in terms):
        return SearchResult([], 0, {}, ignored)
    few = offices is not None and len(offices) <= 5
    ranked = _find(terms, where, few_offices=few)
    if not ranked:
        # Parts of a mistyped word may each be known ("Schlagen|fall"): now try corrections.
        retry = [t for t in terms if not t.exact_known and not t.corrected]
        if [add_corrections(t, offices) for t in retry].count(True):
            ranked = _find(terms, where, few_offices=few)
    corrected = {t.word: t.corrected for t in terms if t.corrected}
    return SearchResult([c.id for c in ranked[offset : offset + limit]], len(ranked), corrected, ignored)
