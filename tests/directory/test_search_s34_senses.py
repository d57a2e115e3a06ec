"""s34-senses (issue #14): a common participle read by its noun of one sense, where that noun's set holds a topic word.

"vergewaltigt" is a common word (Zipf ≥ 4, no noun), so the search reads neither its synonyms nor a noun it is
derived from unless that noun is itself a word of the common topic list ("getrennt" → Trennung). Its noun
"Vergewaltigung" has one OpenThesaurus set, which holds *Missbrauch*, a word of the list ("Missbrauch, sexueller"),
and its verb "vergewaltigen" one set too: then the word reads that topic word as a derived form
(``search._topic_words_of_derived_nouns``). Not a verb of several senses ("wartet": Wartung ~ Pflege is the
maintenance sense, not waiting). On topics named as in the common list WITHOUT the office's synonyms.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [("Missbrauch, sexueller", "social"), ("Gewalt/Missbrauch, Opfer", "social")],
    )
    make_group(d, "Wildwasser", ["Missbrauch, sexueller"], topic_area="social")
    make_group(d, "Häusliche Gewalt", ["Gewalt/Missbrauch, Opfer"], topic_area="social")
    return world


def test_a_participle_finds_the_group_its_noun_names(office):  # type: ignore[no-untyped-def]
    # Before: only the domestic violence group (the topic its verb's synonyms name), no sexual violence group.
    assert "Wildwasser" in names(office, "vergewaltigt")


def test_the_noun_finds_it_as_before(office):  # type: ignore[no-untyped-def]
    assert "Wildwasser" in names(office, "Vergewaltigung")


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "vergewaltigt")
    assert own and regional.get(office.dortmund.id, []) == own
