"""Fixtures for the association tests: offices with known contacts and a recomputation from raw rows."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest
from sqlalchemy import select

from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import AssociationMember
from tenants.scoping import tenant_context

KINDS = ("citizen", "relative", "group", "professional")
CHANNELS = ("phone", "written", "in_person")
AREAS = ("addiction", "chronic_illness", "mental_health", "disability", "social")
CONCERNS = ("seeking_group", "founding_group", "information", "group_support", "networking", "other")


def add_contacts(tenant_id: int, specs: list[dict]) -> None:
    """Store contacts through the ORM (the change markers follow by themselves), and let the contact log
    recount its own daily figures, which the office's annual report reads."""
    from saas.contacts.models import Contact
    from saas.contacts.operations import recount

    with tenant_context(tenant_id):
        for spec in specs:
            db.session.add(Contact(tenant_id=tenant_id, **spec))
        db.session.flush()
        recount(tenant_id)
    db.session.commit()


def random_contacts(seed: int, n: int, years: tuple[int, ...]) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        year = rng.choice(years)
        day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        out.append(
            {
                "day": day,
                "kind": rng.choices(KINDS, weights=(50, 4, 30, 16))[0],
                "channel": rng.choices(CHANNELS, weights=(47, 45, 8))[0],
                "topic_area": rng.choices(AREAS, weights=(13, 24, 46, 2, 16))[0],
                "concern": rng.choices(CONCERNS, weights=(40, 3, 30, 10, 2, 15))[0],
                "referrals_to_groups": rng.choice((0, 0, 1, 2)),
                "referrals_to_professionals": rng.choice((0, 0, 0, 1)),
            }
        )
        if out[-1]["channel"] == "written":  # the medium by the day: the random sequence stays as it was
            out[-1]["medium"] = ("email", "letter", "form", None)[day.toordinal() % 4]
    return out


def raw_counts(tenant_id: int, year: int) -> Counter:
    """The figures recomputed straight from the office's raw contact rows, the slow obvious way."""
    from saas.contacts.models import Contact

    counts: Counter = Counter()
    with tenant_context(tenant_id):
        for c in db.session.scalars(select(Contact)):
            if c.day.year != year:
                continue
            counts[("total", "")] += 1
            counts[("kind", c.kind)] += 1
            counts[("channel", c.channel)] += 1
            counts[("concern", c.concern)] += 1
            counts[("kind_area", f"{c.kind}:{c.topic_area}")] += 1
            counts[("referrals", "to_groups")] += c.referrals_to_groups
            counts[("referrals", "to_professionals")] += c.referrals_to_professionals
            if c.channel == "written":
                counts[("medium", c.medium or "unknown")] += 1
    return +counts


def share(tenant, association, families: list[str]) -> None:
    with tenant_context(tenant.id):
        member = db.session.scalar(select(AssociationMember).where(AssociationMember.association_id == association.id))
        tenant_ops.set_shared_families(member, families)
        db.session.commit()


@pytest.fixture
def three_offices(world, make_tenant):
    """Dortmund and Hamm in "paritaet-nrw", Unna too, with known contacts in 2022 and 2023; all share everything."""
    unna = make_tenant(
        "kreis-unna", "K.I.S.S. Kreis Unna", sites=("Unna", "Lünen", "Schwerte"), population=395000, staff_fte=4.5
    )
    world.dortmund.population, world.dortmund.staff_fte = 595000, 4
    world.hamm.population, world.hamm.staff_fte = 180000, 2
    tenant_ops.add_member(world.association, unna)
    db.session.commit()
    for i, tenant in enumerate((world.dortmund, world.hamm, unna)):
        add_contacts(tenant.id, random_contacts(i, (220, 90, 40)[i], (2022, 2023)))
        share(tenant, world.association, ["contacts", "groups", "events", "newsletter"])
    world.unna = unna
    return world
