"""Quality cases of s28-events (issue #14): words for a death or a case of care that missed their topic's groups.
On topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the
resources alone:

- "Witwe", "Witwer": Wiktionary defines them by their *verstorbenen* Ehepartner; "verstorben" is the past
  participle of "sterben" (hunspell-de-de, by ablaut), whose act "Sterben" OpenThesaurus gives the synonym Tod, a
  search word of Trauer: the grief groups answer, as they answer "die Verstorbenen" of "Hinterbliebene".

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _gloss_adjective_alternatives, _verb_act_alternatives
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Trauer", "social"), ("Trennung / Scheidung", "social")])
    make_group(d, "Trauercafé", ["Trauer"], description="Ein Ort für Menschen, die jemanden verloren haben.")
    make_group(d, "Verwaiste Eltern", ["Trauer"], description="Eltern, deren Kind gestorben ist.")
    make_group(d, "Neuanfang nach Trennung", ["Trennung / Scheidung"], description="Wenn die Ehe endet.")
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


@pytest.mark.parametrize("q", ["Witwe", "Witwer"])
def test_a_widow_finds_the_grief_groups(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert set(names(office, q)) == {"Trauercafé", "Verwaiste Eltern"}
