"""s34-colloquial (issue #14): a colloquial noun reads as the plain word it stands for.

OpenThesaurus marks colloquial terms ("Glimmstängel (ugs.)", "Kippe (ugs.)", "Fluppe (ugs.)" in the set of Zigarette,
whose broader terms are Tabak and Droge); ``scripts/build_thesaurus.py`` dropped the mark, so the search read these
words by their set alone: "Zigarette" found the smoking group by its phrase "eine Zigarette rauchen" (s28-smoking),
its colloquial synonyms found none and fell back to the set's broader term Droge: the drug groups. The builder now
keeps each colloquial term with the unmarked words of its sets (``openthesaurus_colloquial_de.txt.gz``), and where
German Wiktionary's definition of the word names that plain word too ("Glimmstängel": *Zigarette*), the search reads
the word by the plain word's phrase verbs (``language.plain_words``). A word the thesaurus lists plain only
("Faktum" ~ Tatsache) is no colloquial word. On topics named as in the common list WITHOUT the office's synonyms.

Each test fails on the code before the branch.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Nichtraucher", "addiction"), ("Drogenabhängigkeit", "addiction")])
    make_group(d, "Rauchfrei werden", ["Nichtraucher"], topic_area="addiction", description="Wir helfen uns.")
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    return world


def test_the_builder_keeps_a_colloquial_term_with_the_plain_words_of_its_set():  # type: ignore[no-untyped-def]
    build = load_script("build_thesaurus")
    lines = [
        "-|Zigarette|Fluppe (ugs.)|Glimmstängel (ugs.)|Sargnagel (ugs., scherzhaft-ironisch)|Droge (Oberbegriff)",
        "-|Tatsache|Faktum|Fakt (ugs.)",
    ]
    found = build.colloquial_lines(lines, build.plain_terms(lines))
    assert "Glimmstängel\tZigarette" in found
    assert "Fakt\tTatsache|Faktum" in found
    assert not any(line.startswith(("Zigarette\t", "Faktum\t", "Droge\t")) for line in found)


def test_a_colloquial_noun_stands_for_the_plain_word_its_definition_names():  # type: ignore[no-untyped-def]
    assert language.plain_words("Glimmstängel") == ("Zigarette",)
    assert "Zigarette" in language.plain_words("Kippe")  # its third sense: … oder ganze *Zigarette*
    assert language.plain_words("Faktum") == ()  # unmarked beside Tatsache
    assert language.plain_words("Zigarette") == ()


@pytest.mark.parametrize("word", ["Glimmstängel", "Kippe", "Fluppe", "Sargnagel"])
def test_a_colloquial_word_for_a_cigarette_finds_the_smoking_group(office, word):  # type: ignore[no-untyped-def]
    # Before: the drug group, by the set's broader term Droge.
    assert names(office, word) == ["Rauchfrei werden"]


def test_the_builder_says_where_a_colloquial_term_also_stands_plain():  # type: ignore[no-untyped-def]
    build = load_script("build_thesaurus")
    lines = ["-|rauchen|qualmen (ugs.)|schmöken (ugs.)", "-|rauchen|qualmen|schwelen"]
    found = build.colloquial_lines(lines, build.plain_terms(lines))
    assert "qualmen\trauchen\tplain" in found
    assert "schmöken\trauchen" in found


def test_a_word_marked_colloquial_everywhere_is_known_so():  # type: ignore[no-untyped-def]
    assert language.only_colloquial("schmöken")
    assert not language.only_colloquial("haschen")  # plain beside kiffen
    assert not language.only_colloquial("Zigarette")


@pytest.fixture
def diabetes_office(office):  # type: ignore[no-untyped-def]
    d = office.dortmund
    make_topics(d, [("Diabetes", "chronic_illness")])
    make_group(d, "Diabetiker-Treff", ["Diabetes"], topic_area="chronic_illness")
    return office


def test_a_colloquial_word_reads_no_further_than_its_plain_word(diabetes_office):  # type: ignore[no-untyped-def]
    # Before: "schmöken" (ugs.) ~ rauchen → the phrase noun Zigarette ^Droge → the drug group; "betütern" (ugs.,
    # ~ bemuttern, verzuckern) → the diabetes group.
    assert names(diabetes_office, "schmöken") == ["Rauchfrei werden"]
    assert names(diabetes_office, "betütern") == []
    assert names(diabetes_office, "haschen") == ["Narcotics Anonymous"]  # plain beside kiffen: kept
