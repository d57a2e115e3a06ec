"""Find everything an office stores about one person, export it as one file, and erase it.

The kinds of personal data: newsletter subscribers, senders of inquiries to protected groups, event
participants, groups' contact persons, people on a founding process's interest list and people who left
their interest in a group on the Wegweiser when it found none. Erasure keeps only what the law requires: a newsletter
suppression hash (so the address is never mailed again) and anonymous counts (event participants).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select

from saas.audit import operations as audit
from saas.directory.models import Group, GroupContactPerson, GroupInquiry, GroupInterest
from saas.events.models import Event, Registration
from saas.extensions import db
from saas.founding.models import FoundingInterest
from saas.newsletter import operations as newsletter_ops
from saas.newsletter.models import Delivery, Subscriber
from tenants.models import Tenant, utcnow

KIND_LABELS = {
    "subscriber": "Newsletter-Abonnement",
    "inquiry": "Anfrage an eine Gruppe",
    "registration": "Anmeldung zu einer Veranstaltung",
    "group_contact": "Ansprechperson einer Gruppe",
    "founding_interest": "Interesse an einer Gruppengründung",
    "wegweiser_interest": "Interesse an einer Gruppe (Wegweiser)",
}


@dataclass
class Finding:
    kind: str
    object_id: int
    summary: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _norm(value: str) -> str:
    return value.strip().lower()


def _matching(model: Any, email_match: Any, name_column: Any, email: str, name: str) -> list[Any]:
    """Rows of ``model`` whose e-mail matches (``email_match(email)``) or whose name equals ``name``."""
    conditions = []
    if email:
        conditions.append(email_match(email))
    if name:
        conditions.append(func.lower(name_column) == name)
    return list(db.session.scalars(select(model).where(or_(*conditions))))


def _subscriber(sub: Subscriber) -> Finding:
    deliveries = db.session.scalar(select(func.count()).where(Delivery.subscriber_id == sub.id)) or 0
    return Finding(
        "subscriber",
        sub.id,
        sub.email or "",
        {
            "email": sub.email,
            "name": sub.name,
            "status": str(sub.status),
            "source": str(sub.source),
            "consented_at": _iso(sub.consented_at),
            "confirmed_at": _iso(sub.confirmed_at),
            "consent_text": sub.consent_text.body if sub.consent_text else None,
            "created_at": _iso(sub.created_at),
            "newsletters_received": deliveries,
        },
    )


def _inquiry(inq: GroupInquiry) -> Finding:
    group = db.session.get(Group, inq.group_id) if inq.group_id else None
    return Finding(
        "inquiry",
        inq.id,
        group.name if group else "",
        {
            "name": inq.name,
            "reach": inq.reach,
            "message": inq.message,
            "group": group.name if group else None,
            "created_at": _iso(inq.created_at),
            "forwarded_at": _iso(inq.forwarded_at),
            "state": inq.state,
        },
    )


def _registration(reg: Registration) -> Finding:
    event = db.session.get(Event, reg.event_id)
    return Finding(
        "registration",
        reg.id,
        event.title if event else "",
        {
            "name": reg.name,
            "email": reg.email,
            "accessibility_needs": reg.accessibility_needs,
            "persons": reg.persons,
            "status": str(reg.status),
            "event": event.title if event else None,
            "event_date": _iso(event.start_date) if event else None,
            "created_at": _iso(reg.created_at),
        },
    )


def _group_contact(person: GroupContactPerson) -> Finding:
    group = db.session.get(Group, person.group_id)
    return Finding(
        "group_contact",
        person.id,
        group.name if group else "",
        {
            "name": person.name,
            "phone": person.phone,
            "email": person.email,
            "group": group.name if group else None,
            "public_consent": bool(getattr(person, "public_consent", False)),
        },
    )


# Where personal data lives: (model, how its e-mail matches, its name column, the finding it makes).
def _founding_interest(interest: FoundingInterest) -> Finding:
    process = interest.process
    return Finding(
        "founding_interest",
        interest.id,
        process.title,
        {
            "name": interest.name,
            "reach": interest.reach,
            "consent_text": interest.consent_text,
            "consented_at": _iso(interest.consented_at),
            "planned_group": process.title,
            "state": interest.state,
            "created_at": _iso(interest.created_at),
        },
    )


def _wegweiser_interest(interest: GroupInterest) -> Finding:
    return Finding(
        "wegweiser_interest",
        interest.id,
        interest.topic,
        {
            "name": interest.name,
            "email": interest.email,
            "phone": interest.phone,
            "topic": interest.topic,
            "consent_text": interest.consent_text,
            "created_at": _iso(interest.created_at),
            "handled_at": _iso(interest.handled_at),
        },
    )


_SOURCES: tuple[tuple[Any, Callable[[str], Any], Any, Callable[[Any], Finding]], ...] = (
    (Subscriber, lambda email: func.lower(Subscriber.email) == email, Subscriber.name, _subscriber),
    (GroupInquiry, lambda email: func.lower(GroupInquiry.reach).contains(email), GroupInquiry.name, _inquiry),
    (Registration, lambda email: func.lower(Registration.email) == email, Registration.name, _registration),
    (
        GroupContactPerson,
        lambda email: func.lower(GroupContactPerson.email) == email,
        GroupContactPerson.name,
        _group_contact,
    ),
    (
        FoundingInterest,
        lambda email: func.lower(FoundingInterest.reach).contains(email),
        FoundingInterest.name,
        _founding_interest,
    ),
    (GroupInterest, lambda email: func.lower(GroupInterest.email) == email, GroupInterest.name, _wegweiser_interest),
)


def find_person(email: str = "", name: str = "") -> list[Finding]:
    """Everything the bound office stores about the person with this e-mail address and/or name."""
    email, name = _norm(email), _norm(name)
    if not email and not name:
        return []
    return [
        finding(row)
        for model, email_match, name_column, finding in _SOURCES
        for row in _matching(model, email_match, name_column, email, name)
    ]


def export_person(tenant: Tenant, email: str = "", name: str = "") -> tuple[str, int]:
    """Art. 15: one JSON document with everything found. Returns the document and the number of records."""
    findings = find_person(email, name)
    document = {
        "office": tenant.name,
        "created_at": utcnow().isoformat(),
        "request": {"email": email.strip() or None, "name": name.strip() or None},
        "records": [{"kind": f.kind, "label": f.label, **f.data} for f in findings],
    }
    audit.record("person.export", "person", None, f"{len(findings)} Datensätze")
    return json.dumps(document, ensure_ascii=False, indent=2), len(findings)


def erase_person(email: str = "", name: str = "", *, keep_suppression: bool = True) -> int:
    """Art. 17: erase everything found. The newsletter address stays blocked as a hash if asked to."""
    findings = find_person(email, name)
    for finding in findings:
        if finding.kind == "subscriber":
            sub = db.session.get(Subscriber, finding.object_id)
            if sub is not None and sub.email:
                newsletter_ops.erase(sub.email, keep_suppression=keep_suppression)
        elif finding.kind == "inquiry":
            inquiry = db.session.get(GroupInquiry, finding.object_id)
            if inquiry is not None:
                db.session.delete(inquiry)
        elif finding.kind == "registration":
            reg = db.session.get(Registration, finding.object_id)
            if reg is not None:  # the count of the event stays, the person goes
                reg.name, reg.email, reg.accessibility_needs = "", "", ""
                reg.anonymized_at = utcnow()
        elif finding.kind == "group_contact":
            person = db.session.get(GroupContactPerson, finding.object_id)
            if person is not None:
                db.session.delete(person)
        elif finding.kind == "founding_interest":
            interest = db.session.get(FoundingInterest, finding.object_id)
            if interest is not None:  # the process keeps its count (interested_count), the person goes
                db.session.delete(interest)
        elif finding.kind == "wegweiser_interest":
            # Deleted, not emptied: the topic and the date alone still tell of the person's health.
            wegweiser_interest = db.session.get(GroupInterest, finding.object_id)
            if wegweiser_interest is not None:
                db.session.delete(wegweiser_interest)
    if email and not any(f.kind == "subscriber" for f in findings) and not keep_suppression:
        newsletter_ops.erase(email, keep_suppression=False)  # only a suppression entry may be left
    db.session.flush()
    audit.record("person.erase", "person", None, f"{len(findings)} Datensätze")
    return len(findings)
