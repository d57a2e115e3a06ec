"""Quality cases of s30-prec-thes (issue #14): everyday words that named a topic through an idiom.

``language.related_words`` gives a word the nouns of the multi-word terms of its OpenThesaurus sets, and
``named_topics`` reads them as the word's broader relations. Many of those terms are idioms whose noun is a part
of the body: "halten" ~ "sich zu Herzen nehmen", "freuen" ~ "das Herz geht auf", "neu" ~ "grün hinter den
Ohren", "dumm" ~ "kein Gehirn haben". So about 50 of the 6,000 most frequent German words named the heart,
brain or ear topics ("halten", "freuen", "empfehlen", "prüfen" → Herzerkrankte, Kinder; "dumm", "doof" →
Hirn-Aneurysma; "verliebt", "schlau" → Tinnitus), every one nonsense. A body part (OpenThesaurus files it under
Körperteil or Organ) that Wiktionary does not tie to the set's meaning now names nothing
(:func:`language.idiom_nouns`); it still counts where a common word's loose relations disagree ("ganz" ~ "mit
Haut und Haar", "von ganzem Herzen"). The phrase nouns that are no body part stay ("tot" ~ "zu Tode bringen").

A common word's form also named what the synonyms of the nouns it is derived from name, and
``language.synonyms`` narrows a noun of several senses to those of the directory's topics: "schlägt" → Schlag
(eleven senses) ~ Schlaganfall → Hirn-Aneurysma, "stammt" → Stamm ~ Familie → Eltern, "kostet" → Kost ~ Essen →
Essstörungen, "teilt" → Teilung ~ Trennung; about 50 frequent words so. Of a common word only the synonyms of a
derived word whose senses are not narrowed count now (:func:`language.senses_whole`): "gestorben" → sterben ~ Tod
stays, and a rare word keeps the narrowing ("verspielt" → Spiel ~ Glücksspiel).

Each test of the change fails on the code before; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.mark.parametrize(
    "word", ["halten", "freuen", "empfehlen", "prüfen", "dumm", "doof", "verliebt", "schlau", "neu", "erleichtert"]
)
def test_no_topic_through_the_body_part_of_an_idiom(word: str) -> None:
    assert named_topics(word) == ()


def test_the_idiom_nouns_are_body_parts_wiktionary_does_not_tie() -> None:
    assert "Herzen" in language.idiom_nouns("halten")
    assert "Ohren" in language.idiom_nouns("neu")
    assert language.idiom_nouns("tot") == frozenset()  # "zu Tode bringen": no body part


@pytest.mark.parametrize("word", ["ganz", "völlig"])
def test_a_common_word_whose_loose_relations_disagree_still_names_nothing(word: str) -> None:
    assert named_topics(word) == ()  # ~ "mit Haut und Haar" alone would name Haarausfall


@pytest.mark.parametrize(
    ("word", "topic"),
    [
        ("tot", "Trauer"),
        ("kiffen", "Drogenabhängigkeit"),
        ("saufen", "Alkoholabhängigkeit"),
        ("verängstigt", "Verlustängste"),
    ],
)
def test_other_relations_stay(word: str, topic: str) -> None:
    assert topic in named_topics(word)


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Herzerkrankte, Kinder", "chronic_illness"),
            ("Hirn-Aneurysma", "chronic_illness"),
            ("Tinnitus", "chronic_illness"),
            ("Trauer", "social"),
        ],
    )
    make_group(d, "Herzkinder", ["Herzerkrankte, Kinder"], topic_area="chronic_illness")
    make_group(d, "Aneurysma-Gruppe", ["Hirn-Aneurysma"], topic_area="chronic_illness")
    make_group(d, "Tinnitus-Liga", ["Tinnitus"], topic_area="chronic_illness")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    return world


@pytest.mark.parametrize("q", ["freuen", "Was können Sie empfehlen?", "dumm", "frisch verliebt"])
def test_the_wegweiser_lists_no_group_for_an_idiom(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert names(office, q) == []


def test_the_wegweiser_still_reads_a_phrase_noun_of_no_body_part(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "meine Frau ist tot") == ["Trauercafé"]


@pytest.mark.parametrize("word", ["schlägt", "stammt", "kostet", "teilt", "gehört", "kämpfen", "sorgt"])
def test_no_topic_through_the_narrowed_sense_of_a_common_word_s_noun(word: str) -> None:
    assert named_topics(word) == ()


@pytest.mark.parametrize(
    ("word", "topic"), [("gestorben", "Trauer"), ("verstorben", "Trauer"), ("verspielt", "Glücksspiel")]
)
def test_the_nouns_of_whole_senses_and_of_a_rare_word_stay(word: str, topic: str) -> None:
    assert topic in named_topics(word)


def test_the_wegweiser_reads_no_stroke_in_a_blow(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Partner schlägt mich") == []
    assert names(office, "mein Mann ist gestorben") == ["Trauercafé"]
