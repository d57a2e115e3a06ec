"""Demo founding support (a separate seeder, so the demo's published figures stay the seeds'): K.I.S.S.
Kreis Unna's waiting list for Long Covid in Lünen, Dortmund's open process for Hochsensibilität with
three interested callers, Hamm's first talk on Endometriose, Dithmarschen's waiting list of caring
relatives after a press notice, and a group conflict counselled in sessions. No directory entry is created,
so the groups figures of the demo reports are untouched. Idempotent: an office with processes is left alone.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from saas.core.demo import register_seeder
from saas.directory.models import Group
from saas.extensions import db
from saas.founding import operations as ops
from saas.founding.forms import DEFAULT_CONSENT
from saas.founding.models import FoundingProcess
from tenants.models import Site, Tenant
from tenants.scoping import tenant_context

# office: (topic, site name or None, started days ago, interested (name, reach, source), milestones)
PROCESSES: dict[str, list[tuple[str, str | None, int, list[tuple[str, str, str]], list[tuple[str, int]]]]] = {
    "dortmund": [
        (
            "Hochsensibilität",
            None,
            60,
            [
                ("Frau A.", "0231 000 0001", "contact"),
                ("Herr B.", "herr.b@example.org", "contact"),
                ("C. (Pseudonym)", "c.pseudonym@example.org", "form"),
            ],
            [("first_talk", 45)],
        ),
    ],
    "hamm": [
        (
            "Endometriose",
            None,
            35,
            [
                ("Frau D.", "02381 000 0001", "contact"),
                ("E. (Pseudonym)", "e.pseudonym@example.org", "form"),
            ],
            [("first_talk", 14)],
        ),
    ],
    "dithmarschen": [
        (
            "Pflegende Angehörige",
            None,
            120,
            [(f"Angehörige*r {n}", f"0481 000 00{n:02d}", "contact") for n in range(1, 7)],
            [("first_talk", 100), ("press_notice", 75)],
        ),
    ],
    "kreis-unna": [
        (
            "Long Covid",
            "Lünen",
            90,
            [(f"Interessent*in {n}", f"0230 600 00{n:02d}", "contact") for n in range(1, 5)],
            [("first_talk", 80), ("press_notice", 30)],
        ),
    ],
}


@register_seeder(75)
def seed_founding(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    for slug, specs in PROCESSES.items():
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            if db.session.scalar(select(func.count(FoundingProcess.id))):
                continue
            today = ops.today()
            sites = {s.name: s.id for s in db.session.scalars(select(Site))}
            for topic, site_name, days, people, steps in specs:
                process = ops.create_process(
                    topic_name=topic,
                    site_id=sites.get(site_name) if site_name else None,
                    started_on=today - dt.timedelta(days=days),
                )
                for name, reach, source in people:
                    ops.add_interest(process, name=name, reach=reach, consent_text=DEFAULT_CONSENT, source=source)
                for kind, ago in steps:
                    ops.record_milestone(process, kind, on=today - dt.timedelta(days=ago))
            group = db.session.scalars(select(Group).where(Group.status == "active").order_by(Group.id)).first()
            if group is not None and slug == "dortmund":
                case = ops.open_case(group_id=group.id, kind="conflict", opened_on=today - dt.timedelta(days=40))
                for ago, minutes in ((40, 90), (26, 120), (12, 60)):
                    ops.add_session(case, day=today - dt.timedelta(days=ago), minutes=minutes)
            db.session.flush()
            created = True
    return created
