"""s32-precision2 (issue #14), two rules.

(1) A word the thesaurus ties to a topic's word only in another sense is read by no definition but its own.

s32-precision left out a synonym the thesaurus gives a word only in a sense it does not give that synonym for the
directory's topics ("Mangel" ~ Opfer, "Stamm" ~ Familie, "Verlierer" ~ Opfer, "wasserarm" ~ trocken). Those
synonyms had matched some group in each office, which kept the readings by definitions (the last readings, only
where nothing nearer finds a group) away; without them the definitions answered: "Stamm" listed every cancer group
(Krebs's first sense is the animal, *aus dem Stamm der Gliederfüßer*), "Mangel" the eating-disorder group (Anorexie:
*Mangel an Appetit*), "Verlierer" the gambling groups, "wasserarm" the Messie group (… *Wassermangel* → …). Such a
word has senses apart from the topics'; a topic word's definition that uses it, and the nouns a noun of its
definitions relates to, pick one of them blind. Its own definitions still read it ("Entzug": … *Drogenentzug*).

(2) A synonym as frequent as the words of grammar (Zipf 6 and more) is no reading of a word: "Ausbildung" and
"Entstehung" ~ Werden (the formation of a thing) listed "Rauchfrei werden", whose name has the auxiliary "werden";
before s32-precision, the synonym Bildung had hidden it by the area of the topic it names.

Each search test of the change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Krebs", "chronic_illness"),
            ("Leukämie", "chronic_illness"),
            ("Anorexie", "mental_health"),
            ("Essstörungen", "mental_health"),
            ("Glücksspiel", "addiction"),
            ("Spielsucht", "addiction"),
            ("Messies", "mental_health"),
            ("Drogenabhängigkeit", "addiction"),
            ("Sucht", "addiction"),
            ("Gewalt/Missbrauch, Opfer", "social"),
            ("Nichtraucher", "addiction"),
        ],
    )
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Leukämie und Lymphome", ["Leukämie"], topic_area="chronic_illness")
    make_group(d, "Magersucht und Bulimie", ["Essstörungen", "Anorexie"], topic_area="mental_health")
    make_group(d, "Anonyme Spieler", ["Glücksspiel", "Spielsucht"], topic_area="addiction")
    make_group(d, "Messie-Selbsthilfe", ["Messies"], topic_area="mental_health")
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit", "Sucht"], topic_area="addiction")
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"], topic_area="social")
    make_group(d, "Rauchfrei werden", ["Nichtraucher"], topic_area="addiction")
    return world


def test_a_topic_words_definition_does_not_read_a_word_of_another_sense(office):  # type: ignore[no-untyped-def]
    # Before: "Stamm" → Krebs (the animal's *Stamm der Gliederfüßer*) → the cancer groups.
    assert names(office, "Stamm") == []
    # Before: "Mangel" → Anorexie (*Mangel an Appetit*).
    assert names(office, "Mangel") == []


def test_nor_below_the_everyday_words(office):  # type: ignore[no-untyped-def]
    # Before: "Verlierer" (Zipf 3.98) → Glücksspiel, a game with winners and losers.
    assert names(office, "Verlierer") == []


def test_nor_what_a_noun_of_its_definition_relates_to(office):  # type: ignore[no-untyped-def]
    # Before: "wasserarm" (… Wassermangel) → the Messie group.
    assert names(office, "wasserarm") == []


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "Stamm")
    assert own == [] and regional.get(office.dortmund.id, []) == []


def test_its_own_definition_still_reads_it(office):  # type: ignore[no-untyped-def]
    # "Entzug" ~ Entbehrung is of another sense too; its second sense, *Drogenentzug*, is its own.
    assert "Narcotics Anonymous" in names(office, "Entzug")


def test_a_synonym_as_frequent_as_grammar_is_no_reading(office):  # type: ignore[no-untyped-def]
    # Before: "Ausbildung", "Entstehung" ~ Werden → the name "Rauchfrei werden".
    assert names(office, "Ausbildung") == []
    assert names(office, "Entstehung") == []
    regional, own = regional_and_own(office, "Ausbildung")
    assert own == [] and regional.get(office.dortmund.id, []) == []


def test_the_groups_own_words_still_find_it(office):  # type: ignore[no-untyped-def]
    assert names(office, "Nichtraucher") == ["Rauchfrei werden"]


def test_which_words_have_a_synonym_of_another_sense():  # type: ignore[no-untyped-def]
    from saas.directory.search import _read_synonyms, gloss_alternatives

    assert "Familie" in _read_synonyms("Stamm")[1]
    assert "Opfer" in _read_synonyms("Mangel")[1]
    assert not _read_synonyms("Zucker")[1]
    assert gloss_alternatives("Stamm") == ()
    assert any(a.kind == "gloss_noun" for a in gloss_alternatives("Entzug"))
    assert "Werden" not in _read_synonyms("Ausbildung")[0]
    assert "Entwicklung" in _read_synonyms("Ausbildung")[0]
