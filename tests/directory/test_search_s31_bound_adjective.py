"""s31-precision2 (issue #14): an adjective before its noun ("*multiple* Persönlichkeit") that the groups have only
inside another term of two words ("Multiple Sklerose") still says which kind of the noun is asked for. The noun's
groups alone are then its other kinds (the thesaurus' "Typ" of Persönlichkeit → a diabetes type-1 group), no
answer: the partial match lists nothing. An adjective no group has at all leaves the noun's groups as before.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Multiple Sklerose", "chronic_illness"), ("Diabetes", "chronic_illness")])
    make_group(d, "MS-Selbsthilfe Dortmund", ["Multiple Sklerose"], topic_area="chronic_illness")
    make_group(d, "Typ-1 junge Erwachsene", ["Diabetes"], topic_area="chronic_illness")
    return world


def test_an_adjective_bound_into_another_term_lists_no_other_kind_of_the_noun(office):  # type: ignore[no-untyped-def]
    # Multiple Persönlichkeit (dissociative identity) is neither multiple sclerosis nor a diabetes "Typ".
    assert names(office, "multiple Persönlichkeit") == []


def test_the_term_itself_is_still_found(office):  # type: ignore[no-untyped-def]
    assert names(office, "Multiple Sklerose") == ["MS-Selbsthilfe Dortmund"]
    assert names(office, "multiple sklerose") == ["MS-Selbsthilfe Dortmund"]


def test_an_adjective_no_group_has_leaves_the_nouns_groups(office):  # type: ignore[no-untyped-def]
    assert names(office, "seltsame Persönlichkeit") == names(office, "Persönlichkeit")
