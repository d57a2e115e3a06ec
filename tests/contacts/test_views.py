"""Staff pages of the contact log, statistics and annual report: quick entry, corrections within the
open years, import, statistics, report with chapters, and the PDF through the task."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from sqlalchemy import func, select

from saas.contacts import operations as ops
from saas.contacts.importer import import_contacts
from saas.contacts.models import Contact, ContactDailyCount, ReportChapter, ReportRender
from saas.extensions import db
from tenants.models import Site
from tenants.scoping import tenant_context
from tests.contacts.helpers import YEAR, known_rows, make_topics, to_csv, write_annual_report


def _count(tenant, model=Contact) -> int:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return db.session.scalar(select(func.count(model.id)))


def _seed_known(tenant) -> None:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        import_contacts(to_csv(known_rows()))
        db.session.commit()


def _main(response) -> str:  # type: ignore[no-untyped-def]
    """The page's main content (the header carries the requested path in the language switch)."""
    return re.search(r"<main.*</main>", response.get_data(as_text=True), re.S).group(0)


def _entry(**overrides) -> dict:  # type: ignore[no-untyped-def]
    data = {
        "kind": "citizen",
        "channel": "phone",
        "topic": "0",
        "topic_area": "mental_health",
        "concern": "seeking_group",
        "site": "0",
        "day": ops.today().isoformat(),
        "referrals_to_professionals": "0",
        "save_next": "1",
    }
    data.update(overrides)
    return data


def test_quick_entry_has_no_free_text_and_save_and_next(client, world):
    """Does the quick entry offer no free-text field, store a contact and come back for the next one with
    date, site and channel kept?"""
    topics = make_topics(world.dortmund)
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/kontakte/neu").get_data(as_text=True)
    assert "<textarea" not in page
    assert not re.search(r'type="(text|email|tel|search)"', page)
    assert 'name="name"' not in page and 'name="note"' not in page
    with tenant_context(world.dortmund.id):
        site = db.session.scalar(select(Site))
    response = client.post_form(
        "/dortmund/intern/kontakte/neu",
        _entry(topic=str(topics["Depression"].id), topic_area="", site=str(site.id), channel="written"),
    )
    assert response.status_code == 302
    assert "/dortmund/intern/kontakte/neu?" in response.location
    assert f"site={site.id}" in response.location and "channel=written" in response.location
    follow = client.get(response.location).get_data(as_text=True)
    assert "Kontakt gespeichert." in follow
    assert re.search(r'<input checked[^>]*value="written"', follow)
    with tenant_context(world.dortmund.id):
        contact = db.session.scalar(select(Contact))
        assert (contact.kind, contact.channel, contact.topic_area, contact.topic_label, contact.site_id) == (
            "citizen",
            "written",
            "mental_health",
            "Depression",
            site.id,
        )  # area taken from the topic
    response = client.post_form("/dortmund/intern/kontakte/neu", _entry(save="1", save_next=None))
    assert response.status_code == 302 and response.location.endswith(
        f"/dortmund/intern/kontakte/?year={ops.today().year}"
    )
    assert _count(world.dortmund) == 2


@pytest.mark.parametrize(
    "overrides",
    [
        {"kind": "buerger"},
        {"channel": ""},
        {"topic_area": ""},
        {"referrals_to_professionals": "-1"},
        {"day": "2999-01-01"},
        {"day": "2001-01-01"},
        {"site": "999999"},
        {"groups": "999999"},
        {"topic": "999999"},
    ],
)
def test_bad_entries_store_nothing(client, world, overrides):
    """Unknown codes, a negative count, a future or locked date, a foreign site/group/topic: 400, nothing stored."""
    client.login(world.dortmund_staff)
    response = client.post_form("/dortmund/intern/kontakte/neu", _entry(**overrides))
    assert response.status_code == 400
    assert _count(world.dortmund) == 0 and _count(world.dortmund, ContactDailyCount) == 0


def test_forged_form_without_csrf_token_is_refused(client, world):
    """Is a POST without the CSRF token refused, nothing stored?"""
    client.login(world.dortmund_staff)
    response = client.post("/dortmund/intern/kontakte/neu", data=_entry())
    assert response.status_code == 400
    assert _count(world.dortmund) == 0


def test_correction_and_deletion_only_in_open_years(client, world):
    """Can staff correct and delete this year's contacts, and are older years locked on the server?"""
    today = ops.today()
    with tenant_context(world.dortmund.id):
        current = ops.record_contact(ops.ContactData(day=today, kind="citizen", channel="phone", topic_area="social"))
        import_contacts(to_csv([{**known_rows()[5], "date": f"{today.year - 2}-06-01", "topic": ""}]))
        db.session.commit()
        old = db.session.scalar(select(Contact).where(Contact.day < dt.date(today.year - 1, 1, 1)))
        current_id, old_id = current.id, old.id
    client.login(world.dortmund_staff)
    assert client.get(f"/dortmund/intern/kontakte/{current_id}/bearbeiten").status_code == 200
    response = client.post_form(
        f"/dortmund/intern/kontakte/{current_id}/bearbeiten", _entry(kind="professional", save="1", save_next=None)
    )
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        db.session.expire_all()
        assert db.session.get(Contact, current_id).kind == "professional"
    assert client.get(f"/dortmund/intern/kontakte/{old_id}/bearbeiten").status_code == 403
    assert client.post_form(f"/dortmund/intern/kontakte/{old_id}/bearbeiten", _entry(save="1")).status_code == 403
    assert client.post_form(f"/dortmund/intern/kontakte/{old_id}/loeschen").status_code == 403
    assert client.post_form(f"/dortmund/intern/kontakte/{current_id}/loeschen").status_code == 302
    assert _count(world.dortmund) == 1
    log = client.get(f"/dortmund/intern/kontakte/?year={today.year - 2}").get_data(as_text=True)
    assert "abgeschlossen" in log and "bearbeiten" not in log


def test_readonly_may_read_but_not_write(client, world):
    """Does a read-only member see the log, statistics and report but get 403 on entry, import and PDF?"""
    client.login(world.dortmund_readonly)
    for url in ("/dortmund/intern/kontakte/", "/dortmund/intern/statistik", f"/dortmund/intern/jahresbericht/{YEAR}"):
        assert client.get(url).status_code == 200, url
    for url in (
        "/dortmund/intern/kontakte/neu",
        "/dortmund/intern/kontakte/import",
        f"/dortmund/intern/jahresbericht/{YEAR}/texte",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post_form(f"/dortmund/intern/jahresbericht/{YEAR}/pdf").status_code == 403


def test_every_url_answers_404_to_the_other_office(client, world):
    """Does a Hamm user get 404 on every Dortmund URL, and on Dortmund ids behind Hamm's own URLs?"""
    with tenant_context(world.dortmund.id):
        contact = ops.record_contact(
            ops.ContactData(day=ops.today(), kind="citizen", channel="phone", topic_area="social")
        )
        chapter = ReportChapter(tenant_id=world.dortmund.id, year=YEAR, title="Ausblick", body="Text")
        render = ReportRender(tenant_id=world.dortmund.id, year=YEAR, state="done", progress=100, pdf=b"%PDF-1.4")
        db.session.add_all([chapter, render])
        db.session.commit()
        ids = {"c": contact.id, "ch": chapter.id, "r": render.id}
    gets = [
        "intern/kontakte/",
        "intern/kontakte/neu",
        "intern/kontakte/{c}/bearbeiten",
        "intern/kontakte/import",
        "intern/kontakte/export.csv",
        "intern/statistik",
        "intern/jahresbericht/",
        f"intern/jahresbericht/{YEAR}",
        f"intern/jahresbericht/{YEAR}.json",
        f"intern/jahresbericht/{YEAR}.csv",
        f"intern/jahresbericht/{YEAR}/texte",
        f"intern/jahresbericht/{YEAR}/texte/{{ch}}",
        f"intern/jahresbericht/{YEAR}/pdf/{{r}}",
        f"intern/jahresbericht/{YEAR}/pdf/{{r}}/status",
        f"intern/jahresbericht/{YEAR}/pdf/{{r}}/datei",
    ]
    posts = [
        "intern/kontakte/{c}/loeschen",
        "intern/kontakte/{c}/bearbeiten",
        f"intern/jahresbericht/{YEAR}/pdf",
        f"intern/jahresbericht/{YEAR}/texte",
        f"intern/jahresbericht/{YEAR}/texte/vorlage",
        f"intern/jahresbericht/{YEAR}/texte/{{ch}}",
        f"intern/jahresbericht/{YEAR}/texte/{{ch}}/loeschen",
    ]
    for user in (world.hamm_admin, world.hamm_staff):
        client.login(user)
        for path in gets:
            assert client.get("/dortmund/" + path.format(**ids)).status_code == 404, path
        for path in posts:
            assert client.post_form("/dortmund/" + path.format(**ids), {}).status_code == 404, path
        for path in gets + posts:
            if "{" in path:  # a foreign id behind the own office's URL: exactly like a missing id
                send = client.get if path in gets else (lambda url: client.post_form(url, {}))
                own = send("/hamm/" + path.format(**ids))
                missing = send("/hamm/" + path.format(c=999999, ch=999999, r=999999))
                assert own.status_code == missing.status_code == 404, path
                assert _main(own) == _main(missing)
        client.logout()
    with tenant_context(world.dortmund.id):
        assert db.session.get(Contact, ids["c"]) is not None
        assert db.session.get(ReportChapter, ids["ch"]).title == "Ausblick"


def test_statistics_page_in_german_formatting(client, world):
    """Does the statistics page show the period's figures, the previous period and changes the German way?"""
    _seed_known(world.dortmund)
    client.login(world.dortmund_readonly)
    page = client.get(f"/dortmund/intern/statistik?period=year&year={YEAR}").get_data(as_text=True)
    assert "Statistik: 2022" in page
    assert "+12,5\u00a0%" in page  # total 360 against 320
    assert "\u22121,3\u00a0%" in page  # professionals 79 against 80
    assert "<svg" in page and "<title id=" in page and "Daten als Tabelle" in page
    assert "Kochgruppe" in page and "Freitext" in page
    q1 = client.get(f"/dortmund/intern/statistik?period=quarter&year={YEAR}&quarter=1").get_data(as_text=True)
    assert "1. Quartal 2022" in q1 and "4. Quartal 2021" in q1
    month = client.get(f"/dortmund/intern/statistik?period=month&year={YEAR}&month=2")
    assert month.status_code == 200 and "Februar 2022" in month.get_data(as_text=True)
    custom = client.get("/dortmund/intern/statistik?period=range&start=2022-01-01&end=2022-01-31")
    assert custom.status_code == 200 and "01.01.2022 – 31.01.2022" in custom.get_data(as_text=True)
    assert client.get("/dortmund/intern/statistik?period=range&start=2022-02-01&end=2022-01-01").status_code == 400
    assert client.get("/dortmund/intern/statistik?period=year&year=abc").status_code == 400
    assert client.get("/dortmund/intern/statistik?period=year&year=2022&site=999999").status_code == 400


def test_a_running_year_is_compared_with_the_same_days_of_the_year_before(client, world, monkeypatch):
    """On 2 December, is 2026 counted up to today and set against 01.01.–02.12.2025, not against all of 2025
    (which would show a fall that is only the missing weeks)?"""
    dates = ["2025-03-10"] * 3 + ["2025-12-20"] * 5 + ["2026-03-10"] * 2 + ["2026-11-30"]
    rows = [{**known_rows()[0], "date": day, "topic": ""} for day in dates]
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(rows))
        db.session.commit()
    monkeypatch.setattr(ops, "today", lambda: dt.date(2026, 12, 2))
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/statistik?period=year&year=2026").get_data(as_text=True)
    assert "Statistik: 2026 bis 02.12." in page
    assert "01.01.2025 bis 02.12.2025" in page and "31.12.2026" not in page
    cards = re.search(r'<ul class="cards">.*?</ul>', page, re.S)
    assert cards is not None and "Vorperiode 3 " in cards.group(0)  # not 8: the 20 December 2025 is not yet due
    assert "0,0\u00a0%" in cards.group(0)  # 3 against 3
    q4 = client.get("/dortmund/intern/statistik?period=quarter&year=2026&quarter=4").get_data(as_text=True)
    assert "4. Quartal 2026 bis 02.12." in q4 and "3. Quartal 2026 bis 02.09." in q4
    closed = client.get("/dortmund/intern/statistik?period=year&year=2025").get_data(as_text=True)
    assert "Statistik: 2025<" in closed and "31.12.2025" in closed  # a closed year stays whole


def test_statistics_of_a_large_office_use_thousands_separators(client, world):
    """Are four-digit figures written 2.214?"""
    rows = [{**known_rows()[3], "date": f"{YEAR}-03-0{1 + i % 5}", "topic": ""} for i in range(2214)]
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(rows))
        db.session.commit()
    client.login(world.dortmund_staff)
    page = client.get(f"/dortmund/intern/statistik?period=year&year={YEAR}").get_data(as_text=True)
    assert "2.214" in page


def test_report_page_downloads_and_chapters(client, world):
    """Does the report page show the figures and the year's chapters, and do JSON and CSV match the CLI?"""
    _seed_known(world.dortmund)
    client.login(world.dortmund_staff)
    assert client.get("/dortmund/intern/jahresbericht/").status_code == 302
    response = client.post_form(f"/dortmund/intern/jahresbericht/{YEAR}/texte/vorlage")
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        chapter = db.session.scalar(select(ReportChapter).where(ReportChapter.title == "Ausblick"))
    response = client.post_form(
        f"/dortmund/intern/jahresbericht/{YEAR}/texte/{chapter.id}",
        {
            "title": "Ausblick",
            "placement": "closing",
            "position": "40",
            "body": "Die Jubiläumsfeier findet im April statt.\n\n- Junge Selbsthilfe\n- Interkulturelle Öffnung",
        },
    )
    assert response.status_code == 302
    client.post_form(
        f"/dortmund/intern/jahresbericht/{YEAR - 1}/texte",
        {"title": "Nur im Vorjahr", "placement": "intro", "position": "1", "body": "alt"},
    )
    page = client.get(f"/dortmund/intern/jahresbericht/{YEAR}").get_data(as_text=True)
    assert "Die Jubiläumsfeier findet im April statt." in page and "<li>Junge Selbsthilfe</li>" in page
    assert "Nur im Vorjahr" not in page  # chapters are kept per year
    assert "Gesamtkontakte – Zahlen und Fakten im Überblick" in page and "+12,5\u00a0%" in page
    data = client.get(f"/dortmund/intern/jahresbericht/{YEAR}.json").get_json()
    assert data["contacts"]["total"] == 360 and data["contacts"]["change_pct"]["relative"] is None
    csv_text = client.get(f"/dortmund/intern/jahresbericht/{YEAR}.csv").get_data(as_text=True)
    assert "contacts,total,360" in csv_text and "contacts,change_pct.relative,\n" in csv_text
    assert (
        client.post_form(
            f"/dortmund/intern/jahresbericht/{YEAR}/texte", {"title": "", "placement": "intro", "position": "1"}
        ).status_code
        == 400
    )
    assert client.post_form(f"/dortmund/intern/jahresbericht/{YEAR}/texte/{chapter.id}/loeschen").status_code == 302
    assert "Die Jubiläumsfeier" not in client.get(f"/dortmund/intern/jahresbericht/{YEAR}").get_data(as_text=True)


def test_pdf_is_rendered_by_the_task_and_offered(client, world):
    """Does "PDF erstellen" queue the task, show its progress and offer a PDF with the figures and charts?"""
    _seed_known(world.dortmund)
    client.login(world.dortmund_staff)
    response = client.post_form(f"/dortmund/intern/jahresbericht/{YEAR}/pdf")
    assert response.status_code == 302
    status_page = client.get(response.location).get_data(as_text=True)
    assert "PDF herunterladen" in status_page and "<progress" in status_page
    render_id = int(response.location.rstrip("/").split("/")[-1])
    status = client.get(f"/dortmund/intern/jahresbericht/{YEAR}/pdf/{render_id}/status").get_json()
    assert status["state"] == "done" and status["progress"] == 100 and status["download"]
    pdf = client.get(status["download"])
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert len(pdf.data) > 5000


def test_web_import_reports_errors_and_stores_nothing(client, world):
    """Does the upload show every bad row with its line, store nothing, and import a good file?"""
    client.login(world.dortmund_staff)
    rows = known_rows()[:4]
    rows[2]["contact_kind"] = "unbekannt"
    response = client.post_form(
        "/dortmund/intern/kontakte/import",
        {"file": (io.BytesIO(to_csv(rows)), "kontakte.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "line 4: unknown contact_kind" in response.get_data(as_text=True)
    assert _count(world.dortmund) == 0
    big = b"date,contact_kind,channel,topic_area\n" + b"2022-01-03,citizen,phone,social\n" * 1_700_000
    response = client.post_form(
        "/dortmund/intern/kontakte/import", {"file": (io.BytesIO(big), "gross.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 400 and "file too large" in response.get_data(as_text=True)
    response = client.post_form(
        "/dortmund/intern/kontakte/import",
        {"file": (io.BytesIO(to_csv(known_rows()[:4])), "kontakte.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert _count(world.dortmund) == 4
    export = client.get("/dortmund/intern/kontakte/export.csv")
    assert export.mimetype == "text/csv" and len(export.get_data(as_text=True).splitlines()) == 5


def test_cli_html_pdf_and_csv_formats(app, world, tmp_path):
    """Does ``lotse report annual`` write html, pdf and csv files?"""
    _seed_known(world.dortmund)
    runner = app.test_cli_runner()
    for fmt in ("html", "pdf", "csv"):
        out = tmp_path / f"bericht.{fmt}"
        write_annual_report(app, "dortmund", fmt, out)
        assert out.stat().st_size > 500
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")
    html = (tmp_path / "bericht.html").read_text()
    assert "Jahresbericht 2022" in html and "<svg" in html and "2.214" not in html
    assert json.loads(runner.invoke(args=["report", "annual", "--tenant", "dortmund", "--year", str(YEAR)]).stdout)
    bad = runner.invoke(args=["report", "annual", "--tenant", "nirgendwo", "--year", "2022"])
    assert bad.exit_code != 0 and "unknown office" in bad.output
