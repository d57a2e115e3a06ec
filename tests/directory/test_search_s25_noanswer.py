"""Quality cases of s25-noanswer (issue #14): a query no group answers should list nothing. On topics named as in
the common list WITHOUT the office's synonyms:

- a compound whose head is a filler word ("Gruppe", "Hilfe", "Treffen": the search's stop words) is read as its
  front ("Krebs|gruppe" → Krebs); but one German Wiktionary defines as a word of its own, whose front is an
  everyday word that names no topic, is read whole, by its own definition: "Spiel|gruppe" (a playgroup) is no
  "Spiel", which as a compound's part found the gambling and gaming groups ("Glücks|spiel", "Spiel|sucht").
- A front that names a concept still stands for the compound ("Krebs|gruppe", "Angehörigen|gruppe",
  "Sterbe|hilfe"), and so does one behind a filler head Wiktionary does not define.

Each test of a change fails on the code before the branch; the others guard what stays.
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
        [
            ("Glücksspiel", "addiction"),
            ("Spielsucht", "addiction"),
            ("Krebs", "chronic_illness"),
            ("Demenz", "mental_health"),
        ],
    )
    make_group(
        d,
        "Neustart",
        ["Glücksspiel"],
        topic_area="addiction",
        audience="affected",
        description="Automaten, Sportwetten, Online-Casino: Wir wollen nicht mehr spielen und helfen uns dabei.",
    )
    make_group(
        d,
        "Eltern medienabhängiger Kinder",
        ["Spielsucht"],
        topic_area="addiction",
        audience="parents",
        description="Für Eltern, deren Kinder nicht mehr vom Handy oder der Konsole wegkommen.",
    )
    make_group(d, "Frauenselbsthilfe nach Krebs", ["Krebs"], topic_area="chronic_illness", audience="affected")
    make_group(
        d,
        "Alzheimer Angehörigengruppe",
        ["Demenz"],
        topic_area="mental_health",
        audience="relatives",
        description="Für Angehörige von Menschen mit Demenz.",
    )
    return world


# --- a word of its own behind a filler head is read whole --------------------------------------------------------


def test_a_defined_compound_with_a_filler_head_and_an_everyday_front_lists_nothing(office):  # type: ignore[no-untyped-def]
    assert names(office, "Spielgruppe") == []
    assert names(office, "Spielgruppen") == []


def test_the_defined_compound_is_no_reading_of_its_front(office):  # type: ignore[no-untyped-def]
    tokens = {a.tokens for a in search._alternatives("Spielgruppe")}
    assert ("spiel",) not in tokens


# --- what stays ----------------------------------------------------------------------------------------------------


def test_which_compounds_are_read_whole():  # type: ignore[no-untyped-def]
    from saas.directory import language

    def whole(word: str) -> bool:
        return search._defined_whole(word, language.split_compound(word))

    assert whole("Spielgruppe")
    # A front that names a concept ("Sterbe|hilfe", "Flüchtlings|hilfe"), a compound Wiktionary does not define
    # ("Krebs|gruppe", "Angehörigen|gruppe"), or a head that is no filler ("Spiel|sucht") is cut as before.
    assert not whole("Sterbehilfe")
    assert not whole("Flüchtlingshilfe")
    assert not whole("Krebsgruppe")
    assert not whole("Angehörigengruppe")
    assert not whole("Spielsucht")


def test_a_filler_head_behind_a_concept_still_reads_as_its_front(office):  # type: ignore[no-untyped-def]
    assert names(office, "Krebsgruppe") == ["Frauenselbsthilfe nach Krebs"]
    assert names(office, "Angehörigengruppe Demenz") == ["Alzheimer Angehörigengruppe"]
    assert ("sterb",) in {a.tokens for a in search._alternatives("Sterbehilfe")}


def test_the_gambling_words_still_find_their_groups(office):  # type: ignore[no-untyped-def]
    assert "Neustart" in names(office, "Glücksspiel")
    assert "Eltern medienabhängiger Kinder" in names(office, "Spielsucht")


def test_the_word_for_a_self_help_group_is_still_filler(office):  # type: ignore[no-untyped-def]
    assert names(office, "Selbsthilfegruppe Krebs") == ["Frauenselbsthilfe nach Krebs"]
