"""s31-medical (issue #14): a rare word that finds nothing is read as its head, the kind it names, where its front is
a learned combining form no resource has as a word ("Uro|stoma", "Ileo|stoma", "Poly|arthritis"). On topics named
as in the common list WITHOUT the office's synonyms:

- the head is the longest ending of five letters or more that German Wiktionary defines and the thesaurus or the
  dictionary (hunspell-de-de) has as a noun, after a front of three letters or more;
- never where the front is a word (as written or without a linking element: "Heu|schnupfen", "Spiel|gruppe"),
  never for a word Wiktionary or the thesaurus reads, an everyday word, or an everyday head ("Pro|krastination" is no
  "Nation");
- only a head the office's groups speak of themselves, as a word or a compound's part.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import head_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Stoma", "chronic_illness"),
            ("Rheuma", "chronic_illness"),
            ("Allergien", "chronic_illness"),
            ("Drogenabhängigkeit", "addiction"),
        ],
    )
    make_group(
        d,
        "ILCO Stomaträger",
        ["Stoma"],
        topic_area="chronic_illness",
        description="Leben mit künstlichem Ausgang.",
    )
    make_group(
        d,
        "Rheuma-Liga Arbeitsgemeinschaft",
        ["Rheuma"],
        topic_area="chronic_illness",
        description="Rheumatoide Arthritis und Arthrose.",
    )
    make_group(
        d,
        "Narcotics Anonymous",
        ["Drogenabhängigkeit"],
        topic_area="addiction",
        description="Wer Kokain schnupft, raucht oder spritzt.",
    )
    return world


# --- a learned compound read as its head -----------------------------------------------------------------------


def test_a_learned_compound_reads_as_its_head(office):  # type: ignore[no-untyped-def]
    assert names(office, "Urostoma") == ["ILCO Stomaträger"]
    assert names(office, "Ileostoma") == ["ILCO Stomaträger"]
    assert names(office, "Polyarthritis") == ["Rheuma-Liga Arbeitsgemeinschaft"]


def test_the_head_is_the_longest_defined_noun_after_a_front_that_is_no_word():  # type: ignore[no-untyped-def]
    assert head_readings("Urostoma") == ["Stoma"]
    assert head_readings("polyarthritis") == ["Arthritis"]
    assert head_readings("Heuschnupfen") == []  # Wiktionary defines it: the search has read it so
    # s32-terms: a term Wiktionary defines in a sense labelled Medizin is read by its head too
    assert head_readings("Subarachnoidalblutung") == ["Blutung"]


# --- what stays unread -----------------------------------------------------------------------------------------


def test_a_compound_of_words_is_not_read_by_its_head(office):  # type: ignore[no-untyped-def]
    assert head_readings("Heuschnupfen") == []
    assert head_readings("Spielgruppe") == []
    assert head_readings("Querschnittslähmung") == []
    assert names(office, "Heuschnupfen") == []


def test_an_everyday_head_or_word_is_not_read():  # type: ignore[no-untyped-def]
    assert head_readings("Prokrastination") == []  # Nation
    assert head_readings("Hyperaktivität") == []  # Aktivität
    assert head_readings("Wochenende") == []
    assert head_readings("Urostoma Beutel") == []  # one word only


def test_a_head_the_groups_do_not_speak_of_lists_nothing(office):  # type: ignore[no-untyped-def]
    assert head_readings("Laryngektomie") == ["Ektomie"]
    assert names(office, "Laryngektomie") == []


def test_the_regional_finder_reads_a_learned_compound_as_the_office_does(office) -> None:  # type: ignore[no-untyped-def]
    """``search_by_office`` (the regional finder, the neighbour search) read "Urostoma" as typed only: each office's
    part must be that office's own search, which reads it by its head."""
    for q in ("Urostoma", "Polyarthritis", "Stoma"):
        regional, own = regional_and_own(office, q)
        assert own, q
        assert regional[office.dortmund.id] == own, q
        assert regional[office.hamm.id] == []
