"""The annual report's PDF rendered by a real worker process, with the page polling its progress."""

from __future__ import annotations

import time

from saas.contacts.importer import import_contacts
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.contacts.helpers import YEAR, known_rows, to_csv


def test_pdf_rendered_by_the_worker(client, world, celery_worker):
    """Does a real worker render the PDF queued from the page, with the state going queued → done?"""
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(known_rows()))
        db.session.commit()
    client.login(world.dortmund_staff)
    response = client.post_form(f"/dortmund/intern/jahresbericht/{YEAR}/pdf")
    assert response.status_code == 302
    status_url = response.location + "/status"
    states = []
    deadline = time.time() + 60
    while time.time() < deadline:
        status = client.get(status_url).get_json()
        states.append(status["state"])
        if status["state"] in ("done", "failed"):
            break
        time.sleep(0.3)
    assert status["state"] == "done", celery_worker.output()
    # The worker may finish before the first poll; every state seen is one of the pipeline's.
    assert set(states) <= {"queued", "running", "done"}, states
    assert "lotse.contacts.render_annual_pdf" in celery_worker.output()  # done by the worker process
    pdf = client.get(status["download"])
    assert pdf.data.startswith(b"%PDF")
