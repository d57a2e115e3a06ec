"""Everyday words that listed groups of another concern on the demo directory (issue #14, s21-demo), each made
stricter in general.

- "Kollegen" listed the groups for parents, lonely people and seniors: a common plural the thesaurus does not list
  was read as no noun, so its synonyms' topics answered it (~ Kontakt → Einsamkeit's "Kontakte", ~ Alter →
  Senior*innen). The plural of a noun of the thesaurus is a noun.
- "Arbeitsplatz" listed the AIDS / HIV and Long-Covid groups, "Knie" the FASD groups: a noun synonym's Snowball
  key is also another word's ("Posten" ~ "Post-Covid", "Position" ~ "positiv", "Fase" ~ "FAS"). A noun synonym
  matches only a form of itself.
- "Gelenke" listed the Messies: its synonym "Scharnier" was cut into "Schar|nier", and the verb "scharen" ~
  sammeln names the Messies. A synonym's compound needs a noun for its head.
- "Seelenkrankheit" listed every addiction group first: its synonyms are Manie (bipolar disorder) and Sucht, two
  senses of two topic areas. Synonyms that name topics of more than one area say nothing of the word.
- "Quartalssäufer", read by its definition (… *Alkohol* …), listed the FASD groups among the alcohol groups: a word
  read by its definitions reads the topics they name, as a condition noun does (Alkoholabhängigkeit), and lists no
  group of another topic area.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topic(d, "Einsamkeit", "allein, einsam, Kontakte", area="social")
    make_topic(d, "Senior*innen", "Senioren, Alter, ältere Menschen", area="social")
    make_topic(d, "Eltern", "Elterngruppe, Kinder, Familie", area="social")
    make_topic(d, "Covid, Long Covid", "Corona, Post-Covid, Long-Covid", area="chronic_illness")
    make_topic(d, "AIDS / HIV", "HIV, positiv", area="chronic_illness")
    make_topic(d, "Fetales Alkohol-Syndrom (FASD)", "FASD, FAS, Alkohol in der Schwangerschaft", area="disability")
    make_group(d, "SHG Einsamkeit Scharnhorst", ["Einsamkeit"], topic_area="social")
    make_group(d, "SHG Senior*innen Hombruch", ["Senior*innen"], topic_area="social")
    make_group(d, "Eltern: Austausch und Begegnung", ["Eltern"], topic_area="social")
    make_group(d, "SHG Covid, Long Covid Eving", ["Covid, Long Covid"], topic_area="chronic_illness")
    make_group(d, "SHG AIDS / HIV Mengede", ["AIDS / HIV"], topic_area="chronic_illness")
    make_group(
        d,
        "Selbsthilfegruppe Fetales Alkohol-Syndrom (FASD) Hörde",
        ["Fetales Alkohol-Syndrom (FASD)"],
        topic_area="disability",
    )
    make_topic(d, "Messies", "Messie, Horten, Sammeln, Unordnung", area="mental_health")
    make_group(d, "SHG Messies Aplerbeck", ["Messies"], topic_area="mental_health")
    make_topic(d, "Sucht", "Abhängigkeit, Suchtkranke", area="addiction")
    make_topic(d, "Alkoholabhängigkeit", "Alkohol, Trinken, Alkoholiker, Sucht", area="addiction")
    make_group(d, "SHG Alkoholabhängigkeit Eving", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_topic(d, "Bipolare Störung", "Manie, manisch-depressiv, bipolar", area="mental_health")
    make_topic(d, "Depression", "depressiv, Niedergeschlagenheit, Burnout, traurig", area="mental_health")
    make_group(d, "SHG Sucht Eving", ["Sucht"], topic_area="addiction")
    make_group(d, "Bipolar: Austausch und Begegnung", ["Bipolare Störung"], topic_area="mental_health")
    make_group(d, "Depression – Gesprächskreis Huckarde", ["Depression"], topic_area="mental_health")
    return world


def test_a_common_plural_of_a_noun_is_a_noun(office):  # type: ignore[no-untyped-def]
    """Does "Kollegen" find none of the groups for parents, lonely people or seniors, while their own words
    still find them?"""
    assert names(office, "Kollegen") == []
    assert names(office, "Nachbarn") == []
    assert names(office, "Kontakte") == ["SHG Einsamkeit Scharnhorst"]
    assert names(office, "Senioren") == ["SHG Senior*innen Hombruch"]


def test_a_noun_synonym_matches_only_its_own_forms(office):  # type: ignore[no-untyped-def]
    """Do "Arbeitsplatz" (~ Posten, Position) and "Knie" (~ Fase) find neither the Long-Covid and AIDS / HIV
    groups nor the FASD group, while a group about work answers "Arbeitsplatz" and, through the synonym,
    "Arbeitsstelle"?"""
    assert names(office, "Arbeitsplatz") == []
    assert names(office, "Knie") == []
    assert names(office, "Post-Covid") == ["SHG Covid, Long Covid Eving"]
    assert names(office, "positiv") == ["SHG AIDS / HIV Mengede"]
    assert names(office, "FAS") == ["Selbsthilfegruppe Fetales Alkohol-Syndrom (FASD) Hörde"]
    make_group(office.dortmund, "Mobbing am Arbeitsplatz", ["Mobbing"], topic_area="social")
    assert names(office, "Arbeitsplatz") == ["Mobbing am Arbeitsplatz"]
    assert names(office, "Arbeitsstelle") == ["Mobbing am Arbeitsplatz"]


def test_a_synonyms_compound_has_a_noun_for_its_head(office):  # type: ignore[no-untyped-def]
    """Does "Gelenke" (~ Scharnier, no "Schar|nier") find no Messies group, while "sammeln" does?"""
    assert names(office, "Gelenke") == []
    assert names(office, "sammeln") == ["SHG Messies Aplerbeck"]


def test_synonyms_of_two_topic_areas_say_nothing(office):  # type: ignore[no-untyped-def]
    """Do "Seelenkrankheit" (~ Manie, Sucht) and "Kollege" find neither the addiction group nor the bipolar group
    nor the groups for lonely people and parents, while
    "Schwermut" (~ Depression, Niedergeschlagenheit: one area) finds the depression group?"""
    assert names(office, "Seelenkrankheit") == []
    assert names(office, "Kollege") == []  # ~ Kontakt (Einsamkeit: social), Kinders (Herzerkrankte, Kinder)
    assert names(office, "Schwermut") == ["Depression – Gesprächskreis Huckarde"]


def test_a_word_read_by_its_definition_reads_the_topics_it_names(office):  # type: ignore[no-untyped-def]
    """Does "Quartalssäufer" (… Alkohol …) find the alcohol group and not the FASD group, while "Alkohol" typed
    still finds both?"""
    assert names(office, "Quartalssäufer") == ["SHG Alkoholabhängigkeit Eving"]
    assert sorted(names(office, "Alkohol")) == [
        "SHG Alkoholabhängigkeit Eving",
        "Selbsthilfegruppe Fetales Alkohol-Syndrom (FASD) Hörde",
    ]
