"""s33-compounds (issue #14): a three-letter front is a verb's stem only as typed. ``language.split_compound`` lets a
first part of three letters stand where it is a common verb's stem ("Hör|sturz", "Ess|störung", "Seh|behinderung":
hören, essen, sehen). It also let one stand that was left when a linking element was cut off the front as typed:
"Magen|verkleinerung" became "mag|verkleinerung" (the front "magen" less "-en", and "mag"+"en" is common because
"Magen" is), "Eisen|draht" "eis|draht", "Bären|tatze" "bär|tatze". A verb's stem joins its head without a linking
element, so a three-letter front is no verb's stem where that "verb" is the front as typed ("magen" = "mag" + "en").
A linking s still follows one ("Orts|teil"), and a stem before a linking e stays ("Bade|anzug").

The first test fails on the code before the branch; the other guards what stays. The search keys of the parts are
the same either way (Snowball stems "Magen" to "mag" too), so no search result moved.
"""

from __future__ import annotations

from saas.directory import language


def test_a_front_of_three_letters_is_a_verb_s_stem_only_as_typed() -> None:
    # Before: ("mag", "verkleinerung"), ("mag", "krebs"), ("eis", "draht").
    assert language.split_compound("Magenverkleinerung") == ("magen", "verkleinerung")
    assert language.split_compound("Magenkrebs") == ("magen", "krebs")
    assert language.split_compound("Eisendraht") == ("eisen", "draht")


def test_a_verb_s_stem_as_typed_stays_a_front() -> None:
    assert language.split_compound("Hörsturz") == ("hör", "sturz")
    assert language.split_compound("Essstörung") == ("ess", "störung")
    assert language.split_compound("Sehbehinderung") == ("seh", "behinderung")
    assert language.split_compound("Ortsteil") == ("ort", "teil")
