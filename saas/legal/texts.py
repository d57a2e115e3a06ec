"""Default texts: the page in Leichte Sprache and the fixed parts of the accessibility statement."""

from __future__ import annotations

from tenants.models import Tenant

# Leichte Sprache (Netzwerk Leichte Sprache): short sentences, one statement each, hard words explained.
EASY_LANGUAGE_DEFAULT = """Wir sind die {name}.

Wir helfen Menschen mit Selbsthilfe.

Was ist eine Selbsthilfe-Gruppe?
In einer Selbsthilfe-Gruppe treffen sich Menschen.
Die Menschen haben das gleiche Problem.
Zum Beispiel: eine Krankheit.
Oder: Sorgen in der Familie.
Die Menschen sprechen miteinander.
Sie helfen sich gegenseitig.
Die Gruppe kostet kein Geld.

Was machen wir?
Wir sagen Ihnen: Diese Gruppe passt zu Ihnen.
Wir helfen, wenn Sie eine neue Gruppe gründen wollen.
Gründen heißt: Sie fangen eine neue Gruppe an.
Die Beratung bei uns kostet kein Geld.
Alles bleibt geheim.

So finden Sie eine Gruppe:
Auf dieser Internet-Seite gibt es den Wegweiser.
Im Wegweiser stehen die Gruppen.
Sie können ein Wort eingeben.
Zum Beispiel: Angst.
Dann sehen Sie Gruppen zu dem Thema.

Sie können uns auch anrufen.
Oder Sie schreiben uns eine E-Mail.
Wir helfen Ihnen gern."""


def easy_language_text(tenant: Tenant, custom: str | None) -> str:
    return custom.strip() if custom and custom.strip() else EASY_LANGUAGE_DEFAULT.format(name=tenant.name)


def paragraphs(text: str) -> list[list[str]]:
    """Paragraphs (separated by a blank line), each a list of lines: Leichte Sprache keeps one sentence a line."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [[line.strip() for line in b.split("\n") if line.strip()] for b in blocks if b]


# The conciliation body for accessibility disputes (§ 16 BGG); offices of the Länder name their own too.
SCHLICHTUNGSSTELLE = {
    "name": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG) bei dem Beauftragten der "
    "Bundesregierung für die Belange von Menschen mit Behinderungen",
    "address": "Mauerstraße 53, 10117 Berlin",
    "phone": "030 18 527-2805",
    "email": "info@schlichtungsstelle-bgg.de",
    "url": "https://www.schlichtungsstelle-bgg.de",
}
