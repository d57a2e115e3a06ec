"""Data-subject rights: an office exports everything it stores about a person in one file and erases it;
afterwards no table holds the person's e-mail or name (only a suppression hash)."""

from __future__ import annotations

import json
import secrets

import pytest
from sqlalchemy import select, text

from saas.audit.models import AuditEvent
from saas.directory import operations as dir_ops
from saas.extensions import db
from saas.newsletter import operations as nl_ops
from saas.newsletter.models import ConsentSource, Subscriber, SubscriberStatus, Suppression, email_hash
from tenants.scoping import tenant_context
from tests.conftest import owner_engine
from tests.directory.helpers import make_group
from tests.events.helpers import make_event

EMAIL, NAME = "erika.muster@example.org", "Erika Mustermann"


def _store_person(tenant):  # type: ignore[no-untyped-def]
    """The same person as subscriber, inquiry sender, event participant, group contact and someone who left
    their interest on the Wegweiser when it found no group."""
    group = make_group(
        tenant,
        "Angehörige psychisch Kranker",
        ["Angehörige"],
        visibility="protected",
        contacts=[{"name": NAME, "phone": "0231 12345", "email": EMAIL, "public_consent": False}],
    )
    event = make_event(tenant)
    from saas.events import operations as ev_ops

    with tenant_context(tenant.id):
        db.session.add(
            Subscriber(
                tenant_id=tenant.id,
                email=EMAIL,
                name=NAME,
                status=SubscriberStatus.confirmed,
                token=secrets.token_urlsafe(24),
                source=ConsentSource.form,
                consent_text_id=nl_ops.consent_text("Ich möchte den Newsletter.").id,
            )
        )
        dir_ops.create_inquiry(
            db.session.merge(group),
            name=NAME,
            reach=f"Mail an {EMAIL}",
            message="Bitte um Kontakt.",
            consent_text="Einwilligung",
        )
        ev_ops.register(event.id, name=NAME, email=EMAIL, persons=1)
        dir_ops.create_interest(
            topic="Mukoviszidose", email=EMAIL, phone="0231 555", consent_text="Einwilligung", name=NAME
        )
        db.session.commit()


def _traces(tenant_ids: set[int]) -> list[str]:
    """Every table row (of the given offices, or without office) that still holds the e-mail or name."""
    found = []
    with owner_engine().connect() as conn:
        for table in db.metadata.sorted_tables:
            rows = conn.execute(select(table)).mappings().all()
            for row in rows:
                if "tenant_id" in row and row["tenant_id"] not in tenant_ids:
                    continue
                blob = " ".join(str(v) for v in row.values() if v is not None).lower()
                if EMAIL in blob or NAME.lower() in blob:
                    found.append(table.name)
    return found


def test_export_then_erase_leaves_no_trace(client, world):
    _store_person(world.dortmund)
    _store_person(world.hamm)  # the same person in another office must stay untouched
    client.login(world.dortmund_admin)

    page = client.get(f"/dortmund/intern/datenschutz/?email={EMAIL}").get_data(as_text=True)
    for label in (
        "Newsletter-Abonnement",
        "Anfrage an eine Gruppe",
        "Anmeldung zu einer Veranstaltung",
        "Ansprechperson einer Gruppe",
        "Interesse an einer Gruppe (Wegweiser)",
    ):
        assert label in page

    export = client.post_form("/dortmund/intern/datenschutz/auskunft", {"email": EMAIL, "name": ""})
    assert export.status_code == 200 and "attachment" in export.headers["Content-Disposition"]
    document = json.loads(export.get_data(as_text=True))
    assert {r["kind"] for r in document["records"]} == {
        "subscriber",
        "inquiry",
        "registration",
        "group_contact",
        "wegweiser_interest",
    }
    [interest] = [r for r in document["records"] if r["kind"] == "wegweiser_interest"]
    assert (interest["topic"], interest["email"], interest["phone"]) == ("Mukoviszidose", EMAIL, "0231 555")
    assert document["office"] == world.dortmund.name

    assert _traces({world.dortmund.id})  # before: found
    refused = client.post_form("/dortmund/intern/datenschutz/loeschen", {"email": EMAIL, "name": NAME})
    assert refused.status_code == 302 and _traces({world.dortmund.id})  # no confirmation: nothing erased
    client.post_form(
        "/dortmund/intern/datenschutz/loeschen", {"email": EMAIL, "name": NAME, "confirm": "y", "keep_suppression": "y"}
    )

    assert _traces({world.dortmund.id}) == []
    assert _traces({world.hamm.id})  # Hamm's data of the same person is untouched
    assert "group_interests" in _traces({world.hamm.id})
    with owner_engine().connect() as conn:  # the interest itself is gone, not only emptied
        topics = conn.execute(text("SELECT tenant_id, topic FROM group_interests")).all()
    assert topics == [(world.hamm.id, "Mukoviszidose")]
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Suppression).where(Suppression.email_hash == email_hash(EMAIL)))
        audit = db.session.scalars(select(AuditEvent.summary).where(AuditEvent.action.like("person.%"))).all()
    assert len(audit) == 2 and not any(EMAIL in s or NAME in s for s in audit)
    db.session.commit()


def test_erasure_can_also_lift_the_suppression(client, world):
    """Asked to forget the address entirely, does erasure remove the suppression entry too?"""
    _store_person(world.dortmund)
    client.login(world.dortmund_admin)
    client.post_form("/dortmund/intern/datenschutz/loeschen", {"email": EMAIL, "name": NAME, "confirm": "y"})
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Suppression).where(Suppression.email_hash == email_hash(EMAIL))) is None
    db.session.commit()


@pytest.mark.parametrize(("persona", "status"), [("dortmund_staff", 403), ("hamm_admin", 404), ("analyst", 404)])
def test_only_the_offices_admins_reach_person_data(client, world, persona, status):
    _store_person(world.dortmund)
    client.login(getattr(world, persona))
    response = client.get(f"/dortmund/intern/datenschutz/?email={EMAIL}")
    assert response.status_code == status and NAME not in response.get_data(as_text=True)
    assert client.post_form("/dortmund/intern/datenschutz/auskunft", {"email": EMAIL}).status_code == status


def test_search_needs_an_address_or_a_name(client, world):
    client.login(world.dortmund_admin)
    body = client.get("/dortmund/intern/datenschutz/?email=&name=").get_data(as_text=True)
    assert "Bitte geben Sie eine E-Mail-Adresse oder einen Namen an." in body


def test_no_raw_person_data_in_the_audit_table(world):
    """The audit table itself never stores an address (checked directly in SQL)."""
    _store_person(world.dortmund)
    with owner_engine().connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM audit_events WHERE summary LIKE :e"), {"e": f"%{EMAIL}%"}).scalar()
            == 0
        )


def test_a_name_with_capital_umlauts_is_found_in_any_case(world):
    """Does a data-subject search by name find "Özlem Ünal" typed in any case, on SQLite too (its built-in
    lower() folds ASCII only, so her rows were missed and an Art. 15 export came back empty)?"""
    from saas.privacy.operations import find_person

    with tenant_context(world.dortmund.id):
        db.session.add(
            Subscriber(
                tenant_id=world.dortmund.id,
                email="oe.u@example.org",
                name="Özlem Ünal",
                status=SubscriberStatus.confirmed,
                token=secrets.token_urlsafe(24),
                source=ConsentSource.form,
                consent_text_id=nl_ops.consent_text("Ich möchte den Newsletter.").id,
            )
        )
        db.session.commit()
        for typed in ("Özlem Ünal", "özlem ünal", "ÖZLEM ÜNAL"):
            assert len(find_person(name=typed)) == 1, typed
