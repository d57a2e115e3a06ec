"""The staff start page ("Übersicht"): the day's work in one request, a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from sqlalchemy import event

from saas.contacts.models import Contact
from saas.core import timeutil
from saas.core.formatting import to_berlin
from saas.directory import operations as dir_ops
from saas.directory.models import Group
from saas.extensions import db
from saas.grouparea.models import GroupChangeProposal
from saas.newsletter.models import Issue, IssueStatus
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group


@contextmanager
def counted():  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = db.engines[None] if hasattr(db, "engines") else db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _add_work(tenant, n: int) -> None:  # type: ignore[no-untyped-def]
    """n of each: today's contacts, open inquiries, founding groups, newsletter drafts, changes from groups."""
    today = timeutil.today()
    for i in range(n):
        make_group(tenant, f"Im Aufbau {n}-{i}", status="founding", since=today - dt.timedelta(days=30 + i))
        protected = make_group(tenant, f"Geschützt {n}-{i}", visibility="protected")
        with tenant_context(tenant.id):
            group = db.session.get(Group, protected.id)
            dir_ops.create_inquiry(group, name="Ana", reach="ana@example.org", message="", consent_text="ok")
            db.session.add(
                Contact(
                    tenant_id=tenant.id, day=today, kind="citizen", channel="phone", topic_area="social",
                    concern="seeking_group",
                )
            )  # fmt: skip
            db.session.add(Issue(tenant_id=tenant.id, subject=f"Entwurf {n}-{i}", status=IssueStatus.draft))
            db.session.add(GroupChangeProposal(tenant_id=tenant.id, group_id=group.id, changes_json="{}"))
            db.session.commit()


def test_start_page_shows_the_days_work_with_a_fixed_number_of_queries(client, world):
    """Does the start page list today's contacts with the quick-entry button, open inquiries with their
    age, founding groups and drafts, each linked to its action — with as many queries for 6 items of
    each as for 2 (no N+1)?"""
    client.login(world.dortmund_staff)
    _add_work(world.dortmund, 2)
    with counted() as few:
        page = client.get("/dortmund/intern/").get_data(as_text=True)
    for text in ("Kontakt erfassen", "Offene Anfragen", "Gruppen im Aufbau", "Nächste Veranstaltungen", "Entwurf 2-1"):
        assert text in page, text
    assert "/dortmund/intern/kontakte/neu" in page and "/dortmund/intern/anfragen/" in page
    assert "heute" in page and "Im Aufbau 2-0" in page and "im Aufbau seit 31 Tagen" in page
    _add_work(world.dortmund, 4)
    with counted() as many:
        page = client.get("/dortmund/intern/").get_data(as_text=True)
    assert "Im Aufbau 4-3" in page and "Entwurf 4-3" in page
    assert page.split('id="panel-grouparea"')[1].split("</section>")[0].count("Änderung des Eintrags") == 6
    assert len(many) == len(few), (len(few), len(many))
    assert len(few) <= 40
    # Hamm's start page shows nothing of Dortmund's work
    client.logout()
    client.login(world.hamm_staff)
    hamm = client.get("/hamm/intern/").get_data(as_text=True)
    assert "Im Aufbau 2-0" not in hamm and "Entwurf 2-1" not in hamm


def test_subscribers_decisions_and_group_requests_are_panels_not_cards(client, world):
    """The start page has one mechanism (issue 12): the confirmed subscribers, events waiting for a decision
    and what groups sent show in panels, each item linked to its action; no separate card list is left."""
    import json
    import secrets

    from saas.events.models import Event
    from saas.grouparea.models import GroupChangeProposal
    from saas.newsletter import operations as nl_ops
    from saas.newsletter.models import ConsentSource, Subscriber, SubscriberStatus
    from tests.events.helpers import make_event

    tenant = world.dortmund
    waiting = make_event(tenant, title="Seminar mit zu wenigen Anmeldungen")
    group = make_group(tenant, "Selbsthilfe nach Schlaganfall")
    with tenant_context(tenant.id):
        db.session.get(Event, waiting.id).decision_pending = True
        for i in range(3):
            db.session.add(
                Subscriber(
                    tenant_id=tenant.id, email=f"leser{i}@example.org", status=SubscriberStatus.confirmed,
                    token=secrets.token_urlsafe(24), source=ConsentSource.form,
                    consent_text_id=nl_ops.consent_text("Ich möchte den Newsletter.").id,
                )
            )  # fmt: skip
        proposal = GroupChangeProposal(
            tenant_id=tenant.id, group_id=group.id, changes_json=json.dumps({"name": {"old": "a", "new": "b"}})
        )
        db.session.add(proposal)
        db.session.commit()
        proposal_id = proposal.id
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/").get_data(as_text=True)
    assert 'class="cards"' not in page and "Newsletter-Abonnements" not in page
    newsletter = page.split('id="panel-newsletter"')[1].split("</section>")[0]
    assert "3 bestätigte Abonnements" in newsletter
    events = page.split('id="panel-events"')[1].split("</section>")[0]
    assert "1 Entscheidung nötig" in events and "Seminar mit zu wenigen Anmeldungen" in events
    assert f"/dortmund/intern/veranstaltungen/{waiting.id}" in events and 'class="warn"' in events
    groups = page.split('id="panel-grouparea"')[1].split("</section>")[0]
    assert "Selbsthilfe nach Schlaganfall" in groups and "Änderung des Eintrags" in groups
    assert f"/dortmund/intern/gruppenbereich/aenderungen/{proposal_id}" in groups
    # Hamm sees none of it
    client.logout()
    client.login(world.hamm_staff)
    hamm = client.get("/hamm/intern/").get_data(as_text=True)
    assert "Selbsthilfe nach Schlaganfall" not in hamm and "Seminar mit zu wenigen" not in hamm
    assert "Nichts wartet auf Freigabe." in hamm


def test_next_events_carry_their_year_when_it_is_not_this_year(client, world):
    """In December the next events reach into January: "25.01.2027", not a bare "25.01." that reads as this
    January, gone; an event of this year stays short."""
    from saas.core import timeutil
    from tests.events.helpers import make_event

    today = timeutil.today()
    later = dt.date(today.year + 1, 1, 25)
    plain = {"min_participants": None, "decision_date": None, "registration_deadline": None}
    make_event(world.dortmund, days_ahead=0, title="Heute hier", **plain)
    make_event(world.dortmund, days_ahead=(later - today).days, title="Im neuen Jahr", **plain)
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/").get_data(as_text=True)
    panel = page.split('id="panel-events"')[1].split("</section>")[0]
    assert f"{today:%d.%m.} 10.00 · Heute hier" in panel
    assert f"25.01.{today.year + 1} 10.00 · Im neuen Jahr" in panel


def test_todays_contacts_say_how_and_when_they_were_taken(client, world):
    """Two phone contacts of the same kind and concern are two lines on the start page: does each say its
    channel, the time it was entered (Berlin time) and its topic, so neither looks like a double entry?"""
    today = timeutil.today()
    with tenant_context(world.dortmund.id):
        for hour, topic in ((8, ""), (13, "Depression")):
            db.session.add(
                Contact(
                    tenant_id=world.dortmund.id, day=today, kind="citizen", channel="phone", topic_area="social",
                    concern="seeking_group", topic_label=topic,
                    created_at=dt.datetime.combine(today, dt.time(hour, 5), tzinfo=dt.UTC),
                )
            )  # fmt: skip
        db.session.commit()
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/").get_data(as_text=True)
    panel = page.split('id="panel-contacts"')[1].split("</section>")[0]
    for hour, topic in ((8, ""), (13, "Depression")):
        local = to_berlin(dt.datetime.combine(today, dt.time(hour, 5), tzinfo=dt.UTC))
        line = f"Telefonisch · {local.hour:02d}.05 Uhr" + (f" · {topic}" if topic else "")
        assert line in panel, (line, panel)
