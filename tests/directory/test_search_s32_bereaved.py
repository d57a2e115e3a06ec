"""s32-bereaved (issue #14): a suicide named beside someone close is the death it tells of. The issue's own example
"Selbstmord Angehöriger" found nothing on the demo's Dortmund, which has grief groups and no group for the bereaved
after suicide; "Bruder hat sich umgebracht" found its grief group. The noun for the act beside a relative or the
relatives' word is now also read by the grief topic, as a topic reading at a synonym's weight: per office, the
nearest reading some group has answers, so an office with a group for the bereaved after suicide lists it alone, as
before, and one without lists its grief groups; across offices each office's part is its own.

Each test of a change fails on the code before it; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _suicide_of_someone_close
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic, regional_and_own

GRIEF = ["Trauercafé", "Verwaiste Eltern"]


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    """An office as the demo's Dortmund: grief groups, no group about suicide."""
    d = world.dortmund
    make_topic(d, "Trauer", area="social")
    make_topic(d, "Diabetes", area="chronic_illness")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social", description="Wir sind da.")
    make_group(d, "Verwaiste Eltern", ["Trauer"], topic_area="social", description="Nach dem Tod eines Kindes.")
    make_group(d, "Diabetes-Treff", ["Diabetes"], topic_area="chronic_illness", description="Austausch.")
    return world


@pytest.mark.parametrize(
    "q", ["Selbstmord Angehöriger", "Suizid Angehörige", "Angehörige Freitod", "Selbsttötung Bruder"]
)
def test_a_suicide_beside_someone_close_lists_the_grief_groups(office, q: str) -> None:  # type: ignore[no-untyped-def]
    # Before: nothing (no group has the topic Suizid).
    assert sorted(names(office, q)) == GRIEF


def test_the_wish_or_the_word_alone_reads_no_grief(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Suizidgedanken Angehörige") == []
    assert names(office, "Selbstmord") == []
    assert names(office, "suizidal") == []


def test_only_the_act_beside_someone_close_is_read_as_a_loss() -> None:
    assert _suicide_of_someone_close("Selbstmord Angehöriger") == "Suizid Angehöriger"  # the act, as "Suizid" reads
    assert _suicide_of_someone_close("Bruder Suizid") == "Bruder Suizid"
    assert not _suicide_of_someone_close("Suizid")
    assert not _suicide_of_someone_close("Suizid Depression")
    assert not _suicide_of_someone_close("Sohn suizidgefährdet")
    assert not _suicide_of_someone_close("Suizidgedanken Angehörige")


def test_the_regional_finder_reads_it_as_the_office_does(office) -> None:  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "Selbstmord Angehöriger")
    assert own and regional[office.dortmund.id] == own


def test_an_office_with_a_group_for_the_bereaved_after_suicide_lists_it_alone(office) -> None:  # type: ignore[no-untyped-def]
    d = office.dortmund
    make_topic(d, "Suizid", area="mental_health")
    make_group(
        d,
        "AGUS – Angehörige um Suizid",
        ["Suizid", "Trauer"],
        topic_area="mental_health",
        audience="relatives",
        description="Für Hinterbliebene.",
    )
    assert names(office, "Selbstmord Angehöriger") == ["AGUS – Angehörige um Suizid"]
