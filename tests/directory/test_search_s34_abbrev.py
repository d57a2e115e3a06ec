"""s34-abbrev (issue #14): an abbreviation written together with an ending or a noun is read as the abbreviation.

German derives a person from an abbreviation with an ending ("ADHSler", "PTBSlerin", as "Sportler" of Sport) and
writes a compound of one without its hyphen ("MSkranke"). No resource lists such a word, so the search read it as
one unknown word and found nothing ("PTBS-ler" and "ADHS'ler" were found, by their punctuation). Where the query as
typed finds nothing, a word of two capitals or more followed by small letters is read as the capitals apart, with
the rest as a word of its own where it is a noun (``search.abbreviation_word_readings``). On topics named as in the
common list WITHOUT the office's synonyms.

Each test fails on the code before the branch.
"""

from __future__ import annotations

import pytest

from saas.directory import search
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
    return world


@pytest.mark.parametrize("query", ["PTBSler", "PTBSlerin", "Hilfe für PTBSler"])
def test_a_person_derived_from_an_abbreviation_finds_its_groups(office, query):  # type: ignore[no-untyped-def]
    assert names(office, query) == ["Wege aus dem Trauma"]


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
