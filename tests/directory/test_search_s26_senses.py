"""Quality cases of s26-senses (issue #14): a compound's part, or a definition's adjective, that names a topic of
the common list in a sense the word does not have. On topics named as in the common list WITHOUT the office's
synonyms, so that what is found comes from the resources alone:

- "Kriegstrauma": German Wiktionary defines it by its parts alone (durch Krieg *ausgelöstes* Trauma), so it is a
  kind of its head and means the trauma topics' area too; the front's area (Kriegsenkel, social) hid them;
- "Narkolepsie" (*zwanghafte* Schlafanfälle): "zwanghaft" ~ obsessiv, triebgesteuert names no Zwangsstörung, so
  the definition's adjective reads no topic ("depressive" ~ Schwermut still reads Depression);
- "Inkontinenz" ~ Blasen|schwäche: Inkontinenz ^Symptom is no kind of Krebs, so the synonym's front names no
  "Blasen|krebs" ("Mastektomie", with no broader term, still reads Brustkrebs);
- "Gedächtnisverlust" (… *Erinnerungen*): Wiktionary's Verlust names Trauer in one of its senses only, and the
  compound's definition shares nothing with it, so the head lists no grief group ("Blutzucker" keeps Diabetes:
  the thesaurus gives Zucker that sense as a synonym).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import (
    _adjective_of_another_sense,
    _another_kind,
    _defined_by_its_parts,
    _head_of_another_sense,
)
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Kriegsenkel", "social"),
            ("Traumatisierung", "mental_health"),
            ("Zwangsstörungen", "mental_health"),
            ("Depression", "mental_health"),
            ("Blasenkrebs", "chronic_illness"),
            ("Brustkrebs", "chronic_illness"),
            ("Krebs", "chronic_illness"),
            ("Trauer", "social"),
            ("Diabetes", "chronic_illness"),
        ],
    )
    make_group(d, "Kriegsenkel Gesprächskreis", ["Kriegsenkel"], description="Die Kinder der Kriegskinder.")
    make_group(d, "Wege aus dem Trauma", ["Traumatisierung"], topic_area="mental_health")
    make_group(d, "Zwänge überwinden", ["Zwangsstörungen"], topic_area="mental_health")
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health", description="Leben mit Depression.")
    make_group(d, "Blasenkrebs-Treff", ["Blasenkrebs"], topic_area="chronic_illness")
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs", "Brustkrebs"], topic_area="chronic_illness")
    make_group(d, "Trauercafé Lütgendortmund", ["Trauer"], description="Ein offener Ort für Trauernde.")
    make_group(d, "Diabetiker-Treff Hörde", ["Diabetes"], topic_area="chronic_illness")
    return world


def test_a_compound_defined_by_its_parts_alone() -> None:
    assert _defined_by_its_parts("kriegstrauma")  # durch Krieg *ausgelöstes* Trauma
    assert not _defined_by_its_parts("trennungsschmerz")  # … *Wahrnehmung* …: a noun besides its parts
    assert not _defined_by_its_parts("trauma")  # no compound


def test_kriegstrauma_finds_the_trauma_group_not_kriegsenkel(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Kriegstrauma")
    assert "Wege aus dem Trauma" in found
    assert "Kriegsenkel Gesprächskreis" not in found


def test_an_adjective_of_another_sense_reads_no_topic() -> None:
    assert _adjective_of_another_sense("zwanghafte", ["zwang"])  # ~ obsessiv, triebgesteuert
    assert not _adjective_of_another_sense("depressive", ["depressive"])  # ~ Schwermut: Depression
    assert not _adjective_of_another_sense("amputierten", ["amputation"])  # a participle: its verb's noun


def test_narkolepsie_lists_no_ocd_group(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Narkolepsie") == []


def test_dysthymie_still_reads_depression(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Dysthymie") == ["Lichtblick"]  # langanhaltende *depressive* Verstimmung


def test_another_kind_than_the_fronts_topic() -> None:
    assert _another_kind("Inkontinenz", "blas", "Blasenkrebs")  # ^Symptom, ~ Blasen|schwäche
    assert _another_kind("Pneumonie", "lung", "Lungenkrebs")  # ^Entzündung, ~ Lungen|entzündung
    assert not _another_kind("Mastektomie", "brust", "Brustkrebs")  # no broader term
    assert not _another_kind("Inkontinenz", "blas", "Trauer")  # no compound of the front


def test_inkontinenz_lists_no_bladder_cancer_group(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Inkontinenz") == []


def test_mastektomie_still_finds_the_breast_cancer_group(office) -> None:  # type: ignore[no-untyped-def]
    assert "Frauenselbsthilfe Krebs" in names(office, "Mastektomie")


def test_a_head_of_another_sense() -> None:
    assert _head_of_another_sense("Gedächtnisverlust", "verlust")  # … Erinnerungen: no *Trauer*
    assert not _head_of_another_sense("Blutzucker", "zucker")  # Zucker ~ Diabetes in the thesaurus
    assert not _head_of_another_sense("Hautkrebs", "krebs")  # Krebs is a topic's own name
    assert not _head_of_another_sense("Partnerverlust", "verlust")  # Wiktionary does not define it


@pytest.mark.parametrize("q", ["Gedächtnisverlust", "Gedaechtnisverlust"])
def test_gedaechtnisverlust_lists_no_grief_group(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert "Trauercafé Lütgendortmund" not in names(office, q)


@pytest.mark.parametrize("q", ["Blutzucker", "Hautkrebs", "Trauerfall"])
def test_compounds_of_the_topics_sense_keep_it(office, q: str) -> None:  # type: ignore[no-untyped-def]
    expected = {"Blutzucker": "Diabetiker-Treff Hörde", "Hautkrebs": "Frauenselbsthilfe Krebs"}
    assert expected.get(q, "Trauercafé Lütgendortmund") in names(office, q)
