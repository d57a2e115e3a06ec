"""s35-colloquial (issue #14): a form of a colloquial word reads as its lemma does.

s34-colloquial read a word OpenThesaurus marks colloquial by the plain word German Wiktionary's definition of it
names ("Glimmstängel (ugs.)", *Zigarette* → rauchen → the smoking group) and let a word marked colloquial wherever
the thesaurus lists it read no further than that plain word. Both looked the word up in the colloquial file as
typed, and the file lists lemmas, as OpenThesaurus does: the plural "Glimmstängeln", "Fluppen", "Sargnägel" fell
back to the set's broader term Droge (the drug groups), and "Kippen", which reaches the search in lower case, was
read as the verb "kippen" alone and found nothing (held-out-6). A noun's plural is now read by its singular of the
same search key, a verb's form by its infinitive (``language._colloquial_entries``); a form the thesaurus lists as
a word of its own ("schmatzen", the verb) is not taken for colloquial only. On topics named as in the common list
WITHOUT the office's synonyms.

The tests marked so fail on the code before the branch; the others guard what must stay.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [("Nichtraucher", "addiction"), ("Drogenabhängigkeit", "addiction"), ("Essstörungen", "mental_health")],
    )
    make_group(d, "Rauchfrei werden", ["Nichtraucher"], topic_area="addiction", description="Wir helfen uns.")
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Overeaters Anonymous", ["Essstörungen"], topic_area="mental_health")
    return world


def test_a_plural_stands_for_the_plain_word_of_its_singular():  # type: ignore[no-untyped-def]
    # Fails before: the file lists "Glimmstängel", "Fluppe", "Sargnagel", "Kippe", not their plurals.
    assert language.plain_words("Glimmstängeln") == ("Zigarette",)
    assert language.plain_words("Sargnägel") == ("Zigarette",)  # the umlaut of the plural undone
    assert language.plain_words("Fluppen") == ("Zigarette",)  # not the verb "fluppen" (ugs., klappen)
    assert "Zigarette" in language.plain_words("kippen")  # in lower case the plural of Kippe, too
    assert language.only_colloquial("Glimmstängeln")


def test_a_form_the_thesaurus_lists_as_a_word_of_its_own_is_no_colloquial_word():  # type: ignore[no-untyped-def]
    # "schmatzen" is a verb of its own; it is also the plural of Schmatz (ugs., Kuss), which is no reason to read
    # the verb no further than a kiss.
    assert not language.only_colloquial("schmatzen")
    assert not language.only_colloquial("Zigaretten")
    assert language.plain_words("Zigaretten") == ()


@pytest.mark.parametrize("word", ["Kippen", "Glimmstängeln", "Fluppen", "Sargnägel", "Zichten"])
def test_a_plural_of_a_colloquial_word_for_a_cigarette_finds_the_smoking_group(office, word):  # type: ignore[no-untyped-def]
    # Before: nothing ("Kippen", read as the verb) or the drug group, by the set's broader term Droge.
    assert names(office, word) == ["Rauchfrei werden"]


def test_the_singulars_and_the_plain_word_keep_their_groups(office):  # type: ignore[no-untyped-def]
    assert names(office, "Kippe") == ["Rauchfrei werden"]
    assert names(office, "Zigaretten") == ["Rauchfrei werden"]
    assert names(office, "Joints") != ["Rauchfrei werden"]  # no colloquial word of a cigarette


@pytest.mark.xfail(
    strict=True,
    reason="known loss of s35-demo: a joint found the drug group only through its synonyms' head Zigarette ^Droge, "
    "which s35-demo cut (Wiktionary: a Tabakprodukt); its true path, the front Hasch of Haschzigarette, "
    "names no topic word and is not read (docs/search-history.md, s35 merged)",
)
def test_a_joint_finds_the_drug_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Joints") == ["Narcotics Anonymous"]


def test_a_verb_form_the_dictionary_lacks_reads_by_the_colloquial_file_s_verb(office):  # type: ignore[no-untyped-def]
    # "schmöken" (ugs.) ~ rauchen is no verb of hunspell-de-de, so its present "schmökt" was no form of a colloquial
    # word and went on to rauchen's phrase noun Zigarette ^Droge: the drug group (s34-colloquial fixed "schmöken").
    assert language.only_colloquial("schmökt")
    assert language.plain_words("schmökt") == ("rauchen",)
    assert "Narcotics Anonymous" not in names(office, "schmökt")
