"""An office that counts relatives among the citizens (Dortmund's reports do) shows no row of relatives: a 0
there would say that no relative ever called. The profile page sets it; entry, statistics and the annual
report follow it; the report's JSON keeps the figures as recorded and says how the office counts."""

from __future__ import annotations

import re
import subprocess

from sqlalchemy import func, select

from saas.contacts.models import Contact, counted_kinds, fold_kinds, relatives_apart
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context
from tests.admin.test_profile_and_sites import PROFILE
from tests.contacts.helpers import YEAR, write_annual_report
from tests.contacts.test_views import _entry, _main, _seed_known

FOLDED = "Bürger*innen (mit Angehörigen)"


def _rows(page: str) -> dict[str, list[str]]:
    """The rows of the first table "Kontakte nach Art" of a page: label → its cells."""
    table = re.search(r"Kontakte nach Art.*?<tbody>(.*?)</tbody>", page, re.S)
    assert table is not None
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S):
        label = re.sub(r"<.*?>", "", re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1)).strip()
        rows[label] = [re.sub(r"<.*?>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return rows


def _count_apart(client, world, apart: bool) -> None:  # type: ignore[no-untyped-def]
    """Save the profile page with the box "Angehörige getrennt zählen" ticked or not."""
    client.login(world.dortmund_admin)
    form = {**PROFILE, **({"relatives_apart": "y"} if apart else {})}
    assert client.post_form("/dortmund/intern/verwaltung/profil", form).status_code == 302
    client.logout()
    db.session.expire_all()


def test_the_setting_is_yes_until_an_office_says_no_and_the_profile_page_keeps_it(client, world):
    """Does an office count relatives apart by default, and does the profile's box change exactly that?"""
    assert relatives_apart(None) and relatives_apart({}) and relatives_apart({"contacts": {}})
    assert not relatives_apart({"contacts": {"relatives_apart": False}})
    client.login(world.dortmund_admin)
    page = client.get("/dortmund/intern/verwaltung/profil").get_data(as_text=True)
    assert re.search(
        r'<input[^>]*checked[^>]*name="relatives_apart"|<input[^>]*name="relatives_apart"[^>]*checked', page
    )
    client.logout()
    _count_apart(client, world, False)
    office = db.session.get(Tenant, world.dortmund.id)
    assert office.settings["contacts"] == {"relatives_apart": False}
    assert not relatives_apart(office.settings)
    _count_apart(client, world, True)
    assert relatives_apart(db.session.get(Tenant, world.dortmund.id).settings)
    assert relatives_apart(db.session.get(Tenant, world.hamm.id).settings)  # another office's is its own


def test_kinds_fold_relatives_into_the_citizens_and_lose_none():
    by_kind = {"citizen": 190, "relative": 10, "group": 81, "professional": 79}
    assert fold_kinds(by_kind, True) == by_kind and list(counted_kinds(True)) == list(by_kind)
    assert fold_kinds(by_kind, False) == {"citizen": 200, "group": 81, "professional": 79}
    assert counted_kinds(False)["citizen"] == FOLDED and "relative" not in counted_kinds(False)


def test_statistics_and_report_show_the_citizens_with_their_relatives(client, world):
    """With relatives counted among the citizens: one row "Bürger*innen (mit Angehörigen)" holding the 10
    recorded relatives, no row of relatives, the same total; the JSON keeps what was recorded."""
    _seed_known(world.dortmund)  # 2022: citizens 190, relatives 10, groups 81, professionals 79; 2021: 160, 0, 80, 80
    client.login(world.dortmund_readonly)
    stats_url = f"/dortmund/intern/statistik?period=year&year={YEAR}"
    apart = _rows(_main(client.get(stats_url)))
    assert apart["Bürger*innen"][0] == "190" and apart["Angehörige"][0] == "10"
    client.logout()
    _count_apart(client, world, False)
    client.login(world.dortmund_readonly)
    folded = _rows(_main(client.get(stats_url)))
    assert "Angehörige" not in folded and "Bürger*innen" not in folded
    assert folded[FOLDED][:2] == ["200", "56\u00a0%"]  # 200 of 360
    assert folded[FOLDED][2] == "160" and folded[FOLDED][3] == "+25,0\u00a0%"
    report = _rows(_main(client.get(f"/dortmund/intern/jahresbericht/{YEAR}")))
    assert "Angehörige" not in report and report[FOLDED] == ["200", "160", "+25,0\u00a0%"]
    data = client.get(f"/dortmund/intern/jahresbericht/{YEAR}.json").get_json()["contacts"]
    assert data["relatives_apart"] is False
    assert data["by_kind"] == {"citizen": 190, "relative": 10, "group": 81, "professional": 79}


def test_the_pdf_report_has_no_row_of_relatives(app, world, tmp_path):
    """Does the annual report's PDF (the CLI's, as the worker renders it) show the folded row only?"""
    from tests.contacts.test_views import _seed_known as seed

    seed(world.dortmund)
    office = db.session.get(Tenant, world.dortmund.id)
    office.settings = {"contacts": {"relatives_apart": False}}
    db.session.commit()
    target = tmp_path / "bericht.pdf"
    write_annual_report(app, "dortmund", "pdf", target)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Bürger\*innen \(mit Angehörigen\)\s+200\s+160\s+\+25,0", text)
    assert not re.search(r"^\s*Angehörige\s+\d", text, re.M)


def test_entry_does_not_ask_for_relatives_and_refuses_them(client, world):
    """Does the quick entry offer no "Angehörige" then, refuse a forged one and store nothing, while a
    contact recorded as a relative's before keeps its kind when corrected?"""
    _count_apart(client, world, False)
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/kontakte/neu").get_data(as_text=True)
    assert 'value="relative"' not in page and FOLDED in page
    with tenant_context(world.dortmund.id):
        before = db.session.scalar(select(func.count(Contact.id)))
    assert client.post_form("/dortmund/intern/kontakte/neu", _entry(kind="relative")).status_code == 400
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(Contact.id))) == before
    assert client.post_form("/dortmund/intern/kontakte/neu", _entry(kind="citizen")).status_code == 302
    client.logout()
    _count_apart(client, world, True)
    client.login(world.dortmund_staff)
    assert client.post_form("/dortmund/intern/kontakte/neu", _entry(kind="relative")).status_code == 302
    client.logout()
    _count_apart(client, world, False)
    client.login(world.dortmund_staff)
    with tenant_context(world.dortmund.id):
        old = db.session.scalar(select(Contact).where(Contact.kind == "relative"))
    edit = client.get(f"/dortmund/intern/kontakte/{old.id}/bearbeiten").get_data(as_text=True)
    assert 'value="relative"' in edit


def test_funders_exports_take_the_citizens_with_their_relatives(app, world):
    """Do the Sachbericht's and the report DOCX's contact figures follow the office's way of counting, each
    value looked up in the report JSON as the exports do?"""
    from saas.contacts.report import annual_report
    from saas.funders import figures as F

    _seed_known(world.dortmund)
    office = db.session.get(Tenant, world.dortmund.id)
    with tenant_context(office.id):
        apart = annual_report(office, YEAR)
    assert [f.path for f in F.contact_figures(apart)] == [f.path for f in F.CONTACTS]
    office.settings = {"contacts": {"relatives_apart": False}}
    db.session.commit()
    with tenant_context(office.id):
        folded = annual_report(office, YEAR)
    shown = {f.label: F.value(folded, f.path) for f in F.contact_figures(folded)}
    assert shown[f"Kontakte: {FOLDED}"] == 200 and shown["Kontakte: Selbsthilfegruppen"] == 81
    assert "Kontakte: Angehörige" not in shown and "Kontakte: Bürger*innen" not in shown
