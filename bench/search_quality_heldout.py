"""Held-out judged queries for ``bench/search_quality.py --set held-out`` (issue #14, third round).

Written and judged BEFORE the third round's changes to the search, over the same directory as
``search_quality_data.py``, and never used to tune it: the forms the first sets had few of (derived
person nouns in -iker/-ler/-er, participles and verb forms, adjectives, compounds, typos, spellings
without umlauts, abbreviations, colloquial words). Judged like the main set: a group is relevant when it
has one of the topics given.
"""

from __future__ import annotations

from search_quality_data import ALCOHOL, CANCER, DEMENTIA, SEEING

HELD_OUT: list[tuple[str, str, set[str], str]] = [
    # derived person nouns
    ("person", "Rheumatiker", {"Rheuma"}, ""),
    ("person", "Legastheniker", {"Legasthenie"}, ""),
    ("person", "Neurodermitiker", {"Hauterkrankungen"}, ""),
    ("person", "Stotterer", {"Stottern"}, ""),
    ("person", "Spieler", {"Glücksspiel", "Spielsucht"}, ""),
    ("person", "Trinker", ALCOHOL, ""),
    ("person", "Raucher", {"Nichtraucher"}, ""),
    ("person", "Depressive", {"Depression"}, ""),
    ("person", "Krebspatienten", CANCER, ""),
    ("person", "Demenzkranke", DEMENTIA, ""),
    # participles and verb forms
    ("participle", "verwitwet", {"Trauer"}, ""),
    ("participle", "geschieden", {"Trennung", "Väter nach Trennung"}, ""),
    ("participle", "erblindet", SEEING, ""),
    ("participle", "amputiert", {"Amputation"}, ""),
    ("participle", "trauernd", {"Trauer"}, ""),
    ("participle", "stottert", {"Stottern"}, ""),
    # adjectives
    ("adjective", "magersüchtig", {"Anorexie"}, ""),
    ("adjective", "alkoholkrank", ALCOHOL, ""),
    ("adjective", "vergesslich", DEMENTIA, ""),
    ("adjective", "einsam", {"Einsamkeit"}, ""),
    # compounds
    ("compound", "Alkoholprobleme", ALCOHOL, ""),
    ("compound", "Panikstörung", {"Panikattacken", "Angsterkrankungen"}, ""),
    ("compound", "Trauerbegleitung", {"Trauer"}, ""),
    ("compound", "Kaufsucht", {"Sucht"}, ""),
    ("compound", "Tablettensucht", {"Medikamentenabhängigkeit"}, ""),
    ("compound", "Parkinsonpatient", {"Parkinson"}, ""),
    # typos
    ("typo", "Epelepsie", {"Epilepsie"}, ""),
    ("typo", "Tinnitis", {"Tinnitus"}, ""),
    ("typo", "Altzheimer", {"Alzheimer"}, ""),
    ("typo", "Multiple Skerose", {"Multiple Sklerose"}, ""),
    # spellings without umlauts
    ("umlaut", "Schilddruese", {"Hashimoto-Thyreoiditis", "Morbus Basedow"}, ""),
    ("umlaut", "Hoersturz", {"Tinnitus"}, ""),
    ("umlaut", "Muetter", {"Mütter", "Alleinerziehend"}, ""),
    ("umlaut", "spielsuechtig", {"Glücksspiel", "Spielsucht"}, ""),
    # abbreviations
    ("abbreviation", "Post Covid", {"Covid, Long Covid"}, ""),
    # colloquial words
    ("colloquial", "zocken", {"Glücksspiel", "Spielsucht"}, ""),
    ("colloquial", "Cannabis", {"Drogenabhängigkeit"}, ""),
    ("colloquial", "Witwe", {"Trauer"}, ""),
    ("colloquial", "Säufer", ALCOHOL, ""),
    # nothing in this directory answers these
    ("none", "gemobbt", set(), ""),
    ("none", "Asthmatiker", set(), ""),
    ("none", "COPD", set(), ""),
]
