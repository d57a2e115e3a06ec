"""s32-precision (issue #14), two rules.

(1) A typo correction of two edits keeps the word's first letter. The office's nearest
spelling two edits away may be the typed word with its first two letters cut off: "Esstörung" (a typo of
Essstörung, one letter short) was read as "Störung" and listed every group with a "… Störung" topic (Bipolare
Störung, Dissoziative Störung), "Wertschöpfung" the groups of Erschöpfung. Two edits at the front are a front of
its own, not a slip of the hand; a spelling checker keeps the first letter too. A first letter typed in the place
of another stays a typo, and one edit may fall anywhere ("KPTBS" → PTBS).

(2) A synonym the thesaurus gives a word only in a sense it does not give it for the directory's topics is no
reading of the word. "Schuppen" has the sets of the shed and of the skin's scales; the thesaurus narrows it to the
second for the directory (^Erkrankung), and "Notunterkunft" shares only the first: it listed the group for
"Schuppenflechte". "Isolation" ~ Trennung (the separating of things, Abtrennung, Separierung) listed the groups for
separated couples beside the loneliness group.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.language import synonym_in_other_sense
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


@pytest.fixture
def senses(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Hauterkrankungen", "chronic_illness"),
            ("Obdachlosigkeit", "social"),
            ("Einsamkeit", "social"),
            ("Trennung", "social"),
            ("Diabetes", "chronic_illness"),
        ],
    )
    make_group(d, "Neurodermitis und Schuppenflechte", ["Hauterkrankungen"], topic_area="chronic_illness")
    make_group(d, "Wege zurück", ["Obdachlosigkeit"], topic_area="social")
    make_group(d, "Gemeinsam statt einsam", ["Einsamkeit"], topic_area="social")
    make_group(d, "Neu anfangen nach Trennung", ["Trennung"], topic_area="social")
    make_group(d, "Diabetiker-Treff", ["Diabetes"], topic_area="chronic_illness")
    return world


def test_a_synonym_in_another_sense_finds_no_compound_of_its_topic_sense(senses):  # type: ignore[no-untyped-def]
    # Before: "Notunterkunft" ~ Schuppen (the shed) → "Schuppen|flechte".
    assert "Neurodermitis und Schuppenflechte" not in names(senses, "Notunterkunft")


def test_a_synonym_in_another_sense_names_no_topic(senses):  # type: ignore[no-untyped-def]
    # Before: the separation group too ("Isolation" ~ Trennung, as in Abtrennung).
    assert names(senses, "soziale Isolation") == ["Gemeinsam statt einsam"]
    assert names(senses, "Isolation") == ["Gemeinsam statt einsam"]


def test_the_regional_finder_drops_the_other_sense_too(senses):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(senses, "Isolation")
    assert regional[senses.dortmund.id] == own
    assert len(own) == 1


def test_synonyms_in_the_topic_sense_stay(senses):  # type: ignore[no-untyped-def]
    assert names(senses, "Zucker") == ["Diabetiker-Treff"]
    assert names(senses, "Schuppen") == ["Neurodermitis und Schuppenflechte"]


def test_the_sense_a_word_shares_with_its_synonym():  # type: ignore[no-untyped-def]
    assert synonym_in_other_sense("Notunterkunft", "Schuppen")
    assert synonym_in_other_sense("Isolation", "Trennung")
    assert not synonym_in_other_sense("Isolation", "Einsamkeit")
    assert not synonym_in_other_sense("Zucker", "Diabetes")
