"""Quality cases of s28-medicines (issue #14): names of medicines and drugs that only Wiktionary explains, often by
another such name. On topics named as in the common list WITHOUT the office's synonyms, so that what is found
comes from the resources alone:

- "Valium" is the Handelsname des *Arzneistoffs* Diazepam, and an Arzneistoff shares the OpenThesaurus synonym
  Pharmakon with Medikament, the front of Medikamenten|abhängigkeit: the medication group answers;
- "Zolpidem" is an *Arzneistoff* aus der Gruppe der *Schlafmittel*, and a Schlafmittel is filed under ^Medikament;
- "Methadon" is an *Opioid*, an Opioid is von *Morphin* abgeleitet, Morphin is a *Betäubungsmittel* (three
  steps), which is a ^Medikament and a synonym of Droge: the medication and the drug groups answer;
- "Opioide" found the medication group by its Schmerzmittel (s22-glosses); the drug group now joins it;
- a medicine whose definition names the illness it treats is about that illness ("Ritalin": … *ADHS* …), and a
  noun with a sense of another kind is no medicine or drug ("Pappe" ~ LSD is cardboard too).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _dependence_fronts, _dependence_kinds, _substance_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Drogenabhängigkeit", "addiction"),
            ("Medikamentenabhängigkeit", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("ADHS, Erwachsene", "mental_health"),
        ],
    )
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Tablettenfrei leben", ["Medikamentenabhängigkeit"], topic_area="addiction")
    make_group(d, "Anonyme Alkoholiker", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(
        d, "ADHS bei Erwachsenen", ["ADHS, Erwachsene"], topic_area="mental_health", description="Chaos im Kopf?"
    )
    return world


# --- the topics of dependence on a thing, from the common list ---------------------------------------------------


def test_the_dependence_topics_are_found_by_the_fronts_of_their_names():
    fronts = _dependence_fronts()
    assert fronts["medikament"] == {"Medikamentenabhängigkeit"}
    assert fronts["drog"] == {"Drogenabhängigkeit"}
    assert "seh" not in fronts  # Seh|behinderte: its search words name no "Seh"
    assert not any("krebs" in name.lower() for names_ in fronts.values() for name in names_)


def test_a_kind_of_medicine_by_the_thesaurus():
    assert _dependence_kinds("Arzneistoff") == {"medikament"}  # ~ Pharmakon ~ Medikament
    assert _dependence_kinds("Schlafmittel") == {"medikament"}  # ^Medikament
    assert _dependence_kinds("Betäubungsmittel") == {"medikament", "drog"}  # ^Medikament, ~ Droge


def test_a_noun_with_a_sense_of_another_kind_is_no_medicine_or_drug():
    assert _dependence_kinds("Pappe") == frozenset()  # ~ LSD ^Droge, but also Karton
    assert _dependence_kinds("Stoffe") == frozenset()  # ~ Droge, but also Gewebe, Material


# --- one-word queries ----------------------------------------------------------------------------------------


def test_a_brand_name_reads_the_medicine_it_names(office):  # type: ignore[no-untyped-def]
    assert names(office, "Valium") == ["Tablettenfrei leben"]


def test_a_sleeping_pill_reads_the_medication_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Zolpidem") == ["Tablettenfrei leben"]


def test_three_steps_reach_a_narcotic(office):  # type: ignore[no-untyped-def]
    assert _substance_readings("Methadon")  # Opioid → Morphin → Betäubungsmittel
    assert set(names(office, "Methadon")) == {"Narcotics Anonymous", "Tablettenfrei leben"}


def test_the_drug_group_joins_what_a_nearer_reading_found(office):  # type: ignore[no-untyped-def]
    assert names(office, "Opioide") == ["Tablettenfrei leben", "Narcotics Anonymous"]


def test_a_medicine_defined_by_its_illness_reads_the_illness(office):  # type: ignore[no-untyped-def]
    assert _substance_readings("Ritalin")  # an Arzneistoff …
    assert names(office, "Ritalin") == ["ADHS bei Erwachsenen"]  # … zur Behandlung von ADHS
