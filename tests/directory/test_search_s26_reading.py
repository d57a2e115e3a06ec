"""Quality cases of s26-reading (issue #14): words the search read as other words. On topics named as in the
common list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a compound's linking "-n" follows only the unstressed "e", "el", "er" ("Angehörige|n", "Bauer|n"): "Essanfälle"
  is Ess|anfälle, not "essa|n|fälle" by a frequency tie (3.37 against 3.36);
- a word OpenThesaurus lists as written is no present-tense form of another verb: the preposition "seit" is no
  "sei|t" of "sein" (whose synonym "sehen" named the eye groups), so "Mann trinkt seit Jahren" reads as "Mann
  trinkt";
- a strong verb's raised present is no weak verb's form: "willst" is no "wellen", "längst" no "langen", "versinkt"
  no "versenken", "witt" no "wetten" (the frequencies know their weak participles or pasts); "geniesst" (Swiss
  "ss") is genießen's, no "genesen";
- a verb's form walks its verb's loose relations as cautiously as the verb is common: "weint" (weinen, common) is
  no eye disease through the phrase "sich die Augen ausweinen"; and a form of a verb of the dictionary is spelled
  right, no typo of "weilt".

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _closest, named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Alkoholabhängigkeit", "addiction"),
            ("Essstörungen", "mental_health"),
            ("Augenerkrankung", "chronic_illness"),
            ("Glaukom (grüner Star)", "chronic_illness"),
            ("Hochbegabte Kinder", "social"),
        ],
    )
    make_group(d, "Al-Anon Familiengruppe", ["Alkoholabhängigkeit"], topic_area="addiction", audience="relatives")
    make_group(d, "Anonyme Alkoholiker", ["Alkoholabhängigkeit"], topic_area="addiction", audience="affected")
    make_group(
        d,
        "Esslust und Essfrust",
        ["Essstörungen"],
        topic_area="mental_health",
        description="Für Menschen mit Heißhunger und Fressattacken.",
    )
    make_group(d, "Glaukom Selbsthilfe", ["Glaukom (grüner Star)", "Augenerkrankung"], topic_area="chronic_illness")
    make_group(
        d,
        "Elternkreis hochbegabter Kinder",
        ["Hochbegabte Kinder"],
        topic_area="social",
        audience="parents",
        description="Wenn das Kind sich in der Schule langweilt und aneckt.",
    )
    return world


# --- a compound's linking "-n" ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("essanfälle", ("ess", "anfälle")),  # not "essa|fälle": no "-n" after "a"
        ("essanfaelle", ("ess", "anfälle")),  # typed without umlauts, cut as with them
        ("warnstreik", ("warn", "streik")),  # not "war|n|streik"
        ("medianwert", ("median", "wert")),  # not "media|n|wert"
    ],
)
def test_a_linking_n_follows_only_an_unstressed_e(word: str, parts: tuple[str, ...]) -> None:
    assert language.split_compound(word) == parts


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("sonnenbrand", ("sonne", "brand")),  # "Sonne|n"
        ("angehörigengruppe", ("angehörigen", "gruppe")),
        ("essstörung", ("ess", "störung")),
        ("alkoholsucht", ("alkohol", "sucht")),
    ],
)
def test_other_cuts_stay(word: str, parts: tuple[str, ...]) -> None:
    assert language.split_compound(word) == parts


def test_essanfaelle_finds_the_eating_disorder_group(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Essanfaelle") == ["Esslust und Essfrust"]


# --- a word of its own is no verb form ----------------------------------------------------------------------


@pytest.mark.parametrize("word", ["seit", "einst", "träge", "heile", "äusserst"])
def test_a_thesaurus_entry_is_no_form_of_another_verb(word: str) -> None:
    assert language.finite_verbs(word) == ()


def test_a_form_the_thesaurus_lacks_keeps_its_verb() -> None:
    assert language.finite_verbs("kifft") == ("kiffen",)
    assert language.finite_verbs("schlägt") == ("schlagen",)


def test_seit_names_no_topic() -> None:
    assert named_topics("seit") == ()


def test_seit_jahren_reads_as_the_situation_alone(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Mann trinkt seit Jahren")
    assert found == names(office, "Mann trinkt")
    assert "Glaukom Selbsthilfe" not in found


# --- a raised present is a strong verb's --------------------------------------------------------------------


@pytest.mark.parametrize("form", ["willst", "längst", "versinkt", "witt", "geniesst"])
def test_no_weak_verb_reads_a_raised_present(form: str) -> None:
    assert language.infinitives(form) == ()


@pytest.mark.parametrize(
    ("form", "verb"),
    [
        ("vergisst", "vergessen"),
        ("isst", "essen"),
        ("säuft", "saufen"),
        ("gilt", "gelten"),
        ("rät", "raten"),  # "geraten" is a verb of its own; the weak "geratet" too rare to count
        ("wächst", "wachsen"),  # "gewachsen" far more common than "gewachst"
        ("erschrickt", "erschrecken"),  # "erschrocken" more common than "erschreckte"
        ("verdirbt", "verderben"),  # after an inseparable prefix: "verdorben"
    ],
)
def test_strong_verbs_keep_their_raised_present(form: str, verb: str) -> None:
    assert language.infinitives(form) == (verb,)


# --- a common verb's form walks no loose relation -----------------------------------------------------------


@pytest.mark.parametrize("form", ["weint", "geweint", "weinte"])
def test_weinen_names_no_eye_disease(form: str) -> None:
    assert named_topics(form) == ()


def test_a_rare_verb_still_walks_its_phrase() -> None:
    assert named_topics("kifft") == ("Drogenabhängigkeit",)  # kiffen ~ "Haschisch rauchen" → Cannabis


def test_weint_lists_no_eye_group_and_is_no_typo(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Kind weint")
    assert "Glaukom Selbsthilfe" not in found
    assert "Elternkreis hochbegabter Kinder" not in found  # "langweilt": "weint" is no typo of "weilt"


def test_a_verb_form_of_the_dictionary_is_no_typo() -> None:
    assert _closest("weint", 1, ["=weilt", "=wein"]) == ["=wein"]  # a form of itself ("wein|en"), no other word
    assert _closest("weitn", 1, ["=weilt", "=weint"]) == ["=weint"]  # a typo is corrected as before
