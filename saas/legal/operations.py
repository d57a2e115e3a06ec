"""Writes of the legal pages: flush, never commit. A change that alters the privacy notice stores a new
version of it (with its date); the old versions stay."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from wtforms.fields.core import UnboundField

from saas.core.mail import office_message, queue_message
from saas.extensions import db
from saas.legal import notice
from saas.legal.forms import AccessibilityForm, EasyLanguageForm, ImpressumForm, PrivacyForm
from saas.legal.models import OfficeLegal, PrivacyNoticeVersion
from tenants.models import Tenant
from tenants.scoping import cross_tenant


def legal_of(tenant: Tenant) -> OfficeLegal | None:
    return db.session.scalar(select(OfficeLegal).where(OfficeLegal.tenant_id == tenant.id))


def legal_for_update(tenant: Tenant) -> OfficeLegal:
    legal = legal_of(tenant)
    if legal is None:
        legal = OfficeLegal(tenant_id=tenant.id)
        db.session.add(legal)
        db.session.flush()
    return legal


def _labels(names: Any) -> list[str]:
    """The fields as the forms name them ("Bekannte Barrieren"), not as columns ("a11y_gaps"), for the log."""
    labels: dict[str, str] = {}
    for form in (ImpressumForm, PrivacyForm, AccessibilityForm, EasyLanguageForm):
        for name, unbound in vars(form).items():
            if isinstance(unbound, UnboundField):
                label = unbound.kwargs.get("label") or (unbound.args[0] if unbound.args else None)
                if label is not None:
                    labels[name] = str(label)
    return sorted(labels.get(name, name) for name in names)


def update_legal(tenant: Tenant, values: dict[str, Any]) -> OfficeLegal:
    """Store the fields given (only known columns) and record the privacy notice if it changed."""
    legal = legal_for_update(tenant)
    for key, value in values.items():
        if key in OfficeLegal.__table__.columns and key not in ("id", "tenant_id", "updated_at"):
            setattr(legal, key, value.strip() if isinstance(value, str) else value)
    db.session.flush()
    from saas.audit.operations import record

    record("office.update", "tenant", tenant.id, "Rechtliches: " + ", ".join(_labels(values))[:280])
    record_privacy_notice(tenant)
    return legal


def record_privacy_notice(tenant: Tenant) -> PrivacyNoticeVersion | None:
    """Store the notice as it reads now, if it differs from the last stored version; else nothing."""
    sections = notice.sections(tenant, legal_of(tenant))
    digest = notice.digest_of(sections)
    latest = notice.latest_version()
    if latest is not None and latest.digest == digest:
        return None
    version = PrivacyNoticeVersion(tenant_id=tenant.id, digest=digest, sections=sections)
    db.session.add(version)
    db.session.flush()
    return version


def live_tenant_ids() -> set[int]:
    """Offices whose Impressum is complete: only they are listed as live."""
    with cross_tenant("public index: which offices have a complete Impressum"):
        rows = list(db.session.scalars(select(OfficeLegal)))
        return {row.tenant_id for row in rows if row.complete}


@dataclass
class Feedback:
    message: str
    page: str = ""
    name: str = ""
    email: str = ""


def send_accessibility_feedback(tenant: Tenant, feedback: Feedback) -> bool:
    """Mail a reported barrier to the office (after commit). Nothing is stored on the platform."""
    legal = legal_of(tenant)
    to = tenant.email or (legal.email if legal else "")
    if not to:
        return False
    lines = [
        "Über die Erklärung zur Barrierefreiheit ist eine Rückmeldung eingegangen.",
        "",
        f"Seite: {feedback.page or '(nicht angegeben)'}",
        f"Name: {feedback.name or '(nicht angegeben)'}",
        f"E-Mail: {feedback.email or '(nicht angegeben)'}",
        "",
        "Nachricht:",
        feedback.message,
        "",
        "Die Person hat eingewilligt, dass ihre Angaben per E-Mail an die Kontaktstelle gehen. Nach BITV 2.0 "
        "soll die Antwort innerhalb eines Monats erfolgen.",
    ]
    msg = office_message(
        tenant, to=to, subject="Rückmeldung zur Barrierefreiheit", text="\n".join(lines), reply_to=feedback.email
    )
    queue_message(msg)
    return True
