"""Office admins keep the office profile, its sites and their office hours; the public home page shows them."""

from decimal import Decimal

from sqlalchemy import select

from saas.extensions import db as _db
from tenants.models import OfficeHoursSlot, Site, Tenant
from tenants.scoping import tenant_context

BASE = "/dortmund/intern/verwaltung"

PROFILE = {
    "name": "Selbsthilfe-Kontaktstelle Dortmund",
    "legal_body": "PariSozial Dortmund gGmbH",
    "street": "Ostenhellweg 42-48",
    "postcode": "44135",
    "city": "Dortmund",
    "phone": "0231 52 90 97",
    "email": "selbsthilfe-dortmund@paritaet-nrw.org",
    "website": "https://www.selbsthilfe-dortmund.de",
    "about": "Die älteste Kontaktstelle in NRW.",
    "population": "595000",
    "staff_fte": "3,5",
}


def _sites(tenant):
    _db.session.expire_all()
    with tenant_context(tenant.id):
        return list(_db.session.scalars(select(Site).order_by(Site.position, Site.id)))


def test_profile_is_saved_and_shown_publicly(client, db, world):
    """Does a saved profile (with German decimal "3,5") reach the database and the public home page?"""
    client.login(world.dortmund_admin)
    assert client.post_form(f"{BASE}/profil", PROFILE).status_code == 302
    db.session.expire_all()
    office = db.session.get(Tenant, world.dortmund.id)
    assert office.legal_body == "PariSozial Dortmund gGmbH"
    assert office.population == 595000 and Decimal(office.staff_fte) == Decimal("3.5")
    form = client.get(f"{BASE}/profil").get_data(as_text=True)
    assert 'value="3,5"' in form
    home = client.get("/dortmund/").get_data(as_text=True)
    for text in (
        "PariSozial Dortmund gGmbH",
        "Ostenhellweg 42-48",
        "0231 52 90 97",
        "https://www.selbsthilfe-dortmund.de",
    ):
        assert text in home


def test_profile_rejects_bad_input_and_stores_nothing(client, db, world):
    """Are an empty name, a javascript: web address, a bad e-mail and a negative population refused?"""
    client.login(world.dortmund_admin)
    bad = {
        **PROFILE,
        "name": "",
        "website": "javascript:alert(1)",
        "email": "nope",
        "population": "-5",
        "staff_fte": "viele",
    }
    response = client.post_form(f"{BASE}/profil", bad)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "https://" in body and "error-summary" in body
    db.session.expire_all()
    office = db.session.get(Tenant, world.dortmund.id)
    assert office.name == "Selbsthilfe-Kontaktstelle Dortmund" and office.website == ""


def test_sites_can_be_added_edited_and_deleted(client, db, world):
    """Can the admin add Lünen and Schwerte, edit Lünen's address and delete Schwerte with its hours?"""
    client.login(world.dortmund_admin)
    response = client.post_form(
        f"{BASE}/standorte/neu",
        {"name": "Lünen", "street": "Alte Str. 1", "postcode": "44532", "city": "Lünen", "phone": "02306 123"},
    )
    assert response.status_code == 302 and "/sprechzeiten" in response.headers["Location"]
    client.post_form(f"{BASE}/standorte/neu", {"name": "Schwerte"})
    names = [s.name for s in _sites(world.dortmund)]
    assert names == ["Hauptstelle", "Lünen", "Schwerte"]
    luenen_id, schwerte_id = (s.id for s in _sites(world.dortmund)[1:])
    assert (
        client.post_form(
            f"{BASE}/standorte/{luenen_id}",
            {"name": "Lünen", "street": "Neue Str. 2", "postcode": "44532", "city": "Lünen"},
        ).status_code
        == 302
    )
    assert _sites(world.dortmund)[1].street == "Neue Str. 2"
    client.post_form(
        f"{BASE}/standorte/{schwerte_id}/sprechzeiten",
        {"slots-0-weekday": "1", "slots-0-opens": "10:00", "slots-0-closes": "12:00"},
    )
    assert client.get(f"{BASE}/standorte/{schwerte_id}/loeschen").status_code == 200
    assert client.post_form(f"{BASE}/standorte/{schwerte_id}/loeschen").status_code == 302
    assert [s.name for s in _sites(world.dortmund)] == ["Hauptstelle", "Lünen"]
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(OfficeHoursSlot).where(OfficeHoursSlot.site_id == schwerte_id)) is None
    assert "Standort Lünen" in client.get("/dortmund/").get_data(as_text=True)


def test_duplicate_site_name_is_refused(client, db, world):
    """Is a second site with an existing name (any case) refused, in this office only?"""
    client.login(world.dortmund_admin)
    response = client.post_form(f"{BASE}/standorte/neu", {"name": "hauptstelle"})
    assert response.status_code == 400 and "gibt es schon" in response.get_data(as_text=True)
    assert len(_sites(world.dortmund)) == 1
    hamm_admin = world.hamm_admin
    client.logout()
    client.login(hamm_admin)
    assert client.post_form("/hamm/intern/verwaltung/standorte/neu", {"name": "Hauptstelle"}).status_code == 302


def test_office_hours_are_saved_as_weekly_slots_and_rendered_the_german_way(client, db, world):
    """Do rows of weekday/from/to become slots, shown on the home page as "Mo, Mi, Fr 09.00 – 13.00 Uhr"?"""
    client.login(world.dortmund_admin)
    site = _sites(world.dortmund)[0]
    rows = {}
    for i, (day, opens, closes) in enumerate(
        [
            (0, "09:00", "13:00"),
            (2, "09.00", "13.00"),
            (4, "09:00", "13:00"),
            (0, "14:00", "16:30"),
            (2, "14:00", "16:30"),
            (3, "14:00", "16:30"),
        ]
    ):
        rows |= {f"slots-{i}-weekday": str(day), f"slots-{i}-opens": opens, f"slots-{i}-closes": closes}
    rows |= {"slots-6-weekday": "", "slots-6-opens": "", "slots-6-closes": ""}  # an empty row is ignored
    assert client.post_form(f"{BASE}/standorte/{site.id}/sprechzeiten", rows).status_code == 302
    with tenant_context(world.dortmund.id):
        slots = db.session.scalars(select(OfficeHoursSlot).where(OfficeHoursSlot.site_id == site.id)).all()
    assert len(slots) == 6
    home = client.get("/dortmund/").get_data(as_text=True)
    assert "Mo, Mi, Fr 09.00 – 13.00 Uhr" in home
    assert "Mo, Mi, Do 14.00 – 16.30 Uhr" in home
    # The form shows the saved rows (and empty ones to add more).
    form = client.get(f"{BASE}/standorte/{site.id}/sprechzeiten").get_data(as_text=True)
    assert 'value="16:30"' in form and 'name="slots-7-weekday"' in form


def test_office_hours_errors_are_clear_and_nothing_is_stored(client, db, world):
    """Are an incomplete row, an end before the start, an overlap and a bad time each refused, nothing stored?"""
    client.login(world.dortmund_admin)
    site = _sites(world.dortmund)[0]
    url = f"{BASE}/standorte/{site.id}/sprechzeiten"
    with tenant_context(world.dortmund.id):
        before = len(db.session.scalars(select(OfficeHoursSlot)).all())
    cases = {
        "bitte Wochentag, Beginn und Ende angeben": {"slots-0-weekday": "0", "slots-0-opens": "09:00"},
        "das Ende muss nach dem Beginn liegen": {
            "slots-0-weekday": "0",
            "slots-0-opens": "13:00",
            "slots-0-closes": "09:00",
        },
        "überschneidet sich mit Zeile 1": {
            "slots-0-weekday": "0",
            "slots-0-opens": "09:00",
            "slots-0-closes": "13:00",
            "slots-1-weekday": "0",
            "slots-1-opens": "12:00",
            "slots-1-closes": "14:00",
        },
        "Zeitangabe": {"slots-0-weekday": "0", "slots-0-opens": "25:99", "slots-0-closes": "13:00"},
    }
    for message, data in cases.items():
        response = client.post_form(url, data)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True), message
    forged = client.post_form(url, {"slots-0-weekday": "9", "slots-0-opens": "09:00", "slots-0-closes": "10:00"})
    assert forged.status_code == 400
    with tenant_context(world.dortmund.id):
        assert len(db.session.scalars(select(OfficeHoursSlot)).all()) == before


def test_more_rows_without_javascript(client, db, world):
    """Does "Weitere Zeilen" redisplay the form with extra empty rows, keeping the typed rows and storing nothing?"""
    client.login(world.dortmund_admin)
    site = _sites(world.dortmund)[0]
    data = {"slots-0-weekday": "5", "slots-0-opens": "10:00", "slots-0-closes": "12:00", "add_rows": "1"}
    response = client.post_form(f"{BASE}/standorte/{site.id}/sprechzeiten", data)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'name="slots-2-weekday"' in body and 'value="10:00"' in body
    with tenant_context(world.dortmund.id):
        assert not db.session.scalars(select(OfficeHoursSlot).where(OfficeHoursSlot.weekday == 5)).all()


def test_clearing_all_rows_removes_the_hours(client, db, world):
    """Does saving only empty rows remove all office hours ("nach Vereinbarung")?"""
    client.login(world.dortmund_admin)
    site = _sites(world.dortmund)[0]
    client.post_form(f"{BASE}/standorte/{site.id}/sprechzeiten", {"slots-0-weekday": ""})
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(OfficeHoursSlot)).all() == []
    assert "Sprechzeiten nach Vereinbarung." in client.get("/dortmund/").get_data(as_text=True)
