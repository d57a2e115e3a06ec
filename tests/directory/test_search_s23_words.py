"""Quality cases of s23-words (issue #14): single words read through their definitions that stopped one step
short of the groups the judges expect. On topics named as in the common list WITHOUT the office's synonyms, so
that what is found comes from the resources alone:

- a definition's noun that names a topic only by one of its search words reads the topics listing that topic's
  name, as the name typed does ("Karzinom": a *Krebserkrankung* → Krebs → Leukämie, Multiples Myelom);
- a definition's adjective reads its property noun of the dictionary ("Entzug": … *abhängige* … →
  Abhängigkeit → Sucht → the alcohol and medication groups, not only the drug group).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _topics_listing_name
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Krebs", "chronic_illness"),
            ("Leukämie", "chronic_illness"),
            ("Multiples Myelom", "chronic_illness"),
            ("Drogenabhängigkeit", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Medikamentenabhängigkeit", "addiction"),
        ],
    )
    make_group(d, "Krebs-Gesprächskreis", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Leukämie und Lymphome", ["Leukämie"], topic_area="chronic_illness")
    make_group(d, "Myelom-Gruppe", ["Multiples Myelom"], topic_area="chronic_illness")
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Blaues Kreuz", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Tablettenfrei leben", ["Medikamentenabhängigkeit"], topic_area="addiction")
    return world


# --- a definition noun's topic reads the topics that list its name ------------------------------------------------


def test_the_topics_listing_a_topics_name() -> None:
    assert {"Leukämie", "Multiples Myelom"} <= _topics_listing_name(frozenset({"Krebs"}))
    assert not _topics_listing_name(frozenset({"Eltern"}))  # who, not what


def test_karzinom_finds_the_kinds_of_cancer_the_list_files_under_krebs(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Karzinom")) == {"Krebs-Gesprächskreis", "Leukämie und Lymphome", "Myelom-Gruppe"}


# --- a definition's adjective reads its property noun -------------------------------------------------------------


def test_an_adjectives_property_noun() -> None:
    assert language.property_nouns("abhängige") == ("Abhängigkeit",)
    assert language.property_nouns("niedergeschlagen") == ("Niedergeschlagenheit",)
    assert language.property_nouns("blind") == ()  # no "Blindigkeit"; Blindheit's adjective is read as spelled


def test_entzug_finds_every_addiction_group(office):  # type: ignore[no-untyped-def]
    assert {"Narcotics Anonymous", "Blaues Kreuz", "Tablettenfrei leben"} <= set(names(office, "Entzug"))
