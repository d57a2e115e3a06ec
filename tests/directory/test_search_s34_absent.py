"""s34-absent (issue #14): an illness the office has no group for finds nothing through the organ its definition
names.

A definition's noun beside its genus that names a part of the body (OpenThesaurus: *Körperteil*, *Organ*; or its
first Wiktionary sense is an organ) says where an illness is, not which: "Virusenzephalitis" is an *Entzündung*
des *Gehirns*, no brain aneurysm; "Virushepatitis" (… der *Leber*) is no primary biliary cholangitis; "Retinitis"
(… der Netzhaut des *Auges*) no glaucoma. Such a noun reads a topic only where the topic's name is a compound of
it ("Hauterkrankungen" for a *Haut* disease), never one that lists the organ among its words only
(``search._body_part``). On topics named as in the common list WITHOUT the office's synonyms.

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
        ],
    )
    make_group(d, "Hirn-Aneurysma Gruppe", ["Hirn-Aneurysma"], topic_area="chronic_illness")
    make_group(d, "Glaukom Selbsthilfe", ["Glaukom (grüner Star)"], topic_area="chronic_illness")
    make_group(d, "PBC-Treff", ["Primär biliäre Zirrhose (PBC)"], topic_area="chronic_illness")
    make_group(d, "Neurodermitis und Schuppenflechte", ["Hauterkrankungen"], topic_area="chronic_illness")
    make_group(d, "Sklerodermie-Treff", ["Sklerodermie"], topic_area="chronic_illness")
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
