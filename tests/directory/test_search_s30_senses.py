"""Quality cases of s30-senses (issue #14): a broader term's broader terms only through a term of one sense.

``language.related_words`` gives a word's loosest relations as the broader terms of its broader terms. A broader
term of several OpenThesaurus sets ("Anlage": a gift of nature, an installation, an investment, a park …) passed
on the broader terms of every one of its senses, so "gefühlskalt" ^Anlage ^Automat named Glücksspiel (whose
search word is "Automaten"), and about 480 lower-case words of the thesaurus named a topic that way, every one
checked nonsense: "vorbestraft" → Essstörungen, Lesben; "unterrichten" → AIDS / HIV; "belästigen" → Haarausfall;
"beisetzen" → AIDS / HIV. Only a broader term of one sense passes its own on ("kiffen" → "Haschisch rauchen" →
Haschisch ^Cannabis stays). No judged query of any set moved.

Each test of the change fails on the code before; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.mark.parametrize(
    "word", ["gefühlskalt", "vorbestraft", "unterrichten", "belästigen", "beisetzen", "miserabel", "akkurat"]
)
def test_no_topic_through_another_sense_of_a_broader_term(word: str) -> None:
    assert named_topics(word) == ()


def test_the_loosest_relations_follow_a_broader_term_of_one_sense() -> None:
    assert "Automat" not in language.related_words("gefühlskalt")[2]
    assert "Anlage" in language.related_words("gefühlskalt")[1]  # the broader term itself stays


@pytest.mark.parametrize(
    ("word", "topic"),
    [("kiffen", "Drogenabhängigkeit"), ("saufen", "Alkoholabhängigkeit"), ("gestorben", "Trauer")],
)
def test_near_relations_stay(word: str, topic: str) -> None:
    assert topic in named_topics(word)


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Glücksspiel", "addiction"), ("Essstörungen", "mental_health"), ("Lesben", "social")])
    make_group(d, "Zocken ade", ["Glücksspiel"], topic_area="addiction")
    make_group(d, "Essen ohne Zwang", ["Essstörungen"], topic_area="mental_health")
    make_group(d, "Lesben-Treff", ["Lesben"], topic_area="social")
    return world


@pytest.mark.parametrize("q", ["gefühlskalt", "vorbestraft", "mein Partner ist gefühlskalt"])
def test_the_wegweiser_lists_no_group_for_another_sense(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert names(office, q) == []


def test_the_wegweiser_still_reads_a_near_relation(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "zocken") == ["Zocken ade"]
