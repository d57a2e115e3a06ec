"""s31-medical2 (issue #14): a rare learned compound is not read by a head whose senses name different topics of
the common list. Manie names the bipolar topic, its OpenThesaurus synonym Sucht the addictions (German Wiktionary
defines it as the mood disorder and as a compulsive urge): "Trichotillo|manie" (hair pulling) is no bipolar
disorder, and the head alone listed the bipolar group. A head without a synonym of another topic keeps its reading
("Uro|stoma", "Poly|arthritis").

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
            ("Bipolare Störung", "mental_health"),
            ("Zwangsstörungen", "mental_health"),
            ("Stoma", "chronic_illness"),
            ("Rheuma", "chronic_illness"),
        ],
    )
    make_group(
        d,
        "Bipolar – Leben zwischen den Polen",
        ["Bipolare Störung"],
        topic_area="mental_health",
        description="Für Menschen mit Manie und Depression im Wechsel.",
    )
    make_group(
        d,
        "Zwänge überwinden",
        ["Zwangsstörungen"],
        topic_area="mental_health",
        description="Zwangsgedanken und Zwangshandlungen.",
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
    return world


# --- a head of senses that name different topics -----------------------------------------------------------------


def test_a_head_whose_senses_name_different_topics_is_no_reading():  # type: ignore[no-untyped-def]
    assert head_readings("Trichotillomanie") == []


def test_a_compound_of_such_a_head_does_not_list_the_heads_own_topic(office):  # type: ignore[no-untyped-def]
    assert "Bipolar – Leben zwischen den Polen" not in names(office, "Trichotillomanie")


# --- what stays ------------------------------------------------------------------------------------------------


def test_the_head_itself_still_finds_its_topic(office):  # type: ignore[no-untyped-def]
    assert names(office, "Manie") == ["Bipolar – Leben zwischen den Polen"]


def test_a_head_without_a_synonym_of_another_topic_keeps_its_reading(office):  # type: ignore[no-untyped-def]
    assert head_readings("Urostoma") == ["Stoma"]
    assert names(office, "Urostoma") == ["ILCO Stomaträger"]
    assert names(office, "Polyarthritis") == ["Rheuma-Liga Arbeitsgemeinschaft"]


def test_the_regional_finder_agrees(office) -> None:  # type: ignore[no-untyped-def]
    for q in ("Trichotillomanie", "Urostoma"):
        regional, own = regional_and_own(office, q)
        assert regional[office.dortmund.id] == own, q
