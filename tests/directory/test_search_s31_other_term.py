"""s31-precision (issue #14): a two-word query no group has both words of ("Morbus Hodgkin", "systemische
Sklerose") does not fall back on a word the groups have only inside a topic of two words whose other word the
query lacks, at the same place ("Morbus Crohn", "Multiple Sklerose"): the query names another term of that
kind. A group its word finds as typed elsewhere, and the two-word topic itself, are still found.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _multiword_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Morbus Crohn", "chronic_illness"),
            ("Morbus Bechterew", "chronic_illness"),
            ("Multiple Sklerose", "chronic_illness"),
            ("Lupus erythematodes", "chronic_illness"),
            ("Morbus Osler / HHT", "chronic_illness"),
        ],
    )
    make_group(d, "SHG Morbus Osler", ["Morbus Osler / HHT"], topic_area="chronic_illness")
    make_group(d, "DCCV Dortmund", ["Morbus Crohn"], topic_area="chronic_illness")
    make_group(d, "Morbus Bechterew Gruppe", ["Morbus Bechterew"], topic_area="chronic_illness")
    make_group(d, "MS-Selbsthilfe Dortmund", ["Multiple Sklerose"], topic_area="chronic_illness")
    make_group(
        d,
        "Lupus Selbsthilfe",
        ["Lupus erythematodes"],
        topic_area="chronic_illness",
        description="Systemischer Lupus.",
    )
    return world


def test_a_generic_first_word_does_not_carry_another_term(office):  # type: ignore[no-untyped-def]
    # Morbus Hodgkin is a lymphoma: no group of another "Morbus …".
    assert names(office, "Morbus Hodgkin") == []


def test_a_head_of_another_term_is_not_the_kind_asked_for(office):  # type: ignore[no-untyped-def]
    # Systemische Sklerose (scleroderma) is no multiple sclerosis.
    assert "MS-Selbsthilfe Dortmund" not in names(office, "systemische Sklerose")


def test_a_topic_of_three_words_binds_its_first_word_too(office):  # type: ignore[no-untyped-def]
    # The demo office's "Morbus Osler / HHT" (initials "moh") was listed for "Morbus Hodgkin".
    assert "SHG Morbus Osler" not in names(office, "Morbus Hodgkin")
    assert names(office, "Morbus Osler") == ["SHG Morbus Osler"]


def test_the_term_itself_is_still_found(office):  # type: ignore[no-untyped-def]
    assert names(office, "Morbus Crohn") == ["DCCV Dortmund"]
    assert names(office, "Multiple Sklerose") == ["MS-Selbsthilfe Dortmund"]


def test_the_distinctive_word_at_another_place_still_finds(office):  # type: ignore[no-untyped-def]
    # "Crohn" is the second word of "Morbus Crohn": typed first, beside a word no group has, it still finds it.
    assert names(office, "Crohn Ernährung") == ["DCCV Dortmund"]


def test_the_topics_of_several_words_are_read_by_their_initials():  # type: ignore[no-untyped-def]
    doc = " morbus =morbus crohn =crohn mc colitis =colitis | chronisch =chronische "
    assert _multiword_topics(doc) == (("morbus", "crohn"),)
