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
    assert "Gruppe angelegt" in body and "group #17" in body and "Sabine Staff" in body
    hamm = world.hamm_admin
    other = client.application.test_client()
    other.login(hamm)
    assert "group #17" not in other.get("/hamm/intern/protokoll").get_data(as_text=True)


def test_log_filters_by_action(client, world):
    with tenant_context(world.dortmund.id):
        record("group.create", "group", 1, "", actor_user_id=world.dortmund_staff.id)
        record("contact.delete", "contact", 2, "", actor_user_id=world.dortmund_staff.id)
        db.session.commit()
    client.login(world.dortmund_admin)
    body = client.get("/dortmund/intern/protokoll?action=contact.delete").get_data(as_text=True)
    assert "contact #2" in body and "group #1" not in body


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
