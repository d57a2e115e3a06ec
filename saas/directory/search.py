"""The public search of the directory: what people type finds the groups they mean.

The same rules on PostgreSQL and SQLite:

- Text is folded (lower case, ä→a, ö→o, ü→u, ß→ss) on both sides, so "Ängste" and "angste" meet.
- Every query word must match (AND); a word matches a group when the word, or its German stem,
  occurs anywhere in the group's search document — that makes "Angst" find "Angsterkrankungen" and
  "Verlustängste", and "Eltern" find "Pflegeeltern" (compounds are not split by stemmers).
  The document holds the name, description, topics and their synonyms, topic area and audience.
- A query with no hit is retried with one-letter typos corrected against the office's vocabulary
  (Damerau–Levenshtein distance 1: one wrong, missing, extra or swapped letter).
- Results are ranked: a hit in the name counts most, then in the topics, then anywhere; ties by name.

Substring matching is served by an index on each database: on PostgreSQL by ``pg_trgm`` (GIN,
``gin_trgm_ops``) together with the ``german`` full-text configuration (prefix query ``w:*``);
on SQLite by an FTS5 table with the ``trigram`` tokenizer (see ``ddl.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, case, func, literal, literal_column, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from saas.extensions import db

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    [
        "und",
        "oder",
        "bei",
        "fur",
        "fuer",
        "die",
        "der",
        "das",
        "den",
        "dem",
        "des",
        "mit",
        "von",
        "in",
        "im",
        "am",
        "an",
        "auf",
        "zu",
        "zur",
        "zum",
        "ein",
        "eine",
        "einer",
        "einem",
        "nach",
        "ich",
        "mein",
        "meine",
        "wir",
        "selbsthilfe",
        "selbsthilfegruppe",
        "selbsthilfegruppen",
        "gruppe",
        "gruppen",
        "shg",
    ]
)
_SUFFIXES = ("innen", "ern", "en", "er", "es", "e", "n", "s")
MAX_QUERY_WORDS = 8
MAX_QUERY_CHARS = 200
_GERMAN = literal_column("'german'::regconfig")  # type: ignore[var-annotated]
_TSV = literal_column("groups.search_tsv")  # type: ignore[var-annotated]


def fold(value: str) -> str:
    """Lower case, German umlauts folded, other accents removed."""
    value = value.lower().translate(_FOLD)
    value = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in value if not unicodedata.combining(ch))


def words(value: str) -> list[str]:
    return _WORD.findall(fold(value))


def document(*parts: str) -> str:
    """A search document: folded words separated by single spaces, with a leading space so that
    ``LIKE '% w%'`` finds a word start and ``LIKE '% w %'`` a whole word."""
    return " " + " ".join(w for part in parts for w in words(part or "")) + " "


def stem(word: str) -> str:
    """A light German stem for query words: "depressionen" → "depression", "ängste" → "angst"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def query_words(q: str) -> list[str]:
    found = [w for w in words((q or "")[:MAX_QUERY_CHARS]) if w not in STOPWORDS]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one substitution, insertion, deletion or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    for i in range(len(a)):
        if a[i] != b[i]:
            return a[i:] == b[i + 1 :]
    return True


@dataclass
class Term:
    """One query word with the strings that count as a hit for it (the word, its stem, corrections)."""

    word: str
    alternatives: list[str]
    corrected: bool = False


def _terms(q: str) -> list[Term]:
    terms = []
    for word in query_words(q):
        alts = [word]
        s = stem(word)
        if s != word:
            alts.append(s)
        terms.append(Term(word, alts))
    return terms


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def _like(column: ColumnElement, value: str, *, word_start: bool = False) -> ColumnElement:
    # Terms hold only [a-z0-9]: nothing to escape in LIKE.
    return column.like(f"% {value}%") if word_start else column.like(f"%{value}%")


def _term_match(term: Term, dialect: str) -> ColumnElement:
    from saas.directory.models import Group

    conditions: list[ColumnElement] = []
    fts_alts = [a for a in term.alternatives if len(a) >= 3]
    short_alts = [a for a in term.alternatives if len(a) < 3]
    if dialect == "sqlite" and fts_alts:
        expr = " OR ".join(f'"{a}"' for a in fts_alts)
        match = text("groups_fts MATCH :m").bindparams(bindparam("m", expr, unique=True))
        conditions.append(Group.id.in_(select(literal_column("rowid")).select_from(text("groups_fts")).where(match)))
    else:
        conditions.extend(_like(Group.search_text, a) for a in fts_alts)  # type: ignore[arg-type]
        if dialect == "postgresql" and not term.corrected:
            # groups.search_tsv is the stored german tsvector from ddl.py (GIN-indexed).
            conditions.append(_TSV.op("@@")(func.to_tsquery(_GERMAN, f"{term.word}:*")))
    conditions.extend(_like(Group.search_text, a) for a in short_alts)  # type: ignore[arg-type]
    return or_(*conditions)


def _score(terms: list[Term]) -> ColumnElement:
    from saas.directory.models import Group

    total: ColumnElement = literal(0)
    for term in terms:
        weight = 1 if term.corrected else 2
        best = []
        for alt in term.alternatives:
            best.append(
                case(
                    (Group.search_name.like(f"% {alt} %"), 10 * weight),
                    (_like(Group.search_name, alt, word_start=True), 8 * weight),  # type: ignore[arg-type]
                    (_like(Group.search_name, alt), 6 * weight),  # type: ignore[arg-type]
                    (_like(Group.search_topics, alt, word_start=True), 4 * weight),  # type: ignore[arg-type]
                    (_like(Group.search_topics, alt), 3 * weight),  # type: ignore[arg-type]
                    else_=weight,
                )
            )
        total = total + (
            best[0] if len(best) == 1 else func.max(*best) if _dialect() == "sqlite" else func.greatest(*best)
        )
    return total


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    corrected: dict[str, list[str]]  # query word → the words it was read as (typo correction)


def _base_filters(tenant_id: int | None, topic_area: str | None, statuses: tuple[str, ...] | None) -> list:
    from saas.directory.models import Group

    filters: list = []
    if tenant_id is not None:
        filters.append(Group.tenant_id == tenant_id)
    if statuses:
        filters.append(Group.status.in_(statuses))
    if topic_area:
        filters.append(Group.topic_area == topic_area)
    return filters


def _run(terms: list[Term], filters: list, offset: int, limit: int) -> tuple[list[int], int]:
    from saas.directory.models import Group

    dialect = _dialect()
    where = and_(*filters, *(_term_match(t, dialect) for t in terms))
    total = db.session.scalar(select(func.count(Group.id)).where(where)) or 0
    if not total:
        return [], 0
    order = [_score(terms).desc(), Group.search_name] if terms else [Group.search_name]
    ids = db.session.scalars(select(Group.id).where(where).order_by(*order, Group.id).offset(offset).limit(limit)).all()
    return list(ids), total


def _corrections(word: str, tenant_id: int | None) -> list[str]:
    """Vocabulary words one edit away from ``word`` (or whose beginning is one edit away)."""
    from saas.directory.models import SearchWord

    n = len(word)
    stmt = select(SearchWord.word).where(
        or_(
            SearchWord.length.between(n - 1, n + 1),
            and_(SearchWord.length > n + 1, func.substr(SearchWord.word, 1, 2) == word[:2]),
        )
    )
    if tenant_id is not None:
        stmt = stmt.where(SearchWord.tenant_id == tenant_id)
    found: set[str] = set()
    for candidate in db.session.scalars(stmt.distinct()):
        if within_one_edit(word, candidate) or (
            len(candidate) > n + 1 and n >= 5 and within_one_edit(word, candidate[:n])
        ):
            found.add(candidate)
    return sorted(found)[:10]


def search_ids(
    q: str,
    *,
    tenant_id: int | None,
    topic_area: str | None = None,
    statuses: tuple[str, ...] | None = ("founding", "active"),
    offset: int = 0,
    limit: int = 20,
) -> SearchResult:
    """Ranked group ids for a query. ``tenant_id=None`` searches all offices (inside ``cross_tenant``)."""
    filters = _base_filters(tenant_id, topic_area, statuses)
    terms = _terms(q)
    ids, total = _run(terms, filters, offset, limit)
    if total or not terms:
        return SearchResult(ids, total, {})
    corrected: dict[str, list[str]] = {}
    for term in terms:
        if len(term.word) < 4:
            continue
        fixes = _corrections(term.word, tenant_id)
        root = stem(term.word)
        if root != term.word and len(root) >= 4:
            fixes = sorted(set(fixes) | set(_corrections(root, tenant_id)))
        if fixes:
            term.alternatives = list(dict.fromkeys(term.alternatives + fixes))
            term.corrected = True
            corrected[term.word] = fixes
    if not corrected:
        return SearchResult([], 0, {})
    ids, total = _run(terms, filters, offset, limit)
    return SearchResult(ids, total, corrected if total else {})
