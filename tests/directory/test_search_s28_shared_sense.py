"""A synonym's definitions are read in the sense it shares with the word (issue #14, seen on the demo after s28).

The demo's Dortmund has no smoking group. There "Zigaretten" listed a grief group: OpenThesaurus gives Zigarette
the synonym Sargnagel, and the search read Sargnagel's first definition it keeps, which is the figurative one
(what is *verantwortlich* for a *Tod* or *Unglück*) → Tod → Trauer. Sargnagel's own sense "Zigarette" names the
word: that is the sense the two share, and it says nothing more. A synonym whose definitions do not name the word
is read by its first sense as before ("Totgeburt" ~ Fehlgeburt: … *Verlust* der Leibesfrucht → the grief groups).

The cigarette test fails on the code before (it listed "Leben ohne Dich"); the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _shared_sense
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Trauer", "social"), ("Verwaiste Eltern", "social")])
    make_group(d, "Leben ohne Dich", ["Trauer"], description="Für Trauernde nach dem Tod eines Menschen.")
    make_group(d, "Sternenkinder Dortmund", ["Verwaiste Eltern"], description="Eltern, deren Kind gestorben ist.")
    return world


def test_the_sense_that_names_the_word() -> None:
    senses = (("Tod", "Unglück"), ("Zigarette",))
    assert _shared_sense(senses, {"zigarett"}) == ()  # the shared sense, less the word itself
    assert _shared_sense(senses, {"sarg"}) == ("Tod", "Unglück")  # no sense names it: the first
    assert _shared_sense((("Droge", "MDMA", "Tablette"),), {"mdma"}) == ("Droge", "Tablette")


def test_a_cigarette_is_no_bereavement(office) -> None:  # type: ignore[no-untyped-def]
    assert "Leben ohne Dich" not in names(office, "Zigaretten")
    assert names(office, "Zigaretten") == []  # the office has no group about smoking


def test_a_synonym_that_does_not_name_the_word_is_read_as_before(office) -> None:  # type: ignore[no-untyped-def]
    assert "Leben ohne Dich" in names(office, "Totgeburt")  # ~ Fehlgeburt: Verlust der Leibesfrucht → Trauer
