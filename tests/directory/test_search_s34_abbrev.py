"""s34-abbrev (issue #14): an abbreviation written together with an ending or a noun is read as the abbreviation.

German derives a person from an abbreviation with an ending ("ADHSler", "PTBSlerin", as "Sportler" of Sport) and
writes a compound of one without its hyphen ("MSkranke"). No resource lists such a word, so the search read it as
one unknown word and found nothing ("PTBS-ler" and "ADHS'ler" were found, by their punctuation). Where the query as
typed finds nothing, a word of two capitals or more followed by small letters is read as the capitals apart, with
the rest as a word of its own where it is a noun (``search.abbreviation_word_readings``). On topics named as in the
common list WITHOUT the office's synonyms.

And the expansion of PTBS, "posttraumatische Belastungsstörung": "posttraumatisch" is read by its Wiktionary
definition (*auf ein Trauma folgend*), whose noun Trauma the glosses builder dropped as "a part of the headword"
(a plain substring test), while the search does not read the part "traumatisch" of post|traumatisch as Trauma:
"posttraumatisch" found no trauma group. The builder now drops such a noun from a word in small letters only where
it is one of the word's compound parts as ``split_compound`` cuts them.

Each test fails on the code before the branch.
"""

from __future__ import annotations

import pytest

from saas.directory import language, search
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [("Komplexe PTBS", "mental_health"), ("Multiple Sklerose", "chronic_illness"), ("Diabetes", "chronic_illness")],
    )
    make_group(d, "Wege aus dem Trauma", ["Komplexe PTBS"], topic_area="mental_health", description="Wir reden.")
    make_group(d, "MS-Selbsthilfe", ["Multiple Sklerose"], topic_area="chronic_illness", description="Austausch.")
    make_group(d, "Diabetiker-Treff", ["Diabetes"], topic_area="chronic_illness", description="Austausch.")
    make_topics(d, [("Traumatisierung", "mental_health")])
    make_group(d, "Stimme finden", ["Traumatisierung"], topic_area="mental_health", description="Geschützte Gruppe.")
    return world


@pytest.mark.parametrize("query", ["PTBSler", "PTBSlerin", "Hilfe für PTBSler"])
def test_a_person_derived_from_an_abbreviation_finds_its_groups(office, query):  # type: ignore[no-untyped-def]
    assert names(office, query)[0] == "Wege aus dem Trauma"


def test_an_adjective_keeps_the_noun_its_definition_names_inside_it():  # type: ignore[no-untyped-def]
    assert "Trauma" in language.glosses("posttraumatisch")[0]


def test_posttraumatic_finds_the_trauma_groups(office):  # type: ignore[no-untyped-def]
    assert "Stimme finden" in names(office, "posttraumatisch")


def test_an_abbreviation_written_together_with_a_noun_reads_both(office):  # type: ignore[no-untyped-def]
    assert names(office, "MSkranke") == ["MS-Selbsthilfe"]
    assert names(office, "XYZler") == []  # an abbreviation no resource and no group knows still finds nothing


def test_the_reading_splits_only_capitals_before_small_letters():  # type: ignore[no-untyped-def]
    assert search.abbreviation_word_readings("ADHSlerin") == ["ADHS"]
    assert search.abbreviation_word_readings("MSkranke") == ["MS kranke"]
    # One capital, a word of its own, or capitals alone: no such word.
    assert search.abbreviation_word_readings("GmbHs") == []
    assert search.abbreviation_word_readings("PTBS") == []
    assert search.abbreviation_word_readings("Diabetes") == []
