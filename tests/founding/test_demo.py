"""The demo's founding support: every demo office that keeps a directory shows running processes with
interested people on its Gründungsbegleitung page (Hamm's page was empty), and seeding again adds none."""

from __future__ import annotations

from sqlalchemy import func, select

from saas.extensions import db
from saas.founding.demo import PROCESSES, seed_founding
from saas.founding.models import FoundingInterest, FoundingProcess
from tenants.scoping import tenant_context


def test_demo_founding_gives_hamm_a_running_process_and_is_idempotent(world, client):
    assert {"dortmund", "hamm", "kreis-unna", "dithmarschen"} <= set(PROCESSES)
    tenants = {"dortmund": world.dortmund, "hamm": world.hamm}
    assert seed_founding(tenants) is True
    db.session.commit()
    for tenant in tenants.values():
        with tenant_context(tenant.id):
            assert db.session.scalar(select(func.count(FoundingProcess.id))) == len(PROCESSES[tenant.slug])
            assert db.session.scalar(select(func.count(FoundingInterest.id))) >= 2
    client.login(world.hamm_staff)
    html = client.get("/hamm/intern/gruendungen/").get_data(as_text=True)
    assert "Endometriose" in html and "läuft" in html
    assert seed_founding(tenants) is False  # an office with processes is left alone
    with tenant_context(world.hamm.id):
        assert db.session.scalar(select(func.count(FoundingProcess.id))) == 1
