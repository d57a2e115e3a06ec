"""s34-fronts (issue #14): a compound of a general head is about what the list's compounds of its front are about.

The common topic list joins some heads to several fronts in the compounds of several topics ("Ess|störung",
"Zwangs|störung", "Persönlichkeits|störung"; "Hör|verlust", "Seh|verlust"): such a head says what kind of trouble,
the front what it is about. A compound of such a head, or of a word of the same meaning by OpenThesaurus
("Schädigung" ~ Verlust, "Behinderung" and "Störung" ~ Beeinträchtigung), whose front names no topic itself, reads
the topics that list a compound of the same front: "Hör|störung" and "Hör|verlust" are about what "Hör|gerät"
(Cochlea-Implantat) and "Hör|geschädigte" are about. Not a sibling compound whose head is a topic's own name
("Blut|krebs" is a kind of Krebs: "Blut|verlust" is no leukaemia). On topics named as in the common list WITHOUT
the office's synonyms.

Each test fails on the code before the branch.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Hörgeschädigte", "disability"),
            ("Cochlea-Implantat (CI)", "disability"),
            ("Morbus Menière", "chronic_illness"),
            ("Leukämie", "chronic_illness"),
        ],
    )
    make_group(d, "Schwerhörigen-Treff", ["Hörgeschädigte"], topic_area="disability")
    make_group(d, "CI-Träger Gesprächskreis", ["Cochlea-Implantat (CI)"], topic_area="disability")
    make_group(
        d,
        "Morbus Menière Treff",
        ["Morbus Menière"],
        topic_area="chronic_illness",
        description="Schwindel, Hörverlust, Tinnitus.",
    )
    make_group(d, "Leukämie-Gesprächskreis", ["Leukämie"], topic_area="chronic_illness")
    return world


@pytest.mark.parametrize("word", ["Hörverlust", "Hoerverlust", "Hoerstoerung", "Hörschädigung"])
def test_a_general_head_behind_the_front_hoer_finds_the_hearing_groups(office, word):  # type: ignore[no-untyped-def]
    # Before: the Menière group by its description's "Hörverlust", or the hard-of-hearing group alone.
    assert set(names(office, word)[:2]) == {"Schwerhörigen-Treff", "CI-Träger Gesprächskreis"}
