"""s31-phrases (issue #14): a sentence read by an OpenThesaurus phrase it says. OpenThesaurus has everyday phrases
in its synonym sets ("auf der Straße leben", "Platte machen", "keinen festen Wohnsitz haben" beside "obdachlos sein")
that the single-word synonym file drops; ``scripts/build_thesaurus.py`` now keeps them with the words of their set
that name a concern of the common topic list (``openthesaurus_phrases_de.txt.gz``). Where a query's own words find no
group that matches them all, or the groups they find leave a word of the phrase unread ("lebe auf der *Straße*"
found the groups with "Leben" in their names), the query is read by a phrase whose content words (at least two) it
has in any order and inflection, as the phrase's word for a concern. A negation must stand in both or in neither.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import phrase_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Obdachlosigkeit", "social"), ("Demenz", "chronic_illness")])
    make_group(d, "Wege zurück", ["Obdachlosigkeit"], topic_area="social")
    make_group(d, "Leben mit Vergesslichkeit", ["Demenz"], topic_area="chronic_illness")
    return world


def test_a_sentence_reads_as_the_phrase_it_says(office):  # type: ignore[no-untyped-def]
    # Before: the groups with "Leben" in their names, "Straße" ignored.
    assert names(office, "lebe auf der Straße") == ["Wege zurück"]


def test_an_idiom_reads_as_its_word(office):  # type: ignore[no-untyped-def]
    assert names(office, "mein Bruder macht Platte") == ["Wege zurück"]


def test_a_negated_phrase_reads_from_a_negated_sentence(office):  # type: ignore[no-untyped-def]
    assert names(office, "ich habe keinen festen Wohnsitz") == ["Wege zurück"]


def test_the_words_of_the_phrase_are_replaced_the_others_kept():  # type: ignore[no-untyped-def]
    assert phrase_readings("Sohn lebt auf der Straße") == ["sohn obdachlos auf der"]


def test_a_negation_stands_in_both_or_in_neither():  # type: ignore[no-untyped-def]
    # "keinen festen Wohnsitz haben" negates: not read from a sentence that does not.
    assert phrase_readings("ich habe einen festen Wohnsitz") == []
    # "auf der Straße leben" does not negate: not read from one that does.
    assert phrase_readings("ich lebe nicht auf der Straße") == []


def test_one_word_reads_no_phrase():  # type: ignore[no-untyped-def]
    assert phrase_readings("Straße") == []


def test_everyday_sentences_read_no_phrase():  # type: ignore[no-untyped-def]
    for q in ("ich suche einen Parkplatz", "wann ist der Markt offen", "Kaffee trinken", "neue Brille kaufen"):
        assert phrase_readings(q) == [], q


def test_the_builder_keeps_phrases_with_their_words_for_a_concern():  # type: ignore[no-untyped-def]
    build = load_script("build_thesaurus")
    lines = [
        "-|auf der Straße leben|keinen festen Wohnsitz haben (Amtsdeutsch)|obdachlos sein|Platte machen (ugs.)",
        "-|Angst vor Menschen|Anthropophobie",
        "-|unter Leute gehen|Gesellschaft suchen",
    ]
    assert build.phrase_lines(lines, set(), {"obdachlos", "angst"}) == [
        "Platte machen|obdachlos",
        "auf der Straße leben|obdachlos",
        "keinen festen Wohnsitz haben|obdachlos",
    ]


def test_the_regional_finder_reads_a_phrase_as_the_office_does(office) -> None:  # type: ignore[no-untyped-def]
    """``search_by_office`` (the regional finder, the neighbour search) read "lebe auf der Straße" by its words
    only, and listed the group with "Leben" in its name: each office's part must be that office's own search."""
    for q in ("lebe auf der Straße", "ich habe keinen festen Wohnsitz"):
        regional, own = regional_and_own(office, q)
        assert regional[office.dortmund.id] == own, q
        assert regional[office.hamm.id] == []
    assert names(office, "lebe auf der Straße") == ["Wege zurück"]
