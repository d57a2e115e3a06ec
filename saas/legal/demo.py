"""Demo Impressum data: complete for every demo office, so the demo offices are live.

Taken from the seeds where they say it (Dortmund: publisher, address and editors from the annual report
2023, seed 001; the managing director of PariSozial Dortmund from seed 000). What the seeds do not say is
marked "(Demo-Angabe)", never presented as a real register number or person.
"""

from __future__ import annotations

import datetime as dt

from saas.core.demo import register_seeder
from saas.legal import operations as ops
from tenants.models import Tenant
from tenants.scoping import tenant_context

DEMO = "(Demo-Angabe)"

LEGAL = {
    "dortmund": {
        "operator_name": "PariSozial Dortmund gGmbH",
        "legal_form": "gemeinnützige GmbH",
        "street": "Ostenhellweg 42-48 (Eingang Moritzgasse)",
        "postcode": "44135",
        "city": "Dortmund",
        "representatives": "Gunther Niermann, Geschäftsführer",
        "email": "selbsthilfe-dortmund@paritaet-nrw.org",
        "phone": "0231 52 90 97",
        "register_entry": f"Amtsgericht Dortmund, Handelsregister B {DEMO}",
        "content_responsible": "Sabine Wojczak, Kirsten Danner (Selbsthilfe-Kontaktstelle Dortmund)",
        "privacy_authority": "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, "
        "Kavalleriestraße 2-4, 40213 Düsseldorf",
    },
    "hamm": {
        "operator_name": f"Der Paritätische NRW, Kreisgruppe Hamm {DEMO}",
        "legal_form": "eingetragener Verein",
        "street": f"Musterstraße 1 {DEMO}",
        "postcode": "59065",
        "city": "Hamm",
        "representatives": f"Geschäftsführung der Kreisgruppe {DEMO}",
        "email": "selbsthilfe-hamm@example.org",
        "phone": f"02381 000000 {DEMO}",
        "register_entry": f"Vereinsregister {DEMO}",
        "content_responsible": f"Leitung der Selbsthilfe-Kontaktstelle Hamm {DEMO}",
        "privacy_authority": "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, "
        "Kavalleriestraße 2-4, 40213 Düsseldorf",
    },
    "kreis-unna": {
        "operator_name": "Kreis Unna",
        "legal_form": "Körperschaft des öffentlichen Rechts",
        "street": "Friedrich-Ebert-Straße 17",
        "postcode": "59425",
        "city": "Unna",
        "representatives": f"Landrat des Kreises Unna {DEMO}",
        "email": "selbsthilfe@kreis-unna.de",
        "phone": "0 23 03 / 27 28 29",
        "register_entry": "keine Registereintragung (Körperschaft des öffentlichen Rechts)",
        "supervisory_authority": "Bezirksregierung Arnsberg",
        "content_responsible": f"K.I.S.S. Kreis Unna, Leitung {DEMO}",
        "privacy_authority": "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, "
        "Kavalleriestraße 2-4, 40213 Düsseldorf",
    },
    "dithmarschen": {
        "operator_name": "DRK-Kreisverband Dithmarschen e. V.",
        "legal_form": "eingetragener Verein",
        "street": f"Musterweg 1 {DEMO}",
        "postcode": "25746",
        "city": "Heide",
        "representatives": f"Vorstand des DRK-Kreisverbandes {DEMO}",
        "email": "selbsthilfe-dithmarschen@example.org",
        "phone": f"0481 000000 {DEMO}",
        "register_entry": f"Vereinsregister {DEMO}",
        "content_responsible": f"Zentrale Kontaktstelle für Selbsthilfe {DEMO}",
        "privacy_authority": "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD), "
        "Holstenstraße 98, 24103 Kiel",
    },
}

A11Y = {
    "a11y_status": "partial",
    "a11y_gaps": "Ältere PDF-Dokumente (Jahresberichte vor 2024) sind nicht barrierefrei. Auf Anfrage schicken "
    "wir Ihnen die Inhalte in einer zugänglichen Form.",
    "a11y_reviewed_on": dt.date(2026, 11, 1),
}


@register_seeder(950)  # last: the privacy notice names the features the office's demo data uses
def seed_legal(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    for slug, values in LEGAL.items():
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            if ops.legal_of(tenant) is not None:
                continue
            ops.update_legal(tenant, {**values, **A11Y})
            created = True
    return created
