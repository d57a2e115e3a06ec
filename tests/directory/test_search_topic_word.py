"""A word that is itself a search word of a topic of the common list (issue #14, s19-pflege): where no group has
it as a whole word in its name, the topic it names is as near as the word, so groups whose names have it only as
a compound part ("Pflege|eltern", "Pflege- und Adoptiv|familien") do not hide the groups filed under the topic
("Pflege" → Pflegende Angehörige). On topics named as in the common list WITHOUT the office's synonyms.

The test of the change fails on the code before it; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _whole_name_keys
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Pflegende Angehörige", "social"), ("Adoption", "social")])
    make_group(d, "Zeit für mich", ["Pflegende Angehörige"], description="Wir kümmern uns um Vater oder Mutter.")
    make_group(d, "Pflegeeltern-Stammtisch", ["Adoption"])
    make_group(d, "Pflege- und Adoptivfamilien", ["Adoption"])
    return world


def test_a_dashed_front_part_is_no_whole_word_of_a_name():  # type: ignore[no-untyped-def]
    assert "pfleg" not in _whole_name_keys("Pflege- und Adoptivfamilien")
    assert "pfleg" not in _whole_name_keys("Pflegeeltern-Stammtisch")
    assert "pfleg" in _whole_name_keys("Häusliche Pflege")


def test_a_topics_search_word_finds_the_topics_groups(office):  # type: ignore[no-untyped-def]
    assert "Zeit für mich" in names(office, "Pflege")


def test_the_compound_named_groups_are_still_found(office):  # type: ignore[no-untyped-def]
    found = names(office, "Pflege")
    assert "Pflegeeltern-Stammtisch" in found
    assert "Pflege- und Adoptivfamilien" in found
