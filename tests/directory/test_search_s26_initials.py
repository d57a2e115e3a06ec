"""s26-initials (issue #14): a word German Wiktionary defines as a meeting ("Stammtisch": *regelmäßiges Treffen*)
is a word for a group, like "Gesprächskreis", and makes no initials: "Parkinson-Stammtisch Altmühlen" is no "PSA"
(the prostate cancer marker people type). Names known by their initials keep them.

The tests of the change fail on the code before it; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import name_initials
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.mark.parametrize("name", ["Parkinson-Stammtisch Altmühlen", "Rollstuhl-Stammtisch Lindental"])
def test_a_name_with_a_word_defined_as_a_meeting_has_no_initials(name):  # type: ignore[no-untyped-def]
    assert name_initials(name) == []


@pytest.mark.parametrize(
    ("name", "initials"),
    [("Anonyme Alkoholiker", ["aa"]), ("Narcotics Anonymous Dortmund", ["nad", "na"]), ("Blaues Kreuz Hörde", ["bkh"])],
)
def test_names_known_by_their_initials_keep_them(name, initials):  # type: ignore[no-untyped-def]
    assert name_initials(name) == initials


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    make_topics(world.dortmund, [("Parkinson", "chronic_illness")])
    make_group(world.dortmund, "Parkinson-Stammtisch Altmühlen", ["Parkinson"], topic_area="chronic_illness")
    return world


def test_psa_does_not_find_the_parkinson_stammtisch(office):  # type: ignore[no-untyped-def]
    assert names(office, "PSA") == []
    assert names(office, "Parkinson") == ["Parkinson-Stammtisch Altmühlen"]
