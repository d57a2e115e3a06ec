"""Quality cases of s28-events (issue #14): words for a death or a case of care that missed their topic's groups.
On topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the
resources alone:

- "Witwe", "Witwer": Wiktionary defines them by their *verstorbenen* Ehepartner; "verstorben" is the past
  participle of "sterben" (hunspell-de-de, by ablaut), whose act "Sterben" OpenThesaurus gives the synonym Tod, a
  search word of Trauer: the grief groups answer, as they answer "die Verstorbenen" of "Hinterbliebene". Not a
  participle OpenThesaurus gives adjectives of another sense ("versunken" ~ gedankenverloren is no Sinken ~
  Abnehmen → Übergewicht);
- "Todesfall", "Pflegefall": the front (hunspell-de-de's split "Todes|fall", "Pflege|fall") names exactly one topic of
  the common list, Trauer and Pflegende Angehörige, so the groups filed under it answer in any topic area, as they
  answer the front typed: the suicide-bereaved group (mental health), the caregivers' group filed under Demenz
  (chronic illness). A front that names several topics ("Krebs|diagnose") stays within its areas;
- "Sternenkind": the glosses (scripts/build_glosses.py) keep no function words among a definition's adjectives, so
  "verstorben" is no longer crowded out by "während", "seiner" (two adjectives a sense): the grief groups answer.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import (
    _front_named_topic_tokens,
    _gloss_adjective_alternatives,
    _verb_act_alternatives,
    gloss_alternatives,
)
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Trauer", "social"),
            ("Suizid", "mental_health"),
            ("Trennung / Scheidung", "social"),
            ("Pflegende Angehörige", "social"),
            ("Demenz", "chronic_illness"),
        ],
    )
    make_group(d, "Trauercafé", ["Trauer"], description="Ein Ort für Menschen, die jemanden verloren haben.")
    make_group(d, "Verwaiste Eltern", ["Trauer"], description="Eltern, deren Kind gestorben ist.")
    make_group(d, "Neuanfang nach Trennung", ["Trennung / Scheidung"], description="Wenn die Ehe endet.")
    make_group(
        d,
        "AGUS – Angehörige um Suizid",
        ["Trauer", "Suizid"],
        topic_area="mental_health",
        description="Für Menschen, die einen nahen Menschen durch Suizid verloren haben.",
    )
    make_group(d, "Atempause", ["Pflegende Angehörige"], description="Wer zu Hause einen Menschen versorgt.")
    make_group(
        d,
        "Vergissmeinnicht",
        ["Demenz", "Pflegende Angehörige"],
        topic_area="chronic_illness",
        description="Angehörige von Menschen mit Alzheimer.",
    )
    return world


@pytest.mark.parametrize(
    ("form", "verbs"),
    [
        ("verstorben", ("sterben",)),  # strong, after an inseparable prefix the dictionary lacks the verb of
        ("verstorbenen", ("sterben",)),
        ("geschieden", ("scheiden",)),
        ("getrennten", ("trennen",)),  # weak
        ("aufgehört", ("aufhören",)),  # "ge" after a separable particle
        ("amputierten", ("amputieren",)),
        ("leben", ()),  # an infinitive
        ("trauernd", ()),  # a present participle
        ("wieder", ()),
    ],
)
def test_past_participle_verbs(form: str, verbs: tuple[str, ...]) -> None:
    assert language.past_participle_verbs(form) == verbs


def test_a_definitions_participle_reads_its_verbs_act() -> None:
    assert ("trau",) in {a.tokens for a in _verb_act_alternatives(("sterben",))}  # Sterben ~ Tod → Trauer
    assert ("trau",) in {a.tokens for a in _gloss_adjective_alternatives("verstorben")}
    # A participle whose verb names a noun of the list reads that noun, as before: "getrennten" → Trennung.
    assert ("tod",) not in {a.tokens for a in _gloss_adjective_alternatives("getrennten")}


@pytest.mark.parametrize("participle", ["versunken", "gerissen"])
def test_a_participle_of_another_sense_reads_no_act(participle: str) -> None:
    # Their verbs' acts name topics (Sinken ~ Abnehmen → Übergewicht, Reißen ~ Gliederreißen → Rheuma), but the
    # participles' own synonyms ("gedankenverloren", "schlau") name none of them.
    assert _verb_act_alternatives(language.past_participle_verbs(participle))
    assert _gloss_adjective_alternatives(participle) == ()


@pytest.mark.parametrize("word", ["nachdenklich", "Flow"])  # … in Gedanken *versunken*
def test_a_definition_absorbed_in_thought_reads_no_overweight(word: str) -> None:
    assert ("adipositas",) not in {a.tokens for a in gloss_alternatives(word)}


@pytest.mark.parametrize("q", ["Witwe", "Witwer"])
def test_a_widow_finds_the_grief_groups(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert set(names(office, q)) == {"Trauercafé", "Verwaiste Eltern", "AGUS – Angehörige um Suizid"}


def test_front_named_topic_tokens() -> None:
    assert _front_named_topic_tokens("Todesfall") == frozenset([("trau",)])
    assert _front_named_topic_tokens("Pflegefall") == frozenset([("pflegend", "angehor")])
    assert _front_named_topic_tokens("Krebsdiagnose") == frozenset()  # Krebs names several topics
    assert _front_named_topic_tokens("Trauer") == frozenset()  # no compound


def test_todesfall_finds_the_suicide_bereaved_group_too(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Todesfall")
    assert set(found) == {"Trauercafé", "Verwaiste Eltern", "AGUS – Angehörige um Suizid"}
    assert found[-1] == "AGUS – Angehörige um Suizid"  # the groups of the front's own area first


def test_pflegefall_finds_the_caregivers_group_filed_under_dementia(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Pflegefall") == ["Atempause", "Vergissmeinnicht"]


def test_the_front_typed_alone_finds_them_as_before(office) -> None:  # type: ignore[no-untyped-def]
    assert set(names(office, "Tod")) == {"Trauercafé", "Verwaiste Eltern", "AGUS – Angehörige um Suizid"}


@pytest.mark.parametrize("word", ["Witwe", "Witwer", "Sternenkind", "Pflegefall"])
def test_the_glosses_keep_no_function_words(word: str) -> None:
    assert not [a for a in language.gloss_adjectives(word) if language.is_function_word(a)]


def test_sternenkind_keeps_its_participle() -> None:
    assert "verstorben" in language.gloss_adjectives("Sternenkind")  # Kind, das … während … verstorben ist


def test_sternenkind_finds_the_grief_groups(office) -> None:  # type: ignore[no-untyped-def]
    assert set(names(office, "Sternenkind")) == {"Trauercafé", "Verwaiste Eltern", "AGUS – Angehörige um Suizid"}
