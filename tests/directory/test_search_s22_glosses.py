"""Quality cases of s22-glosses (issue #14): one-word queries that found nothing although the German resources
lead from the word to a topic of the common list, one step further than the definitions were read before. On
topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the
resources alone:

- a word of one OpenThesaurus sense reads its synonyms' definitions, their first sense ("Totgeburt" ~
  Fehlgeburt: … *Verlust* → Trauer; "MDMA" ~ Ecstasy: *Droge*), but not by a noun the thesaurus offered the
  word already ("Lebensende" ~ Exitus: *Tod*, itself a synonym of Lebensende, lists nothing as before);
- a compound Wiktionary does not define reads its head's genus, where the head is no everyday word
  ("Rektum|karzinom": a Karzinom is a *Krebserkrankung*);
- the glosses keep four nouns per sense, and a learned plural the thesaurus lacks reads its singular's
  synonyms ("Neuroleptika" → Neuroleptikum ~ Antipsychotikum: … Medikament gegen *Psychosen*);
- a noun only Wiktionary explains reads the other nouns of its first sense, unless its genus names an act
  ("Opioide" → Morphin: … *Schmerzmittel*; "Stalking" → Psychoterror: *Ausüben* von Gewalt lists nothing).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _head_definition_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Trauer", "social"),
            ("Drogenabhängigkeit", "addiction"),
            ("Medikamentenabhängigkeit", "addiction"),
            ("Glücksspiel", "addiction"),
            ("Krebs", "chronic_illness"),
            ("Psychose", "mental_health"),
            ("Gewalt/Missbrauch, Opfer", "social"),
        ],
    )
    make_group(d, "Trauercafé", ["Trauer"])
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Tablettenfrei leben", ["Medikamentenabhängigkeit"], topic_area="addiction")
    make_group(d, "Zocken ade", ["Glücksspiel"], topic_area="addiction")
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health")
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"])
    return world


# --- a synonym's definition ---------------------------------------------------------------------------------


def test_a_word_reads_its_synonyms_definition(office):  # type: ignore[no-untyped-def]
    assert names(office, "Totgeburt") == ["Trauercafé"]


def test_a_synonyms_genus_names_the_topic(office):  # type: ignore[no-untyped-def]
    assert names(office, "MDMA")[:1] == ["Narcotics Anonymous"]


def test_a_colloquial_word_reads_its_synonyms_definition(office):  # type: ignore[no-untyped-def]
    assert names(office, "Spielothek") == ["Zocken ade"]


def test_a_synonyms_definition_does_not_revive_a_synonym_the_thesaurus_offered(office):  # type: ignore[no-untyped-def]
    assert names(office, "Lebensende") == []


# --- a compound's head's genus ------------------------------------------------------------------------------


def test_a_compound_without_a_definition_reads_its_heads_genus(office):  # type: ignore[no-untyped-def]
    assert "Frauenselbsthilfe Krebs" in names(office, "Rektumkarzinom")


def test_an_everyday_head_is_not_read_by_its_definition():  # type: ignore[no-untyped-def]
    assert _head_definition_readings("Umgangsrecht") == ()


# --- four nouns per sense, a learned plural's synonyms ----------------------------------------------------------


def test_the_glosses_keep_a_fourth_noun():  # type: ignore[no-untyped-def]
    assert "Psychosen" in language.glosses("Antipsychotikum")[0]


def test_a_learned_plural_has_its_singular():  # type: ignore[no-untyped-def]
    assert language.learned_singular("Neuroleptika") == "neuroleptikum"
    assert language.learned_singular("Depression") is None


def test_a_learned_plural_reads_its_singulars_synonyms(office):  # type: ignore[no-untyped-def]
    assert names(office, "Neuroleptika") == ["Psychose-Seminar"]


# --- the first sense of a noun only Wiktionary explains --------------------------------------------------------


def test_an_explained_nouns_other_nouns_name_the_topic(office):  # type: ignore[no-untyped-def]
    # First the medication group its Schmerzmittel names; since s28-medicines the drug group after it: Morphin
    # is a Betäubungsmittel, a synonym of Droge (test_search_s28_medicines.py).
    assert names(office, "Opioide") == ["Tablettenfrei leben", "Narcotics Anonymous"]


def test_an_act_is_not_read_by_what_it_is_done_with(office):  # type: ignore[no-untyped-def]
    assert names(office, "Stalking") == []
