"""s26-jokes (issue #14): OpenThesaurus marks a joke's or a figure's sense of a word ("Sterbehilfe (ugs., ironisch)"
among the words for cheap liquor). Where the same word also stands unmarked, its plain sense is what a person
searching means, so ``scripts/build_thesaurus.py`` drops the marked use: "Sterbehilfe" lists no alcohol groups.
A marked word with no plain sense keeps its one.

The search test fails on the thesaurus built before the rule; the build tests on the rule's code.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Alkoholabhängigkeit", "addiction"), ("Trauer", "social")])
    make_group(
        d,
        "Trockene Alkoholiker Hörde",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="affected",
        description="Wir leben ohne Alkohol, ohne Schnaps und Bier, und stützen einander.",
    )
    make_group(
        d,
        "Trauercafé",
        ["Trauer"],
        topic_area="social",
        audience="affected",
        description="Für Menschen, die einen Angehörigen verloren haben.",
    )
    return world


def test_euthanasia_is_no_word_for_liquor(office):  # type: ignore[no-untyped-def]
    assert "Trockene Alkoholiker Hörde" not in names(office, "Sterbehilfe")


def test_the_plain_colloquial_words_still_reach_alcohol(office):  # type: ignore[no-untyped-def]
    for query in ("Schnaps", "Fusel", "Säufer"):
        assert names(office, query)[:1] == ["Trockene Alkoholiker Hörde"], query


LINES = [
    "-|Euthanasie|Sterbehilfe",
    "-|Branntwein|Schnaps|Fusel (ugs., abwertend)|Sterbehilfe (ugs., abwertend, ironisch)|Spirituose (Oberbegriff)",
    "-|billiger Alkohol|Fusel (ugs.)|Sterbehilfe (ugs., fig.)|Schnaps (Oberbegriff)",
    "-|Psychiater|Klapsdoktor (ugs., ironisch)|Seelenklempner (ugs., fig.)",
]


def test_a_marked_use_of_a_plain_word_is_dropped_a_word_with_no_plain_sense_kept():  # type: ignore[no-untyped-def]
    build = load_script("build_thesaurus")
    plain = build.plain_terms(LINES)
    assert "Sterbehilfe" in plain and "Klapsdoktor" not in plain
    assert build.terms(LINES[0], plain) == ["Euthanasie", "Sterbehilfe"]
    assert build.terms(LINES[1], plain) == ["Branntwein", "Schnaps", "Fusel"]
    assert build.terms(LINES[2], plain) == ["Fusel"]
    assert build.links(LINES[1], plain) == ["^Spirituose"]
    assert build.terms(LINES[3], plain) == ["Psychiater", "Klapsdoktor", "Seelenklempner"]
