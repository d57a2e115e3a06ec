"""Recording audit events. Called by other features' operations; adds to the current transaction."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app, has_request_context
from flask_login import current_user

from saas.audit.models import AuditEvent, AuthEvent
from saas.extensions import db

# Action codes used across features (free to extend; keep them short and stable).
ACTION_LABELS = {
    "group.create": "Gruppe angelegt",
    "group.update": "Gruppe geändert",
    "group.status": "Gruppenstatus geändert",
    "group.delete": "Gruppe gelöscht",
    "group.import": "Gruppen importiert",
    "group.export": "Gruppen exportiert",
    "contact.create": "Kontakt erfasst",
    "contact.update": "Kontakt korrigiert",
    "contact.delete": "Kontakt gelöscht",
    "contact.import": "Kontakte importiert",
    "contact.export": "Kontakte exportiert",
    "subscriber.create": "Abonnent*in angelegt",
    "subscriber.delete": "Abonnent*in entfernt",
    "subscriber.update": "Abonnent*in geändert",
    "subscriber.import": "Abonnent*innen importiert",
    "subscriber.export": "Abonnent*innen exportiert",
    "subscriber.erase": "Abonnent*in gelöscht (Art. 17)",
    "person.export": "Auskunft erteilt (Art. 15)",
    "person.erase": "Personendaten gelöscht (Art. 17)",
    "user.add": "Person hinzugefügt",
    "user.role": "Rolle geändert",
    "user.remove": "Person entfernt",
    "office.update": "Profil der Kontaktstelle geändert",
    "report.export": "Bericht exportiert",
    "participants.export": "Teilnehmendenliste exportiert",
    "consent.share": "Freigabe für Verband geändert",
}


def record(
    action: str,
    object_type: str = "",
    object_id: int | None = None,
    summary: str = "",
    *,
    actor_user_id: int | None = None,
) -> AuditEvent:
    """Add an audit event for the bound office (written with the caller's transaction)."""
    if actor_user_id is None and has_request_context() and current_user.is_authenticated:
        actor_user_id = current_user.id
    ev = AuditEvent(
        action=action, object_type=object_type, object_id=object_id, summary=summary[:300], actor_user_id=actor_user_id
    )
    db.session.add(ev)
    return ev


@contextmanager
def suppressed() -> Iterator[None]:
    """Bulk writes (imports, demo data) record one summary event instead of one per row."""
    info = db.session().info
    previous = info.get("lotse_audit_off", False)
    info["lotse_audit_off"] = True
    try:
        yield
    finally:
        info["lotse_audit_off"] = previous


def subject_hash(value: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def record_auth(action: str, *, user_id: int | None = None, subject: str = "") -> None:
    """Log a login, failed login, password or MFA change. Committed on its own: a failed login has no
    other transaction to ride on."""
    db.session.add(AuthEvent(action=action, user_id=user_id, subject_hash=subject_hash(subject) if subject else ""))
