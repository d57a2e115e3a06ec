"""Tenth held-out set for ``bench/search_quality.py --set held-out-10`` (issue #14), on a directory of its own.

Every earlier judged set searches ONE directory (a big city's 114 groups). This one brings a second: the 102
groups of a fictional rural district office, the Selbsthilfe-Kontaktstelle Kreis Lindental (district town
Lindenau; Hohenfeld, Altmühlen, Steinbach, Wiesental, Kirchdorf), with other group names and descriptions and
the same national A–Z topic list (``saas/directory/data/topics_dortmund_2023.csv``). It measures how the
search does on a directory nobody tuned it on, as an office that installs Lotse tomorrow would see it.

Written and judged on 3 December 2026, as a social worker at a contact office would write the directory and
refer callers, WITHOUT reading the search code and WITHOUT running any of these queries through the search
before the set was committed. The main set's directory (``GROUPS`` in ``search_quality_data.py``) was not
read either, so as not to copy it (a grep of the earlier sets for query strings, to count repeats, showed a
handful of its lines after this directory was written). NEVER use this set to tune the search: do not change
the search to make one of these pass; add a like case to the main set, on the main directory, instead.

The directory (``GROUPS_10``): name, topics (1–3 from the national list), audience, description in the
groups' own words. Mental health most (31 groups), then chronic illness (30), social topics (18, grief and
separation among them), addiction (13) and disability (10). Names as groups name themselves ("Lichtblick
Lindenau", "Kerle mit Krise", "Kreuzbund Gruppe Hohenfeld", "Vergissmeinnicht", "Hautnah"); several groups
share a topic (8 depression groups, 7 alcohol groups, 4 grief groups), many topics have one group. Four
topics a rural office has that the national list lacks are in ``EXTRA_TOPIC_AREAS_10``: Suizid (the
survivors' group), Rheuma, Schlaganfall and Lungenerkrankungen (COPD). The two Frauenselbsthilfe nach Krebs
groups carry Brustkrebs and Frauen, not Krebs, so that the topic Krebs names the one cancer group open to
every cancer.

The queries (``HELD_OUT_10``): what citizens type on a phone, in the share issue #14 names: mostly one
everyday word (a condition or life situation as people call it, a symptom, a group's or association's
name: "Kreuzbund", "Al-Anon"), colloquial words ("Zucker", "Gras", "Spielhölle", "Herbstblues"),
compounds people form ("Trauercafé", "Putzzwang", "Zuckerkinder"), derived forms ("traurig", "abstinent",
"rückfällig"), typos ("Deppresion", "Brustkreps", "Reumatismus"), spellings without umlauts or ß
("Trauergespraech", "Angehoerige Gluecksspiel"), abbreviations ("COPD", "SHG Alkohol", "ILCO", "PSA"), two
words (a relative and a concern: "Bruder trinkt", "Tochter hungert"; a concern and a town: "Depression
Hohenfeld"), short life situations ("Papa trinkt jeden Tag", "ich vergesse alles"), and six concerns no
group of this directory answers. Everyday queries earlier sets also asked are allowed here, because this
directory is new (58 of the 183, and one word-order variant, "Mutter psychisch krank"; a trivial variant as
the earlier sets define it counts as a repeat); the rest are new to every judged set.

Judged by topics as in the earlier sets: a group is relevant when it has one of the topics given (and, with
``relatives``, is open to relatives: audience relatives, parents or both; with ``+Topic``, also has that
topic). A specific addiction goes to its own groups, "süchtig" and "rückfällig" to every addiction group; a
loss names grief, whoever was lost; a drug names the illness it treats ("Antidepressiva"); a symptom named
in a group's description goes to that group's topic ("Albträume", "Atemnot", "Zittern", "Lähmung"); a town
named beside a concern is not a topic ("Depression Hohenfeld" → every depression group). Judgements that
could go either way: "Krebs", "Chemotherapie", "Bestrahlung" and "SHG Krebs" → every cancer group, the
laryngectomees' and the ILCO (stoma and bowel cancer) included; a cancer with its own group → its groups
and the open cancer group ("Brustkrebs", "Brustkrebs Nachsorge", "PSA"); "Mama hat Krebs" → the cancer
groups open to relatives but the prostate group; "Krebs Frauen" → the two Frauenselbsthilfe groups only;
"Burnout", "ausgelaugt" and "ich kann nicht mehr" → the depression groups and the groups of Psychische
Belastung (the topic list files burnout under both), while "Stress", "Ueberforderung", "überfordert",
"Lebenskrise" and "Nervenzusammenbruch" → Psychische Belastung only; "traurig", "Traurigkeit", "Grübeln"
and "Herbstblues" → depression, not grief and not the compulsions group; "Verlust" and "Abschied" → grief,
not the fear-of-loss group "Bindung und Verlust"; "Wochenbettdepression" → only the group for mothers after
birth (``+Mütter``), not the men's or the relatives' depression group; "Versagensangst" → social phobia and
the anxiety groups; "Angststörung" and "ich trau mich nicht raus" → the anxiety groups without fear of
loss; "Lähmung" → the stroke group only (its description names it), not MS or the wheelchair group;
"Atemnot" → the lung group and the Long Covid group; "Rheuma", "Reumatismus" and "Rheuma-Liga" → the
Rheuma-Liga, the Bechterew and the fibromyalgia groups; a relative of someone with one addiction → that
addiction's groups open to relatives and the groups of topic Sucht open to relatives (the open Freundeskreis,
the Blaues Kreuz, the circle for relatives of any addiction): "Mann trinkt", "Papa trinkt jeden Tag",
"Al-Anon", "Tochter kifft", "Sohn nimmt Drogen", "Sohn zockt nur noch", "Kind Handysucht", "Angehoerige
Gluecksspiel"; "Kreuzbund" → every alcohol group (the association's topic, not only its two groups);
"abstinent" → every substance addiction group, not gambling; "Konsole", "Computerspiele" and "Kind
Handysucht" → the media-addicted children's parents (topic Spielsucht), not the gambling group, while
"Spielsucht", "Zocken" and "ich komme vom Spielen nicht los" → both; "Selbstmord", "Suizid" and "AGUS" →
the suicide survivors' group only (no group is for people at risk; an office refers them to crisis help);
"Zwangseinweisung" → the psychiatric survivors' groups (Trialog, "Wir für uns"); "Liebeskummer" and
"Ehekrise" → the separation group only, "Trennung Vater" and "meine Frau will die Scheidung" → it and the
separated fathers; "Mann schlägt mich" → the domestic violence group, not the sexual abuse group;
"Pflegefall" and "Oma pflegen" → topic Pflegende Angehörige (the carers' group and the Alzheimer relatives'
group); "aufhören zu rauchen" → nothing (no smoking group; the open addiction group names alcohol,
medication, drugs and gambling, and an office sends smokers to a cessation course); "Spielgruppe" (a
toddlers' playgroup, not gambling) and "Schuldnerberatung" (professional counselling) → nothing.
``python bench/search_quality_heldout10.py`` checks the set (it does not run the search).
"""

from __future__ import annotations

EXTRA_TOPIC_AREAS_10: dict[str, str] = {
    "Suizid": "mental_health",
    "Rheuma": "chronic_illness",
    "Schlaganfall": "chronic_illness",
    "Lungenerkrankungen": "chronic_illness",
}

GROUPS_10: list[tuple[str, list[str], str, str]] = [
    # mental health
    ("Lichtblick Lindenau", ["Depression"], "affected",
     "Wir kennen die dunklen Phasen: kein Antrieb, Grübeln ohne Ende, nichts macht mehr Freude. Wir treffen uns "
     "jeden zweiten Dienstag im Mehrgenerationenhaus Lindenau."),
    ("Die Mutmacher", ["Depression", "Angsterkrankungen"], "affected",
     "Gesprächskreis in Hohenfeld für Menschen mit Depressionen und Ängsten. Wir hören einander zu und machen "
     "uns gegenseitig Mut für den Alltag."),
    ("Sonnenseite Steinbach", ["Depression"], "affected",
     "Wenn alles grau ist und das Aufstehen schwerfällt: Bei uns muss niemand funktionieren. Auch für Menschen "
     "nach einem Klinikaufenthalt."),
    ("Kerle mit Krise", ["Depression"], "affected",
     "Eine Runde nur für Männer, die merken, dass sie leer und gereizt sind und nicht darüber reden können. "
     "Treffpunkt Altmühlen, Feuerwehrhaus."),
    ("Angehörigengruppe Depression Kreis Lindental", ["Depression"], "relatives",
     "Für Partnerinnen, Partner, Eltern und erwachsene Kinder von Menschen mit Depression. Wie helfe ich, ohne "
     "mich selbst zu verlieren?"),
    ("Mütter in der Krise – nach der Geburt", ["Depression", "Mütter"], "affected",
     "Für Mütter, die sich nach der Geburt nicht freuen können, erschöpft, traurig oder voller Sorgen sind. "
     "Babys dürfen mitkommen."),
    ("Ausgebrannt – Gesprächskreis Steinbach", ["Psychische Belastung", "Depression"], "affected",
     "Wenn Beruf, Familie oder Pflege über den Kopf wachsen und gar nichts mehr geht: Wir tauschen uns aus, wie "
     "wir wieder zu Kräften kommen."),
    ("Offener Treff Seelische Gesundheit Altmühlen", ["Psychische Erkrankungen", "Psychische Belastung"],
     "affected",
     "Für alle, denen es seelisch nicht gut geht, mit oder ohne Diagnose. Kaffee, Gespräche und manchmal ein "
     "Spaziergang."),
    ("Frühstückstreff Wiesental", ["Psychische Belastung", "Einsamkeit"], "affected",
     "Einmal im Monat frühstücken wir zusammen im Pfarrheim. Für Menschen, die gerade eine schwere Zeit haben "
     "und nicht allein sein wollen."),
    ("Kopfkino", ["Psychische Erkrankungen", "Angsterkrankungen", "Depression"], "affected",
     "Junge Erwachsene zwischen 18 und 30 mit seelischen Problemen treffen sich in Lindenau. Ob Diagnose oder "
     "nicht, ob Studium, Ausbildung oder gerade nichts."),
    ("Mutig werden – Angstgruppe Lindenau", ["Angsterkrankungen", "Panikattacken"], "affected",
     "Herzrasen, Schwindel, die Angst vor der Angst: Wir kennen das und üben gemeinsam, uns wieder mehr "
     "zuzutrauen."),
    ("Panik-Selbsthilfe Hohenfeld", ["Panikattacken", "Angsterkrankungen"], "affected",
     "Für Menschen, die plötzliche Angstanfälle haben und sich kaum noch aus dem Haus, in den Bus oder in den "
     "Supermarkt trauen."),
    ("Atemzug – Angst-Treff Kirchdorf", ["Angsterkrankungen"], "affected",
     "Für Menschen mit Ängsten aller Art, ob vor Krankheit, vor Menschen oder vor der Zukunft. Wir treffen uns "
     "im Bürgerhaus."),
    ("Schüchtern und trotzdem dabei", ["Soziale Phobie"], "affected",
     "Für Menschen, denen Gespräche, Einkaufen oder Telefonieren schwerfallen, weil sie Angst haben, bewertet zu "
     "werden. Kleine Runde, niemand muss reden."),
    ("Bindung und Verlust", ["Verlustängste"], "affected",
     "Wir haben große Angst, verlassen zu werden, klammern oder ziehen uns zurück. Gesprächskreis in Kirchdorf."),
    ("Zwangsgedanken – Selbsthilfegruppe Altmühlen", ["Zwangsstörungen"], "affected",
     "Kontrollieren, Waschen, Zählen oder quälende Gedanken, die nicht weggehen: Wir tauschen uns über den "
     "Umgang mit unseren Zwängen aus."),
    ("Trialog-Runde Lindental", ["Psychose", "Psychiatrie-Erfahrene"], "both",
     "Psychoseerfahrene, Angehörige und Fachleute sprechen auf Augenhöhe miteinander. Offen für alle, die mit "
     "Stimmenhören, Wahn oder Schizophrenie zu tun haben."),
    ("Wir für uns – Psychiatrie-Erfahrene Kreis Lindental", ["Psychiatrie-Erfahrene", "Psychische Erkrankungen"],
     "affected",
     "Menschen mit Klinikerfahrung treffen sich, um über Behandlung, ihre Rechte und das Leben danach zu "
     "sprechen."),
    ("Angehörige psychisch erkrankter Menschen Lindenau", ["Psychische Erkrankungen"], "relatives",
     "Wir sind Eltern, Partner, Geschwister und erwachsene Kinder von Menschen mit einer seelischen Erkrankung. "
     "Austausch, Information und Entlastung."),
    ("Auf und Ab – Bipolar-Gruppe Hohenfeld", ["Bipolare Störung"], "both",
     "Für Menschen mit manisch-depressiver Erkrankung und ihre Angehörigen. Wir sprechen über Hochs, Tiefs und "
     "Frühwarnzeichen."),
    ("Gegenwind", ["Borderline", "Emotional instabile Persönlichkeitsstörung"], "affected",
     "Für Menschen mit heftigen Gefühlsstürmen, Leere oder Selbstverletzung. Wir üben Skills und stärken uns "
     "gegenseitig."),
    ("Traumanetz Lindental", ["Traumatisierung", "Komplexe PTBS", "PTBS, komplexe"], "affected",
     "Für Menschen, die Schlimmes erlebt haben und bis heute unter Flashbacks, Albträumen oder Schreckhaftigkeit "
     "leiden. Aufnahme nach Vorgespräch in der Kontaktstelle."),
    ("ADHS-Erwachsenengruppe Lindenau", ["ADHS, Erwachsene"], "affected",
     "Chaos im Kopf, Termine vergessen, tausend Ideen und nichts wird fertig? Erwachsene mit ADHS oder ADS "
     "treffen sich monatlich."),
    ("Esslust und Essfrust", ["Essstörungen", "Bulimie", "Anorexie"], "affected",
     "Für Frauen und Männer, deren Leben sich ums Essen dreht: Hungern, Fressattacken, Erbrechen oder "
     "ständiges Kalorienzählen."),
    ("Elternkreis essgestörter Töchter und Söhne", ["Essstörungen", "Anorexie"], "parents",
     "Eltern von Kindern mit Magersucht, Bulimie oder Binge-Eating tauschen sich aus und stützen sich."),
    ("Freiraum", ["Messies"], "affected",
     "Wenn sich die Dinge stapeln und man niemanden mehr in die Wohnung lässt: Wir helfen uns beim Aufräumen "
     "und Loslassen, ohne zu verurteilen."),
    ("Hochsensibel in Lindental", ["Hochsensibilität"], "affected",
     "Für Menschen, die Geräusche, Stimmungen und Reize stärker wahrnehmen als andere und schnell überreizt "
     "sind."),
    ("Klartext", ["Narzissmus, Partnerschaft"], "affected",
     "Für Menschen, die eine Beziehung mit einem manipulierenden, kränkenden Partner hinter sich haben oder "
     "noch darin stecken."),
    ("Erwachsene Kinder narzisstischer Eltern", ["Narzisstenkinder, Erwachsene"], "affected",
     "Wir sind mit einer Mutter oder einem Vater groß geworden, bei dem sich alles um ihn selbst drehte, und "
     "suchen unseren eigenen Weg."),
    ("AGUS-Gruppe Lindental", ["Trauer", "Suizid"], "relatives",
     "Für Angehörige und Freunde, die einen Menschen durch Suizid verloren haben. Hier darf alles gesagt "
     "werden."),
    ("Muster durchbrechen", ["Persönlichkeitsstörungen"], "affected",
     "Für Menschen, die in Beziehungen und im Beruf immer wieder an denselben Mustern scheitern, mit oder ohne "
     "Diagnose."),
    ("Viele sein", ["Dissoziative Störung", "Traumatisierung"], "affected",
     "Für Menschen, die Zeit verlieren, sich fremd fühlen oder mit mehreren inneren Anteilen leben. Geschützte "
     "Gruppe, Aufnahme nach Vorgespräch."),
    # chronic illness
    ("Frauenselbsthilfe nach Krebs – Gruppe Lindenau", ["Brustkrebs", "Frauen"], "affected",
     "Wir begleiten Frauen nach der Diagnose Brustkrebs oder einer anderen Krebserkrankung, in der Therapie und "
     "danach."),
    ("Frauenselbsthilfe nach Krebs – Gruppe Hohenfeld", ["Brustkrebs", "Frauen"], "affected",
     "Auffangen, informieren, begleiten: Frauen mit Krebs treffen sich am ersten Montag im Monat im "
     "Gemeindehaus Hohenfeld."),
    ("Weiterleben – Krebs-Gesprächskreis Steinbach", ["Krebs"], "both",
     "Offen für Menschen mit jeder Art von Krebs und für ihre Angehörigen, während der Behandlung und in der "
     "Nachsorge."),
    ("Prostatakrebs-Selbsthilfe Lindental", ["Prostatakrebs"], "both",
     "Männer mit Prostatakrebs tauschen sich über Behandlung, Nebenwirkungen und Alltag aus. Partnerinnen sind "
     "willkommen."),
    ("ILCO-Gruppe Lindental", ["Stoma", "Künstlicher Blasen-/Darmausgang", "Darmkrebs"], "both",
     "Für Menschen mit einem künstlichen Darm- oder Blasenausgang und für Menschen nach Darmkrebs. Angehörige "
     "sind willkommen."),
    ("Leukämie- und Lymphomhilfe Lindental", ["Leukämie"], "both",
     "Für Menschen mit Blutkrebs oder Lymphdrüsenkrebs und ihre Angehörigen, auch nach einer "
     "Stammzelltransplantation."),
    ("Bezirksverein der Kehlkopfoperierten Lindental", ["Kehlkopfoperierte"], "both",
     "Nach einer Kehlkopfoperation wieder sprechen lernen: Wir besuchen Betroffene schon in der Klinik und "
     "treffen uns monatlich mit Partnern."),
    ("Diabetiker-Treff Lindenau", ["Diabetes"], "affected",
     "Typ 1 oder Typ 2, mit Tabletten, Pen oder Pumpe: Wir tauschen Erfahrungen aus und laden Fachleute zu "
     "Vorträgen ein."),
    ("Diabetes-Selbsthilfe Altmühlen", ["Diabetes"], "affected",
     "Gemeinsam kochen, spazieren gehen und über die Werte reden. Vor allem ältere Menschen mit Diabetes."),
    ("Zuckerkinder Kreis Lindental", ["Diabetes", "Eltern"], "parents",
     "Familien mit Kindern, die Typ-1-Diabetes haben: Kita, Schule, Klassenfahrt und die Nächte mit dem "
     "Sensor."),
    ("Rheuma-Liga Arbeitsgemeinschaft Lindenau", ["Rheuma", "Fibromyalgie"], "affected",
     "Funktionstraining, Warmwassergymnastik und Gesprächskreis für Menschen mit entzündlichem Rheuma, "
     "Arthrose oder Fibromyalgie."),
    ("Bechterew-Gruppe Hohenfeld", ["Morbus Bechterew"], "affected",
     "Wenn der Rücken steif wird: Wir machen gemeinsam Bewegungstherapie und tauschen uns über Medikamente und "
     "Alltag aus."),
    ("Fibromyalgie-Gesprächskreis Steinbach", ["Fibromyalgie"], "affected",
     "Für Menschen mit Schmerzen am ganzen Körper, Erschöpfung und schlechtem Schlaf, denen oft niemand "
     "glaubt."),
    ("DCCV-Gesprächskreis Lindental", ["Morbus Crohn", "Colitis Ulcerosa"], "affected",
     "Für Menschen mit chronisch-entzündlichen Darmerkrankungen. Wir wissen, wo die nächste Toilette ist."),
    ("MS-Selbsthilfegruppe Lindenau", ["Multiple Sklerose"], "affected",
     "Wir leben mit Multipler Sklerose und treffen uns zu Gesprächen, Ausflügen und Vorträgen."),
    ("Junge MS-Erkrankte Lindental", ["Multiple Sklerose"], "affected",
     "Frisch diagnostiziert und unter 40? Wir sprechen über Beruf, Familienplanung und Schübe."),
    ("Parkinson-Gruppe Lindenau", ["Parkinson"], "both",
     "Für Menschen mit Parkinson und ihre Partner. Zittern, Steifigkeit, langsamer werden: Wir bleiben in "
     "Bewegung und im Gespräch."),
    ("Parkinson-Stammtisch Altmühlen", ["Parkinson"], "both",
     "Betroffene und Angehörige treffen sich jeden dritten Donnerstag im Gasthof zur Linde."),
    ("Neuer Anfang – Schlaganfall-Selbsthilfe", ["Schlaganfall"], "both",
     "Für Menschen nach einem Schlaganfall und ihre Angehörigen: Lähmungen, Sprachstörungen und der Weg zurück "
     "in den Alltag."),
    ("Vergissmeinnicht", ["Demenz", "Alzheimer", "Pflegende Angehörige"], "relatives",
     "Für Angehörige von Menschen mit Alzheimer oder einer anderen Demenz. Während wir reden, werden unsere "
     "Lieben nebenan betreut."),
    ("Demenz-Café Steinbach", ["Demenz"], "both",
     "Für Menschen, die merken, dass das Gedächtnis nachlässt, und für ihre Familien: Kaffee, Kuchen und "
     "Gespräche."),
    ("Tinnitus-Selbsthilfe Lindental", ["Tinnitus"], "affected",
     "Pfeifen, Rauschen oder Brummen im Ohr, das nicht aufhört: Wir lernen, mit den Geräuschen zu leben."),
    ("Long-Covid-Selbsthilfe Kreis Lindental", ["Covid, Long Covid"], "affected",
     "Seit der Corona-Infektion ist nichts mehr wie vorher: Erschöpfung, Atemnot, Konzentrationsprobleme. Wir "
     "tauschen uns aus, auch online."),
    ("Atemlos – Lungengruppe Hohenfeld", ["Lungenerkrankungen"], "affected",
     "Für Menschen mit COPD, Lungenemphysem oder Lungenfibrose. Lungensport und Erfahrungsaustausch."),
    ("Herzkinder Lindental", ["Herzerkrankte, Kinder", "Eltern"], "parents",
     "Eltern von Kindern mit angeborenem Herzfehler: Operationen, Klinikzeiten und der Alltag danach."),
    ("Organtransplantierte Lindental", ["Organtransplantierte"], "both",
     "Für Menschen vor und nach einer Transplantation von Niere, Leber, Herz oder Lunge und ihre Angehörigen."),
    ("Schmetterling", ["Hashimoto-Thyreoiditis", "Morbus Basedow"], "affected",
     "Für Menschen mit Erkrankungen der Schilddrüse, ob Unterfunktion oder Überfunktion."),
    ("Leichter leben Lindenau", ["Adipositas", "Übergewicht"], "affected",
     "Für Menschen mit starkem Übergewicht, vor oder nach einer Magen-OP oder ohne. Hier wird niemand "
     "beschämt."),
    ("Hautnah", ["Hauterkrankungen"], "affected",
     "Für Menschen mit Schuppenflechte, Neurodermitis und anderen Hauterkrankungen, die man nicht verstecken "
     "kann."),
    ("Chronisch jung", ["Chronische Erkrankungen"], "affected",
     "Für junge Erwachsene mit einer Krankheit, die bleibt, egal welche: Rheuma, Darm, Herz oder etwas ohne "
     "Namen."),
    ("Kreuzbund Gruppe Lindenau", ["Alkoholabhängigkeit", "Medikamentenabhängigkeit"], "both",
     "Für Menschen mit Alkohol- oder Medikamentenproblemen und ihre Angehörigen. Jeden Montag um 19 Uhr."),
    ("Kreuzbund Gruppe Hohenfeld", ["Alkoholabhängigkeit"], "both",
     "Suchtkranke und Angehörige treffen sich jeden Mittwoch im Pfarrzentrum. Wir leben zufrieden abstinent."),
    ("Blaues Kreuz Altmühlen", ["Alkoholabhängigkeit", "Sucht"], "both",
     "Begegnungsgruppe für Menschen mit Alkoholproblemen und anderen Abhängigkeiten und ihre Familien."),
    ("Anonyme Alkoholiker Steinbach", ["Alkoholabhängigkeit"], "affected",
     "Wir sind Männer und Frauen, die einander helfen, nüchtern zu bleiben. Einzige Voraussetzung ist der "
     "Wunsch, mit dem Trinken aufzuhören."),
    ("Al-Anon Familiengruppe Lindenau", ["Alkoholabhängigkeit"], "relatives",
     "Für Angehörige und Freunde von Alkoholikern, ob der oder die Trinkende noch trinkt oder nicht."),
    ("Frauensuchtgruppe Lindenau", ["Alkoholabhängigkeit", "Medikamentenabhängigkeit", "Frauen"], "affected",
     "Für Frauen, die heimlich trinken oder ohne Tabletten nicht durch den Tag kommen. Unter uns."),
    ("Freundeskreis Wiesental", ["Sucht", "Alkoholabhängigkeit", "Drogenabhängigkeit"], "both",
     "Offen für alle Suchtformen: Alkohol, Medikamente, Drogen oder Glücksspiel. Betroffene und Angehörige "
     "gemeinsam."),
    ("Clean-Treff Lindenau", ["Drogenabhängigkeit"], "affected",
     "Für Menschen, die von Cannabis, Amphetamin, Kokain oder Heroin loskommen wollen oder es geschafft haben."),
    ("Elternkreis drogengefährdeter Jugendlicher", ["Drogenabhängigkeit"], "parents",
     "Wenn das eigene Kind Drogen nimmt: Eltern helfen Eltern, nicht den Mut zu verlieren."),
    ("Medikamente – Gesprächskreis Tablettenabhängigkeit", ["Medikamentenabhängigkeit"], "affected",
     "Schlaftabletten, Beruhigungsmittel oder Schmerzmittel, von denen man nicht mehr loskommt: Wir sprechen "
     "offen darüber."),
    ("Neustart", ["Glücksspiel"], "affected",
     "Automaten, Sportwetten, Online-Casino: Wir wollen nicht mehr spielen und helfen uns dabei. Treffpunkt "
     "Kreisstadt Lindenau."),
    ("Eltern medienabhängiger Kinder", ["Spielsucht", "Eltern"], "parents",
     "Für Eltern, deren Kinder nicht mehr vom Handy oder der Konsole wegkommen und nur noch nachts wach sind."),
    ("Angehörige Sucht – Gesprächskreis Hohenfeld", ["Sucht"], "relatives",
     "Für Partner, Eltern und Kinder von Menschen mit einer Abhängigkeit, egal von welchem Suchtmittel."),
    # social
    ("Trauercafé Lindenau", ["Trauer"], "affected",
     "Für alle, die einen nahestehenden Menschen verloren haben. Jeden letzten Sonntag im Monat, ohne "
     "Anmeldung."),
    ("Weggefährten Hohenfeld", ["Trauer"], "affected",
     "Für Menschen, die ihre Partnerin oder ihren Partner verloren haben und lernen müssen, allein "
     "weiterzuleben."),
    ("Verwaiste Eltern Kreis Lindental", ["Trauer", "Eltern"], "parents",
     "Für Mütter und Väter, deren Kind gestorben ist, egal in welchem Alter, auch durch Fehlgeburt oder "
     "Totgeburt."),
    ("Alleinerziehenden-Treff Lindenau", ["Alleinerziehend"], "affected",
     "Mütter und Väter, die ihre Kinder allein großziehen, treffen sich samstags. Kinderbetreuung ist da."),
    ("Väteraufbruch Lindental", ["Väter nach Trennung"], "affected",
     "Für Väter, die nach Trennung oder Scheidung um den Kontakt zu ihren Kindern kämpfen."),
    ("Neuanfang nach Trennung – Gesprächskreis Steinbach", ["Trennung"], "affected",
     "Wenn die Ehe oder Beziehung zerbricht: Wir sortieren uns neu und stärken uns gegenseitig."),
    ("Atempause Altmühlen", ["Pflegende Angehörige"], "relatives",
     "Für alle, die zu Hause einen Elternteil, den Partner oder ein Kind pflegen und selbst kaum noch Luft "
     "bekommen."),
    ("Pflege- und Adoptivfamilien Lindental", ["Pflegeeltern", "Adoptiveltern"], "parents",
     "Stammtisch für Pflegeeltern und Adoptiveltern: Herkunftsfamilie, Jugendamt, Schule und Pubertät."),
    ("Regenbogen-Treff Lindental", ["Homosexualität", "Schwule", "Lesben"], "both",
     "Für queere Menschen auf dem Land, schwul, lesbisch, bi oder trans. Eltern sind beim Elterntreff "
     "willkommen."),
    ("Herbstzeitlose", ["Senior*innen", "Einsamkeit"], "affected",
     "Gesprächskreis für Menschen ab 65 in Kirchdorf: Älterwerden, Abschied vom Beruf, Alleinsein."),
    ("Gemeinsam statt einsam Wiesental", ["Einsamkeit", "Alleinstehend"], "affected",
     "Für Menschen, die allein leben und sich mehr Kontakt wünschen. Wir gehen wandern, kochen und reden."),
    ("Frauen stärken Frauen", ["Gewalt/Missbrauch, Opfer", "Frauen", "Traumatisierung"], "affected",
     "Für Frauen, die in der Partnerschaft geschlagen, bedroht oder kleingemacht wurden. Geschützte Gruppe."),
    ("Stimme finden", ["Missbrauch, sexueller", "Traumatisierung"], "affected",
     "Für Frauen und Männer, die als Kind sexuelle Gewalt erlebt haben. Aufnahme nach Vorgespräch."),
    ("Internationales Frauencafé Lindenau", ["Geflüchtete", "Frauen"], "affected",
     "Frauen, die nach Deutschland geflohen sind, und Frauen von hier treffen sich zum Deutschsprechen und "
     "Kennenlernen."),
    ("Männergruppe Hohenfeld", ["Männer"], "affected",
     "Männer reden über das, was sie bewegt: Arbeit, Vaterrolle, Krankheit, Älterwerden."),
    ("Kriegsenkel Lindental", ["Kriegsenkel"], "affected",
     "Unsere Eltern waren Kriegskinder. Wir fragen, was davon bis heute in unseren Familien steckt."),
    ("Elternkreis hochbegabter Kinder", ["Hochbegabte Kinder"], "parents",
     "Wenn das Kind sich in der Schule langweilt und aneckt: Austausch unter Eltern."),
    # disability
    ("Lebenshilfe Elterngruppe Lindental", ["Behinderung", "Chromosomenschädigung"], "parents",
     "Eltern von Kindern mit geistiger Behinderung oder Down-Syndrom tauschen sich aus."),
    ("Rollstuhl-Stammtisch Lindental", ["Behinderung"], "affected",
     "Barrierefrei unterwegs auf dem Land: Wir rollen zusammen und setzen uns für Rampen und Busse ein."),
    ("Autismus-Elternkreis Lindental", ["Autismus"], "parents",
     "Eltern autistischer Kinder und Jugendlicher: Schule, Therapie, Behörden und Familienalltag."),
    ("Asperger-Treff für Erwachsene", ["Autismus"], "affected",
     "Für Erwachsene im Autismus-Spektrum. Ruhiger Raum, klare Absprachen, kein Smalltalk-Zwang."),
    ("Schwerhörigenverein Ortsgruppe Lindenau", ["Hörgeschädigte", "Cochlea-Implantat (CI)", "Ertaubte"],
     "affected",
     "Für Menschen mit Hörgerät, Cochlea-Implantat oder nach Ertaubung. Mit Ringschleife und "
     "Schriftdolmetschung."),
    ("Gehörlosenverein Lindental", ["Gehörlosigkeit"], "affected",
     "Treffpunkt der Gehörlosen im Kreis, Vereinsleben in Gebärdensprache."),
    ("Blinden- und Sehbehindertenverein Kreisgruppe Lindental", ["Blindheit/Erblindung", "Sehbehinderte",
     "Augenerkrankung"], "both",
     "Für blinde und sehbehinderte Menschen und ihre Angehörigen, auch bei Makuladegeneration oder grünem Star: "
     "Hilfsmittel, Mobilität und Beratung."),
    ("Schritt für Schritt", ["Amputation"], "affected",
     "Für Menschen nach dem Verlust eines Beines oder Armes: Prothese, Phantomschmerz und Alltag."),
    ("Stotterer-Selbsthilfe Lindental", ["Stottern"], "affected",
     "Wir stottern und reden trotzdem, bei uns in Ruhe und ohne Zeitdruck."),
    ("LRS-Elterntreff Steinbach", ["Legasthenie"], "parents",
     "Für Eltern von Kindern mit Lese-Rechtschreib-Schwäche."),
]  # fmt: skip

DEPRESSION = {"Depression"}
BURNOUT = {"Psychische Belastung", "Depression"}
ANXIETY = {"Angsterkrankungen", "Panikattacken", "Soziale Phobie", "Verlustängste"}
PHOBIA = ANXIETY - {"Verlustängste"}
PANIC = {"Panikattacken", "Angsterkrankungen"}
EATING = {"Essstörungen", "Anorexie", "Bulimie"}
BORDERLINE = {"Borderline", "Emotional instabile Persönlichkeitsstörung"}
TRAUMA = {"Traumatisierung", "Komplexe PTBS", "PTBS, komplexe"}
PSYCHIATRIC = {"Psychische Erkrankungen"}
CANCER = {"Krebs", "Brustkrebs", "Prostatakrebs", "Darmkrebs", "Leukämie", "Kehlkopfoperierte"}
DEMENTIA = {"Demenz", "Alzheimer"}
RHEUMA = {"Rheuma", "Morbus Bechterew", "Fibromyalgie"}
BOWEL = {"Morbus Crohn", "Colitis Ulcerosa"}
THYROID = {"Hashimoto-Thyreoiditis", "Morbus Basedow"}
OBESITY = {"Adipositas", "Übergewicht"}
STOMA = {"Stoma", "Künstlicher Blasen-/Darmausgang"}
ALCOHOL = {"Alkoholabhängigkeit"}
DRUGS = {"Drogenabhängigkeit"}
GAMBLING = {"Glücksspiel", "Spielsucht"}
GRIEF = {"Trauer"}
DIVORCE = {"Trennung", "Väter nach Trennung"}
HARD_OF_HEARING = {"Hörgeschädigte", "Cochlea-Implantat (CI)"}
VIOLENCE = {"Gewalt/Missbrauch, Opfer", "Missbrauch, sexueller"}
QUEER = {"Homosexualität", "Schwule", "Lesben"}
STRAIN = {"Psychische Belastung"}
SOCIAL_ANXIETY = {"Soziale Phobie", "Angsterkrankungen"}
BLIND = {"Blindheit/Erblindung"}
WITHDRAWAL = {"Alkoholabhängigkeit", "Drogenabhängigkeit", "Medikamentenabhängigkeit", "Sucht"}
ADDICTION = WITHDRAWAL | GAMBLING

HELD_OUT_10: list[tuple[str, str, set[str], str]] = [
    # one word: a condition or life situation as people call it
    ("word", "Depression", DEPRESSION, ""),
    ("word", "Trauer", GRIEF, ""),
    ("word", "Alkohol", ALCOHOL, ""),
    ("word", "Krebs", CANCER, ""),
    ("word", "Scheidung", DIVORCE, ""),
    ("word", "Angst", ANXIETY, ""),
    ("word", "Panik", PANIC, ""),
    ("word", "Demenz", DEMENTIA, ""),
    ("word", "Diabetes", {"Diabetes"}, ""),
    ("word", "Parkinson", {"Parkinson"}, ""),
    ("word", "Tinnitus", {"Tinnitus"}, ""),
    ("word", "Schlaganfall", {"Schlaganfall"}, ""),
    ("word", "Rheuma", RHEUMA, ""),
    ("word", "Burnout", BURNOUT, ""),
    ("word", "Schizophrenie", {"Psychose"}, ""),
    ("word", "Magersucht", EATING, ""),
    ("word", "Borderline", BORDERLINE, ""),
    ("word", "Spielsucht", GAMBLING, ""),
    ("word", "Autismus", {"Autismus"}, ""),
    ("word", "Einsamkeit", {"Einsamkeit"}, ""),
    ("word", "Übergewicht", OBESITY, ""),
    ("word", "Brustkrebs", {"Brustkrebs", "Krebs"}, ""),
    ("word", "Drogen", DRUGS, ""),
    ("word", "Suizid", {"Suizid"}, ""),
    ("word", "Witwe", GRIEF, ""),
    ("word", "Behinderung", {"Behinderung"}, ""),
    ("word", "Zwang", {"Zwangsstörungen"}, ""),
    ("word", "Antriebslosigkeit", DEPRESSION, ""),
    ("word", "Grübeln", DEPRESSION, ""),
    ("word", "Niedergeschlagenheit", DEPRESSION, ""),
    ("word", "Traurigkeit", DEPRESSION, ""),
    ("word", "Antidepressiva", DEPRESSION, ""),
    ("word", "Stress", STRAIN, ""),
    ("word", "Albträume", TRAUMA, ""),
    ("word", "Verlust", GRIEF, ""),
    ("word", "Abschied", GRIEF, ""),
    ("word", "Gedächtnis", DEMENTIA, ""),
    ("word", "Verwirrtheit", DEMENTIA, ""),
    ("word", "Lähmung", {"Schlaganfall"}, ""),
    ("word", "Chemotherapie", CANCER, ""),
    ("word", "Bestrahlung", CANCER, ""),
    ("word", "Atemnot", {"Lungenerkrankungen", "Covid, Long Covid"}, ""),
    ("word", "Blutzucker", {"Diabetes"}, ""),
    ("word", "Juckreiz", {"Hauterkrankungen"}, ""),
    ("word", "Unterfunktion", {"Hashimoto-Thyreoiditis"}, ""),
    ("word", "Blindheit", BLIND, ""),
    ("word", "Pflegefall", {"Pflegende Angehörige"}, ""),
    ("word", "Ehekrise", {"Trennung"}, ""),
    ("word", "Automaten", {"Glücksspiel"}, ""),
    ("word", "Wetten", {"Glücksspiel"}, ""),
    ("word", "Konsole", {"Spielsucht"}, ""),
    ("word", "trans", QUEER, ""),
    ("word", "Kreuzbund", ALCOHOL, ""),
    ("word", "Al-Anon", ALCOHOL | {"Sucht"}, "relatives"),
    # colloquial words and synonyms
    ("colloquial", "Zucker", {"Diabetes"}, ""),
    ("colloquial", "Selbstmord", {"Suizid"}, ""),
    ("colloquial", "schwerhörig", HARD_OF_HEARING, ""),
    ("colloquial", "Kiffen", DRUGS, ""),
    ("colloquial", "Saufen", ALCOHOL, ""),
    ("colloquial", "Zocken", GAMBLING, ""),
    ("colloquial", "Gras", DRUGS, ""),
    ("colloquial", "Crystal", DRUGS, ""),
    ("colloquial", "Bier", ALCOHOL, ""),
    ("colloquial", "nüchtern", ALCOHOL, ""),
    ("colloquial", "Spielhölle", {"Glücksspiel"}, ""),
    ("colloquial", "Ritzen", BORDERLINE, ""),
    ("colloquial", "Herbstblues", DEPRESSION, ""),
    ("colloquial", "Nervenzusammenbruch", STRAIN, ""),
    ("colloquial", "Liebeskummer", {"Trennung"}, ""),
    ("colloquial", "Gedächtnisschwund", DEMENTIA, ""),
    ("colloquial", "Zittern", {"Parkinson"}, ""),
    # compounds people form
    ("compound", "Alkoholsucht", ALCOHOL, ""),
    ("compound", "Trauergruppe", GRIEF, ""),
    ("compound", "Depressionsgruppe", DEPRESSION, ""),
    ("compound", "Drogensucht", DRUGS, ""),
    ("compound", "Tablettensucht", {"Medikamentenabhängigkeit"}, ""),
    ("compound", "Angststörung", PHOBIA, ""),
    ("compound", "Wochenbettdepression", DEPRESSION, "+Mütter"),
    ("compound", "Brustkrebsgruppe", {"Brustkrebs", "Krebs"}, ""),
    ("compound", "Trauercafé", GRIEF, ""),
    ("compound", "Männergruppe", {"Männer"}, ""),
    ("compound", "Lungenkrankheit", {"Lungenerkrankungen"}, ""),
    ("compound", "Lebenskrise", STRAIN, ""),
    ("compound", "Versagensangst", SOCIAL_ANXIETY, ""),
    ("compound", "Panikanfall", PANIC, ""),
    ("compound", "Putzzwang", {"Zwangsstörungen"}, ""),
    ("compound", "Beruhigungsmittel", {"Medikamentenabhängigkeit"}, ""),
    ("compound", "Online-Casino", {"Glücksspiel"}, ""),
    ("compound", "Computerspiele", {"Spielsucht"}, ""),
    ("compound", "Zwangseinweisung", {"Psychiatrie-Erfahrene"}, ""),
    ("compound", "Herzkinder", {"Herzerkrankte, Kinder"}, ""),
    ("compound", "Zuckerkinder", {"Diabetes"}, "relatives"),
    ("compound", "Rheuma-Liga", RHEUMA, ""),
    # inflected and derived forms
    ("derived", "depressiv", DEPRESSION, ""),
    ("derived", "Alkoholiker", ALCOHOL, ""),
    ("derived", "Diabetiker", {"Diabetes"}, ""),
    ("derived", "trauern", GRIEF, ""),
    ("derived", "süchtig", ADDICTION, ""),
    ("derived", "traurig", DEPRESSION, ""),
    ("derived", "verwirrt", DEMENTIA, ""),
    ("derived", "rückfällig", ADDICTION, ""),
    ("derived", "überfordert", STRAIN, ""),
    ("derived", "ausgelaugt", BURNOUT, ""),
    ("derived", "alleinstehend", {"Alleinstehend"}, ""),
    ("derived", "abstinent", WITHDRAWAL, ""),
    ("derived", "bisexuell", QUEER, ""),
    # typos
    ("typo", "Parkison", {"Parkinson"}, ""),
    ("typo", "Tinitus", {"Tinnitus"}, ""),
    ("typo", "Diabets", {"Diabetes"}, ""),
    ("typo", "Deppresion", DEPRESSION, ""),
    ("typo", "Demmenz", DEMENTIA, ""),
    ("typo", "Alkholsucht", ALCOHOL, ""),
    ("typo", "Schlagannfall", {"Schlaganfall"}, ""),
    ("typo", "Brustkreps", {"Brustkrebs", "Krebs"}, ""),
    ("typo", "Autissmus", {"Autismus"}, ""),
    ("typo", "Essstörrung", EATING, ""),
    ("typo", "Schildrüse", THYROID, ""),
    ("typo", "Stotern", {"Stottern"}, ""),
    ("typo", "Spielsuch", GAMBLING, ""),
    ("typo", "Reumatismus", RHEUMA, ""),
    # spellings without umlauts or ß
    ("umlaut", "Essstoerung", EATING, ""),
    ("umlaut", "Angehoerige Demenz", DEMENTIA | {"Pflegende Angehörige"}, "relatives"),
    ("umlaut", "Angehoerige Gluecksspiel", GAMBLING | {"Sucht"}, "relatives"),
    ("umlaut", "Ueberforderung", STRAIN, ""),
    ("umlaut", "Trauergespraech", GRIEF, ""),
    ("umlaut", "Alkoholabhaengig", ALCOHOL, ""),
    ("umlaut", "Muetter nach Geburt", {"Mütter"}, ""),
    ("umlaut", "Essstoerung Eltern", EATING, "relatives"),
    # abbreviations
    ("abbreviation", "MS", {"Multiple Sklerose"}, ""),
    ("abbreviation", "ADHS", {"ADHS, Erwachsene"}, ""),
    ("abbreviation", "COPD", {"Lungenerkrankungen"}, ""),
    ("abbreviation", "PTBS", TRAUMA, ""),
    ("abbreviation", "SHG Krebs", CANCER, ""),
    ("abbreviation", "SHG Alkohol", ALCOHOL, ""),
    ("abbreviation", "AGUS", {"Suizid"}, ""),
    ("abbreviation", "ILCO", STOMA, ""),
    ("abbreviation", "PSA", {"Prostatakrebs", "Krebs"}, ""),
    ("abbreviation", "LGBT", QUEER, ""),
    # two words
    ("words", "Long Covid", {"Covid, Long Covid"}, ""),
    ("words", "Morbus Crohn", BOWEL, ""),
    ("words", "psychisch krank", PSYCHIATRIC, ""),
    ("words", "Mann trinkt", ALCOHOL | {"Sucht"}, "relatives"),
    ("words", "Bruder trinkt", ALCOHOL | {"Sucht"}, "relatives"),
    ("words", "Tochter kifft", DRUGS | {"Sucht"}, "relatives"),
    ("words", "Tochter hungert", EATING, "relatives"),
    ("words", "Kind Handysucht", {"Spielsucht", "Sucht"}, "relatives"),
    ("words", "Depression Angehörige", DEPRESSION | PSYCHIATRIC, "relatives"),
    ("words", "Partner depressiv", DEPRESSION | PSYCHIATRIC, "relatives"),
    ("words", "Mutter psychisch krank", PSYCHIATRIC, "relatives"),
    ("words", "Schlaganfall Angehörige", {"Schlaganfall"}, "relatives"),
    ("words", "Opa Alzheimer", DEMENTIA | {"Pflegende Angehörige"}, "relatives"),
    ("words", "Diabetes Kinder", {"Diabetes"}, "relatives"),
    ("words", "Down Syndrom Eltern", {"Chromosomenschädigung", "Behinderung"}, "relatives"),
    ("words", "Krebs Frauen", CANCER, "+Frauen"),
    ("words", "Gewalt Frauen", VIOLENCE, "+Frauen"),
    ("words", "Brustkrebs Nachsorge", {"Brustkrebs", "Krebs"}, ""),
    ("words", "MS jung", {"Multiple Sklerose"}, ""),
    ("words", "Trauer Partner", GRIEF, ""),
    ("words", "Trennung Vater", DIVORCE, ""),
    ("words", "Selbsthilfegruppe Depression", DEPRESSION, ""),
    ("words", "Depression Hohenfeld", DEPRESSION, ""),
    ("words", "Trauer Lindenau", GRIEF, ""),
    ("words", "queer Treff", QUEER, ""),
    # short life situations
    ("situation", "Mama hat Krebs", CANCER - {"Prostatakrebs"}, "relatives"),
    ("situation", "mein Mann ist gestorben", GRIEF, ""),
    ("situation", "Papa trinkt jeden Tag", ALCOHOL | {"Sucht"}, "relatives"),
    ("situation", "Sohn nimmt Drogen", DRUGS | {"Sucht"}, "relatives"),
    ("situation", "Sohn zockt nur noch", GAMBLING | {"Sucht"}, "relatives"),
    ("situation", "ich kann nicht mehr", BURNOUT, ""),
    ("situation", "ich bin immer traurig", DEPRESSION, ""),
    ("situation", "ich vergesse alles", DEMENTIA, ""),
    ("situation", "ich trau mich nicht raus", PHOBIA, ""),
    ("situation", "Oma pflegen", {"Pflegende Angehörige"}, "relatives"),
    ("situation", "meine Frau will die Scheidung", DIVORCE, ""),
    ("situation", "Mann schlägt mich", {"Gewalt/Missbrauch, Opfer"}, ""),
    ("situation", "Ohr piept", {"Tinnitus"}, ""),
    ("situation", "ich komme vom Spielen nicht los", GAMBLING, ""),
    # no group of this directory answers these
    ("none", "Epilepsie", set(), ""),
    ("none", "Kinderwunsch", set(), ""),
    ("none", "Wechseljahre", set(), ""),
    ("none", "Spielgruppe", set(), ""),
    ("none", "aufhören zu rauchen", set(), ""),
    ("none", "Schuldnerberatung", set(), ""),
]  # fmt: skip


if __name__ == "__main__":
    from search_quality_sets import main

    main("held-out-10")
