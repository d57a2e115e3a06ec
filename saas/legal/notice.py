"""The privacy notice (DSGVO Art. 13/14), generated from what the office really uses and its own settings.

Each section says what is processed, why (legal basis), how long it is kept (the office's retention
settings, see saas.privacy.retention) and who receives it. A change of any of these gives a new text; a
new text is stored as a new :class:`PrivacyNoticeVersion` with its date, the old ones stay.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import Select, func, select

from saas.extensions import db
from saas.legal.models import OfficeLegal, PrivacyNoticeVersion
from saas.privacy.retention import retention_days
from tenants.models import Tenant


@dataclass(frozen=True)
class Usage:
    """Which features the office uses in public: only those appear in its notice."""

    newsletter: bool
    inquiries: bool
    events: bool
    founding: bool = False


def office_usage() -> Usage:
    from saas.directory.models import Group
    from saas.events.models import Event
    from saas.founding.models import FoundingInterest
    from saas.newsletter.models import Issue, NewsletterSettings, Subscriber

    def exists(query: Select[Any]) -> bool:
        return bool(db.session.scalar(select(func.count()).select_from(query.limit(1).subquery())))

    return Usage(
        newsletter=exists(select(NewsletterSettings.id)) or exists(select(Subscriber.id)) or exists(select(Issue.id)),
        inquiries=exists(select(Group.id).where(Group.visibility == "protected")),
        events=exists(select(Event.id).where(Event.published_at.is_not(None))),
        founding=exists(select(FoundingInterest.id)),
    )


def _days(n: int) -> str:
    """Dative, after "nach": "nach 7 Tagen"."""
    return "einem Tag" if n == 1 else f"{n} Tagen"


def _period(n: int) -> str:
    """Accusative, before "nach": "30 Tage nach der Veranstaltung"."""
    return "einen Tag" if n == 1 else f"{n} Tage"


def sections(tenant: Tenant, legal: OfficeLegal | None, usage: Usage | None = None) -> list[dict]:
    """The notice as ``[{"heading": …, "paragraphs": […]}]``: plain German text, no markup."""
    usage = usage or office_usage()
    config = current_app.config
    controller = legal.operator_name if legal and legal.operator_name else (tenant.legal_body or tenant.name)
    address = legal.address_line if legal and legal.address_line else tenant.address_line
    contact_mail = (legal.email if legal and legal.email else "") or tenant.email
    out: list[dict] = []

    def add(heading: str, *paragraphs: str) -> None:
        out.append({"heading": heading, "paragraphs": [p for p in paragraphs if p]})

    add(
        "Verantwortliche Stelle",
        f"Verantwortlich für die Verarbeitung personenbezogener Daten auf diesen Seiten ist {controller}"
        + (f", {address}" if address else "")
        + (f", E-Mail: {contact_mail}" if contact_mail else "")
        + f". Die Seiten gehören zur {tenant.name}.",
        f"Datenschutzbeauftragte Person: {legal.dpo_contact}" if legal and legal.dpo_contact else "",
    )
    add(
        "Besuch der Seiten und Server-Protokolle",
        "Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Angaben: Ihre IP-Adresse, Datum und "
        "Uhrzeit, die aufgerufene Adresse und die Antwort des Servers. Das dient dem sicheren Betrieb "
        "(Art. 6 Abs. 1 lit. e und f DSGVO), etwa dem Schutz vor zu vielen Anfragen. "
        f"Server-Protokolle werden nach spätestens {_days(config.get('ACCESS_LOG_DAYS', 7))} gelöscht.",
        "Die öffentlichen Seiten setzen keine Cookies und laden kein JavaScript, keine Schriften und keine "
        "Inhalte von anderen Anbietern. Nur wenn Sie eine andere Sprache wählen oder sich als Mitarbeiterin "
        "oder Mitarbeiter anmelden, wird ein technisch notwendiges Sitzungs-Cookie gesetzt.",
    )
    if usage.inquiries:
        add(
            "Anfragen an Selbsthilfegruppen",
            "Manche Gruppen sind nur über die Kontaktstelle erreichbar. Wenn Sie eine solche Gruppe über das "
            "Formular anfragen, verarbeiten wir Ihren Namen, Ihre Erreichbarkeit und Ihre Nachricht, um den "
            "Kontakt zur Gruppe herzustellen (Art. 6 Abs. 1 lit. a DSGVO, Ihre Einwilligung; bei Angaben zur "
            "Gesundheit Art. 9 Abs. 2 lit. a DSGVO). Die Anfrage wird an die Ansprechperson der Gruppe "
            "weitergeleitet.",
            f"Die Angaben werden {_period(retention_days('inquiries_closed', tenant))} nach Abschluss der Anfrage "
            "gelöscht.",
        )
    if usage.founding:
        add(
            "Interesse an einer Gruppengründung",
            "Wenn Sie Interesse an einer neuen Selbsthilfegruppe bekunden, speichern wir Ihren Namen, Ihre "
            "Erreichbarkeit und Ihre Einwilligung, um Sie zum ersten Treffen einzuladen (Art. 6 Abs. 1 lit. a "
            "DSGVO; bei Angaben zur Gesundheit Art. 9 Abs. 2 lit. a DSGVO).",
            f"Die Angaben werden {_period(retention_days('founding_interests', tenant))} nach Abschluss des "
            "Gründungsprozesses oder nach Ihrem Rückzug gelöscht.",
        )
    if usage.events:
        add(
            "Anmeldung zu Veranstaltungen",
            "Für die Anmeldung zu einer Veranstaltung verarbeiten wir Ihren Namen, Ihre E-Mail-Adresse und, wenn "
            "Sie es angeben, Ihren Bedarf an Barrierefreiheit (Art. 6 Abs. 1 lit. b DSGVO; für Angaben zur "
            "Gesundheit Art. 9 Abs. 2 lit. a DSGVO). Sie erhalten eine Bestätigung per E-Mail.",
            f"Ihre Angaben werden {_period(retention_days('event_participants', tenant))} nach der Veranstaltung "
            "gelöscht; für die Statistik zählen wir nur, wie viele Personen teilgenommen haben.",
        )
    if usage.newsletter:
        add(
            "Newsletter",
            "Für den Newsletter speichern wir Ihre E-Mail-Adresse, auf Wunsch Ihren Namen, und als Nachweis Ihrer "
            "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO) den Wortlaut der Einwilligung und den Zeitpunkt Ihrer "
            "Bestätigung (Double-Opt-In). Sie können den Newsletter jederzeit mit einem Klick abbestellen.",
            f"Nicht bestätigte Anmeldungen werden nach {_days(retention_days('newsletter_unconfirmed', tenant))} "
            "gelöscht. Nach einer Abmeldung behalten wir nur eine Prüfsumme der Adresse, damit wir Ihnen nie "
            "wieder schreiben.",
        )
    add(
        "Rückmeldungen zur Barrierefreiheit",
        "Wenn Sie uns über das Formular eine Barriere melden, senden wir Ihre Nachricht und – wenn Sie sie "
        "angeben – Ihren Namen und Ihre E-Mail-Adresse per E-Mail an die Kontaktstelle, um Ihnen zu antworten "
        "(Art. 6 Abs. 1 lit. a DSGVO). Auf der Plattform wird die Nachricht nicht gespeichert.",
    )
    processors = [config.get("HOSTING_PROVIDER") or "der Betreiber der Lotse-Installation (Hosting)"]
    mail_host = urlsplit(config.get("MAIL_URL", "")).hostname
    if mail_host:
        processors.append(f"der E-Mail-Versand über den Server {mail_host}")
    add(
        "Empfänger und Auftragsverarbeiter",
        "Ihre Daten verarbeiten in unserem Auftrag (Art. 28 DSGVO): " + "; ".join(processors) + ". "
        "Eine Übermittlung in Länder außerhalb der EU findet nicht statt.",
    )
    authority = legal.privacy_authority if legal and legal.privacy_authority else ""
    add(
        "Ihre Rechte",
        "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), "
        "Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). "
        "Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen (Art. 7 Abs. 3).",
        f"Wenden Sie sich dafür an: {controller}"
        + (f", {address}" if address else "")
        + (f", E-Mail: {contact_mail}" if contact_mail else "")
        + ".",
        "Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO)"
        + (f", zum Beispiel bei: {authority}." if authority else "."),
    )
    if legal and legal.privacy_extra.strip():
        add("Ergänzende Hinweise der Kontaktstelle", *[p.strip() for p in legal.privacy_extra.split("\n\n")])
    return out


def digest_of(secs: list[dict]) -> str:
    return hashlib.sha256(json.dumps(secs, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def latest_version() -> PrivacyNoticeVersion | None:
    return db.session.scalars(
        select(PrivacyNoticeVersion).order_by(PrivacyNoticeVersion.created_at.desc(), PrivacyNoticeVersion.id.desc())
    ).first()


def versions() -> list[PrivacyNoticeVersion]:
    return list(
        db.session.scalars(
            select(PrivacyNoticeVersion).order_by(
                PrivacyNoticeVersion.created_at.desc(), PrivacyNoticeVersion.id.desc()
            )
        )
    )
