"""Eleventh held-out set for ``bench/search_quality.py --set held-out-11`` (issue #14), on a directory of its own.

A second unseen directory, after held-out-10's rural district: the 107 groups of a fictional mid-sized city office,
the Selbsthilfebüro Stadt Bergheide (districts Altstadt, Nordfeld, Heidekamp, Südring, Brunnenhof, Eichwalde,
Westerholz, Am Mühlbach), with its own group names and descriptions and the same national A–Z topic list
(``saas/directory/data/topics_dortmund_2023.csv``). It is the honest estimate of how the search does on a NEW
directory, as the independent check will judge it on a directory nobody here will see.

Written and judged on 3 December 2026, as a social worker at a contact office would write the directory and refer
callers, WITHOUT reading the search code (nothing under ``saas/directory/`` but the topic list and the audiences and
topic areas of ``models.py``) and WITHOUT running any of these queries through the search before the set was
committed. No earlier set's group list was read (only the docstrings of held-out-8 and held-out-10 for the
conventions); whether a query was asked before was found by grepping the earlier sets for the query string alone.
NEVER use this set to tune the search: do not change the search to make one of these pass, do not read its misses to
find what to change; add a like case to the main set, on the main directory, instead.

The directory (``GROUPS_11``): name, topics (1–3 from the national list), audience, description in the groups' own
words, 1–3 sentences. Mental health most (33 groups), then chronic illness (29), social topics (19), addiction (14)
and disability (12). Names as groups name themselves, mostly not after the topic ("Morgenrot", "Aufwind", "Leise
Stimmen", "Narbenherz", "Ohrwurm", "Grasfrei", "Glückschromosom", "Buchstabensalat"), some after a district
("Gesprächskreis Depression Nordfeld", "Panik-Treff Eichwalde"); descriptions say the concern in everyday or medical
words or not at all ("Unser Kind hungert", "Kollagenosen", "Pfeifen im Ohr", "Automaten, Sportwetten,
Online-Casino"; the Kriegsenkel and the refugee women's café name nothing medical). Several groups share a topic (7
depression, 5 alcohol, 5 grief, 6 cancer groups), most topics have one group. Two topics a city office has that the
national list lacks are in ``EXTRA_TOPIC_AREAS_11``: Schlaganfall and Epilepsie. The Frauenselbsthilfe group carries
Brustkrebs and Krebs (it names "other cancers"), so it is one of the two groups open to every cancer.

The queries (``HELD_OUT_11``): what citizens type on a phone, in the share issue #14 names: mostly one word (a
condition or life situation as people call it, a symptom a description names, a group's association: "Lampenfieber",
"Reizüberflutung", "Ersatzstimme", "DCCV"), colloquial words ("Suff", "Klapse", "Putzfimmel", "Durchhänger"),
compounds people form ("Trinkproblem", "Onlinesucht", "Witwentreff", "Spenderniere"), derived forms ("trocken",
"verfolgt", "misshandelt"), typos ("Krohn", "Bechterev", "Brustkrbs", "Aspergar"), spellings without umlauts or ß
("Trauergespraechskreis", "Demenzkranke Angehoerige"), abbreviations ("FAS", "ME/CFS", "CED"), two words (a relative
and a concern, a concern and a district: "Schwester Borderline", "Sucht Südring"), short life situations ("Vater
trinkt heimlich", "Opa wird vergesslich", "ich darf mein Kind nicht sehen"), and seven concerns no group of this
directory answers. Everyday queries earlier sets asked are allowed, as the directory is new: 77 of the 231 are an
earlier set's query or a trivial variant of one (case, umlaut spelling, plural or inflection, as the ``__main__``
check counts them); the other 154 are new to every judged set.

Judged by topics as in the earlier sets: a group is relevant when it has one of the topics given (with
``relatives``, when it is open to relatives: audience relatives, parents or both; with ``+Topic``, when it also has
that topic). A specific addiction goes to its own groups and to the groups of topic Sucht (open to every addiction:
the Blaues Kreuz, the Freundeskreis, the relatives' Leuchtturm); "Sucht", "süchtig", "abhängig", "Suchtproblem" to
every addiction group; a relative's addiction or illness to the groups of it open to relatives; a loss names grief,
whoever was lost and however ("Witwentreff", "Freund hat sich umgebracht"); a town district beside a concern is not
a topic ("Depression Heidekamp" → every depression group).

Judgement calls that could go either way: "Krebs", "Tumorerkrankung" and "Krebs Brunnenhof" → every cancer group,
the laryngectomees and the ILCO (stoma and bowel cancer) included; a cancer with its own group → its groups and the
two groups open to every cancer ("Brustkrebs", "Darmkrebs Angehörige"); "Frau hat Brustkrebs" (a husband asking) →
only the open cancer circle, as the Frauenselbsthilfe group is for the women themselves; "Frauenselbsthilfe" → that
group only (the association's name, not women's self-help in general); "Stammzelltransplantation" → the blood cancer
group, not the organ transplant group; "Burnout" and "erschöpft" → the depression groups and the groups of
Psychische Belastung, "erschöpft" also the Long Covid group (its description names it), while "Krise",
"Überlastung", "Jobverlust" and "Dauerstress" → Psychische Belastung only and "Durchhänger" and "Herbstdepression" →
depression only; "Angst" and "Selbsthilfegruppe Aengste" → the anxiety, panic and social phobia groups but not the
fear-of-loss group, "Panik" and "Panikattake" → the anxiety and panic groups without social phobia, "Angst vorm
Fliegen" → the two anxiety groups, not the panic group; "Bindungsangst" → the fear-of-loss group (its description
names not letting oneself in); "Wutausbrüche" → the two borderline groups (the relatives' group names them), not the
personality disorder group; "verfolgt" → the psychosis group; "Reizüberflutung" → the highly sensitive and the
autism groups; "psychisch krank" and "Klapse" → the groups of Psychische Erkrankungen and Psychiatrie-Erfahrene, not
every mental-health group; "Angehörige Psychose" → the psychosis group (open to relatives), the relatives of the
mentally ill and the Trialog; "Schlaganfall" and "Hirnblutung Angehörige" → the stroke and the aneurysm groups;
"Rheuma" → the fibromyalgia, Bechterew and lupus/scleroderma groups (no Rheuma-Liga here); "Wirbelsäule" → Bechterew
only; "Durchfall" → the IBD group, while "Reizdarm" → nothing (a functional disorder, no group); "Akne" and
"Schuppenflechte Gelenke" → the skin group; "Hörprobleme" and "schwerhoerig" → the hard-of-hearing and CI group, not
the deaf club; "Transgender" → the queer meeting and the parents of queer children (both name trans people),
"schwul" → the same two, "Schwule Maenner" → the queer meeting only; "Rollstuhlfahrer", "Barrierefreiheit" and
"Koerperbehinderung" → both groups of topic Behinderung (the wheelchair meeting and the Lebenshilfe parents);
"misshandelt" → the domestic violence and the sexual abuse groups, "haeusliche Gewalt" → the domestic violence group
only; "Missbrauch Kindheit" → the sexual abuse and the trauma groups; "Kiffen", "clean werden" → the drug groups and
the open addiction groups, the parents' group included; "Onlinesucht", "Enkel zockt" → topic Spielsucht (the gaming
parents and the gamblers, who name online casinos) and the open addiction groups, "Partner spielsüchtig" and "Frau
spielt Automaten" → gambling and the open addiction groups open to relatives, not the parents of gaming children;
"trocken" and "trocken werden" → every alcohol group; "AA" → every alcohol group (the association's topic, not only
its meeting); "ME/CFS" → the Long Covid group (many there have it; no ME/CFS group); "ich darf mein Kind nicht
sehen" → the separated fathers and the separation group; "Nichtraucher" → nothing (no smoking group; the open
addiction group names alcohol, pills, drugs and gambling), "Hochbegabung" → nothing (on the national list, no group
here), "Tagesmutter", "Krabbelgruppe" and "Nachhilfe" → nothing (they look like the mothers', parents' and dyslexia
groups but are childcare and tutoring), "COPD" → nothing (no lung group). ``python
bench/search_quality_heldout11.py`` checks the set (it does not run the search).
"""

from __future__ import annotations

# topics a city office has that the national list lacks → topic area
EXTRA_TOPIC_AREAS_11: dict[str, str] = {"Schlaganfall": "chronic_illness", "Epilepsie": "chronic_illness"}

GROUPS_11: list[tuple[str, list[str], str, str]] = [
    # mental health
    ("Morgenrot", ["Depression"], "affected",
     "Wir sind Frauen und Männer, die mit Depressionen leben oder gelebt haben. Wenn die Tage grau sind und nichts"
     " mehr Freude macht, hilft es, mit Menschen zu reden, die das kennen."),
    ("Gesprächskreis Depression Nordfeld", ["Depression"], "affected",
     "Offener Gesprächskreis für Menschen mit depressiven Phasen. Wir treffen uns jeden zweiten Dienstag im "
     "Bürgerhaus Nordfeld, Neue sind jederzeit willkommen."),
    ("Aufwind", ["Depression", "Psychische Belastung"], "affected",
     "Für Berufstätige, die ausgebrannt sind oder es waren. Erschöpfung, schlaflose Nächte, das Gefühl, nur noch "
     "zu funktionieren – darüber reden wir offen und ohne Ratschläge."),
    ("Junge Erwachsene mit Depression (18–30)", ["Depression"], "affected",
     "Ausbildung, Studium, erste Wohnung – und trotzdem komme ich morgens nicht aus dem Bett? Bei uns triffst du "
     "Gleichaltrige, denen es ähnlich geht."),
    ("Mittendrin", ["Depression"], "relatives",
     "Gruppe für Partnerinnen, Partner, Eltern und erwachsene Kinder von depressiv erkrankten Menschen. Wir "
     "lernen, die Krankheit zu verstehen, ohne uns selbst zu verlieren."),
    ("Lichtblick Brunnenhof – Frauengruppe", ["Depression", "Frauen"], "affected",
     "Frauen mit Depressionen treffen sich einmal in der Woche im Familienzentrum Brunnenhof. Wir hören zu, machen"
     " uns Mut und gehen auch mal zusammen spazieren."),
    ("Nach der Geburt", ["Depression", "Mütter"], "affected",
     "Für Mütter, die nach der Geburt ihres Kindes in ein tiefes Loch gefallen sind. Eine Wochenbettdepression ist"
     " häufiger, als man denkt, und sie ist behandelbar. Babys dürfen mitgebracht werden."),
    ("Zweiklang", ["Bipolare Störung"], "both",
     "Selbsthilfegruppe für Menschen mit manisch-depressiver Erkrankung und ihre Partner. Zwischen Hochs und Tiefs"
     " suchen wir gemeinsam ein stabiles Leben."),
    ("Angst-Los Bergheide", ["Angsterkrankungen", "Panikattacken"], "affected",
     "Herzrasen, Atemnot, die Angst vor der Angst: Wir kennen das alle. Gemeinsam üben wir, wieder Bus zu fahren, "
     "einkaufen zu gehen und uns etwas zuzutrauen."),
    ("Mutmacher Heidekamp", ["Angsterkrankungen"], "affected",
     "Für Menschen mit Ängsten und Phobien, zum Beispiel Höhenangst, Platzangst, Flugangst oder Angst vor dem "
     "Autofahren."),
    ("Panik-Treff Eichwalde", ["Panikattacken"], "affected",
     "Plötzlich Todesangst ohne Grund? Wir sind Betroffene von Panikattacken und treffen uns in Eichwalde."),
    ("Leise Stimmen", ["Soziale Phobie"], "affected",
     "Für alle, denen es schwerfällt, unter Leute zu gehen, vor anderen zu sprechen oder zu telefonieren. "
     "Schüchternheit ist bei uns kein Makel, Schweigen ist erlaubt."),
    ("Ordnung im Kopf", ["Zwangsstörungen"], "affected",
     "Kontrollieren, Händewaschen, Zählen, quälende Gedanken, die nicht weggehen: Menschen mit Zwängen tauschen "
     "sich aus und unterstützen sich bei der Therapie."),
    ("Zwischen den Welten", ["Psychose"], "both",
     "Menschen mit Psychose-Erfahrung und ihre Angehörigen. Stimmen hören, Verfolgungsgefühle, Klinikaufenthalte –"
     " wir sprechen darüber ohne Scham."),
    ("Angehörige psychisch kranker Menschen Bergheide", ["Psychische Erkrankungen"], "relatives",
     "Wir sind Eltern, Partner und Geschwister von Menschen mit Schizophrenie, schweren Depressionen oder anderen "
     "seelischen Erkrankungen. Wir geben einander Rückhalt und Informationen."),
    ("Seelenwege", ["Psychiatrie-Erfahrene"], "affected",
     "Treffpunkt von Psychiatrie-Erfahrenen für Psychiatrie-Erfahrene. Wir setzen uns für eine menschliche "
     "Behandlung ein und für ein Leben mit Krisen."),
    ("Trialog Bergheide", ["Psychische Erkrankungen", "Psychiatrie-Erfahrene"], "both",
     "Psychoseseminar: Erfahrene, Angehörige und Fachleute sprechen auf Augenhöhe miteinander. Einmal im Monat im "
     "Stadtteilzentrum Südring."),
    ("Grenzgängerinnen", ["Borderline", "Frauen"], "affected",
     "Frauen mit emotional instabiler Persönlichkeit. Wir tauschen uns über Skills und Therapie aus und geben uns "
     "Halt, wenn die Gefühle überkochen."),
    ("Achterbahn", ["Emotional instabile Persönlichkeitsstörung", "Borderline"], "relatives",
     "Für Angehörige und Partner von Menschen mit Borderline. Wutausbrüche, Selbstverletzung, Nähe und Abweisung "
     "im Wechsel – wie gehen wir damit um, ohne daran zu zerbrechen?"),
    ("Wegbegleiter", ["Persönlichkeitsstörungen"], "both",
     "Für Menschen mit einer Persönlichkeitsstörung und ihre Familien. Wir möchten verstehen, warum Beziehungen "
     "immer wieder schwierig werden."),
    ("Narbenherz", ["Traumatisierung", "Komplexe PTBS"], "affected",
     "Für Menschen, die als Kind oder Erwachsene Schlimmes erlebt haben und noch heute unter den Folgen leiden: "
     "Flashbacks, Albträume, Misstrauen, ständige Anspannung."),
    ("Viele in mir", ["Dissoziative Störung"], "affected",
     "Für Menschen mit dissoziativer Identitätsstörung und anderen dissoziativen Erfahrungen. Geschützte Gruppe, "
     "Kontakt nur über das Selbsthilfebüro."),
    ("Hunger nach Leben", ["Essstörungen", "Bulimie"], "affected",
     "Für Frauen und Männer, deren Leben sich ums Essen dreht: Fressattacken, Erbrechen, heimliches Essen, "
     "ständiges Kalorienzählen."),
    ("Eltern magersüchtiger Töchter und Söhne", ["Anorexie"], "parents",
     "Unser Kind hungert und wir wissen nicht weiter. Wir sind Eltern, die sich gegenseitig stützen, zwischen "
     "Klinik, Therapie und Esstisch."),
    ("Reizoffen", ["Hochsensibilität"], "affected",
     "Für hochsensible Menschen, die Lärm, grelles Licht und Trubel schnell erschöpft und die alles etwas tiefer "
     "empfinden."),
    ("Chaos-Club Westerholz", ["ADHS, Erwachsene"], "affected",
     "Erwachsene mit ADHS oder ADS: Vergessen, Aufschieben, innere Unruhe. Viele von uns haben die Diagnose erst "
     "mit 40 bekommen."),
    ("Freiraum", ["Messies"], "affected",
     "Wenn die Wohnung so voll ist, dass man sich schämt, jemanden hereinzulassen. Wir unterstützen uns beim "
     "Ausmisten und Loslassen, ohne erhobenen Zeigefinger."),
    ("Stark ohne ihn", ["Narzissmus, Partnerschaft"], "affected",
     "Für Frauen, die in einer Beziehung mit einem narzisstischen Partner gelebt haben oder noch leben. "
     "Manipulation, Abwertung, Schuldgefühle – wir lernen, die Muster zu erkennen."),
    ("Spätes Verstehen", ["Narzisstenkinder, Erwachsene"], "affected",
     "Erwachsene, die bei einer narzisstischen Mutter oder einem narzisstischen Vater aufgewachsen sind und heute "
     "ihren eigenen Wert finden wollen."),
    ("Halt finden", ["Verlustängste"], "affected",
     "Für Menschen, die ständig fürchten, verlassen zu werden, und sich deshalb in Beziehungen klammern oder gar "
     "nicht erst darauf einlassen."),
    ("Kopf hoch Südring", ["Psychische Belastung"], "affected",
     "Offene Gruppe für alle, denen gerade alles über den Kopf wächst: Stress im Job, Sorgen in der Familie, eine "
     "Krise, die nicht aufhört."),
    ("Männer in der Krise", ["Psychische Belastung", "Männer"], "affected",
     "Männer reden nicht über Gefühle? Wir schon. Jobverlust, Trennung, Überforderung – einmal im Monat am Feuer "
     "im Gemeinschaftsgarten Nordfeld."),
    ("Seelisch gesund im Alter", ["Psychische Erkrankungen", "Senior*innen"], "affected",
     "Für Menschen ab 60 mit seelischen Belastungen, ob Niedergeschlagenheit, Ängste oder das Gefühl, nicht mehr "
     "gebraucht zu werden."),
    # chronic illness
    ("Frauenselbsthilfe Krebs – Gruppe Bergheide", ["Brustkrebs", "Krebs"], "affected",
     "Frauen nach Brustkrebs und anderen Krebserkrankungen begleiten sich gegenseitig – von der Diagnose über "
     "Operation und Chemotherapie bis zur Nachsorge."),
    ("Lebensmut", ["Krebs"], "both",
     "Gesprächskreis für krebskranke Menschen jeden Alters und ihre Angehörigen. Wir reden über Ängste, Hoffnung "
     "und das Leben mit der Krankheit."),
    ("Prostata-Selbsthilfe Bergheide", ["Prostatakrebs", "Männer"], "affected",
     "Männer mit Prostatakrebs tauschen Erfahrungen aus: Operation, Bestrahlung, Inkontinenz und Potenz – Themen, "
     "über die Männer sonst schweigen."),
    ("ILCO-Gruppe Bergheide", ["Stoma", "Künstlicher Blasen-/Darmausgang", "Darmkrebs"], "both",
     "Für Menschen mit künstlichem Darmausgang oder künstlicher Harnableitung und für Darmkrebsbetroffene. "
     "Angehörige sind herzlich willkommen."),
    ("Blutkrebs-Treff", ["Leukämie", "Multiples Myelom"], "both",
     "Für Betroffene von Leukämien, Lymphomen und Plasmozytom und ihre Angehörigen. Auch nach einer "
     "Stammzelltransplantation."),
    ("Kehlkopflose Bergheide", ["Kehlkopfoperierte"], "affected",
     "Nach der Kehlkopfentfernung wieder sprechen lernen: Wir helfen uns gegenseitig mit der Ersatzstimme und im "
     "Alltag mit dem Tracheostoma."),
    ("Diabetiker Bergheide-Nord", ["Diabetes"], "affected",
     "Für Menschen mit Typ-1- und Typ-2-Diabetes. Wir sprechen über Ernährung, Insulinpumpen, Sensoren und alles, "
     "was der Alltag mit Zucker mit sich bringt."),
    ("Zuckerschnecken", ["Diabetes", "Eltern"], "parents",
     "Eltern von Kindern und Jugendlichen mit Typ-1-Diabetes. Kita, Schule, Klassenfahrt, nächtliche "
     "Unterzuckerungen – bei uns findet ihr Verständnis."),
    ("MS-Kontaktgruppe Bergheide", ["Multiple Sklerose"], "affected",
     "Menschen mit Multipler Sklerose treffen sich monatlich im Altstadttreff. Wir tauschen uns über Schübe, "
     "Therapien und den Alltag aus."),
    ("Junge MS'ler", ["Multiple Sklerose"], "affected",
     "Diagnose mit Anfang zwanzig? Wir sind junge Erwachsene mit MS und wollen uns davon nicht das Leben "
     "vorschreiben lassen."),
    ("Parkinson-Treff Altstadt", ["Parkinson"], "both",
     "Für Menschen mit Morbus Parkinson und ihre Partnerinnen und Partner. Neben dem Austausch machen wir zusammen"
     " Gymnastik und singen."),
    ("Gedächtnisbrücke", ["Demenz", "Alzheimer", "Pflegende Angehörige"], "relatives",
     "Für Angehörige von Menschen mit Demenz oder Alzheimer. Wenn der Vater die eigenen Kinder nicht mehr erkennt,"
     " braucht man Menschen, die einen verstehen."),
    ("DCCV-Gesprächskreis Bergheide", ["Morbus Crohn", "Colitis Ulcerosa"], "affected",
     "Für Menschen mit chronisch-entzündlichen Darmerkrankungen. Durchfälle, Schmerzen, die Suche nach der "
     "nächsten Toilette – hier müssen wir nichts erklären."),
    ("Ohrwurm", ["Tinnitus", "Morbus Menière"], "affected",
     "Für Menschen mit Ohrgeräuschen, nach einem Hörsturz oder mit Drehschwindelanfällen. Wir teilen, was uns "
     "hilft, mit dem Pfeifen im Ohr zu leben."),
    ("Fibro-Treff Bergheide", ["Fibromyalgie"], "affected",
     "Schmerzen am ganzen Körper, bleierne Müdigkeit, und keiner sieht es einem an. Wir nehmen uns gegenseitig "
     "ernst."),
    ("Bechterew-Gruppe Bergheide", ["Morbus Bechterew"], "affected",
     "Funktionstraining im Bewegungsbad und Austausch für Menschen mit entzündlicher Wirbelsäulenerkrankung."),
    ("Schmetterling", ["Hashimoto-Thyreoiditis", "Morbus Basedow"], "affected",
     "Für Menschen mit Schilddrüsenerkrankungen, ob Unter- oder Überfunktion. Wir sprechen über Tabletten, "
     "Blutwerte und Stimmungsschwankungen."),
    ("Long-Covid-Gruppe Bergheide", ["Covid, Long Covid"], "affected",
     "Monate nach der Infektion immer noch erschöpft, kurzatmig, nicht mehr belastbar? Wir sind Betroffene von "
     "Long Covid und Post-Covid."),
    ("Herzkinder Bergheide", ["Herzerkrankte, Kinder"], "parents",
     "Eltern von Kindern mit angeborenem Herzfehler. Wir begleiten uns vor und nach Operationen und treffen uns "
     "auch mit den Kindern."),
    ("Leichter leben", ["Adipositas", "Übergewicht"], "affected",
     "Für Menschen mit starkem Übergewicht, auch vor oder nach einer Magenverkleinerung. Ohne Diätdruck, ohne "
     "Waage."),
    ("Hautsache", ["Hauterkrankungen"], "affected",
     "Neurodermitis, Schuppenflechte und andere Hauterkrankungen: Wir tauschen Tipps aus und machen uns Mut, uns "
     "nicht zu verstecken."),
    ("Lupus- und Sklerodermie-Gruppe", ["Lupus erythematodes", "Sklerodermie"], "affected",
     "Für Menschen mit Kollagenosen, bei denen das Immunsystem den eigenen Körper angreift."),
    ("Transplantiert – neues Leben", ["Organtransplantierte"], "both",
     "Menschen auf der Warteliste und nach einer Nieren-, Leber-, Herz- oder Lungentransplantation, mit ihren "
     "Angehörigen."),
    ("Durchblick Glaukom", ["Glaukom (grüner Star)", "Augenerkrankung"], "affected",
     "Für Menschen mit grünem Star, Makuladegeneration und anderen Augenkrankheiten. Wir informieren über "
     "Behandlungen und Hilfsmittel."),
    ("Dystonie-Gruppe Bergheide", ["Dystonie", "Torticollis Spasticus", "Blepharospasmus"], "affected",
     "Für Menschen mit Dystonien wie Schiefhals oder Lidkrampf. Wir tauschen uns über Botox-Behandlung und "
     "Alltagshilfen aus."),
    ("Aneurysma-Selbsthilfe", ["Hirn-Aneurysma"], "both",
     "Für Menschen nach einer Hirnblutung oder mit entdecktem Aneurysma und ihre Familien."),
    ("Schlaganfall-Treff Westerholz", ["Schlaganfall"], "both",
     "Nach dem Schlaganfall ist vieles anders: Lähmungen, Sprachstörungen, Angst vor dem nächsten. Betroffene und "
     "Angehörige treffen sich im Gemeindehaus Westerholz."),
    ("Epilepsie-Selbsthilfe Bergheide", ["Epilepsie"], "both",
     "Für Menschen mit Anfallsleiden und ihre Angehörigen. Führerschein, Arbeit, Medikamente und die Angst vor dem"
     " nächsten Anfall."),
    ("Positiv leben", ["AIDS / HIV"], "affected",
     "Geschützter Treff für Menschen mit HIV. Vertraulich, ohne Vorurteile."),
    # addiction
    ("Kreuzbund Bergheide-Altstadt", ["Alkoholabhängigkeit", "Medikamentenabhängigkeit"], "both",
     "Suchtkranke und Angehörige finden bei uns Hilfe auf dem Weg in ein zufriedenes Leben ohne Alkohol und "
     "Tabletten."),
    ("Blaues Kreuz Nordfeld", ["Alkoholabhängigkeit", "Sucht"], "both",
     "Begegnungsgruppe für Menschen mit Alkoholproblemen und anderen Abhängigkeiten und ihre Familien."),
    ("Anonyme Alkoholiker Bergheide", ["Alkoholabhängigkeit"], "affected",
     "Wir sind eine Gemeinschaft von Männern und Frauen, die miteinander ihre Erfahrung teilen, um von ihrem "
     "Trinkproblem loszukommen."),
    ("Al-Anon Familiengruppe Bergheide", ["Alkoholabhängigkeit"], "relatives",
     "Für Angehörige und Freunde von Alkoholikern. Wir lernen, uns nicht länger für das Trinken eines anderen "
     "verantwortlich zu fühlen."),
    ("Freundeskreis Südring", ["Sucht"], "both",
     "Offen für alle Süchte: Alkohol, Tabletten, Drogen, Glücksspiel. Betroffene und Angehörige sind gleichermaßen"
     " willkommen."),
    ("Leuchtturm", ["Sucht"], "relatives",
     "Für Partner, Eltern und erwachsene Kinder von suchtkranken Menschen. Co-Abhängigkeit erkennen und wieder an "
     "sich selbst denken."),
    ("Narcotics Anonymous Bergheide", ["Drogenabhängigkeit"], "affected",
     "Clean werden und clean bleiben: Meetings für Menschen, die von Drogen loskommen wollen."),
    ("Eltern drogengefährdeter Kinder", ["Drogenabhängigkeit", "Eltern"], "parents",
     "Wenn das eigene Kind Drogen nimmt, steht die ganze Familie Kopf. Wir sind Eltern, die das kennen."),
    ("Grasfrei", ["Drogenabhängigkeit"], "affected",
     "Für junge Leute, die vom Kiffen loskommen wollen. Kein Predigen, nur ehrlicher Austausch."),
    ("Anonyme Spieler Bergheide", ["Glücksspiel", "Spielsucht"], "affected",
     "Automaten, Sportwetten, Online-Casino: Wir haben alles verspielt und fangen neu an."),
    ("Offline-Eltern", ["Spielsucht", "Eltern"], "parents",
     "Unser Kind sitzt Tag und Nacht vor dem Computer oder dem Handy. Eltern tauschen sich über Regeln, Streit und"
     " Hilfe aus."),
    ("Tablettenfrei", ["Medikamentenabhängigkeit"], "affected",
     "Für Menschen, die von Schlaf- und Beruhigungsmitteln oder Schmerzmitteln abhängig geworden sind."),
    ("S.L.A.A. Bergheide", ["Sex- / Liebessucht"], "affected",
     "Anonyme Sex- und Liebessüchtige: für alle, die zwanghaft nach Sex, Beziehungen oder Romantik suchen."),
    ("Trockene Frauen", ["Alkoholabhängigkeit", "Frauen"], "affected",
     "Frauengruppe für Frauen, die aufgehört haben zu trinken oder damit aufhören wollen."),
    # social
    ("Trauercafé Lichtblick", ["Trauer"], "affected",
     "Für alle, die einen nahen Menschen verloren haben. Bei Kaffee und Kuchen ist Zeit für Erinnerungen, Tränen "
     "und auch Lachen."),
    ("Verwaiste Eltern Bergheide", ["Trauer", "Eltern"], "parents",
     "Für Mütter und Väter, deren Kind gestorben ist, egal wie alt es war und wie lange es her ist."),
    ("Sternenkinder Bergheide", ["Trauer", "Eltern"], "parents",
     "Eltern, deren Baby in der Schwangerschaft, bei der Geburt oder kurz danach gestorben ist."),
    ("Weiterleben", ["Trauer"], "affected",
     "Für Witwen und Witwer und alle, die ihre Partnerin oder ihren Partner verloren haben."),
    ("Nach dem Suizid", ["Trauer"], "affected",
     "Für Menschen, die einen Angehörigen oder Freund durch Suizid verloren haben. Hier darf man alle Fragen "
     "stellen, auch die nach dem Warum."),
    ("Alleinerziehend in Bergheide", ["Alleinerziehend"], "affected",
     "Mütter und Väter, die ihre Kinder allein großziehen, treffen sich samstags mit Kinderbetreuung."),
    ("Papa bleibt", ["Väter nach Trennung"], "affected",
     "Väter, die nach der Trennung um den Kontakt zu ihren Kindern kämpfen. Umgang, Unterhalt, Jugendamt – wir "
     "kennen das."),
    ("Neuanfang", ["Trennung"], "affected",
     "Für Frauen und Männer nach Trennung oder Scheidung, die wieder Boden unter die Füße bekommen wollen."),
    ("Pflegende Angehörige Eichwalde", ["Pflegende Angehörige"], "relatives",
     "Für alle, die einen Menschen zu Hause pflegen, ob Eltern, Partner oder Kind. Eine Stunde für uns selbst."),
    ("QueerTreff Bergheide", ["Homosexualität", "Lesben", "Schwule"], "affected",
     "Offener Treff für Lesben, Schwule, Bi- und Transmenschen jeden Alters, auch für alle vor oder nach dem "
     "Coming-out."),
    ("Regenbogen-Eltern", ["Homosexualität", "Eltern"], "parents",
     "Eltern, deren Kind sich als schwul, lesbisch oder trans geoutet hat, tauschen Fragen und Sorgen aus."),
    ("Frauen helfen Frauen", ["Gewalt/Missbrauch, Opfer", "Frauen"], "affected",
     "Für Frauen, die in ihrer Beziehung geschlagen, bedroht oder gedemütigt wurden. Geschützte Gruppe, Kontakt "
     "über das Selbsthilfebüro."),
    ("Stimme finden", ["Missbrauch, sexueller"], "affected",
     "Für Frauen und Männer, die als Kind sexuelle Gewalt erlebt haben."),
    ("Kriegsenkel Bergheide", ["Kriegsenkel"], "affected",
     "Die Eltern haben den Krieg als Kinder erlebt und nie darüber gesprochen. Wir spüren den Spuren nach, die das"
     " in unserer Familie hinterlassen hat."),
    ("Café International", ["Geflüchtete", "Frauen"], "affected",
     "Treffpunkt für Frauen, die aus ihrer Heimat fliehen mussten. Wir sprechen Deutsch, Arabisch, Farsi, "
     "Ukrainisch und mit Händen und Füßen."),
    ("Gemeinsam statt einsam", ["Einsamkeit", "Senior*innen"], "affected",
     "Für ältere Menschen, die allein leben und Anschluss suchen. Gemeinsame Spaziergänge, Spielenachmittage und "
     "Gespräche."),
    ("Pflegefamilien-Treff", ["Pflegeeltern"], "parents",
     "Pflegemütter und Pflegeväter tauschen sich über den Alltag mit ihren Pflegekindern aus."),
    ("Adoptivfamilien Bergheide", ["Adoptiveltern"], "parents",
     "Eltern, die ein Kind adoptiert haben oder adoptieren möchten."),
    ("Ohne Dach", ["Obdachlosigkeit"], "affected",
     "Menschen, die auf der Straße leben oder lebten, treffen sich im Tagesaufenthalt am Bahnhof."),
    # disability
    ("Spektrum Bergheide", ["Autismus", "Eltern"], "parents",
     "Eltern von Kindern im Autismus-Spektrum. Diagnose, Schulbegleitung, Reizüberflutung – gemeinsam finden wir "
     "Wege."),
    ("Aspies unter sich", ["Autismus"], "affected",
     "Erwachsene Autistinnen und Autisten treffen sich in ruhiger Runde, mit klaren Regeln und ohne "
     "Smalltalk-Zwang."),
    ("FASD-Familien Bergheide", ["Fetales Alkohol-Syndrom (FASD)", "Pflegeeltern"], "parents",
     "Pflege-, Adoptiv- und leibliche Eltern von Kindern, deren Mutter in der Schwangerschaft getrunken hat."),
    ("Hörbar", ["Hörgeschädigte", "Cochlea-Implantat (CI)"], "affected",
     "Für schwerhörige Menschen und Träger von Hörgeräten oder Cochlea-Implantaten. Unsere Treffen finden mit "
     "Ringschleife statt."),
    ("Gehörlosenverein Bergheide", ["Gehörlosigkeit"], "affected",
     "Treffpunkt der Gehörlosen in Bergheide. Wir unterhalten uns in Gebärdensprache."),
    ("Sehbehinderte und Blinde Bergheide", ["Sehbehinderte", "Blindheit/Erblindung"], "affected",
     "Für Menschen, die schlecht oder gar nicht sehen. Wir helfen uns mit Hilfsmitteln, Vorlesen und Begleitung."),
    ("Redefluss", ["Stottern"], "affected",
     "Selbsthilfegruppe für stotternde Jugendliche und Erwachsene. Hier hat jeder Zeit, auszusprechen."),
    ("Buchstabensalat", ["Legasthenie"], "parents",
     "Eltern von Kindern mit Lese-Rechtschreib-Schwäche. Nachteilsausgleich, Förderung und Selbstvertrauen."),
    ("Lebenshilfe-Elternkreis", ["Behinderung", "Eltern"], "parents",
     "Eltern von Kindern mit geistiger oder mehrfacher Behinderung treffen sich im Haus der Lebenshilfe am "
     "Mühlbach."),
    ("Glückschromosom", ["Chromosomenschädigung"], "parents",
     "Familien mit Kindern mit Down-Syndrom. Wir feiern das Extra-Chromosom und tauschen uns über Kita und Schule "
     "aus."),
    ("Rollstuhl-Treff Bergheide", ["Behinderung"], "affected",
     "Rollstuhlfahrer und Menschen mit Gehbehinderung treffen sich und setzen sich für eine barrierefreie Stadt "
     "ein."),
    ("Amputierte Bergheide", ["Amputation"], "affected",
     "Nach dem Verlust eines Beins oder Arms: Wir geben Erfahrungen mit Prothesen weiter und besuchen "
     "Neu-Amputierte im Krankenhaus."),
]  # fmt: skip

CANCER = {"Krebs", "Brustkrebs", "Prostatakrebs", "Darmkrebs", "Leukämie", "Multiples Myelom", "Kehlkopfoperierte"}
ADDICTION = {
    "Sucht",
    "Alkoholabhängigkeit",
    "Drogenabhängigkeit",
    "Medikamentenabhängigkeit",
    "Glücksspiel",
    "Spielsucht",
    "Sex- / Liebessucht",
}
ALCOHOL = {"Alkoholabhängigkeit", "Sucht"}
DRUGS = {"Drogenabhängigkeit", "Sucht"}
PILLS = {"Medikamentenabhängigkeit", "Sucht"}
GAMBLING = {"Glücksspiel", "Sucht"}
GAMING = {"Spielsucht", "Sucht"}
ANXIETY = {"Angsterkrankungen", "Panikattacken", "Soziale Phobie"}
PANIC = {"Panikattacken", "Angsterkrankungen"}
DEMENTIA = {"Demenz", "Alzheimer"}
EATING = {"Essstörungen", "Anorexie", "Bulimie"}
BORDERLINE = {"Borderline", "Emotional instabile Persönlichkeitsstörung"}
TRAUMA = {"Traumatisierung", "Komplexe PTBS"}
BURNOUT = {"Depression", "Psychische Belastung"}
IBD = {"Morbus Crohn", "Colitis Ulcerosa"}
HEARING = {"Hörgeschädigte", "Cochlea-Implantat (CI)"}
SEPARATION = {"Trennung", "Väter nach Trennung"}
NARCISSISM = {"Narzissmus, Partnerschaft", "Narzisstenkinder, Erwachsene"}
STROKE = {"Schlaganfall", "Hirn-Aneurysma"}
THYROID = {"Hashimoto-Thyreoiditis", "Morbus Basedow"}
OBESITY = {"Adipositas", "Übergewicht"}
GAY = {"Homosexualität", "Lesben", "Schwule"}

HELD_OUT_11: list[tuple[str, str, set[str], str]] = [
    # one word: a condition or life situation as people call it
    ("word", "Depression", {"Depression"}, ""),
    ("word", "Trauer", {"Trauer"}, ""),
    ("word", "Angst", ANXIETY, ""),
    ("word", "Krebs", CANCER, ""),
    ("word", "Alkohol", ALCOHOL, ""),
    ("word", "Demenz", DEMENTIA, ""),
    ("word", "Panik", PANIC, ""),
    ("word", "Einsamkeit", {"Einsamkeit"}, ""),
    ("word", "Scheidung", SEPARATION, ""),
    ("word", "Tinnitus", {"Tinnitus"}, ""),
    ("word", "Stottern", {"Stottern"}, ""),
    ("word", "Autismus", {"Autismus"}, ""),
    ("word", "Epilepsie", {"Epilepsie"}, ""),
    ("word", "Schlaganfall", STROKE, ""),
    ("word", "Fibromyalgie", {"Fibromyalgie"}, ""),
    ("word", "Borderline", BORDERLINE, ""),
    ("word", "Psychose", {"Psychose"}, ""),
    ("word", "Magersucht", {"Anorexie", "Essstörungen"}, ""),
    ("word", "Diabetes", {"Diabetes"}, ""),
    ("word", "Parkinson", {"Parkinson"}, ""),
    ("word", "Burnout", BURNOUT, ""),
    ("word", "Sucht", ADDICTION, ""),
    ("word", "Rheuma", {"Fibromyalgie", "Morbus Bechterew", "Lupus erythematodes", "Sklerodermie"}, ""),
    ("word", "Narzissmus", NARCISSISM, ""),
    ("word", "Menière", {"Morbus Menière"}, ""),
    ("word", "Migration", {"Geflüchtete"}, ""),
    ("word", "Krise", {"Psychische Belastung"}, ""),
    ("word", "Überlastung", {"Psychische Belastung"}, ""),
    ("word", "Jobverlust", {"Psychische Belastung"}, ""),
    ("word", "Reizüberflutung", {"Hochsensibilität", "Autismus"}, ""),
    ("word", "Wutausbrüche", BORDERLINE, ""),
    ("word", "Psychiatrieerfahrung", {"Psychiatrie-Erfahrene"}, ""),
    ("word", "Durchfall", IBD, ""),
    ("word", "Colitis", {"Colitis Ulcerosa"}, ""),
    ("word", "Akne", {"Hauterkrankungen"}, ""),
    ("word", "Wirbelsäule", {"Morbus Bechterew"}, ""),
    ("word", "Vergesslichkeit", DEMENTIA, ""),
    ("word", "Transgender", GAY, ""),
    ("word", "Aids", {"AIDS / HIV"}, ""),
    ("word", "Gendefekt", {"Chromosomenschädigung"}, ""),
    ("word", "Barrierefreiheit", {"Behinderung"}, ""),
    ("word", "Braille", {"Sehbehinderte", "Blindheit/Erblindung"}, ""),
    ("word", "Gebärden", {"Gehörlosigkeit"}, ""),
    ("word", "Makula", {"Augenerkrankung"}, ""),
    ("word", "Potenz", {"Prostatakrebs"}, ""),
    ("word", "Ersatzstimme", {"Kehlkopfoperierte"}, ""),
    ("word", "Harnableitung", {"Künstlicher Blasen-/Darmausgang", "Stoma"}, ""),
    ("word", "Stammzelltransplantation", {"Leukämie", "Multiples Myelom"}, ""),
    ("word", "Kalorienzählen", EATING, ""),
    ("word", "Albtraum", TRAUMA, ""),
    ("word", "Händewaschen", {"Zwangsstörungen"}, ""),
    ("word", "Kontrollieren", {"Zwangsstörungen"}, ""),
    ("word", "Aufschieben", {"ADHS, Erwachsene"}, ""),
    ("word", "Lampenfieber", {"Soziale Phobie"}, ""),
    ("word", "Rotwerden", {"Soziale Phobie"}, ""),
    ("word", "Bindungsangst", {"Verlustängste"}, ""),
    ("word", "Unterzuckerung", {"Diabetes"}, ""),
    ("word", "Lidkrampf", {"Blepharospasmus", "Dystonie"}, ""),
    ("word", "Schwindelanfälle", {"Morbus Menière"}, ""),
    # colloquial words and synonyms
    ("colloquial", "Zucker", {"Diabetes"}, ""),
    ("colloquial", "Kiffen", DRUGS, ""),
    ("colloquial", "Zocken", {"Glücksspiel", "Spielsucht", "Sucht"}, ""),
    ("colloquial", "schwul", {"Schwule", "Homosexualität"}, ""),
    ("colloquial", "Liebeskummer", {"Trennung"}, ""),
    ("colloquial", "Suff", ALCOHOL, ""),
    ("colloquial", "Klapse", {"Psychiatrie-Erfahrene", "Psychische Erkrankungen"}, ""),
    ("colloquial", "Durchhänger", {"Depression"}, ""),
    ("colloquial", "Putzfimmel", {"Zwangsstörungen"}, ""),
    ("colloquial", "Sammelwut", {"Messies"}, ""),
    ("colloquial", "Fettsucht", OBESITY, ""),
    ("colloquial", "Quartalstrinker", ALCOHOL, ""),
    ("colloquial", "Ohrenpfeifen", {"Tinnitus"}, ""),
    ("colloquial", "erschöpft", BURNOUT | {"Covid, Long Covid"}, ""),
    ("colloquial", "kurzatmig", {"Covid, Long Covid"}, ""),
    ("colloquial", "Herbstdepression", {"Depression"}, ""),
    ("colloquial", "Ganzkörperschmerzen", {"Fibromyalgie"}, ""),
    # compounds people form
    ("compound", "Alkoholsucht", ALCOHOL, ""),
    ("compound", "Trauergruppe", {"Trauer"}, ""),
    ("compound", "Spielsucht", {"Glücksspiel", "Spielsucht", "Sucht"}, ""),
    ("compound", "Brustkrebs", {"Brustkrebs", "Krebs"}, ""),
    ("compound", "Wochenbettdepression", {"Depression"}, "+Mütter"),
    ("compound", "Wettschulden", GAMBLING, ""),
    ("compound", "Scheidungsvater", {"Väter nach Trennung"}, ""),
    ("compound", "Magenband", OBESITY, ""),
    ("compound", "Trinkproblem", ALCOHOL, ""),
    ("compound", "Suchtproblem", ADDICTION, ""),
    ("compound", "Drogenkonsum", DRUGS, ""),
    ("compound", "Cannabissucht", DRUGS, ""),
    ("compound", "Onlinesucht", GAMING, ""),
    ("compound", "Automatensucht", GAMBLING, ""),
    ("compound", "Tumorerkrankung", CANCER, ""),
    ("compound", "Darmentzündung", IBD, ""),
    ("compound", "Hautkrankheit", {"Hauterkrankungen"}, ""),
    ("compound", "Augenkrankheit", {"Augenerkrankung", "Glaukom (grüner Star)"}, ""),
    ("compound", "Hörprobleme", HEARING, ""),
    ("compound", "Spenderniere", {"Organtransplantierte"}, ""),
    ("compound", "Vätergruppe", {"Väter nach Trennung"}, ""),
    ("compound", "Witwentreff", {"Trauer"}, ""),
    ("compound", "Seniorentreff", {"Senior*innen"}, ""),
    ("compound", "Frauenselbsthilfe", {"Brustkrebs"}, ""),
    ("compound", "Binge-Eating", {"Essstörungen", "Bulimie"}, ""),
    ("compound", "Fressanfälle", {"Essstörungen", "Bulimie"}, ""),
    ("compound", "Magen-OP", OBESITY, ""),
    ("compound", "Schilddrüsenwerte", THYROID, ""),
    ("compound", "Zuckerwerte", {"Diabetes"}, ""),
    ("compound", "Dauerstress", {"Psychische Belastung"}, ""),
    ("compound", "Rollstuhlfahrer", {"Behinderung"}, ""),
    ("compound", "Beinamputation", {"Amputation"}, ""),
    ("compound", "Lärmempfindlich", {"Hochsensibilität"}, ""),
    ("compound", "Lese-Rechtschreibschwäche", {"Legasthenie"}, ""),
    # inflected and derived forms
    ("derived", "depressiv", {"Depression"}, ""),
    ("derived", "trauern", {"Trauer"}, ""),
    ("derived", "Alkoholiker", ALCOHOL, ""),
    ("derived", "süchtig", ADDICTION, ""),
    ("derived", "einsam", {"Einsamkeit"}, ""),
    ("derived", "magersüchtig", {"Anorexie", "Essstörungen"}, ""),
    ("derived", "obdachlos", {"Obdachlosigkeit"}, ""),
    ("derived", "autistisch", {"Autismus"}, ""),
    ("derived", "Diabetiker", {"Diabetes"}, ""),
    ("derived", "geschieden", SEPARATION, ""),
    ("derived", "alleinerziehend", {"Alleinerziehend"}, ""),
    ("derived", "hochsensibel", {"Hochsensibilität"}, ""),
    ("derived", "trocken", ALCOHOL, ""),
    ("derived", "abhängig", ADDICTION, ""),
    ("derived", "verfolgt", {"Psychose"}, ""),
    ("derived", "misshandelt", {"Gewalt/Missbrauch, Opfer", "Missbrauch, sexueller"}, ""),
    ("derived", "medikamentenabhängig", PILLS, ""),
    ("derived", "Prothesenträger", {"Amputation"}, ""),
    # typos
    ("typo", "Parkison", {"Parkinson"}, ""),
    ("typo", "Tinitus", {"Tinnitus"}, ""),
    ("typo", "Diabets", {"Diabetes"}, ""),
    ("typo", "Depresion", {"Depression"}, ""),
    ("typo", "Alzeimer", DEMENTIA, ""),
    ("typo", "Bulemie", {"Bulimie", "Essstörungen"}, ""),
    ("typo", "Austismus", {"Autismus"}, ""),
    ("typo", "Alkhol", ALCOHOL, ""),
    ("typo", "Krohn", {"Morbus Crohn"}, ""),
    ("typo", "Panikattake", PANIC, ""),
    ("typo", "Narzissmuss", NARCISSISM, ""),
    ("typo", "Zwangsstörrung", {"Zwangsstörungen"}, ""),
    ("typo", "Fibromyalige", {"Fibromyalgie"}, ""),
    ("typo", "Demens", DEMENTIA, ""),
    ("typo", "Menniere", {"Morbus Menière"}, ""),
    ("typo", "Bechterev", {"Morbus Bechterew"}, ""),
    ("typo", "Aspergar", {"Autismus"}, ""),
    ("typo", "Magersuch", {"Anorexie", "Essstörungen"}, ""),
    ("typo", "Brustkrbs", {"Brustkrebs", "Krebs"}, ""),
    # spellings without umlauts or ß
    ("umlaut", "Essstoerung", EATING, ""),
    ("umlaut", "schwerhoerig", HEARING, ""),
    ("umlaut", "Uebergewicht", OBESITY, ""),
    ("umlaut", "haeusliche Gewalt", {"Gewalt/Missbrauch, Opfer"}, ""),
    ("umlaut", "pflegende Angehoerige", {"Pflegende Angehörige"}, ""),
    ("umlaut", "Fluechtlinge", {"Geflüchtete"}, ""),
    ("umlaut", "Trauergespraechskreis", {"Trauer"}, ""),
    ("umlaut", "Selbsthilfegruppe Aengste", ANXIETY, ""),
    ("umlaut", "Essstoerungen Eltern", EATING, "relatives"),
    ("umlaut", "Gefluechtete Frauen", {"Geflüchtete"}, ""),
    ("umlaut", "Schwule Maenner", {"Schwule"}, ""),
    ("umlaut", "Demenzkranke Angehoerige", DEMENTIA | {"Pflegende Angehörige"}, "relatives"),
    ("umlaut", "Alleinerziehende Muetter", {"Alleinerziehend"}, ""),
    ("umlaut", "Koerperbehinderung", {"Behinderung"}, ""),
    # abbreviations
    ("abbreviation", "MS", {"Multiple Sklerose"}, ""),
    ("abbreviation", "ADHS", {"ADHS, Erwachsene"}, ""),
    ("abbreviation", "PTBS", TRAUMA, ""),
    ("abbreviation", "HIV", {"AIDS / HIV"}, ""),
    ("abbreviation", "ADS", {"ADHS, Erwachsene"}, ""),
    ("abbreviation", "CED", IBD, ""),
    ("abbreviation", "LRS", {"Legasthenie"}, ""),
    ("abbreviation", "CI", {"Cochlea-Implantat (CI)"}, ""),
    ("abbreviation", "AA", {"Alkoholabhängigkeit"}, ""),
    ("abbreviation", "DIS", {"Dissoziative Störung"}, ""),
    ("abbreviation", "FAS", {"Fetales Alkohol-Syndrom (FASD)"}, ""),
    ("abbreviation", "DCCV", IBD, ""),
    ("abbreviation", "ME/CFS", {"Covid, Long Covid"}, ""),
    # two words
    ("words", "Angehörige Demenz", DEMENTIA | {"Pflegende Angehörige"}, "relatives"),
    ("words", "Sucht Angehörige", ADDICTION, "relatives"),
    ("words", "Long Covid", {"Covid, Long Covid"}, ""),
    ("words", "psychisch krank", {"Psychische Erkrankungen", "Psychiatrie-Erfahrene"}, ""),
    ("words", "Depression Heidekamp", {"Depression"}, ""),
    ("words", "Sucht Südring", ADDICTION, ""),
    ("words", "Krebs Brunnenhof", CANCER, ""),
    ("words", "Angst vorm Fliegen", {"Angsterkrankungen"}, ""),
    ("words", "Trauer Mama", {"Trauer"}, ""),
    ("words", "Rentner einsam", {"Einsamkeit"}, ""),
    ("words", "Angehörige Psychose", {"Psychose", "Psychische Erkrankungen", "Psychiatrie-Erfahrene"}, "relatives"),
    ("words", "Mutter depressiv", {"Depression"}, "relatives"),
    ("words", "Eltern Magersucht", {"Anorexie", "Essstörungen"}, "relatives"),
    ("words", "Darmkrebs Angehörige", {"Darmkrebs", "Krebs"}, "relatives"),
    ("words", "Demenz Pflege", DEMENTIA | {"Pflegende Angehörige"}, ""),
    ("words", "Herzfehler Kind", {"Herzerkrankte, Kinder"}, ""),
    ("words", "Kind Down-Syndrom", {"Chromosomenschädigung"}, ""),
    ("words", "behindertes Kind", {"Behinderung"}, "relatives"),
    ("words", "Diabetes Kita", {"Diabetes"}, "+Eltern"),
    ("words", "Bipolar Angehörige", {"Bipolare Störung"}, "relatives"),
    ("words", "Schwester Borderline", BORDERLINE, "relatives"),
    ("words", "Männer Krise", {"Psychische Belastung"}, "+Männer"),
    ("words", "Hirnblutung Angehörige", STROKE, "relatives"),
    ("words", "HIV positiv", {"AIDS / HIV"}, ""),
    ("words", "Schuppenflechte Gelenke", {"Hauterkrankungen"}, ""),
    ("words", "Alkohol Schwangerschaft", {"Fetales Alkohol-Syndrom (FASD)"}, ""),
    ("words", "Missbrauch Kindheit", {"Missbrauch, sexueller"} | TRAUMA, ""),
    ("words", "toxische Mutter", {"Narzisstenkinder, Erwachsene"}, ""),
    ("words", "Manipulation Beziehung", {"Narzissmus, Partnerschaft"}, ""),
    ("words", "Obdachlos Hilfe", {"Obdachlosigkeit"}, ""),
    ("words", "clean werden", DRUGS, ""),
    ("words", "trocken werden", ALCOHOL, ""),
    # short life situations
    ("situation", "Mann trinkt zu viel", ALCOHOL, "relatives"),
    ("situation", "mein Sohn trinkt", ALCOHOL, "relatives"),
    ("situation", "Vater trinkt heimlich", ALCOHOL, "relatives"),
    ("situation", "Mama trinkt", ALCOHOL, "relatives"),
    ("situation", "Tochter Drogen", DRUGS, "relatives"),
    ("situation", "Sohn Crystal", DRUGS, "relatives"),
    ("situation", "Enkel zockt", GAMING, "relatives"),
    ("situation", "Partner spielsüchtig", GAMBLING, "relatives"),
    ("situation", "Frau spielt Automaten", GAMBLING, "relatives"),
    ("situation", "Schulden vom Spielen", GAMBLING, ""),
    ("situation", "ich kann nicht aufhören zu trinken", ALCOHOL, ""),
    ("situation", "Opa wird vergesslich", DEMENTIA | {"Pflegende Angehörige"}, "relatives"),
    ("situation", "Frau hat Brustkrebs", {"Brustkrebs", "Krebs"}, "relatives"),
    ("situation", "Kind hat Autismus", {"Autismus"}, "relatives"),
    ("situation", "meine Mutter ist gestorben", {"Trauer"}, ""),
    ("situation", "Freund hat sich umgebracht", {"Trauer"}, ""),
    ("situation", "ich darf mein Kind nicht sehen", SEPARATION, ""),
    ("situation", "ich sehe Dinge die nicht da sind", {"Psychose"}, ""),
    # no group of this directory answers
    ("none", "Nichtraucher", set(), ""),
    ("none", "COPD", set(), ""),
    ("none", "Hochbegabung", set(), ""),
    ("none", "Tagesmutter", set(), ""),
    ("none", "Reizdarm", set(), ""),
    ("none", "Nachhilfe", set(), ""),
    ("none", "Krabbelgruppe", set(), ""),
]  # fmt: skip

if __name__ == "__main__":
    from search_quality_sets import main

    main("held-out-11")
