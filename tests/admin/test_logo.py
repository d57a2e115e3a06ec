"""The office admin uploads the office's logo; the annual report's PDF cover draws it."""

from __future__ import annotations

import io

from PIL import Image

from saas.contacts.pdf import render_pdf
from saas.contacts.report import report_view
from tenants.scoping import tenant_context

URL = "/dortmund/intern/verwaltung/logo"


def _png(size: tuple[int, int] = (1600, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(out, format="PNG")
    return out.getvalue()


def test_admin_uploads_a_logo_that_the_report_cover_draws(client, db, world):
    """Is an uploaded PNG stored shrunk to 800 px, shown to the admin, drawn on the PDF cover — and can
    it be removed again?"""
    client.login(world.dortmund_admin)
    token = client.csrf_token()
    response = client.post(
        URL, data={"csrf_token": token, "action": "upload", "logo": (io.BytesIO(_png()), "logo.png")}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    image = client.get(f"{URL}.png")
    assert image.status_code == 200 and image.mimetype == "image/png"
    assert Image.open(io.BytesIO(image.data)).size == (800, 200)
    assert "Aktuelles Logo" in client.get(URL).get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        pdf = render_pdf(report_view(db.session.merge(world.dortmund), 2025))
    assert b"/Subtype /Image" in pdf
    response = client.post(URL, data={"remove-csrf_token": client.csrf_token(), "action": "remove"})
    assert response.status_code == 302
    assert client.get(f"{URL}.png").status_code == 404


def test_a_file_that_is_no_image_is_refused_and_staff_may_not_upload(client, world):
    """Is a text file named .png refused with a clear 400 (no 500), and do staff members get 403?"""
    client.login(world.dortmund_admin)
    response = client.post(
        URL,
        data={"csrf_token": client.csrf_token(), "action": "upload", "logo": (io.BytesIO(b"hello"), "logo.png")},
    )
    assert response.status_code == 400 and "PNG oder JPEG" in response.get_data(as_text=True)
    client.logout()
    client.login(world.dortmund_staff)
    assert client.get(URL).status_code == 403
    assert client.get("/hamm/intern/verwaltung/logo.png").status_code in (403, 404)
