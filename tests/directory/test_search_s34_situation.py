"""s34-situation (issue #14): a sentence in which someone does something to themselves.

German says an act on oneself by a reflexive verb ("sie ritzt sich", "ich verletze mich") and names it by a
noun in "Selbst-" (Selbstverletzung, Selbsthass, Selbstzweifel). Where the words as typed find nothing, the verb
and its pronoun are read as that noun: the verb's own act ("verletzen" → Selbstverletzung), or the one act the
verbs of its Wiktionary definition make ("ritzen": … *Aufkratzen* der Haut …, um sich zu *verletzen*). The
compound must be a German word (word frequencies). "mich" is reflexive only beside "ich": "Partner schlägt mich",
"Mann liebt mich nicht" are no acts on oneself.

A second rule: of the groups filed under the umbrella of a relative's concern (Sucht for gambling), those whose
own description says they welcome relatives ("Betroffene und Angehörige gemeinsam", or a word OpenThesaurus gives
for Angehörige: "und ihre Familien") answer the relative as those
named for relatives do; one open to relatives whose text does not say so stays out ("Offen für alle Süchte").

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language, search
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Borderline", "mental_health"),
            ("Hauterkrankungen", "chronic_illness"),
            ("Gewalt/Missbrauch, Opfer", "social"),
        ],
    )
    make_group(
        d,
        "Gegenwind",
        ["Borderline"],
        topic_area="mental_health",
        audience="both",
        description="Für Menschen mit heftigen Gefühlsstürmen, Leere oder Selbstverletzung.",
    )
    make_group(
        d,
        "Hautnah",
        ["Hauterkrankungen"],
        topic_area="chronic_illness",
        audience="affected",
        description="Für Menschen mit Schuppenflechte und Neurodermitis.",
    )
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"], topic_area="social")
    return world


def test_a_daughter_who_cuts_herself(office):  # type: ignore[no-untyped-def]
    # Before: nothing ("ritzt" has no topic; its definition's "Haut" led nowhere for the sentence).
    assert names(office, "Tochter ritzt sich") == ["Gegenwind"]


def test_the_verb_typed_in_lower_case_is_a_verb_though_a_noun_is_spelled_so(office):  # type: ignore[no-untyped-def]
    # Before: nothing ("ritze" was read as the noun Ritze).
    assert names(office, "ich ritze mich") == ["Gegenwind"]


def test_the_verbs_own_act(office):  # type: ignore[no-untyped-def]
    # Before: nothing.
    assert names(office, "sie verletzt sich selbst") == ["Gegenwind"]


def test_the_nouns_german_makes_of_an_act_on_oneself():  # type: ignore[no-untyped-def]
    assert language.reflexive_nouns("verletzen") == ("Selbstverletzung",)
    assert language.reflexive_nouns("ritzen") == ("Selbstverletzung",)  # by its definition's verb
    assert language.reflexive_nouns("hassen") == ("Selbsthass",)
    assert language.reflexive_nouns("schlagen") == ()
    assert language.reflexive_nouns("trauen") == ()


def test_mich_is_reflexive_only_beside_ich():  # type: ignore[no-untyped-def]
    assert search.reflexive_readings("Tochter ritzt sich") == ["Tochter Selbstverletzung"]
    assert search.reflexive_readings("ich hasse mich") == ["ich Selbsthass"]
    assert search.reflexive_readings("Partner schlägt mich") == []
    assert search.reflexive_readings("Mann liebt mich nicht") == []
    assert search.reflexive_readings("Mann verletzt mich") == []


def test_a_sentence_whose_words_find_groups_keeps_them(office):  # type: ignore[no-untyped-def]
    assert names(office, "Selbstverletzung") == ["Gegenwind"]
    assert names(office, "Neurodermitis") == ["Hautnah"]


@pytest.fixture
def addiction_office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Sucht", "addiction"), ("Glücksspiel", "addiction"), ("Alkoholabhängigkeit", "addiction")])
    make_group(d, "Anonyme Spieler", ["Glücksspiel"], topic_area="addiction", audience="both")
    make_group(
        d,
        "Freundeskreis Wiesental",
        ["Sucht", "Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="both",
        description="Offen für alle Suchtformen. Betroffene und Angehörige gemeinsam.",
    )
    make_group(
        d,
        "Blaues Kreuz Altmühlen",
        ["Alkoholabhängigkeit", "Sucht"],
        topic_area="addiction",
        audience="both",
        description="Für Menschen mit Alkoholproblemen und anderen Abhängigkeiten und ihre Familien.",
    )
    make_group(
        d,
        "Suchtselbsthilfe Eving",
        ["Sucht"],
        topic_area="addiction",
        audience="both",
        description="Offen für alle Süchte, auch Kaufsucht und Mediensucht.",
    )
    return world


def test_an_umbrella_group_whose_description_welcomes_relatives(addiction_office):  # type: ignore[no-untyped-def]
    # Before: the gamblers' group alone (of the Sucht groups only those named for relatives answered).
    found = names(addiction_office, "Sohn zockt nur noch")
    assert found[:1] == ["Anonyme Spieler"]
    assert {"Freundeskreis Wiesental", "Blaues Kreuz Altmühlen"} <= set(found)  # "Familien" ~ Angehörige
    assert "Suchtselbsthilfe Eving" not in found
