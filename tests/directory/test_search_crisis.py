"""A query that speaks of suicide shows the TelefonSeelsorge above its results (issue #14, "When nothing is found").

The Wegweiser showed the crisis line only when nothing was found. On the demo "lebensmüde" and "Selbstmord" found
a grief group, and the person who typed them saw no crisis help at all. The search reads the query as it reads any
(the word, its OpenThesaurus synonyms, a compound's parts) and names the TelefonSeelsorge above the groups. A query
about anything else shows it only when nothing is found, as before.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _suicide_phrases_read, speaks_of_suicide
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic

CRISIS = "In einer akuten Krise hilft die TelefonSeelsorge"


@pytest.mark.parametrize(
    "q", ["Suizid", "Selbstmord", "Freitod", "lebensmüde", "suizidal", "Suizidgedanken", "Selbstmord Angehöriger"]
)
def test_queries_that_speak_of_suicide(q: str) -> None:
    assert speaks_of_suicide(q)


@pytest.mark.parametrize(
    "q",
    [
        "ich will nicht mehr leben",
        "Ich möchte einfach nur sterben",
        "ich will mich umbringen",
        "mir das Leben nehmen",
        "alles hat keinen Sinn mehr",
        "mein Mann trinkt und will nicht mehr leben",
        "Bruder hat sich umgebracht",
        "Sohn hat sich das Leben genommen",
        "Angst, dass meine Tochter sich etwas antut",
        "meinem Leben ein Ende setzen",
        "I want to die",
        "ich will nicht mehr",
        "Ich kann nicht mehr!",
        "ich halte das alles nicht mehr aus",
        "mein Vater will nicht mehr",
    ],
)
def test_phrases_of_a_crisis(q: str) -> None:
    """Phrases (s29-crisis): "ich will nicht mehr leben" read as its words found groups with "Leben" in their names
    and showed no crisis line; "sich" stands for any reflexive pronoun. A sentence that ends in "will nicht mehr" or
    "kann nicht mehr" showed none on the demo (s33); one that goes on says what the person wants to stop."""
    assert speaks_of_suicide(q)


@pytest.mark.parametrize(
    "q",
    [
        "Trauer",
        "Tod",
        "Depression",
        "Diabetes",
        "Mord",
        "Angehörige",
        "Leben",
        "",
        "Sterben und Tod",
        "Angst vor dem Sterben",
        "Leben mit Diabetes",
        "nicht mehr trinken",
        "Sterbebegleitung",
        "Bruder gestorben",
        "Umgang mit mir selbst",
        "ich will nicht mehr trinken",
        "Mutter kann nicht mehr laufen",
        "kann nicht mehr schlafen",
    ],
)
def test_queries_that_do_not(q: str) -> None:
    assert not speaks_of_suicide(q)


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    make_topic(world.dortmund, "Suizid")
    make_group(world.dortmund, "AGUS – Angehörige um Suizid", ["Suizid"], description="Für Hinterbliebene.")
    make_topic(world.dortmund, "Diabetes", area="chronic_illness")
    make_group(world.dortmund, "Diabetes-Treff", ["Diabetes"], topic_area="chronic_illness", description="Austausch.")
    return world


@pytest.mark.parametrize("path", ["/dortmund/gruppen", "/dortmund/gruppen/einbetten"])
def test_crisis_line_above_the_results(client, office, path: str) -> None:  # type: ignore[no-untyped-def]
    page = client.get(path, query_string={"q": "lebensmüde"}).get_data(as_text=True)
    assert "AGUS – Angehörige um Suizid" in page
    assert page.count(CRISIS) == 1
    assert page.index(CRISIS) < page.index("AGUS – Angehörige um Suizid")


def test_a_phrase_is_read_as_suizid_with_the_line_above(client, office) -> None:  # type: ignore[no-untyped-def]
    """ "ich will nicht mehr leben" found the groups with "Leben" in their names by its words and showed no crisis
    line; the phrase is read as "Suizid" now (``SUICIDE_PHRASES``)."""
    make_group(office.dortmund, "Gut leben mit Diabetes", ["Diabetes"], topic_area="chronic_illness")
    page = client.get("/dortmund/gruppen", query_string={"q": "ich will nicht mehr leben"}).get_data(as_text=True)
    assert "Gut leben mit Diabetes" not in page
    assert "AGUS – Angehörige um Suizid" in page
    assert page.count(CRISIS) == 1
    assert page.index(CRISIS) < page.index("AGUS – Angehörige um Suizid")


@pytest.mark.parametrize(
    "q", ["Bruder hat sich umgebracht", "Sohn hat sich das Leben genommen", "ich will mich umbringen"]
)
def test_the_search_reads_the_act_as_suizid(office, q: str) -> None:  # type: ignore[no-untyped-def]
    make_group(office.dortmund, "Gut leben mit Diabetes", ["Diabetes"], topic_area="chronic_illness")
    assert names(office, q) == ["AGUS – Angehörige um Suizid"]


def test_a_death_by_suicide_finds_the_grief_groups_where_the_office_has_no_other(world) -> None:  # type: ignore[no-untyped-def]
    """The demo's Dortmund has no group for the bereaved after suicide: "Sohn hat sich das Leben genommen" read as
    "Sohn Suizid" found nothing, where "Sohn gestorben" finds the grief group. Someone died: the grief groups answer
    after the word itself; the wish to die does not read them."""
    make_topic(world.dortmund, "Trauer", area="social")
    make_group(world.dortmund, "Trauercafé", ["Trauer"], topic_area="social", description="Wir sind da.")
    assert names(world, "Sohn hat sich das Leben genommen") == ["Trauercafé"]
    assert names(world, "Bruder hat sich umgebracht") == ["Trauercafé"]
    assert names(world, "ich will mich umbringen") == []


def test_a_crisis_phrase_without_an_act_keeps_its_words(office) -> None:  # type: ignore[no-untyped-def]
    """ "keinen Sinn mehr" shows the line, but the search does not read it as suicide."""
    assert speaks_of_suicide("alles hat keinen Sinn mehr")
    assert _suicide_phrases_read("alles hat keinen Sinn mehr") == ("alles hat keinen Sinn mehr", False)
    assert _suicide_phrases_read("mir einfach das Leben nehmen") == ("Suizid", False)
    assert _suicide_phrases_read("Vater hat sich umgebracht, Hilfe") == (
        "vater hat Suizid hilfe",
        True,
    )  # the search reads lower-case words anyway


@pytest.mark.parametrize("path", ["/dortmund/gruppen", "/dortmund/gruppen/einbetten"])
def test_nothing_found_for_a_crisis_puts_it_first(client, office, path: str) -> None:  # type: ignore[no-untyped-def]
    """The line stood at the end of the nothing-found box, below the founding list and the office's hours: a person
    who typed "alles hat keinen Sinn mehr" read three other ways on before it."""
    page = client.get(path, query_string={"q": "alles hat keinen Sinn mehr"}).get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in page
    assert page.count(CRISIS) == 1
    assert page.index(CRISIS) < page.index("Keine passende Gruppe gefunden")


def test_no_crisis_line_with_other_results(client, office) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/dortmund/gruppen", query_string={"q": "Diabetes"}).get_data(as_text=True)
    assert "Diabetes-Treff" in page
    assert CRISIS not in page


def test_nothing_found_still_shows_it_once(client, office) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/dortmund/gruppen", query_string={"q": "Mukoviszidose"}).get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in page
    assert page.count(CRISIS) == 1


def test_regional_finder_too(client, office) -> None:  # type: ignore[no-untyped-def]
    from tests.directory.test_finder import _opt_in

    _opt_in(office.dortmund)
    found = client.get("/verband/paritaet-nrw/gruppen", query_string={"q": "Selbstmord"}).get_data(as_text=True)
    assert "AGUS – Angehörige um Suizid" in found
    assert found.count(CRISIS) == 1
    assert found.index(CRISIS) < found.index("AGUS – Angehörige um Suizid")
    other = client.get("/verband/paritaet-nrw/gruppen", query_string={"q": "Diabetes"}).get_data(as_text=True)
    assert "Diabetes-Treff" in other and CRISIS not in other
    none = client.get("/verband/paritaet-nrw/gruppen", query_string={"q": "Mukoviszidose"}).get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in none and none.count(CRISIS) == 1
    phrase = {"q": "alles hat keinen Sinn mehr"}
    crisis = client.get("/verband/paritaet-nrw/gruppen", query_string=phrase).get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in crisis and crisis.count(CRISIS) == 1
    assert crisis.index(CRISIS) < crisis.index("Keine passende Gruppe gefunden")


@pytest.mark.parametrize("path", ["/dortmund/gruppen", "/dortmund/gruppen/einbetten"])
def test_the_founding_button_names_a_topic_not_a_sentence(client, office, path: str) -> None:  # type: ignore[no-untyped-def]
    """The founding list's button quoted any query as the group's topic: "Ich würde bei einer Gruppe zu „alles hat
    keinen Sinn mehr“ mitmachen". A query of up to three words is still named; a sentence is not, and a query that
    speaks of suicide is not carried into the founding list's topic either."""
    word = client.get(path, query_string={"q": "Mukoviszidose"}).get_data(as_text=True)
    assert "Ich würde bei einer Gruppe zu „Mukoviszidose“ mitmachen" in word
    assert "mitmachen?thema=Mukoviszidose" in word
    crisis = client.get(path, query_string={"q": "alles hat keinen Sinn mehr"}).get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in crisis
    assert "bei einer Gruppe zu „" not in crisis and "thema=" not in crisis
    assert "Ich würde bei einer neuen Gruppe mitmachen" in crisis
    sentence = "wir suchen Austausch mit anderen Pflegeeltern von Kindern mit Mukoviszidose"
    long = client.get(path, query_string={"q": sentence}).get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in long
    assert "bei einer Gruppe zu „" not in long and "Ich würde bei einer neuen Gruppe mitmachen" in long
    assert "mitmachen?thema=wir+suchen" in long  # the form starts from what was typed
