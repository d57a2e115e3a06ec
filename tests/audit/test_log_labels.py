"""The log speaks the office's language: the legal pages' changes by their form labels, objects by kind."""

from __future__ import annotations

from sqlalchemy import select

from saas.audit.models import AuditEvent
from saas.extensions import db
from saas.legal import operations as legal_ops
from tenants.models import Tenant
from tenants.scoping import tenant_context


def test_legal_change_is_logged_with_labels_not_column_names(app, world, client):
    with app.test_request_context(), tenant_context(world.dortmund.id):
        tenant = db.session.get(Tenant, world.dortmund.id)
        legal_ops.update_legal(tenant, {"a11y_gaps": "Keine bekannt.", "city": "Dortmund"})
        db.session.commit()
        (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "office.update")).all()
    assert event.summary == "Rechtliches: Bekannte Barrieren, Ort"
    client.login(world.dortmund_admin)
    page = client.get("/dortmund/intern/protokoll").get_data(as_text=True)
    assert "Rechtliches: Bekannte Barrieren, Ort" in page
    assert "<td>Kontaktstelle</td>" in page and "tenant" not in page.split("<tbody>", 1)[1]
