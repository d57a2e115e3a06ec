"""Fourth held-out set for ``bench/search_quality.py --set held-out-4`` (issue #14).

Written and judged on 3 December 2026 over the same directory as ``search_quality_data.py``, by reading
the directory's groups (names, topics, audiences, descriptions) only, WITHOUT running any of these queries
through the search before the set was committed, and NEVER used to tune it: it is the estimate of how the
search does on queries nobody has seen. Do not change the search to make one of these pass; add a like
case to the main set instead. None of the queries (nor a trivial variant) is in the main set or the
held-out sets 1 to 3.

What a citizen types into the Wegweiser, roughly in the share of the offices' inquiries (mental health
first, then chronic illness, addiction and social topics, a little disability): one word, a topic as it is
called or its everyday or medical name ("bipolar", "Psoriasis", "Burnout"), compounds people form
themselves ("Computerspielsucht", "Kehlkopfkrebs"), derived forms ("vereinsamt", "lesbisch"), typos
(among them those of the offices' own topic list: "Esstörung", "Prostatatakrebs"), spellings without
umlauts, abbreviations ("AD(H)S", "LRS", "SHG Parkinson"), colloquial words ("depri", "Chemo",
"Sternenkind"), phrases, life situations ("Frau hat Krebs", "Vater im Pflegeheim", "ich trinke zu
viel"), questions, and a few concerns no group of this directory answers.

Judged as a social worker at the office would, following the earlier sets' conventions: a group is
relevant when it has one of the topics given (and, with ``relatives``, is open to relatives: audience
relatives, parents or both). A relative's illness or addiction asks for the groups open to relatives; a
loss names grief, whoever was lost and however. Judgements that needed a choice: "Burnout" → the
depression groups (the directory has no burnout group; an office would refer there); "ME/CFS" → the Long
Covid group (fatigue after an infection, the nearest group); "Hörverlust" → the hard-of-hearing and CI
groups, not the deaf signers' group; "Verlustangst" → only the group about it (as "Angststörung" leaves it
out); "Computerspielsucht" → the open addiction group that names media addiction, not the gamblers';
"Sohn hat ADHS" → nothing (the only ADHD group is for adults with ADHD themselves, not for parents).
"""

from __future__ import annotations

from search_quality_data import ADDICTION, ALCOHOL, ANXIETY, CANCER, DEMENTIA, EATING, HEARING, IBD, SEEING, TRAUMA

DIVORCE = {"Trennung", "Väter nach Trennung"}
GAMBLING = {"Glücksspiel", "Spielsucht"}
ABUSE_ALL = {"Missbrauch, sexueller", "Gewalt/Missbrauch, Opfer", "Narzissmus, Partnerschaft"}
GAY = {"Schwule", "Lesben", "Homosexualität"}

HELD_OUT_4: list[tuple[str, str, set[str], str]] = [
    # one word: a topic as it is called, or its everyday or medical name
    ("word", "bipolar", {"Bipolare Störung"}, ""),
    ("word", "Psoriasis", {"Hauterkrankungen"}, ""),
    ("word", "Blasenkrebs", {"Blasenkrebs"}, ""),
    ("word", "Morbus Bechterew", {"Morbus Bechterew"}, ""),
    ("word", "Colitis ulcerosa", IBD, ""),
    ("word", "Myelom", {"Multiples Myelom", "Plasmozytom"}, ""),
    ("word", "Alkoholabhängigkeit", ALCOHOL, ""),
    ("word", "Medikamente", {"Medikamentenabhängigkeit"}, ""),
    ("word", "Aneurysma", {"Hirn-Aneurysma"}, ""),
    ("word", "Makuladegeneration", SEEING, ""),
    ("word", "Burnout", {"Depression"}, ""),
    ("word", "Verlustangst", {"Verlustängste"}, ""),
    ("word", "Arthrose", {"Rheuma"}, ""),
    ("word", "Down-Syndrom", {"Behinderung"}, ""),
    ("word", "Hypochondrie", {"Angsterkrankungen"}, ""),
    # compounds people form themselves
    ("compound", "Kehlkopfkrebs", {"Kehlkopfoperierte"}, ""),
    ("compound", "Computerspielsucht", {"Sucht"}, ""),
    ("compound", "Raucherentwöhnung", {"Nichtraucher"}, ""),
    ("compound", "Co-Abhängigkeit", ADDICTION, "relatives"),
    ("compound", "Sozialphobie", {"Soziale Phobie", "Angsterkrankungen"}, ""),
    ("compound", "Zwangshandlungen", {"Zwangsstörungen"}, ""),
    ("compound", "Magenverkleinerung", {"Adipositas"}, ""),
    ("compound", "Pflegekind", {"Pflegeeltern"}, ""),
    ("compound", "Umgangsrecht", DIVORCE, ""),
    ("compound", "Krampfanfälle", {"Epilepsie"}, ""),
    # inflected and derived forms
    ("derived", "Hinterbliebene", {"Trauer"}, ""),
    ("derived", "lesbisch", {"Lesben"}, ""),
    ("derived", "übergewichtig", {"Übergewicht", "Adipositas"}, ""),
    ("derived", "missbraucht", ABUSE_ALL, ""),
    ("derived", "vereinsamt", {"Einsamkeit"}, ""),
    # typos (the first two as the offices' own topic list has them)
    ("typo", "Esstörung", EATING, ""),
    ("typo", "Prostatatakrebs", {"Prostatakrebs"}, ""),
    ("typo", "Skizophrenie", {"Psychose"}, ""),
    ("typo", "Hashimodo", {"Hashimoto-Thyreoiditis"}, ""),
    ("typo", "Asberger", {"Asperger Syndrom, Frauen", "Autismus"}, ""),
    ("typo", "Leukemie", {"Leukämie"}, ""),
    ("typo", "Angstörung", ANXIETY - {"Verlustängste"}, ""),
    ("typo", "Morbus Chron", {"Morbus Crohn"}, ""),
    # spellings without umlauts
    ("umlaut", "Eltern suechtiger Kinder", ADDICTION, "relatives"),
    ("umlaut", "Essanfaelle", EATING, ""),
    ("umlaut", "Aeltere Menschen", {"Senior*innen"}, ""),
    ("umlaut", "Hoerverlust", HEARING - {"Gehörlosigkeit"}, ""),
    ("umlaut", "Fluechtlinge", {"Geflüchtete"}, ""),
    ("umlaut", "Schilddruesenueberfunktion", {"Morbus Basedow"}, ""),
    # abbreviations
    ("abbreviation", "AD(H)S", {"ADHS, Erwachsene"}, ""),
    ("abbreviation", "LRS", {"Legasthenie"}, ""),
    ("abbreviation", "SHG Parkinson", {"Parkinson"}, ""),
    ("abbreviation", "ME/CFS", {"Covid, Long Covid"}, ""),
    ("abbreviation", "PTSD", TRAUMA, ""),
    # colloquial words and synonyms
    ("colloquial", "Blutkrebs", {"Leukämie", "Multiples Myelom", "Plasmozytom"}, ""),
    ("colloquial", "Chemo", CANCER, ""),
    ("colloquial", "Platzangst", {"Angsterkrankungen", "Panikattacken"}, ""),
    ("colloquial", "Sternenkind", {"Trauer"}, ""),
    ("colloquial", "Rentner", {"Senior*innen"}, ""),
    ("colloquial", "Ohrensausen", {"Tinnitus"}, ""),
    ("colloquial", "taub", HEARING, ""),
    ("colloquial", "depri", {"Depression"}, ""),
    ("colloquial", "Vermüllung", {"Messies"}, ""),
    ("colloquial", "Coming-out", GAY, ""),
    # multi-word phrases
    ("words", "trocken bleiben", ALCOHOL, ""),
    ("words", "Crystal Meth", {"Drogenabhängigkeit"}, ""),
    ("words", "Einsamkeit im Alter", {"Einsamkeit", "Senior*innen"}, ""),
    ("words", "emotional instabil", {"Borderline"}, ""),
    ("words", "Gewalt in der Ehe", {"Gewalt/Missbrauch, Opfer"}, ""),
    ("words", "Angehörige von Depressiven", {"Psychische Erkrankungen", "Depression"}, "relatives"),
    ("words", "Demenz Anfangsstadium", DEMENTIA, ""),
    # life situations, as people put them
    ("situation", "Frau hat Krebs", CANCER, "relatives"),
    ("situation", "Mann hat Parkinson", {"Parkinson"}, "relatives"),
    ("situation", "alkoholkranker Ehemann", ALCOHOL, "relatives"),
    ("situation", "Mann verspielt unser Geld", GAMBLING, "relatives"),
    ("situation", "Bruder hat sich umgebracht", {"Trauer"}, ""),
    ("situation", "Vater im Pflegeheim", {"Pflegende Angehörige"}, ""),
    ("situation", "Freundin hat Bulimie", EATING, "relatives"),
    ("situation", "ich trinke zu viel", ALCOHOL, ""),
    ("situation", "Kind hat Diabetes", {"Diabetes"}, "relatives"),
    ("situation", "Kind mit Herzfehler", {"Herzerkrankte, Kinder"}, "relatives"),
    ("situation", "narzisstische Mutter", {"Narzisstenkinder, Erwachsene"}, ""),
    # questions
    ("question", "gibt es eine Gruppe für Stomaträger", {"Stoma", "Künstlicher Blasen-/Darmausgang"}, ""),
    ("question", "wo gibt es Hilfe bei Depressionen", {"Depression"}, ""),
    ("question", "welche Gruppe hilft nach einer Trennung", DIVORCE, ""),
    # nothing in this directory answers these
    ("none", "Tourette", set(), ""),
    ("none", "Lipödem", set(), ""),
    ("none", "Transidentität", set(), ""),
    ("none", "Schlafapnoe", set(), ""),
    ("none", "Sohn hat ADHS", set(), ""),
]
