"""The audit log: recorded with the write, append-only, visible to the office's admins only."""

import pytest
from sqlalchemy import select, text

from saas.audit.models import AppendOnlyError, AuditEvent, AuthEvent
from saas.audit.operations import record
from saas.extensions import db
from tenants.scoping import tenant_context


def test_record_and_show_in_the_offices_log(client, world):
    """Does an event recorded for Dortmund appear in Dortmund's log, and not in Hamm's?"""
    with tenant_context(world.dortmund.id):
        record("group.create", "group", 17, "Gruppe #17 angelegt", actor_user_id=world.dortmund_staff.id)
        db.session.commit()
    client.login(world.dortmund_admin)
    body = client.get("/dortmund/intern/protokoll").get_data(as_text=True)
    assert "Gruppe angelegt" in body and "Gruppe #17" in body and "Sabine Staff" in body
    hamm = world.hamm_admin
    other = client.application.test_client()
    other.login(hamm)
    assert "Gruppe #17" not in other.get("/hamm/intern/protokoll").get_data(as_text=True)


def test_log_filters_by_action(client, world):
    with tenant_context(world.dortmund.id):
        record("group.create", "group", 1, "", actor_user_id=world.dortmund_staff.id)
        record("contact.delete", "contact", 2, "", actor_user_id=world.dortmund_staff.id)
        db.session.commit()
    client.login(world.dortmund_admin)
    body = client.get("/dortmund/intern/protokoll?action=contact.delete").get_data(as_text=True)
    assert "Kontakt #2" in body and "Gruppe #1" not in body


@pytest.mark.parametrize(
    ("persona", "status"), [("dortmund_staff", 403), ("dortmund_readonly", 403), ("hamm_admin", 404), ("analyst", 404)]
)
def test_only_the_offices_admins_see_the_log(client, world, persona, status):
    """Do staff get 403 and people of other offices or associations 404?"""
    client.login(getattr(world, persona))
    assert client.get("/dortmund/intern/protokoll").status_code == status


def test_audit_log_is_append_only(world):
    """Are updates and deletes of audit events refused?"""
    with tenant_context(world.dortmund.id):
        ev = record("group.update", "group", 3, "x", actor_user_id=world.dortmund_staff.id)
        db.session.commit()
        ev.summary = "changed"
        with pytest.raises(AppendOnlyError):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.get(AuditEvent, ev.id))
        with pytest.raises(AppendOnlyError):
            db.session.flush()
        db.session.rollback()


def test_logins_and_failed_logins_are_logged_without_the_address(client, world):
    """Is a failed login of an unknown address logged only as a hash, never the address itself?"""
    client.post_form("/login", {"email": "stranger@example.org", "password": "wrong wrong wrong"})
    client.post_form("/login", {"email": world.dortmund_staff.email, "password": "wrong wrong wrong"})
    client.login(world.dortmund_staff)
    actions = [(e.action, e.user_id) for e in db.session.scalars(select(AuthEvent).order_by(AuthEvent.id))]
    assert actions == [
        ("login_failed", None),
        ("login_failed", world.dortmund_staff.id),
        ("login", world.dortmund_staff.id),
    ]
    dump = " ".join(str(r) for r in db.session.execute(text("SELECT * FROM auth_events")).all())
    assert "stranger" not in dump


def test_role_changes_and_profile_edits_are_audited(client, world):
    """Does changing a person's role in the admin UI leave an audit entry with old and new role?"""
    from saas.auth.models import Membership

    client.login(world.dortmund_admin)
    with tenant_context(world.dortmund.id):
        membership = db.session.scalar(select(Membership).where(Membership.user_id == world.dortmund_staff.id))
        membership_id = membership.id
    db.session.commit()
    client.post_form(f"/dortmund/intern/verwaltung/personen/{membership_id}/rolle", {"role": "readonly"})
    with tenant_context(world.dortmund.id):
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.role")).all()
        assert [(e.object_id, e.summary, e.actor_user_id) for e in events] == [
            (membership_id, "staff → readonly", world.dortmund_admin.id)
        ]


def test_writes_to_groups_and_contacts_are_audited_automatically(client, world):
    """Does creating, changing and deleting a group or contact leave audit entries — whatever the code path —
    naming changed fields but not their values?"""
    from saas.contacts.operations import ContactData, delete_contact, record_contact
    from saas.contacts.operations import today as contacts_today
    from tests.directory.helpers import make_group

    group = make_group(world.dortmund, "Angst und Panik", ["Angst"])
    with tenant_context(world.dortmund.id):
        g = db.session.merge(group)
        g.description = "Vertraulich: Frau K. aus der Nordstadt"
        contact = record_contact(
            ContactData(day=contacts_today(), kind="citizen", channel="phone", topic_area="mental_health")
        )
        db.session.commit()
        delete_contact(contact)
        db.session.commit()
        rows = db.session.execute(select(AuditEvent.action, AuditEvent.summary).order_by(AuditEvent.id)).all()
    actions = [a for a, _ in rows]
    assert actions[:1] == ["group.create"] and "group.update" in actions
    assert "contact.create" in actions and actions[-1] == "contact.delete"
    update = next(s for a, s in rows if a == "group.update")
    assert "description" in update and "Nordstadt" not in update


def test_imports_are_one_entry_and_exports_are_logged(client, world):
    """Is a CSV import one audit entry (not one per row), and is an export logged?"""
    import io

    client.login(world.dortmund_staff)
    data = (
        b"date,contact_kind,channel,topic_area\n2025-03-01,citizen,phone,addiction\n2025-03-02,group,written,social\n"
    )
    response = client.post_form(
        "/dortmund/intern/kontakte/import", {"file": (io.BytesIO(data), "k.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code in (200, 302, 303)
    client.get("/dortmund/intern/kontakte/export.csv")
    client.get("/dortmund/intern/gruppen/export.csv")
    with tenant_context(world.dortmund.id):
        actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions.count("contact.import") == 1 and "contact.create" not in actions
    assert "contact.export" in actions and "group.export" in actions
