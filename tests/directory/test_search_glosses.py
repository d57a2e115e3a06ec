"""German Wiktionary's definitions as the last reading of a word no other resource links to a topic (issue #14):
"Hypochondrie" (… Angst, an einer Krankheit zu leiden) finds the anxiety groups, "Fehlgeburt" (… Verlust) the grief
groups; a definition that names only a category ("Narkolepsie": Erkrankung) finds nothing; the reading never
joins a nearer one, never enters a query of several words, and costs no statement."""

from __future__ import annotations

import gzip

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from saas.directory import language
from saas.directory.search import GLOSS_KINDS, _gloss_noun_alternatives, query_terms, search_ids
from saas.extensions import db
from tenants.scoping import cross_tenant, tenant_context
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    """Topics named as in the common list, without the office's synonyms."""
    d = world.dortmund
    for name, area in [
        ("Angsterkrankungen", "mental_health"),
        ("Trauer", "social"),
        ("Depression", "mental_health"),
        ("Epilepsie", "chronic_illness"),
    ]:
        make_topic(d, name, area=area)
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Trauercafé Aplerbeck", ["Trauer"], topic_area="social")
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    make_group(d, "Anfallsfrei leben", ["Epilepsie"], topic_area="chronic_illness")
    return world


def test_the_data_file_holds_the_nouns_of_each_sense_with_its_attribution() -> None:
    """Does the shipped file name its source and licence, and give a word's senses apart, genus first?"""
    with gzip.open(language.GLOSSES_FILE, "rt", encoding="utf-8") as fh:
        header = fh.readline()
    assert "Wiktionary" in header and "CC BY-SA 4.0" in header
    assert language.glosses("Methadon")[0][0] == "Opioid"
    zucker = language.glosses("Zucker")
    assert len(zucker) > 1 and any("Diabetes" in sense for sense in zucker)
    assert language.glosses("verängstigt") == language.glosses("veraengstigt")
    assert language.glosses("Gibtsnichtwort") == ()


@pytest.mark.parametrize(
    ("q", "expected"), [("Hypochondrie", ["Mutig gegen die Angst"]), ("Fehlgeburt", ["Trauercafé Aplerbeck"])]
)
def test_a_word_only_its_definition_links_to_a_topic(office, q: str, expected: list[str]) -> None:
    """Does a word that the topic list, the thesaurus and its parts link to nothing find the groups of the
    topic its definition names?"""
    assert names(office, q) == expected


def test_a_definition_naming_only_a_category_finds_nothing(office) -> None:
    """A definition that names only a category ("Narkolepsie": Erkrankung) finds no group."""
    assert names(office, "Narkolepsie") == []


def test_a_definitions_noun_counts_by_its_word_not_a_shared_stem() -> None:
    """A definition's "Lebens" ("Suizid": Beendigung des eigenen Lebens) shares Snowball's stem with Leber (a
    search word of the liver topic) and is no reading of it; "Angst" is the anxiety topics' own word."""
    assert _gloss_noun_alternatives("Lebens", "gloss") == ()
    assert ("angst",) in {a.tokens for a in _gloss_noun_alternatives("Angst", "gloss")}


def test_a_definition_never_joins_a_nearer_reading(office) -> None:
    """Where a group has the word itself, its definition adds no group: "Fehlgeburt" finds that group only,
    not every grief group as well."""
    make_group(office.dortmund, "Sternenkinder – nach einer Fehlgeburt", ["Depression"], topic_area="mental_health")
    assert names(office, "Fehlgeburt") == ["Sternenkinder – nach einer Fehlgeburt"]


def test_only_a_one_word_query_is_read_by_definitions() -> None:
    """Beside other words, a word is what they say it is about: "Gewalt in der Ehe" is no "Partnerschaft".
    Since s23-situation only where another word names a concern or an audience; beside a word for people
    ("Kinder", who, not what) the definition is read (tests/directory/test_search_s23_situation.py)."""
    assert any(a.kind in GLOSS_KINDS for a in query_terms("Hypochondrie")[0].alternatives)
    assert not any(a.kind in GLOSS_KINDS for t in query_terms("Hypochondrie Angst") for a in t.alternatives)
    assert not any(a.kind in GLOSS_KINDS for t in query_terms("Hypochondrie Angehörige") for a in t.alternatives)
    assert any(a.kind in GLOSS_KINDS for t in query_terms("Hypochondrie Kinder") for a in t.alternatives)
    # A word the topic list names itself is read as that topic, never by its definition.
    assert not any(a.kind in GLOSS_KINDS for a in query_terms("Trauer")[0].alternatives)


def test_the_reading_costs_no_statement_and_is_the_same_across_offices(office) -> None:
    """One office's search stays one statement, and the search across all offices finds the same groups."""
    count = [0]

    def counter(*_args) -> None:  # type: ignore[no-untyped-def]
        count[0] += 1

    with tenant_context(office.dortmund.id):
        db.session.connection()
        event.listen(Engine, "before_cursor_execute", counter)
        try:
            own = search_ids("Hypochondrie", tenant_id=office.dortmund.id)
        finally:
            event.remove(Engine, "before_cursor_execute", counter)
    db.session.remove()
    assert own.total == 1 and count[0] == 1
    with cross_tenant("test: search across all offices"):
        everywhere = search_ids("Hypochondrie", tenant_id=None)
    db.session.remove()
    assert everywhere.ids == own.ids
