"""Demo data: Dortmund's 389 subscribers (with consent proof) and one sent issue. Idempotent."""

from __future__ import annotations

import datetime as dt
import random
import secrets

from sqlalchemy import select

from saas.core import timeutil
from saas.core.demo import demo_years, register_seeder
from saas.extensions import db
from saas.newsletter import operations as ops
from saas.newsletter.models import (
    ConsentSource,
    Issue,
    IssueStatus,
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


# Per office: subscribers before the first demo year, and per year (joined, left); seed 001: Dortmund
# had 389 subscribers at the end of December 2023. Years not listed continue the trend.
LISTS: dict[str, dict] = {
    "dortmund": {"start": 300, "years": {2022: (78, 26), 2023: (68, 31)}},
    "kreis-unna": {"start": 180, "years": {}},
    "hamm": {"start": 90, "years": {}},
    "dithmarschen": {"start": 40, "years": {}},
}
ISSUE_MONTHS = (2, 4, 6, 8, 10, 12)  # six issues a year (seed 001)
MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember"]  # fmt: skip


def _moment(rng: random.Random, year: int, first: dt.date | None = None) -> dt.datetime:
    lo = dt.datetime(year, 1, 1, 8, tzinfo=dt.UTC)
    if first is not None and first.year == year:
        lo = dt.datetime.combine(first + dt.timedelta(days=1), dt.time(8), tzinfo=dt.UTC)
    hi = dt.datetime(year, 12, 31, 20, tzinfo=dt.UTC)
    return lo + dt.timedelta(seconds=rng.randint(0, max(0, int((hi - lo).total_seconds()))))


def subscriber_plan(slug: str, years: list[int]) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """Every demo subscriber of an office: (confirmed at, unsubscribed at or None), deterministic."""
    spec = LISTS[slug]
    rng = random.Random(f"lotse-demo-subscribers-{slug}")
    plan: list[list] = []
    for _ in range(spec["start"]):
        plan.append([_moment(rng, rng.choice((years[0] - 2, years[0] - 1))), None])
    for year in years:
        yr = random.Random(f"lotse-demo-subscribers-{slug}-{year}")
        members = [p for p in plan if p[0].year < year and p[1] is None]
        joined, left = spec["years"].get(year) or (
            round(len(members) * yr.uniform(0.14, 0.2)),
            round(len(members) * yr.uniform(0.06, 0.09)),
        )
        for member in yr.sample(members, min(left, len(members))):
            member[1] = _moment(yr, year)
        for _ in range(joined):
            at = _moment(yr, year)
            plan.append([at, None])
    # unique instants: the confirmation time identifies a demo subscriber when re-seeding
    return [(joined.replace(microsecond=i), left) for i, (joined, left) in enumerate(plan)]


def seed_subscribers(tenant: Tenant, now: dt.datetime) -> bool:
    plan = subscriber_plan(tenant.slug, demo_years(tenant.slug, now.date()))
    settings = ops.get_settings(tenant)
    text = ops.consent_text(settings.consent_text)
    known = {
        _naive(at): sub
        for at, sub in (
            (s.confirmed_at, s)
            for s in db.session.scalars(select(Subscriber).where(Subscriber.source == ConsentSource.demo))
        )
        if at is not None
    }
    created = False
    for n, (joined, left) in enumerate(plan):
        if joined > now:
            continue
        gone = left is not None and left <= now
        sub = known.get(_naive(joined))
        if sub is None:
            first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
            sub = Subscriber(
                tenant_id=tenant.id,
                email=f"{first.lower()}.{last.lower()}.{n}@example.org".replace("ü", "ue"),
                name=f"{first} {last}",
                status=SubscriberStatus.confirmed,
                token=secrets.token_urlsafe(24),
                source=ConsentSource.demo,
                consent_text_id=text.id,
                consented_at=joined - dt.timedelta(minutes=7),
                confirmed_at=joined,
            )
            db.session.add(sub)
            created = True
        if gone and sub.status == SubscriberStatus.confirmed:
            sub.status, sub.ended_at = SubscriberStatus.unsubscribed, left
            sub.email, sub.name, sub.consented_at, sub.consent_text_id = None, "", None, None
            created = True
    db.session.flush()
    return created


def _naive(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC).replace(tzinfo=None) if at.tzinfo else at


def _body(month: int, year: int, slug: str) -> str:
    return (
        f"## Liebe Leserinnen und Leser,\n\nhier ist die Ausgabe {MONTH_NAMES[month - 1]} {year} mit Neuem aus "
        "der Selbsthilfe: Gruppen, die neu dazugekommen sind, und die nächsten Termine der Kontaktstelle.\n\n"
        "Sie möchten selbst eine Gruppe gründen? Sprechen Sie uns an – wir begleiten Sie gern."
    )


def seed_issues(tenant: Tenant, now: dt.datetime) -> bool:
    """Six issues a year up to now (sent), the next one scheduled and the one after as a draft. On a later
    day the same issues move on: a draft becomes the scheduled issue, a scheduled one that is due is sent."""
    years = demo_years(tenant.slug, now.date())
    # A draft's subject is the issue's own ("Newsletter Februar 2027"): the list's "Entwurf" badge says what it
    # is. Drafts seeded by earlier versions carried the suffix in the subject and are found by it.
    issues = {i.subject.removesuffix(_OLD_DRAFT_SUFFIX): i for i in db.session.scalars(select(Issue))}
    confirmed = sorted((_naive(j), _naive(left) if left else None) for j, left in subscriber_plan(tenant.slug, years))
    changed = False
    upcoming = 0
    for year in [*years, years[-1] + 1]:
        for month in ISSUE_MONTHS:
            subject = f"Newsletter {MONTH_NAMES[month - 1]} {year}"
            at = dt.datetime(year, month, 5, 9, 0, tzinfo=dt.UTC)
            if at > now:
                upcoming += 1
                if upcoming > 2:
                    break
            want = IssueStatus.sent if at <= now else IssueStatus.scheduled if upcoming == 1 else IssueStatus.draft
            issue = issues.get(subject)
            if issue is not None and issue.subject != subject:
                issue.subject = subject
                changed = True
            if issue is None:
                body = _body(month, year, tenant.slug)
                issue = Issue(tenant_id=tenant.id, subject=subject, body_md=body, blocks=["new_groups", "events"])
                issue.status = IssueStatus.draft
                issue.created_at = min(now, at - dt.timedelta(days=40))
                db.session.add(issue)
            elif issue.status == want or issue.status not in (IssueStatus.draft, IssueStatus.scheduled):
                continue  # as planned, or already moved on (sent by the workers)
            elif _STEP[issue.status] > _STEP[want]:
                continue
            if want == IssueStatus.sent:
                html, text = render_body(issue.body_md)
                naive = _naive(at)
                issue.status, issue.scheduled_at = IssueStatus.sent, None
                issue.started_at, issue.finished_at = at, at + dt.timedelta(seconds=25)
                issue.recipients = sum(1 for j, left in confirmed if j <= naive and (left is None or left > naive))
                issue.html, issue.text = html, text
            elif want == IssueStatus.scheduled:
                issue.status, issue.scheduled_at = IssueStatus.scheduled, at
            changed = True
    db.session.flush()
    return changed


_OLD_DRAFT_SUFFIX = " (Entwurf)"
_STEP = {IssueStatus.draft: 0, IssueStatus.scheduled: 1, IssueStatus.sent: 2}


@register_seeder(60)
def seed_newsletter(tenants: dict[str, Tenant]) -> bool:
    from saas.core.demo import demo_today

    now = dt.datetime.combine(demo_today(), timeutil.now().time(), tzinfo=dt.UTC)
    created = False
    for slug in LISTS:
        tenant = tenants.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            created = seed_subscribers(tenant, now) or created
            created = seed_issues(tenant, now) or created
    return created
