"""Quality cases of s27-compounds (issue #14): compounds of the seen sets that missed their topic's groups. On
topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the resources
alone:

- "Stimmenhören" is the name "Stimmen hören" written as one word: a name no resource explains stands for the topic
  its groups are filed under (as "Kreuzbund" does), so the other Psychose groups answer it too, after it;
- "Pflegemutter": the common list gives Pflegeeltern the word "Pflege|kind", a compound of the same front with
  another relative as its head; the front says which family, the relative only who in it, so the foster parents'
  groups answer, not the mothers' groups that "Mutter" alone names;
- "Sozialphobie" is a kind of its head Phobie, which OpenThesaurus files under ^Angst and the common list under
  Angsterkrankungen: the anxiety groups answer it after the social phobia group its synonym Schüchternheit finds,
  as they answer "Phobie". Not a head whose broader terms name several topics ("Haut|krebs");
- "Augeninnendruck": the front names Augenerkrankung and Glaukom, and Wiktionary defines a Glaukom by erhöhten
  *Druck*, the head's own head ("Innen|druck"): the glaucoma group answers, where nothing else names a topic;
- "Aufmerksamkeitsstörung" is ADHS's OpenThesaurus synonym "Aufmerksamkeits|defizit|störung" said short (the same
  front and head, one part fewer): the ADHS group answers.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import (
    _defining_front_topics,
    _elided_synonym_topics,
    _head_wider_topics,
    _relative_sibling_topics,
)
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Psychose", "mental_health"),
            ("Pflegeeltern", "social"),
            ("Adoptiveltern", "social"),
            ("Mütter", "social"),
            ("Alleinerziehend", "social"),
            ("Angsterkrankungen", "mental_health"),
            ("Soziale Phobie", "mental_health"),
            ("Glaukom (grüner Star)", "chronic_illness"),
            ("Augenerkrankung", "chronic_illness"),
            ("ADHS, Erwachsene", "mental_health"),
        ],
    )
    make_group(d, "Stimmen hören", ["Psychose"], topic_area="mental_health", description="Menschen, die Stimmen hören.")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health", description="Erfahrungen teilen.")
    make_group(d, "Pflegeeltern-Stammtisch", ["Pflegeeltern"], description="Pflegefamilien im Austausch.")
    make_group(d, "Adoptiveltern-Treff", ["Adoptiveltern"], description="Familien mit Adoptivkindern.")
    make_group(d, "Mütter-Café", ["Mütter"], description="Für Mütter mit kleinen Kindern.")
    make_group(d, "Alleinerziehende Mütter und Väter", ["Alleinerziehend"], description="Allein mit Kind.")
    make_group(d, "Angst-Selbsthilfe Innenstadt", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Schüchtern war gestern", ["Soziale Phobie"], topic_area="mental_health")
    make_group(d, "Glaukom Selbsthilfe", ["Glaukom (grüner Star)"], topic_area="chronic_illness")
    make_group(
        d, "Sehen im Alter", ["Augenerkrankung"], topic_area="chronic_illness", description="Wenn die Sicht nachlässt."
    )
    make_group(
        d, "ADHS bei Erwachsenen", ["ADHS, Erwachsene"], topic_area="mental_health", description="Chaos im Kopf?"
    )
    return world


def test_a_name_written_as_one_word_stands_for_its_topic(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Stimmenhören") == ["Stimmen hören", "Psychose-Seminar"]


def test_the_name_as_written_still_finds_its_group_first(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Stimmen hören")[0] == "Stimmen hören"


def test_relative_sibling_topics() -> None:
    assert _relative_sibling_topics(("pflege", "mutter")) == ("Pflegeeltern",)  # the list's "Pflege|kind"
    assert _relative_sibling_topics(("adoptiv", "vater")) == ("Adoptiveltern",)  # "Adoptiv|kind"
    assert _relative_sibling_topics(("pflege", "dienst")) == ()  # no relative as the head
    assert _relative_sibling_topics(("mutter",)) == ()  # no compound


@pytest.mark.parametrize("q", ["Pflegemutter", "Pflegevater"])
def test_a_foster_parent_finds_the_foster_parents_group(office, q: str) -> None:  # type: ignore[no-untyped-def]
    found = names(office, q)
    assert found[0] == "Pflegeeltern-Stammtisch"
    assert "Mütter-Café" not in found


def test_adoptivmutter_finds_the_adoptive_parents(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Adoptivmutter")
    assert found[0] == "Adoptiveltern-Treff"
    assert "Mütter-Café" not in found


def test_a_mother_alone_still_finds_the_mothers_groups(office) -> None:  # type: ignore[no-untyped-def]
    assert "Mütter-Café" in names(office, "Mütter")


def test_head_wider_topics() -> None:
    assert _head_wider_topics("Sozialphobie", ("sozial", "phobie")) == ("Angsterkrankungen",)  # Phobie ^Angst
    assert _head_wider_topics("Hautkrebs", ("haut", "krebs")) == ()  # Krebs: every cancer topic lists it
    assert _head_wider_topics("Phobie", ("phobie",)) == ()  # no compound: wider_topics reads it


def test_sozialphobie_finds_the_anxiety_groups_after_its_own(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Sozialphobie") == ["Schüchtern war gestern", "Angst-Selbsthilfe Innenstadt"]


def test_defining_front_topics() -> None:
    assert _defining_front_topics(("augen", "innendruck")) == ("Glaukom (grüner Star)",)  # … erhöhten *Druck*
    assert _defining_front_topics(("augen", "arzt")) == ()  # no definition names the head
    assert _defining_front_topics(("herz", "infarkt")) == ()


def test_augeninnendruck_finds_the_glaucoma_group(office) -> None:  # type: ignore[no-untyped-def]
    # first: the eye disease group follows by the front's fallback ("Augen|erkrankung")
    assert names(office, "Augeninnendruck")[0] == "Glaukom Selbsthilfe"


def test_elided_synonym_topics() -> None:
    assert _elided_synonym_topics("Aufmerksamkeitsstörung", ("aufmerksamkeit", "störung")) == ("ADHS, Erwachsene",)
    assert _elided_synonym_topics("Angststörung", ("angst", "störung")) == ()  # no such synonym
    assert _elided_synonym_topics("Sozialphobie", ("sozial", "phobie")) == ()  # in the thesaurus itself


def test_aufmerksamkeitsstoerung_finds_the_adhd_group(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Aufmerksamkeitsstörung") == ["ADHS bei Erwachsenen"]
