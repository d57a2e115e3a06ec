"""Who may open the office administration: admins of the office only."""

import pytest
from sqlalchemy import select

from saas.auth.models import Membership
from tenants.models import Site
from tenants.scoping import tenant_context
from tests.factories import comparable_page


def _ids(db, world):
    with tenant_context(world.dortmund.id):
        site_id = db.session.scalar(select(Site.id))
        membership_id = db.session.scalar(select(Membership.id).where(Membership.user_id == world.dortmund_staff.id))
    return site_id, membership_id


def _urls(site_id, membership_id):
    base = "/dortmund/intern/verwaltung"
    return [
        ("GET", f"{base}/"),
        ("GET", f"{base}/personen"),
        ("POST", f"{base}/personen"),
        ("POST", f"{base}/personen/{membership_id}/rolle"),
        ("GET", f"{base}/personen/{membership_id}/entfernen"),
        ("POST", f"{base}/personen/{membership_id}/entfernen"),
        ("GET", f"{base}/profil"),
        ("POST", f"{base}/profil"),
        ("GET", f"{base}/standorte"),
        ("GET", f"{base}/standorte/neu"),
        ("POST", f"{base}/standorte/neu"),
        ("GET", f"{base}/standorte/{site_id}"),
        ("POST", f"{base}/standorte/{site_id}"),
        ("GET", f"{base}/standorte/{site_id}/sprechzeiten"),
        ("POST", f"{base}/standorte/{site_id}/sprechzeiten"),
        ("GET", f"{base}/standorte/{site_id}/loeschen"),
        ("POST", f"{base}/standorte/{site_id}/loeschen"),
    ]


def _call(client, method, url):
    if method == "GET":
        return client.get(url)
    return client.post_form(url, {"role": "admin", "name": "X", "email": "x@example.org"})


def test_admin_can_open_every_admin_page(client, db, world):
    """Does the office admin get every administration page (GETs answer 200)?"""
    client.login(world.dortmund_admin)
    for method, url in _urls(*_ids(db, world)):
        if method == "GET":
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["dortmund_staff", "dortmund_readonly"])
def test_staff_and_readonly_get_403(client, db, world, persona):
    """Do staff and read-only members of the office get 403 on every administration URL, changing nothing?"""
    site_id, membership_id = _ids(db, world)
    client.login(getattr(world, persona))
    for method, url in _urls(site_id, membership_id):
        assert _call(client, method, url).status_code == 403, (method, url)
    db.session.expire_all()
    with tenant_context(world.dortmund.id):
        assert db.session.get(Site, site_id) is not None
        assert db.session.get(Membership, membership_id).role.value == "staff"


@pytest.mark.parametrize("persona", ["hamm_admin", "hamm_staff", "analyst", "outsider"])
def test_other_office_gets_404(client, db, world, persona):
    """Does anyone outside Dortmund (even Hamm's admin) get 404 on every Dortmund administration URL?"""
    site_id, membership_id = _ids(db, world)
    client.login(getattr(world, persona))
    for method, url in _urls(site_id, membership_id):
        assert _call(client, method, url).status_code == 404, (method, url)


def test_foreign_ids_answer_like_missing_ids(client, db, world):
    """Does Hamm's admin, in Hamm's own administration, get 404 for Dortmund's site and membership ids,
    exactly as for ids that do not exist?"""
    site_id, membership_id = _ids(db, world)
    client.login(world.hamm_admin)
    base = "/hamm/intern/verwaltung"
    for foreign, missing in [
        (f"{base}/standorte/{site_id}", f"{base}/standorte/999999"),
        (f"{base}/standorte/{site_id}/sprechzeiten", f"{base}/standorte/999999/sprechzeiten"),
        (f"{base}/standorte/{site_id}/loeschen", f"{base}/standorte/999999/loeschen"),
        (f"{base}/personen/{membership_id}/entfernen", f"{base}/personen/999999/entfernen"),
    ]:
        a, b = client.get(foreign), client.get(missing)
        assert a.status_code == b.status_code == 404
        assert comparable_page(a.get_data(), foreign) == comparable_page(b.get_data(), missing)
    for url in (
        f"{base}/personen/{membership_id}/rolle",
        f"{base}/personen/{membership_id}/entfernen",
        f"{base}/standorte/{site_id}/loeschen",
        f"{base}/standorte/{site_id}",
    ):
        assert client.post_form(url, {"role": "admin", "name": "Gekapert"}).status_code == 404
    db.session.expire_all()
    with tenant_context(world.dortmund.id):
        assert db.session.get(Site, site_id).name == "Hauptstelle"
        assert db.session.get(Membership, membership_id).role.value == "staff"


def test_anonymous_is_sent_to_login(client, world):
    response = client.get("/dortmund/intern/verwaltung/personen")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_nav_entry_only_for_admins(client, world, make_client):
    """Is the staff navigation entry "Verwaltung" shown to admins and hidden from staff?"""
    client.login(world.dortmund_admin)
    assert "/dortmund/intern/verwaltung/" in client.get("/dortmund/intern/").get_data(as_text=True)
    staff = make_client()
    staff.login(world.dortmund_staff)
    assert "/dortmund/intern/verwaltung/" not in staff.get("/dortmund/intern/").get_data(as_text=True)
