"""Demo data of the group area (its own seeder, independent of the directory's): the group of the issue,
"Depression – Gesprächskreis Huckarde" in Dortmund, with a contact address that can sign in, and the
office's funding deadlines. Idempotent: an existing group of that name is left as it is.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from saas.core.demo import demo_today, register_seeder
from saas.directory import operations as directory_ops
from saas.directory.models import Group, GroupContactPerson
from saas.extensions import db
from saas.grouparea import funding
from tenants.models import Tenant
from tenants.scoping import tenant_context

DEMO_GROUP = "Depression – Gesprächskreis Huckarde"
DEMO_GROUP_EMAIL = "gespraechskreis.huckarde@demo.lotse.de"


def seed_huckarde(tenant: Tenant, today: dt.date | None = None) -> bool:
    """The Huckarde group with a contact person who can sign in, the GKV deadlines and its GKV funding.

    The directory's demo may already have a group of that name (its names are drawn from topics and
    districts): then that one gets the contact address.
    """
    today = today or demo_today()  # the office's day, not the server's
    created = False
    with tenant_context(tenant.id):
        group = db.session.scalars(select(Group).where(Group.name == DEMO_GROUP).order_by(Group.id)).first()
        if group is None:
            group = _create_group(today)
            created = True
        if all(c.email != DEMO_GROUP_EMAIL for c in group.contacts):
            group.contacts.append(
                GroupContactPerson(name="M. Becker", email=DEMO_GROUP_EMAIL, phone="", position=len(group.contacts))
            )
            created = True
        year = today.year
        # This year's and next year's: late in the year, a group plans with next year's application deadlines.
        for y in (year, year + 1):
            if not funding.deadlines(y):
                funding.set_deadline(year=y, stream="gkv_pauschal", kind="application", due_on=dt.date(y, 3, 31))
                funding.set_deadline(year=y, stream="gkv_pauschal", kind="proof", due_on=dt.date(y + 1, 3, 31))
                funding.set_deadline(year=y, stream="municipal", kind="application", due_on=dt.date(y, 10, 15))
                created = True
        if not funding.fundings_of_group(group.id):
            funding.save_funding(
                group.id,
                {
                    "year": year,
                    "stream": "gkv_pauschal",
                    "status": "granted",
                    "amount_applied": Decimal("950.00"),
                    "amount_granted": Decimal("800.00"),
                    "amount_paid": Decimal("800.00"),
                    "proof_submitted": False,
                },
            )
            created = True
        db.session.flush()
    return created


def _create_group(today: dt.date) -> Group:
    topics = directory_ops.topics_by_names(["Depression"], topic_area="mental_health")
    return directory_ops.create_group(
        {
            "name": DEMO_GROUP,
            "description": "Wir sind Menschen mit Depressionen und treffen uns, um uns gegenseitig zu stärken. "
            "Neue Teilnehmende sind herzlich willkommen; ein Vorgespräch mit der Kontaktstelle ist möglich.",
            "topic_area": "mental_health",
            "topics": topics,
            "rhythm": "biweekly",
            "weekday": 1,  # Tuesday: the contact person moves it to Thursdays
            "time_start": dt.time(18, 30),
            "time_end": dt.time(20, 0),
            "place": "Gemeindehaus Huckarde",
            "meeting_mode": "in_person",
            "welcomes_new_members": True,
        },
        acting_user=None,
        # Taken up recently: an earlier date would add a group to the years whose figures the seeds publish.
        since=today - dt.timedelta(days=60),
    )


@register_seeder(90)
def seed_group_area(tenants_by_slug: dict[str, Tenant]) -> bool:
    tenant = tenants_by_slug.get("dortmund")
    return seed_huckarde(tenant) if tenant is not None else False
