"""s30-abbrev (issue #14): an abbreviation that finds nothing as typed is read as what it stands for, as if that were
typed. On topics named as in the common list WITHOUT the office's synonyms:

- as German Wiktionary spells it out: a sense whose words' or compound parts' initials are its letters
  (``scripts/build_glosses.py`` → ``wiktionary_abbreviations_de.txt.gz``: "DM" → Diabetes Mellitus, "PTBS" →
  posttraumatische Belastungsstörung), only a sense that names a concern of the common topic list ("Deutsche
  Meisterschaft", another sense of DM, would list the gamblers' group);
- else, for one no resource lists, as the one name of a concern whose initials it is: OpenThesaurus's nouns
  written as a phrase or with a hyphen (``scripts/build_thesaurus.py`` → ``openthesaurus_terms_de.txt.gz``) and the
  topic list's words ("BPS" → Borderline-Persönlichkeitsstörung, a set of OpenThesaurus with one single word, which
  the synonym file drops). Three letters or more; none where several names have them.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _initials_names, expansion_readings, initials_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Diabetes", "chronic_illness"),
            ("Borderline", "mental_health"),
            ("Glücksspiel", "addiction"),
            ("Depression", "mental_health"),
        ],
    )
    make_group(d, "Diabetiker-Treff Hörde", ["Diabetes"], topic_area="chronic_illness")
    make_group(d, "Borderline Trialog", ["Borderline"], topic_area="mental_health")
    make_group(
        d,
        "Anonyme Spieler",
        ["Glücksspiel"],
        topic_area="addiction",
        description="Für Menschen, die vom Spielen, Wetten und von Meisterschaften nicht loskommen.",
    )
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    return world


# --- Wiktionary's expansions ---------------------------------------------------------------------------------


def test_an_abbreviation_reads_as_wiktionary_spells_it_out(office):  # type: ignore[no-untyped-def]
    assert names(office, "DM") == ["Diabetiker-Treff Hörde"]


def test_only_a_sense_that_names_a_concern_is_read():  # type: ignore[no-untyped-def]
    # DM is also Deutsche Mark, Death Match, Deutsche Meisterschaft, Dieselmotor, Drogeriemarkt.
    assert "Deutsche Meisterschaft" in language.expansions("DM")
    assert expansion_readings("DM") == ["Diabetes Mellitus"]
    assert expansion_readings("Hilfe bei DM") == ["Hilfe bei Diabetes Mellitus"]
    # PSA: Wiktionary spells out only Persönliche Schutzausrüstung, no concern.
    assert expansion_readings("PSA") == []


def test_a_sense_of_no_concern_lists_nothing(office):  # type: ignore[no-untyped-def]
    assert names(office, "PSA") == []
    assert names(office, "Deutsche Meisterschaft") != []  # what "DM" would list, read in that sense


def test_an_everyday_word_in_lower_case_is_no_abbreviation():  # type: ignore[no-untyped-def]
    assert expansion_readings("dm") == []


def test_the_file_holds_the_senses_that_spell_the_abbreviation_out():  # type: ignore[no-untyped-def]
    assert language.expansions("PTBS") == ("posttraumatische Belastungsstörung",)
    assert language.expansions("AMD") == ("altersabhängige Makuladegeneration",)
    assert "Multiple Sklerose" in language.expansions("MS")
    assert language.expansions("Trauer") == ()


def test_the_builder_keeps_senses_whose_initials_are_the_letters():  # type: ignore[no-untyped-def]
    build = load_script("build_glosses")
    assert build.spells("PTBS", ["posttraumatische", "Belastungsstörung"])
    assert build.spells("AMD", ["altersabhängige", "Makuladegeneration"])  # one word's initial, another's parts
    assert build.spells("DIS", ["Deutsches", "Institut", "für", "Schiedsgerichtsbarkeit"])  # without "für"
    assert not build.spells("MS", ["Manuskript"])
    assert build.expansions(
        "MS", ["Abkürzung für Manuskript", "Abkürzung für Multiple Sklerose/multiple Sklerose"]
    ) == ["Multiple Sklerose"]
    # The words a sense begins with, where a function word follows: not a phrase cut anywhere.
    assert build.expansions("MPU", ["medizinisch psychologische Untersuchung zur Beurteilung der Fahreignung"]) == [
        "medizinisch psychologische Untersuchung"
    ]
    assert build.expansions("AA", ["Augustiniani ab Assumptione (katholischer Orden der Assumptionisten)"]) == []
    assert build.expansions("Aids", ["Abkürzung für Acquired Immune Deficiency Syndrome"]) == []  # one capital


# --- the initials of a concern's one name --------------------------------------------------------------------


def test_initials_no_resource_lists_read_as_the_one_concern_they_spell(office):  # type: ignore[no-untyped-def]
    assert "Borderline-Persönlichkeitsstörung" in language.thesaurus_phrases()
    assert initials_readings("BPS") == ["Borderline-Persönlichkeitsstörung"]
    assert names(office, "BPS") == ["Borderline Trialog"]


def test_no_guess_among_several_names(monkeypatch):  # type: ignore[no-untyped-def]
    from saas.directory import search

    two = {"bps": ("Borderline-Persönlichkeitsstörung", "Bartholin-Patau-Syndrom")}
    monkeypatch.setattr(search, "_initials_names", lambda: two)
    assert initials_readings("BPS") == []


def test_a_word_a_resource_lists_reads_no_initials():  # type: ignore[no-untyped-def]
    # ASS spells one concern's name (Addison-Schilder-Syndrom), but Wiktionary has it: Acetylsalicylsäure.
    assert _initials_names()["ass"] == ("Addison-Schilder-Syndrom",)
    assert initials_readings("ASS") == []


def test_two_letters_read_no_initials():  # type: ignore[no-untyped-def]
    assert not any(len(i) < 3 for i in _initials_names())
    assert initials_readings("BP") == []


def test_the_builder_keeps_phrases_and_hyphenated_nouns():  # type: ignore[no-untyped-def]
    build = load_script("build_thesaurus")
    lines = [
        "-|Borderline-Persönlichkeitsstörung|emotional instabile Persönlichkeitsstörung des Borderline-Typs",
        "-|soziale Angststörung|soziale Phobie|Soziophobie",
        "-|Zucker|Diabetes|bittere Pille schlucken",
    ]
    assert build.named_terms(lines, set()) == [
        "Borderline-Persönlichkeitsstörung",
        "soziale Angststörung",
        "soziale Phobie",
    ]


def test_the_regional_finder_reads_an_abbreviation_as_the_office_does(office) -> None:  # type: ignore[no-untyped-def]
    """``search_by_office`` (the regional finder) read "BPS" and "DM" as typed only: each office's part must be
    that office's own search, which reads them as what they stand for."""
    for q in ("BPS", "DM", "ME/CFS", "Borderline"):
        regional, own = regional_and_own(office, q)
        assert regional[office.dortmund.id] == own, q
        assert regional[office.hamm.id] == []
    assert names(office, "BPS")  # the case the rule is for: found by its expansion only
