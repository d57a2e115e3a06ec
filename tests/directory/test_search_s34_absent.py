"""s34-absent (issue #14): an illness the office has no group for finds nothing through the organ its definition
names.

A definition's noun beside its genus that names a part of the body (OpenThesaurus: *Körperteil*, *Organ*; or its
first Wiktionary sense is an organ) says where an illness is, not which: "Virusenzephalitis" is an *Entzündung*
des *Gehirns*, no brain aneurysm; "Virushepatitis" (… der *Leber*) is no primary biliary cholangitis; "Retinitis"
(… der Netzhaut des *Auges*) no glaucoma. Such a noun reads a topic only where the topic's name is a compound of
it ("Hauterkrankungen" for a *Haut* disease), never one that lists the organ among its words only
(``search._body_part``).

Two narrower readings of the same kind: a synonym's front names no topic of another kind where the word's
Wiktionary genus is the synonym's head ("Zystitis", an *Entzündung*, ~ Blasen|entzündung, is no Blasen|krebs;
``search._another_kind``), and a headword Wiktionary labels Medizin is spelled right, so never corrected into
another word two letters away ("Dyskorie", a malformed pupil, is no "Dystonie"). On topics named as in the common
list WITHOUT the office's synonyms.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Hirn-Aneurysma", "chronic_illness"),
            ("Glaukom (grüner Star)", "chronic_illness"),
            ("Primär biliäre Zirrhose (PBC)", "chronic_illness"),
            ("Hauterkrankungen", "chronic_illness"),
            ("Sklerodermie", "chronic_illness"),
            ("Blasenkrebs", "chronic_illness"),
            ("Dystonie", "chronic_illness"),
        ],
    )
    make_group(d, "Hirn-Aneurysma Gruppe", ["Hirn-Aneurysma"], topic_area="chronic_illness")
    make_group(d, "Glaukom Selbsthilfe", ["Glaukom (grüner Star)"], topic_area="chronic_illness")
    make_group(d, "PBC-Treff", ["Primär biliäre Zirrhose (PBC)"], topic_area="chronic_illness")
    make_group(d, "Neurodermitis und Schuppenflechte", ["Hauterkrankungen"], topic_area="chronic_illness")
    make_group(d, "Sklerodermie-Treff", ["Sklerodermie"], topic_area="chronic_illness")
    make_group(d, "Blasenkrebs-Treff", ["Blasenkrebs"], topic_area="chronic_illness")
    make_group(d, "Dystonie-Gruppe", ["Dystonie"], topic_area="chronic_illness")
    return world


@pytest.mark.parametrize("query", ["Virusenzephalitis", "Myelenzephalitis", "Retinitis", "Virushepatitis"])
def test_an_illness_of_an_organ_finds_no_other_illness_of_it(office, query):  # type: ignore[no-untyped-def]
    # Before: the aneurysm, glaucoma or PBC group, by the organ their topics list among their words.
    assert names(office, query) == []


def test_a_wound_of_the_skin_finds_the_skin_group_only(office):  # type: ignore[no-untyped-def]
    # Before: the scleroderma group too ("Haut" is one of its words); the skin diseases' group stays.
    found = names(office, "Platzwunde")
    assert "Neurodermitis und Schuppenflechte" in found
    assert "Sklerodermie-Treff" not in found


def test_the_named_illnesses_find_their_groups_as_before(office):  # type: ignore[no-untyped-def]
    assert "Glaukom Selbsthilfe" in names(office, "grüner Star")
    assert "Hirn-Aneurysma Gruppe" in names(office, "Aneurysma")


def test_an_inflammation_of_the_bladder_finds_no_bladder_cancer(office):  # type: ignore[no-untyped-def]
    # Before: Blasenkrebs, by the front of its synonym Blasen|entzündung.
    assert names(office, "Zystitis") == []


def test_a_medical_term_is_no_typo_of_a_topic(office):  # type: ignore[no-untyped-def]
    # Before: the dystonia group, as a typo correction two letters away.
    assert names(office, "Dyskorie") == []


def test_a_typo_of_a_topic_is_still_corrected(office):  # type: ignore[no-untyped-def]
    assert "Dystonie-Gruppe" in names(office, "Dystonei")
