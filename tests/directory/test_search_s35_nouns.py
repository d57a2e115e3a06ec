"""s35 (lead, issue #14): the noun of a verb's stem is read by a noun's own senses.

The glosses file joins the senses of headwords spelled alike but for case: "Rauch" (the smoke) and "rauch"
(hairy: in Bezug auf *Haare*). The verb form "raucht" is read by its stem's noun Rauch
(``search._verb_noun_definition_readings``), and so reached the Haarausfall group through the adjective's *Haare*:
in the Dortmund demo, which has no smoking group, "raucht" and "geraucht" listed the hair-loss group. Now that
noun is read by the capitalised headword's senses only (``language.glosses(word, noun=True)``).

The search tests fail on the code before the change; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Haarausfall", "chronic_illness"), ("Drogenabhängigkeit", "addiction")])
    make_group(d, "Alopezie-Treff", ["Haarausfall"], topic_area="chronic_illness")
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    return world


@pytest.mark.parametrize("q", ["raucht", "geraucht"])
def test_a_smoker_s_verb_lists_no_hair_loss_group(office, q):  # type: ignore[no-untyped-def]
    # Before: ["Alopezie-Treff"], by "rauch" (hairy) → Haare → Haarausfall.
    assert names(office, q) == []


def test_hair_words_keep_the_hair_loss_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Haarausfall") == ["Alopezie-Treff"]
    assert names(office, "Glatze") == ["Alopezie-Treff"]


def test_a_noun_s_own_senses_where_a_small_word_is_spelled_alike():  # type: ignore[no-untyped-def]
    assert ("Bezug", "Haare") in language.glosses("Rauch")  # both headwords, as before
    assert ("Bezug", "Haare") not in language.glosses("Rauch", noun=True)
    assert language.glosses("Rauch", noun=True)[0][0] == "Verbrennung"
    # A word with one headword only reads the same either way.
    assert language.glosses("Depression", noun=True) == language.glosses("Depression")
