"""s32-heads (issue #14): a compound's head or front read as the word alone reads it. A compound whose head (or front)
names topics of the common list read every topic that gives the part among its search words, at one level: "Trauma"
is a search word of Traumatisierung, Komplexe PTBS and Dissoziative Störung, so "Kriegstrauma" listed the
dissociation group first. "Trauma" typed alone reads its nearest level only, the group that says "Trauma". Now the
groups a compound finds only by its part's topics are listed as far as the part typed alone lists them; where that
would leave no group, all stay.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Traumatisierung", "mental_health"),
            ("Komplexe PTBS", "mental_health"),
            ("Dissoziative Störung", "mental_health"),
            ("Schlaganfall", "chronic_illness"),
            ("Hirn-Aneurysma", "chronic_illness"),
        ],
    )
    make_group(d, "Wege aus dem Trauma", ["Traumatisierung", "Komplexe PTBS"], topic_area="mental_health")
    make_group(d, "Dissoziation verstehen", ["Dissoziative Störung"], topic_area="mental_health")
    make_group(d, "Schlaganfall-Treff", ["Schlaganfall"], topic_area="chronic_illness")
    make_group(d, "Hirn-Aneurysma Gruppe", ["Hirn-Aneurysma"], topic_area="chronic_illness")
    return world


def test_the_word_alone_reads_its_nearest_level(office):  # type: ignore[no-untyped-def]
    assert names(office, "Trauma") == ["Wege aus dem Trauma"]


def test_a_head_is_read_as_the_word_alone(office):  # type: ignore[no-untyped-def]
    # Before: "Dissoziation verstehen" first, by Dissoziative Störung's search word "Trauma".
    for q in ("Kriegstrauma", "Kindheitstrauma"):
        assert names(office, q) == ["Wege aus dem Trauma"], q


def test_a_front_is_read_as_the_word_alone(office):  # type: ignore[no-untyped-def]
    # Before: the dissociation group after it; "Schlaganfallpatienten" listed the aneurysm group (its search word
    # "Schlaganfall"), which "Schlaganfall" typed does not.
    assert names(office, "Traumabewältigung") == ["Wege aus dem Trauma"]
    assert names(office, "Schlaganfallpatienten") == ["Schlaganfall-Treff"]


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    for q in ("Kriegstrauma", "Traumabewältigung"):
        regional, own = regional_and_own(office, q)
        assert regional[office.dortmund.id] == own, q
        assert len(own) == 1, q


def test_the_part_s_topics_stay_where_its_word_lists_none(world):  # type: ignore[no-untyped-def]
    # No group says "Trauma": the part alone lists no group, so its topics' groups stay.
    d = world.dortmund
    make_topics(d, [("Dissoziative Störung", "mental_health")])
    make_group(d, "Dissoziation verstehen", ["Dissoziative Störung"], topic_area="mental_health")
    assert names(world, "Kriegstrauma") == ["Dissoziation verstehen"]
