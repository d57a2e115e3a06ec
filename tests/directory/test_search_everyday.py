"""Everyday words and person nouns that listed groups of another concern (issue #14), each made stricter in
general.

- "Alkoholiker" and "Vater ist Alkoholiker" listed the group for foster and adoptive parents of children with
  fetal alcohol syndrome among the first five: Snowball gives "Alkoholiker" the key of "Alkohol", the front of
  "Fetales Alkohol-Syndrom". A noun that names a condition's topic by the common list (Alkoholabhängigkeit:
  "Alkoholiker", "Alkoholismus", also as a typo's correction) lists no group of another topic area; "Alkohol"
  typed, a word of the FASD topic's name, keeps the FASD group, and "Familie" (social: who, not a concern)
  keeps the relatives' groups.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topic(d, "Alkoholabhängigkeit", "Alkohol, Alkoholiker, Trinken", area="addiction")
    make_topic(d, "Fetales Alkohol-Syndrom (FASD)", "FAS, FASD", area="disability")
    make_group(d, "Anonyme Alkoholiker", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(
        d,
        "Al-Anon Familiengruppe",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="relatives",
        description="Für Angehörige und Freunde von Alkoholikern.",
    )
    make_group(
        d,
        "FASD Pflege- und Adoptiveltern",
        ["Fetales Alkohol-Syndrom (FASD)"],
        topic_area="disability",
        audience="parents",
        description="Kinder, die vor der Geburt Alkohol ausgesetzt waren.",
    )
    return world


def test_a_person_noun_of_a_condition_reads_its_topic_not_another_areas_compound(office):  # type: ignore[no-untyped-def]
    """Do "Alkoholiker" and "Vater ist Alkoholiker" find the alcohol groups and not the FASD group, while
    "Alkohol" typed still finds all three and "FASD" the FASD group?"""
    assert sorted(names(office, "Alkoholiker")) == ["Al-Anon Familiengruppe", "Anonyme Alkoholiker"]
    assert "FASD Pflege- und Adoptiveltern" not in names(office, "Vater ist Alkoholiker")
    assert "Al-Anon Familiengruppe" in names(office, "Vater ist Alkoholiker")
    assert "FASD Pflege- und Adoptiveltern" in names(office, "Alkohol")
    assert names(office, "FASD") == ["FASD Pflege- und Adoptiveltern"]


def test_a_condition_noun_and_a_typos_correction_read_the_same(office):  # type: ignore[no-untyped-def]
    """Do "Alkoholismus" and the typo "Alkoholicker" find the alcohol groups and not the FASD group?"""
    assert sorted(names(office, "Alkoholismus")) == ["Al-Anon Familiengruppe", "Anonyme Alkoholiker"]
    assert sorted(names(office, "Alkoholicker")) == ["Al-Anon Familiengruppe", "Anonyme Alkoholiker"]
