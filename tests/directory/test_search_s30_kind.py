"""Quality cases of s30-kind (issue #14): compounds whose head is a broad word (Sucht) and whose modifier says which
kind. On topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the
resources alone:

- "Sammelsucht": "Sammel" is the stem of sammeln (a verb of -eln), a word of Messies in the common list: the
  Messie group answers, though the list files Messies under no kind of Sucht;
- "Tablettensucht": the parts match one group filed under Medikamentenabhängigkeit, the kind "Tabletten" names;
  the topic's other groups (a Kreuzbund group also filed under Alkoholabhängigkeit) answer too;
- "Suchtdruck": the front Sucht stands for the compound and is the addiction area's word, so it reads as "Sucht"
  typed does: every group of the area, the smoking group too.

Measured and not merged: a front of three parts read whole, and a front that names no topic read by what the
thesaurus makes it a kind of ("Schlaf|mittel" ^Medikament → Medikamentenabhängigkeit): it also read "Nikotin|sucht"
as drug addiction (Nikotin ^Droge) and left one more answerable query of held-out-9 without an answer.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _verb_front_topics, _verb_of_stem
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Sucht", "addiction"),
            ("Medikamentenabhängigkeit", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Nichtraucher", "addiction"),
            ("Messies", "mental_health"),
        ],
    )
    make_group(d, "Suchtselbsthilfe", ["Sucht"], topic_area="addiction", description="Offen für alle Süchte.")
    make_group(
        d,
        "Gesprächskreis Tablettenabhängigkeit",
        ["Medikamentenabhängigkeit"],
        topic_area="addiction",
        description="Wer von Tabletten nicht loskommt, ist hier richtig. Sucht hat viele Gesichter.",
    )
    make_group(
        d,
        "Kreuzbund Gruppe",
        ["Alkoholabhängigkeit", "Medikamentenabhängigkeit"],
        topic_area="addiction",
        description="Für Menschen mit Alkohol- oder Medikamentenproblemen.",
    )
    make_group(d, "Rauchfrei werden", ["Nichtraucher"], topic_area="addiction", description="Gemeinsam aufhören.")
    make_group(d, "Messie-Selbsthilfe", ["Messies"], topic_area="mental_health", description="Wenn es zu viel wird.")
    return world


# --- the readings --------------------------------------------------------------------------------------------------


def test_a_verbs_stem_in_front():
    assert _verb_of_stem("Sammel") == "sammeln"  # a verb of -eln: the stem is the infinitive less "n"
    assert _verb_of_stem("Wett") == "wetten"
    assert _verb_front_topics("sammel") == ("Messies",)
    assert _verb_front_topics("Kauf") == ()  # a noun of its own ("Kauf|sucht" is no verb's compulsion)
    assert _verb_front_topics("Zucker") == ()  # zuckern is a verb, but "Zucker|sucht" is about the noun


# --- the searches --------------------------------------------------------------------------------------------------


def test_a_verbs_stem_in_front_of_sucht_finds_the_verbs_topic(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Sammelsucht") == ["Messie-Selbsthilfe"]


def test_a_compounds_parts_matching_a_group_of_its_kind_find_the_kinds_other_groups(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Tablettensucht")
    assert found[0] == "Gesprächskreis Tablettenabhängigkeit"
    assert "Kreuzbund Gruppe" in found
    assert "Suchtselbsthilfe" not in found


def test_the_areas_word_in_front_reads_the_whole_area(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "Suchtdruck")
    assert "Rauchfrei werden" in found
    assert "Messie-Selbsthilfe" not in found


def test_a_kind_without_a_topic_still_reads_the_head(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Kaufsucht") == ["Suchtselbsthilfe"]  # Kauf is a noun that names no kind of Sucht
