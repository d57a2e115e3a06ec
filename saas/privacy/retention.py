"""How long each kind of personal data is kept: defaults from the features, adjustable per office within
bounds. The features' beat jobs ask :func:`retention_days` for the bound office."""

from __future__ import annotations

from dataclasses import dataclass

from saas.core.errors import DomainError
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import current_tenant_id


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: str
    after: str  # from when the period runs
    default_days: int
    min_days: int
    max_days: int
    job: str  # the beat job that deletes or blanks the data


RULES: tuple[RetentionRule, ...] = (
    RetentionRule(
        "newsletter_unconfirmed",
        "Unbestätigte Newsletter-Anmeldungen",
        "nach der Anmeldung",
        7,
        1,
        30,
        "lotse.newsletter.cleanup",
    ),
    RetentionRule(
        "inquiries_closed",
        "Anfragen an geschützte Gruppen (Name, Erreichbarkeit, Nachricht)",
        "nach Abschluss der Anfrage",
        90,
        7,
        365,
        "lotse.directory.purge_inquiries",
    ),
    RetentionRule(
        "founding_interests",
        "Interessierte an Gruppengründungen (Name, Erreichbarkeit, Einwilligung)",
        "nach Abschluss des Gründungsprozesses oder Rückzug",
        90,
        7,
        730,
        "lotse.founding.purge_interests",
    ),
    RetentionRule(
        "wegweiser_interests",
        "Interesse an einer neuen Gruppe aus dem Wegweiser, das keine Gründung aufgenommen hat (Thema, Name, "
        "Erreichbarkeit)",
        "nach der Meldung",
        730,
        30,
        730,
        "lotse.directory.purge_interests",
    ),
    RetentionRule(
        "event_participants",
        "Personendaten von Teilnehmenden (Name, E-Mail, Barrierefreiheit)",
        "nach der Veranstaltung",
        30,
        1,
        365,
        "lotse.events.purge_personal_data",
    ),
    RetentionRule(
        "auth_events",
        "Anmeldeprotokoll der Mitarbeitenden",
        "nach der Anmeldung",
        365,
        90,
        730,
        "lotse.privacy.purge_auth_events",
    ),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}

# Kept for as long as the purpose lasts, not on a timer (shown on the retention page).
KEPT_WHILE_NEEDED = (
    ("Newsletter-Abonnent*innen mit Einwilligungsnachweis", "bis zur Abmeldung oder Löschung (Art. 17)"),
    ("Sperrliste abgemeldeter Adressen", "dauerhaft, nur als Prüfsumme (kein Klartext), damit nie wieder gemailt wird"),
    ("Ansprechpersonen der Gruppen", "solange die Gruppe in der Beratungsdatei steht; jährliche Bestätigung"),
    ("Kontaktstatistik", "dauerhaft – enthält keine Personendaten (anonyme Zählung)"),
    ("Änderungsprotokoll (Audit)", "10 Jahre; enthält keine Daten von Ratsuchenden"),
)


class RetentionError(DomainError):
    pass


def retention_days(key: str, tenant: Tenant | None = None) -> int:
    """Days to keep ``key`` data for the given (or bound) office: its setting, else the default."""
    rule = RULES_BY_KEY[key]
    if tenant is None:
        tenant_id = current_tenant_id()
        tenant = db.session.get(Tenant, tenant_id) if tenant_id is not None else None
    configured = ((tenant.settings or {}).get("retention") or {}).get(key) if tenant is not None else None
    if isinstance(configured, int) and rule.min_days <= configured <= rule.max_days:
        return configured
    return rule.default_days


def set_retention(tenant: Tenant, values: dict[str, int]) -> None:
    retention = dict((tenant.settings or {}).get("retention") or {})
    for key, days in values.items():
        rule = RULES_BY_KEY.get(key)
        if rule is None or rule.key == "auth_events":
            raise RetentionError(f"unknown retention setting: {key}")
        if not rule.min_days <= days <= rule.max_days:
            raise RetentionError(
                f"{rule.label}: zwischen {rule.min_days} und {rule.max_days} Tagen erlaubt, nicht {days}."
            )
        retention[key] = days
    tenant.settings = {**(tenant.settings or {}), "retention": retention}
