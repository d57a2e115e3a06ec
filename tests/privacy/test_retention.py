"""Retention: defaults, per-office settings within bounds, and the jobs deleting what is due."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from saas.audit.models import AuthEvent
from saas.directory import operations as dir_ops
from saas.directory.models import GroupInquiry
from saas.extensions import db
from saas.privacy.retention import retention_days
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group
from workers.privacy import purge_auth_events


def test_page_shows_every_kind_with_its_period(client, world):
    client.login(world.dortmund_readonly)
    body = client.get("/dortmund/intern/datenschutz/aufbewahrung").get_data(as_text=True)
    for text in (
        "Unbestätigte Newsletter-Anmeldungen",
        "Anfragen an geschützte Gruppen",
        "Teilnehmenden",
        "Anmeldeprotokoll",
        "Sperrliste",
    ):
        assert text in body
    assert "Fristen anpassen" not in body  # read-only users see, cannot change


def test_admin_shortens_inquiry_retention_and_the_job_follows_it(client, world):
    """With 30 days set for Dortmund, does the purge delete an inquiry closed 40 days ago (Hamm keeps 90)?"""
    client.login(world.dortmund_admin)
    response = client.post_form(
        "/dortmund/intern/datenschutz/aufbewahrung",
        {
            "newsletter_unconfirmed": "7",
            "inquiries_closed": "30",
            "event_participants": "30",
            "founding_interests": "90",
            "wegweiser_interests": "730",
        },
    )
    assert response.status_code == 302
    closed = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    for tenant in (world.dortmund, world.hamm):
        group = make_group(tenant, "Gruppe", ["Thema"], visibility="protected")
        with tenant_context(tenant.id):
            inquiry = dir_ops.create_inquiry(
                db.session.merge(group), name="N", reach="r", message="m", consent_text="c"
            )
            inquiry.closed_at, inquiry.state = closed, "closed"
            db.session.commit()
    for tenant, expected_left in ((world.dortmund, 0), (world.hamm, 1)):
        with tenant_context(tenant.id):
            dir_ops.purge_closed_inquiries()
            db.session.commit()
            assert db.session.scalar(select(func.count()).select_from(GroupInquiry)) == expected_left
    assert retention_days("inquiries_closed", world.dortmund) == 30


def test_out_of_bounds_period_is_refused_and_nothing_changes(client, world):
    client.login(world.dortmund_admin)
    response = client.post_form(
        "/dortmund/intern/datenschutz/aufbewahrung",
        {
            "newsletter_unconfirmed": "7",
            "inquiries_closed": "5000",
            "event_participants": "30",
            "founding_interests": "90",
            "wegweiser_interests": "730",
        },
    )
    assert response.status_code == 200 and "Number must be between" not in response.get_data(as_text=True)
    db.session.expire_all()
    assert retention_days("inquiries_closed", world.dortmund) == 90


def test_old_login_events_are_purged(world):
    """Does the job delete login events older than a year and keep recent ones?"""
    db.session.add_all(
        [
            AuthEvent(
                action="login",
                user_id=world.dortmund_staff.id,
                created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=400),
            ),
            AuthEvent(action="login", user_id=world.dortmund_staff.id),
        ]
    )
    db.session.commit()
    assert purge_auth_events() == 1
    assert db.session.scalar(select(func.count()).select_from(AuthEvent)) == 1
