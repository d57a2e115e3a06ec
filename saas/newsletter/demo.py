"""Demo data: Dortmund's 389 subscribers (with consent proof) and one sent issue. Idempotent."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import insert, select

from saas.core.demo import register_seeder
from saas.extensions import db
from saas.newsletter import operations as ops
from saas.newsletter.models import (
    ConsentSource,
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    JobKind,
    JobState,
    SendJob,
    Subscriber,
    SubscriberStatus,
)
from saas.newsletter.render import render_body
from tenants.models import Tenant
from tenants.scoping import tenant_context

DEMO_SUBSCRIBERS = 389
DEMO_SUBJECT = "Newsletter Dezember: neue Gruppen und Termine"
FIRST = [
    "Anna",
    "Ben",
    "Clara",
    "Deniz",
    "Elif",
    "Frank",
    "Greta",
    "Hakan",
    "Ines",
    "Jonas",
    "Karin",
    "Lukas",
    "Maria",
    "Nils",
    "Olga",
    "Paul",
    "Rita",
    "Sven",
    "Tanja",
    "Uwe",
]
LAST = [
    "Becker",
    "Demir",
    "Fischer",
    "Hoffmann",
    "Kaya",
    "Krüger",
    "Lange",
    "Meyer",
    "Neumann",
    "Schulz",
    "Schmidt",
    "Wagner",
    "Weber",
    "Wolf",
    "Zimmermann",
]
BODY = """## Liebe Leserinnen und Leser,

das Jahr geht zu Ende – und in der Dortmunder Selbsthilfe ist viel passiert. Sechs neue Gruppen haben sich
gegründet, acht sind im Aufbau. Danke an alle, die sich engagieren!

## Gesamttreffen im Januar

Zum **Gesamttreffen der Dortmunder Selbsthilfegruppen** laden wir herzlich ein. Die Einladung folgt.

Mehr über uns: [www.selbsthilfe-dortmund.de](https://www.selbsthilfe-dortmund.de)
"""


@register_seeder(60)
def seed_newsletter(tenants: dict[str, Tenant]) -> bool:
    tenant = tenants.get("dortmund")
    if tenant is None:
        return False
    with tenant_context(tenant.id):
        if db.session.scalar(select(Issue.id).where(Issue.subject == DEMO_SUBJECT)) is not None:
            return False
        settings = ops.get_settings(tenant)
        text = ops.consent_text(settings.consent_text)
        start = dt.datetime(2023, 1, 15, 10, 0, tzinfo=dt.UTC)
        subscribers = []
        for n in range(DEMO_SUBSCRIBERS):
            first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
            at = start + dt.timedelta(days=n % 330, hours=n % 9)
            subscribers.append(
                Subscriber(
                    tenant_id=tenant.id,
                    email=f"{first.lower()}.{last.lower()}.{n}@example.org".replace("ü", "ue"),
                    name=f"{first} {last}",
                    status=SubscriberStatus.confirmed,
                    token=secrets.token_urlsafe(24),
                    source=ConsentSource.demo,
                    consent_text_id=text.id,
                    consented_at=at,
                    confirmed_at=at + dt.timedelta(minutes=7),
                )
            )
        for n in range(3):
            subscribers.append(
                Subscriber(
                    tenant_id=tenant.id,
                    email=f"neu.{n}@example.org",
                    status=SubscriberStatus.pending,
                    token=secrets.token_urlsafe(24),
                    source=ConsentSource.form,
                    consent_text_id=text.id,
                    consented_at=dt.datetime.now(dt.UTC),
                )
            )
        db.session.add_all(subscribers)
        db.session.flush()
        sent_at = dt.datetime(2023, 12, 5, 9, 0, tzinfo=dt.UTC)
        html, body_text = render_body(BODY)
        issue = Issue(
            tenant_id=tenant.id,
            subject=DEMO_SUBJECT,
            body_md=BODY,
            blocks=[],
            status=IssueStatus.sent,
            started_at=sent_at,
            finished_at=sent_at + dt.timedelta(seconds=25),
            recipients=DEMO_SUBSCRIBERS,
            html=html,
            text=body_text,
            created_at=sent_at,
        )
        db.session.add(issue)
        db.session.flush()
        job = SendJob(tenant_id=tenant.id, issue_id=issue.id, kind=JobKind.batch, state=JobState.done)
        db.session.add(job)
        db.session.flush()
        db.session.execute(
            insert(Delivery),
            [
                {
                    "tenant_id": tenant.id,
                    "issue_id": issue.id,
                    "subscriber_id": s.id,
                    "job_id": job.id,
                    "status": DeliveryStatus.sent,
                    "attempts": 1,
                    "error": "",
                    "sent_at": sent_at,
                }
                for s in subscribers
                if s.status == SubscriberStatus.confirmed
            ],
        )
        db.session.add(
            Issue(
                tenant_id=tenant.id,
                subject="Newsletter Februar (Entwurf)",
                status=IssueStatus.draft,
                body_md="## Neues aus der Selbsthilfe\n\nHier entsteht die nächste Ausgabe.",
                blocks=["new_groups", "founding", "events"],
            )
        )
        db.session.flush()
    return True
