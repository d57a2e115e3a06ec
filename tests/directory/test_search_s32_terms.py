"""s32-terms (issue #14): a rare medical term that finds nothing is read by its head, as s31-medical reads a learned
compound no resource defines, where German Wiktionary defines it in a sense labelled with the subject Medizin
(``wiktionary_medical_de.txt.gz``, built by ``scripts/build_glosses.py``). Such a definition often says where or how,
not what the term is a kind of ("Subarachnoidal|blutung": Medizin: krankhaftes *Geschehen* im Bereich des zentralen
*Nervensystems* …), and the search has read it without finding a group. On topics named as in the common list
WITHOUT the office's synonyms:

- a word Wiktionary defines without that label stays unread by its head ("Sagittal|ebene", "Urgroß|nichte": of the
  1,309 rare defined words the head rule would have read, the label keeps 32, all medical);
- every other condition of s31-medical holds: a front that is no word, a rare word, a head that is no everyday word
  and that the office's groups speak of.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import head_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Hirn-Aneurysma", "chronic_illness"), ("Familie", "social")])
    make_group(
        d,
        "Hirn-Aneurysma Gruppe",
        ["Hirn-Aneurysma"],
        topic_area="chronic_illness",
        description="Nach Blutung oder Operation.",
    )
    make_group(
        d,
        "Familientreff",
        ["Familie"],
        topic_area="social",
        description="Für Eltern, Großeltern, Nichte und Neffe; Leben in der Ebene.",
    )
    return world


def test_the_builder_keeps_the_senses_labelled_medizin():  # type: ignore[no-untyped-def]
    build = load_script("build_glosses")
    assert build.medical_subject("Medizin: krankhaftes Geschehen im Bereich des zentralen Nervensystems")
    assert build.medical_subject("Medizin, Psychologie: Störung des Persönlichkeitsgefühls")
    assert not build.medical_subject("Tiermedizin: Erkrankung von Rindern")
    assert not build.medical_subject("Blutung innerhalb des Gehirns")


def test_wiktionary_labels_the_medical_terms():  # type: ignore[no-untyped-def]
    assert language.medical_term("Subarachnoidalblutung")
    assert language.medical_term("subarachnoidalblutung")  # as typed, in any case
    assert not language.medical_term("Sagittalebene")
    assert not language.medical_term("Urgroßnichte")


def test_a_defined_medical_term_reads_as_its_head(office):  # type: ignore[no-untyped-def]
    assert head_readings("Subarachnoidalblutung") == ["Blutung"]
    assert names(office, "Subarachnoidalblutung") == ["Hirn-Aneurysma Gruppe"]
    assert names(office, "subarachnoidalblutung") == ["Hirn-Aneurysma Gruppe"]


def test_a_defined_word_of_no_medical_sense_is_not_read_by_its_head(office):  # type: ignore[no-untyped-def]
    assert head_readings("Sagittalebene") == []
    assert head_readings("Urgroßnichte") == []
    assert head_readings("pensionieren") == []  # "…nieren" is no kidney
    assert names(office, "Urgroßnichte") == []


def test_the_regional_finder_reads_a_medical_term_as_the_office_does(office) -> None:  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "Subarachnoidalblutung")
    assert own
    assert regional[office.dortmund.id] == own
    assert regional[office.hamm.id] == []
