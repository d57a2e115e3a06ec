"""s32-precision (issue #14): a typo correction of two edits keeps the word's first letter. The office's nearest
spelling two edits away may be the typed word with its first two letters cut off: "Esstörung" (a typo of
Essstörung, one letter short) was read as "Störung" and listed every group with a "… Störung" topic (Bipolare
Störung, Dissoziative Störung), "Wertschöpfung" the groups of Erschöpfung. Two edits at the front are a front of
its own, not a slip of the hand; a spelling checker keeps the first letter too. A first letter typed in the place
of another stays a typo, and one edit may fall anywhere ("KPTBS" → PTBS).

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _closest
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Bipolare Störung", "mental_health"),
            ("Dissoziative Störung", "mental_health"),
            ("Burnout", "mental_health"),
            ("Morbus Crohn", "chronic_illness"),
            ("Depression", "mental_health"),
        ],
    )
    make_group(d, "Bipolar – Leben zwischen den Polen", ["Bipolare Störung"], topic_area="mental_health")
    make_group(d, "Dissoziation verstehen", ["Dissoziative Störung"], topic_area="mental_health")
    make_group(d, "Wege aus der Erschöpfung", ["Burnout"], topic_area="mental_health")
    make_group(d, "Crohn und Colitis", ["Morbus Crohn"], topic_area="chronic_illness")
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    return world


def test_a_word_with_its_front_cut_off_is_no_typo_of_it(office):  # type: ignore[no-untyped-def]
    # Before: "Esstörung" → "Störung" (two letters dropped in front) → both "… Störung" groups.
    assert names(office, "Esstörung") == []


def test_a_compound_is_no_typo_of_its_head(office):  # type: ignore[no-untyped-def]
    # Before: "Wertschöpfung" → "Erschöpfung", the burnout group's name.
    assert names(office, "Wertschöpfung") == []


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "Esstörung")
    assert own == [] and regional.get(office.dortmund.id, []) == []


def test_a_first_letter_typed_for_another_stays_a_typo(office):  # type: ignore[no-untyped-def]
    assert names(office, "Kolitiss") == ["Crohn und Colitis"]


def test_typos_inside_the_word_stay(office):  # type: ignore[no-untyped-def]
    assert names(office, "Depresion") == ["Lichtblick"]


def test_one_edit_may_drop_the_first_letter():  # type: ignore[no-untyped-def]
    assert _closest("kptbs", 1, ["=ptbs", "=trauma"]) == ["=ptbs"]
    # Two edits at the front: no correction; the same word's second letter mistyped: one.
    assert _closest("esstoerung", 2, ["=stoerung"]) == []
    assert _closest("kolitiss", 2, ["=colitis"]) == ["=colitis"]
