"""s35-demo (issue #14): what a citizen typed in the demo's Dortmund office, which has no smoking group.

1. A noun of a set OpenThesaurus files under two broader concepts whose Wiktionary definition names one of them
   ("Zigarette" ^Tabak, ^Droge: *Papier mit Tabak|produkt*) is not of the other: it reads no topic that lists
   several kinds of the other concept (Drogenabhängigkeit: Cannabis, Kokain, Heroin ^Droge), no broader term of
   it by its front ("Sucht|mittel"), no thing of it on the way from a verb ("qualmen" → "eine Zigarette rauchen")
   or a definition ("Kippe": … *Zigarette*). A smoker gets the empty answer (founding interest, NAKOS), not
   Narcotics Anonymous.
2. A synonym whose definition names the synonym the word's own definition names says nothing more
   ("Glimmstängel": *Zigarette*; Sargnagel: … *Zigarette*, and its *Tod* is not the cigarette's).
3. A verb's infinitive written as a noun in a definition names an act: its own definition is what the act is done
   to ("ritzen": … durch *Aufkratzen* der Arme verletzen; Aufkratzen: … die *Haut* verletzen is no skin disease).
4. A compound that is itself a word of one of the topics its front's compounds name ("Hör|verlust" of Ertaubte)
   reads that topic first, and the other topics of the front join it (CI, Hörgeschädigte).

Topics as the demo offices have them (the common list with its search words where it matters). Each test of
the new behaviour fails on the code before the branch; the others guard what must stay.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topic(d, "Drogenabhängigkeit", "Drogen, Sucht, Cannabis, Kokain, Heroin", area="addiction")
    make_topic(d, "Sucht", "Abhängigkeit, Suchtkranke", area="addiction")
    make_topic(d, "Ertaubte", "taub, Hörverlust, Gehörlosigkeit", area="disability")
    make_topic(d, "Hörgeschädigte", "schwerhörig, Hörgerät", area="disability")
    make_topic(d, "Cochlea-Implantat (CI)", "CI, Hörgerät, Schwerhörigkeit", area="disability")
    make_topic(d, "Hauterkrankungen", "Haut, Neurodermitis, Schuppenflechte", area="chronic_illness")
    make_topics(d, [("Trauer", "social"), ("Borderline", "mental_health")])
    make_group(d, "SHG Drogenabhängigkeit Innenstadt", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Angehörige: Sucht Hörde", ["Sucht"], topic_area="addiction")
    make_group(d, "Treffpunkt Ertaubte Eving", ["Ertaubte"], topic_area="disability")
    make_group(d, "Selbsthilfegruppe Hörgeschädigte Mengede", ["Hörgeschädigte"], topic_area="disability")
    make_group(d, "Treffpunkt Cochlea-Implantat (CI) Hombruch", ["Cochlea-Implantat (CI)"], topic_area="disability")
    make_group(d, "Treffpunkt Hauterkrankungen Hombruch", ["Hauterkrankungen"], topic_area="chronic_illness")
    make_group(d, "SHG Trauer Hombruch", ["Trauer"], topic_area="social")
    make_group(d, "Treffpunkt Borderline Eving", ["Borderline"], topic_area="mental_health")
    return world


@pytest.mark.parametrize("word", ["Zigarette", "Kippe", "Glimmstängel", "Fluppe", "qualmen"])
def test_a_smoker_is_shown_no_drug_or_grief_group(office, word):  # type: ignore[no-untyped-def]
    # Before: the drug group through Zigarette ^Droge (and "Glimmstängel", once that was gone, the grief group
    # through Sargnagel's *Tod*).
    assert names(office, word) == []


@pytest.mark.parametrize("word", ["Crystal", "Meth", "LSD", "Haschisch", "Marihuana", "Heroin", "kiffen"])
def test_the_drugs_still_find_the_drug_group(office, word):  # type: ignore[no-untyped-def]
    assert names(office, word)[:1] == ["SHG Drogenabhängigkeit Innenstadt"]


def test_hearing_loss_finds_the_deafened_first_and_the_other_hearing_groups(office):  # type: ignore[no-untyped-def]
    # Before: the deafened group alone (its topic lists "Hörverlust").
    for word in ("Hörverlust", "Hoerverlust"):
        found = names(office, word)
        assert found[:1] == ["Treffpunkt Ertaubte Eving"]
        assert set(found[1:]) == {
            "Selbsthilfegruppe Hörgeschädigte Mengede",
            "Treffpunkt Cochlea-Implantat (CI) Hombruch",
        }


def test_hard_of_hearing_is_unchanged(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "schwerhörig")) == {
        "Selbsthilfegruppe Hörgeschädigte Mengede",
        "Treffpunkt Cochlea-Implantat (CI) Hombruch",
    }


def test_cutting_oneself_is_no_skin_disease(office):  # type: ignore[no-untyped-def]
    # Before: "ritzen" listed the skin group (Aufkratzen: … *Haut*).
    assert "Treffpunkt Hauterkrankungen Hombruch" not in names(office, "ritzen")
    # No resource ties self-harm to the Borderline topic: the empty answer, as before.
    assert names(office, "Tochter ritzt sich") == []


@pytest.mark.parametrize("word", ["Neurodermitis", "Juckreiz", "Haut"])
def test_the_skin_words_still_find_the_skin_group(office, word):  # type: ignore[no-untyped-def]
    assert names(office, word)[:1] == ["Treffpunkt Hauterkrankungen Hombruch"]


@pytest.mark.parametrize("word", ["Trauer", "Beerdigung"])
def test_grief_words_still_find_the_grief_group(office, word):  # type: ignore[no-untyped-def]
    assert names(office, word)[:1] == ["SHG Trauer Hombruch"]
