"""Quality cases of s26-situation (issue #14): a relative's concern that still missed the circle for relatives of
the psychically ill. On the relatives' office of s25 (``helpers.relatives_office``: topics named as in the common
list WITHOUT the office's synonyms, so that what is found comes from the resources alone) with a psychosis seminar,
a voice hearers' group and an obsessive-compulsive group added:

- the relatives' audience word beside a concern asks as a relative does, wherever it stands ("Depression
  Angehörige", "Angehörige von Depressiven", "Zwang Angehörige"): the groups found that are open to relatives, then
  the relatives' circles of the concern's umbrella topics, those alone where the groups found are none for
  relatives;
- the noun of a two-word topic name stands for the genus of its own definition too (an Erkrankung is a *Störung*):
  Psychose, a *psychische Störung*, is a kind of Psychische Erkrankungen;
- a situation whose words name no topic ("mein Bruder hört Stimmen") is read by the topic of the groups it finds
  ("Stimmen hören", filed under Psychose): that topic's groups open to relatives, then its umbrella's circle.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _umbrella_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, relatives_office

CIRCLE = "Angehörige psychisch Kranker"


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    relatives_office(d)
    make_topics(d, [("Psychose", "mental_health"), ("Zwangsstörungen", "mental_health")])
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health", audience="both")
    make_group(
        d,
        "Stimmen hören",
        ["Psychose"],
        topic_area="mental_health",
        audience="affected",
        description="Menschen, die Stimmen hören.",
    )
    make_group(d, "Zwänge überwinden", ["Zwangsstörungen"], topic_area="mental_health", audience="affected")
    return world


def test_a_psychische_stoerung_is_a_psychische_erkrankung() -> None:
    umbrellas = _umbrella_topics()
    assert umbrellas["Psychose"] == {"Psychische Erkrankungen"}  # psychische Störung; Erkrankung: a Störung
    assert "Augenerkrankung" not in umbrellas  # a Störung, but no psychische one
    assert "Essstörungen" not in umbrellas  # a Krankheitsbild, no adjective of an umbrella
    assert "Borderline" not in umbrellas  # no definition


def test_the_relatives_word_beside_a_concern_finds_the_circle(office):  # type: ignore[no-untyped-def]
    # The depression groups are for the depressed: the circle answers alone.
    assert names(office, "Depression Angehörige") == [CIRCLE]
    assert names(office, "Angehörige von Depressiven") == [CIRCLE]
    assert names(office, "Zwang Angehörige") == [CIRCLE]


def test_a_group_open_to_relatives_stays_first(office):  # type: ignore[no-untyped-def]
    assert names(office, "Psychose Angehörige") == ["Psychose-Seminar", CIRCLE]


def test_a_situation_is_read_by_the_topic_of_the_groups_it_finds(office):  # type: ignore[no-untyped-def]
    assert names(office, "mein Bruder hört Stimmen") == ["Psychose-Seminar", CIRCLE]


def test_without_the_relatives_word_or_a_relative_nothing_changes(office):  # type: ignore[no-untyped-def]
    assert names(office, "Stimmen hören") == ["Stimmen hören"]
    assert CIRCLE not in names(office, "Depression")
    assert CIRCLE not in names(office, "Zwang")


def test_the_relatives_word_reads_only_its_concern_s_umbrella(office):  # type: ignore[no-untyped-def]
    found = names(office, "Alkohol Angehörige")
    assert found[0] == "Al-Anon Familiengruppe"
    assert CIRCLE not in found
    assert "Anonyme Alkoholiker" not in found
