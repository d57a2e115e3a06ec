"""Quality cases of s28-moods (issue #14): words for a mood or a state of the seen sets that missed their topic's
groups. On topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the
resources alone:

- "ausgebrannt", "ausgelaugt": no synonym names a topic as written, but the nouns of two of them do, by
  OpenThesaurus's set "Abgeschlagenheit|Burnout|Erschöpfung|Niedergeschlagenheit" ("erschöpft" → Erschöpfung,
  "abgeschlagen" → Abgeschlagenheit) and by Stress ("gestresst"): the burnout groups (Depression, Psychische
  Belastung) answer. Two synonyms must agree: "schüchtern" is not read as a disability through "gehemmt" →
  Hemmung ~ Behinderung.
- "lebensmüde" ~ suizidal, the learned adjective of Suizid (:func:`language.learned_form_nouns`): the groups an
  office files under Suizid answer, which the common list has no topic for; no longer the grief groups its part
  "Leben" found.
- "antriebslos": a group whose description says "kein Antrieb" stores the negated noun's adjective in "-los" too
  (:func:`language.negated_privatives`, as the query reads "kein Antrieb"): it answers "antriebslos" and
  "Antriebslosigkeit", and the other groups of its topic follow (a word only a description has).
- "Albträume": only a trauma group's description has it, and that group is filed under three topics the common
  list gives one word for (Trauma): the groups of each of them follow, not only those filed under all three. A
  group of topics the list does not join (Trauer and Suizid) still stands for them all at once.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import (
    _concept_synonyms,
    _learned_synonym_nouns,
    _one_word_topics,
    _synonym_noun_topics,
    document,
    named_topics,
)
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Depression", "mental_health"),
            ("Psychische Belastung", "mental_health"),
            ("Soziale Phobie", "mental_health"),
            ("Behinderung", "disability"),
            ("Suizid", "mental_health"),
            ("Trauer", "social"),
            ("Traumatisierung", "mental_health"),
            ("Komplexe PTBS", "mental_health"),
            ("Dissoziative Störung", "mental_health"),
        ],
    )
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health", description="Leben mit Depression.")
    make_group(
        d, "Durchatmen", ["Psychische Belastung"], topic_area="mental_health", description="Wenn alles zu viel wird."
    )
    make_group(d, "Schüchtern war gestern", ["Soziale Phobie"], topic_area="mental_health")
    make_group(d, "Eltern behinderter Kinder", ["Behinderung"], topic_area="disability")
    make_group(
        d,
        "AGUS – Angehörige um Suizid",
        ["Suizid", "Trauer"],
        topic_area="mental_health",
        description="Für Menschen, die einen nahen Menschen durch Suizid verloren haben.",
    )
    make_group(d, "Gesprächskreis Lebenskrise", ["Suizid"], topic_area="mental_health", description="Gedanken teilen.")
    make_group(d, "Leben ohne Dich", ["Trauer"], description="Trauernde treffen sich.")
    make_group(
        d,
        "Sonnenseite",
        ["Depression"],
        topic_area="mental_health",
        description="Wir kennen die dunklen Phasen: kein Antrieb, Grübeln ohne Ende.",
    )
    make_group(
        d,
        "Traumanetz",
        ["Traumatisierung", "Komplexe PTBS"],
        topic_area="mental_health",
        description="Für Menschen, die unter Flashbacks und Albträumen leiden.",
    )
    make_group(d, "Viele sein", ["Dissoziative Störung", "Traumatisierung"], topic_area="mental_health")
    return world


def test_the_property_noun_as_openthesaurus_lists_it() -> None:
    assert language.property_nouns("abgeschlagen") == ()  # the dictionary lacks it
    assert language.property_nouns("abgeschlagen", thesaurus=True) == ("Abgeschlagenheit",)
    assert language.property_nouns("verklemmt", thesaurus=True) == ("Verklemmtheit",)


def test_synonym_noun_topics() -> None:
    # erschöpft → Erschöpfung, abgeschlagen → Abgeschlagenheit (~ Burnout, Niedergeschlagenheit), gestresst → Stress
    assert _synonym_noun_topics("ausgebrannt") == ("Depression", "Psychische Belastung")
    assert _synonym_noun_topics("ausgelaugt") == ("Depression", "Psychische Belastung")
    # gehemmt → Hemmung ~ Behinderung is one synonym's other sense; Gehemmtheit, Verklemmtheit ~ Schüchternheit agree
    assert "Behinderung" not in _synonym_noun_topics("schüchtern")
    assert _synonym_noun_topics("lebensmüde") == ()
    # "bedrückt", "gedrückt" → drücken: two synonyms, one noun, one relation (no Zwangsstörungen)
    assert _synonym_noun_topics("niedergeschlagen") == ("Depression",)


def test_the_synonyms_nouns_are_the_last_level() -> None:
    assert named_topics("ausgebrannt") == ("Depression", "Psychische Belastung")
    assert named_topics("niedergeschlagen") == ("Depression",)  # its own word names it: nearer


@pytest.mark.parametrize("q", ["ausgebrannt", "ausgelaugt"])
def test_burnt_out_finds_the_burnout_groups(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert sorted(names(office, q)) == ["Durchatmen", "Lichtblick", "Sonnenseite"]


def test_shy_is_no_disability(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "schüchtern") == ["Schüchtern war gestern"]


def test_learned_synonym_nouns() -> None:
    assert "suizid" in _learned_synonym_nouns("lebensmüde", _concept_synonyms("lebensmüde"))  # ~ suizidal
    assert _learned_synonym_nouns("Suizid", _concept_synonyms("Suizid")) == ()  # a noun reads its own synonyms


def test_weary_of_life_finds_the_groups_filed_under_suicide(office) -> None:  # type: ignore[no-untyped-def]
    assert sorted(names(office, "lebensmüde")) == ["AGUS – Angehörige um Suizid", "Gesprächskreis Lebenskrise"]


def test_negated_privatives() -> None:
    words = language.raw_words("Wir kennen das: kein Antrieb, ohne Arbeit, ohne Dich, ohne Alkohol")
    assert language.negated_privatives(words) == ["antriebslos", "arbeitslos"]  # no "dichlos", no "alkohollos"


def test_a_document_stores_what_a_negated_noun_says() -> None:
    assert " antriebslos " in document("Wir kennen die dunklen Phasen: kein Antrieb.")
    assert " antriebslos " not in document("Mit neuem Antrieb.")


@pytest.mark.parametrize("q", ["antriebslos", "Antriebslosigkeit", "kein Antrieb"])
def test_without_drive_finds_the_group_that_says_so_first(office, q: str) -> None:  # type: ignore[no-untyped-def]
    found = names(office, q)
    assert found[0] == "Sonnenseite"
    assert "Lichtblick" in found  # the described topic's other group, after it


def test_one_word_topics() -> None:
    # Traumatisierung and Komplexe PTBS both list "Trauma": each stands on its own
    assert sorted(_one_word_topics(("komplex", "kp", "ptbs", "traumatisier"))) == [
        ("komplex", "ptbs"),
        ("ptbs", "komplex"),  # "PTBS, komplexe", the list's other spelling
        ("traumatisier",),
    ]
    assert _one_word_topics(("suizid", "trau")) == [("suizid", "trau")]  # Suizid is no topic of the list


def test_nightmares_find_every_trauma_group(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Albträume") == ["Traumanetz", "Viele sein"]
