"""Quality cases of s28-psych (issue #14): mental-health words of the seen sets that read too few or too many of
their topic's neighbours. On topics named as in the common list WITHOUT the office's synonyms, and groups whose
names and descriptions do not say the query's words, so that what is found comes from the resources alone:

- an umbrella's kinds and siblings (``umbrella_sibling_topics``): the common list's Angsterkrankungen lists Angst
  and, as its kinds, Panik, Phobie, Angststörung (OpenThesaurus: each ^Angst). "Phobie" names the umbrella only,
  and is a kind of Angst: the topics the list files as kinds of Angst answer it too, after the umbrella's groups
  (Panikattacken by its word Panik). "Angsterkrankung", the umbrella's own name, reads its kinds (Panikattacken,
  Soziale Phobie) before a group that has only its front as a part (Verlust|ängste). "Panik" names a topic of
  its own and reads no sibling;
- an adjective defined by a topic (``_defined_hit``): where no group has all of "schizoaffektive Störung", the
  partial match of the adjective and its noun listed every group of a "Störung" topic beside the psychosis groups
  the adjective's Wiktionary definition (… Symptome der *Schizophrenie* …) reads. The adjective says which kind of
  Störung is asked for, as one groups have as typed does ("narzisstische Persönlichkeitsstörung", s21-heads):
  the groups of the topic its definition names, only.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _umbrella_kinds, umbrella_sibling_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics

ANXIETY_GROUPS = ["Mutig werden", "Zusammen stark"]  # filed under Angsterkrankungen


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Angsterkrankungen", "mental_health"),
            ("Panikattacken", "mental_health"),
            ("Soziale Phobie", "mental_health"),
            ("Verlustängste", "mental_health"),
            ("Psychose", "mental_health"),
            ("Bipolare Störung", "mental_health"),
            ("Dissoziative Störung", "mental_health"),
        ],
    )
    for name in ANXIETY_GROUPS:
        make_group(d, name, ["Angsterkrankungen"], topic_area="mental_health", description="Wir treffen uns.")
    make_group(d, "Herzrasen-Treff", ["Panikattacken"], topic_area="mental_health", description="Wir reden.")
    make_group(d, "Schüchtern war gestern", ["Soziale Phobie"], topic_area="mental_health")
    make_group(d, "Verlassen werden", ["Verlustängste"], topic_area="mental_health", description="Allein?")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health", description="Erfahrungen teilen.")
    make_group(d, "Stimmen hören", ["Psychose"], topic_area="mental_health", description="Menschen, die Stimmen hören.")
    make_group(d, "Bipolar leben", ["Bipolare Störung"], topic_area="mental_health", description="Hoch und tief.")
    make_group(d, "Dissoziation verstehen", ["Dissoziative Störung"], topic_area="mental_health")
    return world


def test_umbrella_kinds() -> None:
    kinds = _umbrella_kinds()
    assert kinds["Angsterkrankungen"] == {"angst": frozenset({"angststor", "panik", "phobi"})}
    assert "Brustkrebs" not in kinds  # Mammakarzinom ^Krebs: Brust|krebs is no umbrella of Krebs
    assert "Panikattacken" not in kinds  # Panik ^Angst, but the topic is no Angst|…


def test_umbrella_sibling_topics() -> None:
    assert umbrella_sibling_topics("Phobie") == ((), ("Panikattacken", "Soziale Phobie"))
    assert umbrella_sibling_topics("Angststörung") == ((), ("Panikattacken", "Soziale Phobie"))
    assert umbrella_sibling_topics("Angsterkrankung") == (("Panikattacken", "Soziale Phobie"), ())
    assert umbrella_sibling_topics("Panik") == ((), ())  # names Panikattacken itself
    assert umbrella_sibling_topics("Angst") == ((), ())  # the umbrella's word, no kind of it
    assert umbrella_sibling_topics("Lungenkrebs") == ((), ())  # no umbrella


def test_phobie_also_finds_the_panic_group_after_the_anxiety_groups(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Phobie") == ["Schüchtern war gestern", *ANXIETY_GROUPS, "Herzrasen-Treff"]


def test_angststoerung_finds_the_kinds_of_angst_after_the_anxiety_groups(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Angststörung")
    assert found[:2] == ANXIETY_GROUPS
    assert set(found[2:4]) == {"Herzrasen-Treff", "Schüchtern war gestern"}


def test_angsterkrankung_finds_its_kinds_before_the_fear_of_loss(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Angsterkrankung")
    assert found[:2] == ANXIETY_GROUPS
    assert set(found[2:4]) == {"Herzrasen-Treff", "Schüchtern war gestern"}


def test_panik_reads_no_sibling(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Panik")
    assert found[0] == "Herzrasen-Treff"
    assert "Schüchtern war gestern" not in found
    assert "Verlassen werden" not in found


def test_schizoaffektive_stoerung_finds_the_psychosis_groups_only(office) -> None:  # type: ignore[no-untyped-def]
    assert sorted(names(office, "schizoaffektive Störung")) == ["Psychose-Seminar", "Stimmen hören"]


def test_schizoaffektiv_typed_in_lower_case_too(office) -> None:  # type: ignore[no-untyped-def]
    assert sorted(names(office, "schizoaffektive störung")) == ["Psychose-Seminar", "Stimmen hören"]


def test_the_noun_alone_still_finds_its_topics(office) -> None:  # type: ignore[no-untyped-def]
    assert set(names(office, "Störung")) >= {"Bipolar leben", "Dissoziation verstehen"}


def test_bipolare_stoerung_still_finds_its_group_first(office) -> None:  # type: ignore[no-untyped-def]
    # "bipolare" names the topic by its name: the group of that kind of Störung
    assert names(office, "bipolare Störung")[0] == "Bipolar leben"
