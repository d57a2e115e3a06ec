"""Quality cases of s31-situation (issue #14): a death by suicide told as a sentence ("Bruder hat sich umgebracht",
"Sohn hat sich das Leben genommen") is a loss. The search read the phrase as "Suizid" and the grief groups only
where the office had no group about suicide; with a relative named the situation then took the suicide groups
open to relatives alone, so an office with AGUS listed it and none of its grief groups, which the bereaved want as
much. Now:

- the grief topic that the phrase names ("verstorben" → Trauer) is read beside the word, after its own groups,
  across topic areas (kind ``filed_topic``), and its area is the term's too;
- a situation of a loss and what it came of (social and another area) lists the other concern's groups only where
  they are open to relatives: the bereaved's AGUS, not the circle for people with suicidal thoughts.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic

GRIEF = ["Trauercafé", "Verwaiste Eltern"]


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topic(d, "Suizid", area="mental_health")
    make_topic(d, "Trauer", area="social")
    make_topic(d, "Diabetes", area="chronic_illness")
    make_group(
        d,
        "AGUS – Angehörige um Suizid",
        ["Suizid", "Trauer"],
        topic_area="mental_health",
        audience="relatives",
        description="Für Hinterbliebene.",
    )
    make_group(
        d,
        "Gesprächskreis Lebenskrise",
        ["Suizid"],
        topic_area="mental_health",
        audience="affected",
        description="Für Menschen mit Suizidgedanken.",
    )
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social", description="Wir sind da.")
    make_group(d, "Verwaiste Eltern", ["Trauer"], topic_area="social", description="Nach dem Tod eines Kindes.")
    make_group(d, "Diabetes-Treff", ["Diabetes"], topic_area="chronic_illness", description="Austausch.")
    return world


@pytest.mark.parametrize(
    "q", ["Bruder hat sich umgebracht", "Sohn hat sich das Leben genommen", "Mutter hat sich getötet"]
)
def test_a_death_by_suicide_lists_the_grief_groups_after_the_bereaveds(office, q: str) -> None:  # type: ignore[no-untyped-def]
    found = names(office, q)
    assert found[0] == "AGUS – Angehörige um Suizid"
    assert sorted(found[1:]) == GRIEF  # the circle for people with suicidal thoughts is none of theirs


def test_the_wish_to_die_reads_no_grief(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "ich will mich umbringen")
    assert set(found) == {"AGUS – Angehörige um Suizid", "Gesprächskreis Lebenskrise"}


def test_a_relative_with_the_word_suizid_stays_with_the_groups_open_to_relatives(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Sohn Suizid") == ["AGUS – Angehörige um Suizid"]
    assert sorted(names(office, "Sohn gestorben")) == sorted(["AGUS – Angehörige um Suizid", *GRIEF])
