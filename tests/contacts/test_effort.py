"""Written contacts by medium and the time contacts take (CONTRACTS.md *Contacts CSV* ``medium`` and
``duration_minutes``; *Annual report JSON* ``written_by_medium``, ``minutes_by_concern``, ``with_duration``)."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter

import pytest
from sqlalchemy import inspect, select

from saas.contacts import operations as ops
from saas.contacts.importer import COLUMNS, ImportRefused, export_contacts, import_contacts
from saas.contacts.models import Contact
from saas.contacts.pdf import render_pdf
from saas.contacts.report import annual_report, render_html_document, report_csv, report_view
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.contacts.helpers import to_csv

YEAR = 2023
CONCERNS = ["seeking_group", "founding_group", "information", "group_support", "networking", "other"]


def _rows(n: int = 300, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        channel = rng.choice(["phone", "written", "in_person"])
        rows.append(
            {
                "date": f"{YEAR}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "contact_kind": rng.choice(["citizen", "relative", "group", "professional"]),
                "channel": channel,
                "topic_area": rng.choice(["addiction", "mental_health", "social"]),
                "concern": rng.choice(CONCERNS),
                "medium": rng.choice(["email", "letter", "form", ""]) if channel == "written" else "",
                "duration_minutes": "" if i % 4 == 0 else str(rng.choice([0, 5, 10, 25, 45, 90, 7])),
            }
        )
    return rows


def _import(tenant, rows) -> None:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        import_contacts(to_csv(rows))
        db.session.commit()


def _report(tenant, year: int = YEAR) -> dict:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return annual_report(tenant, year)


def test_minutes_by_concern_equal_the_raw_rows(world):
    """Does the report's sum of durations per concern equal the sum over the raw contact rows, and does
    ``with_duration`` count exactly the contacts that carry one (also a duration of 0)?"""
    rows = _rows()
    _import(world.dortmund, rows)
    expected: Counter[str] = Counter()
    for row in rows:
        if row["duration_minutes"]:
            expected[row["concern"]] += int(row["duration_minutes"])
    c = _report(world.dortmund)["contacts"]
    assert c["minutes_by_concern"] == {k: expected[k] for k in CONCERNS}
    assert c["with_duration"] == sum(1 for r in rows if r["duration_minutes"] != "")
    with tenant_context(world.dortmund.id):
        raw: Counter[str] = Counter()
        for concern, minutes in db.session.execute(select(Contact.concern, Contact.duration_minutes)):
            raw[concern] += minutes or 0
    assert c["minutes_by_concern"] == {k: raw[k] for k in CONCERNS}
    assert c["hours_by_concern"]["other"] == round(expected["other"] / 60 + 1e-9, 1)
    assert _report(world.hamm)["contacts"]["with_duration"] == 0  # the other office sees none of it


def test_written_by_medium_sums_to_written(world):
    """Do the media of written contacts, with "unknown" for the rest, sum to ``by_channel.written``?"""
    rows = _rows()
    _import(world.dortmund, rows)
    c = _report(world.dortmund)["contacts"]
    media = Counter(r["medium"] or "unknown" for r in rows if r["channel"] == "written")
    assert c["written_by_medium"] == {k: media[k] for k in ("email", "letter", "form", "unknown")}
    assert sum(c["written_by_medium"].values()) == c["by_channel"]["written"]


def test_recount_keeps_medium_and_minutes(world):
    """Does rebuilding the daily counts from the raw rows give the same new figures?"""
    _import(world.dortmund, _rows())
    before = _report(world.dortmund)["contacts"]
    with tenant_context(world.dortmund.id):
        ops.recount(world.dortmund.id)
        db.session.commit()
    after = _report(world.dortmund)["contacts"]
    for key in ("written_by_medium", "minutes_by_concern", "with_duration"):
        assert after[key] == before[key]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"channel": "phone", "medium": "email"}, "line 3: medium 'email' is only valid for written contacts"),
        ({"medium": "fax"}, "line 3: unknown medium 'fax'"),
        ({"duration_minutes": "-5"}, "line 3: duration_minutes must not be negative"),
        ({"duration_minutes": "1.5"}, "line 3: duration_minutes must be a whole number ≥ 0"),
        ({"duration_minutes": "zehn"}, "line 3: duration_minutes must be a whole number ≥ 0"),
    ],
)
def test_bad_medium_or_duration_stores_nothing(world, change, message):
    """Is a bad ``medium`` or ``duration_minutes`` refused as ``line N: reason``, with nothing stored?"""
    rows = [
        {"date": f"{YEAR}-03-01", "contact_kind": "citizen", "channel": "written", "topic_area": "social",
         "medium": "letter", "duration_minutes": "15"},
        {"date": f"{YEAR}-03-02", "contact_kind": "citizen", "channel": "written", "topic_area": "social",
         "medium": "email", "duration_minutes": "10"},
    ]  # fmt: skip
    rows[1].update(change)
    with tenant_context(world.dortmund.id), pytest.raises(ImportRefused) as refused:
        import_contacts(to_csv(rows))
    assert any(e.startswith(message) for e in refused.value.errors), refused.value.errors
    db.session.rollback()
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Contact.id)) is None


def test_export_carries_medium_and_duration_and_reimports(world, make_tenant):
    """Does the export hold the two columns exactly as imported, and give the same figures in another office?"""
    rows = _rows(80)
    _import(world.dortmund, rows)
    with tenant_context(world.dortmund.id):
        exported = export_contacts(YEAR)
    header = exported.splitlines()[0].split(",")
    assert header == COLUMNS and header[-2:] == ["medium", "duration_minutes"]
    got = Counter((r["medium"], r["duration_minutes"]) for r in csv.DictReader(io.StringIO(exported)))
    assert got == Counter((r["medium"], r["duration_minutes"]) for r in rows)
    other = make_tenant("bochum")
    _import(other, list(csv.DictReader(io.StringIO(exported))))
    a, b = _report(world.dortmund)["contacts"], _report(other)["contacts"]
    for key in ("written_by_medium", "minutes_by_concern", "with_duration", "by_channel"):
        assert a[key] == b[key]


def test_a_contact_with_a_duration_stays_anonymous(world):
    """Can a contact hold a person or a free text? The table has no such column, and a contact entered
    with a duration and an effort link stores codes, numbers and ids only."""
    allowed = {
        "id", "tenant_id", "day", "kind", "channel", "topic_area", "topic_id", "topic_label", "topic_unmatched",
        "concern", "site_id", "referrals_to_groups", "referrals_to_professionals", "import_id", "created_at",
        "updated_at", "medium", "duration_minutes", "founding_process_id", "supported_group_id",
    }  # fmt: skip
    assert {c.key for c in inspect(Contact).columns} == allowed
    from saas.founding import operations as founding

    with tenant_context(world.dortmund.id):
        process = founding.create_process(topic_name="Long Covid")
        contact = ops.record_contact(
            ops.ContactData(
                day=ops.today(), kind="citizen", channel="written", topic_area="chronic_illness",
                concern="founding_group", medium="email", duration_minutes=35, founding_process_id=process.id,
            )
        )  # fmt: skip
        db.session.commit()
        stored = {c.key: getattr(contact, c.key) for c in inspect(Contact).columns}
        process_id = process.id
    texts = {k: v for k, v in stored.items() if isinstance(v, str)}
    assert texts == {"kind": "citizen", "channel": "written", "topic_area": "chronic_illness",
                     "concern": "founding_group", "medium": "email", "topic_label": ""}  # fmt: skip
    assert stored["duration_minutes"] == 35 and stored["founding_process_id"] == process_id


def test_medium_only_for_written_contacts_in_operations(world):
    """Is a medium on a telephone contact refused by the operation (and by the database constraint)?"""
    with tenant_context(world.dortmund.id), pytest.raises(ops.ContactError):
        ops.record_contact(
            ops.ContactData(day=ops.today(), kind="citizen", channel="phone", topic_area="social", medium="email")
        )


def test_report_outputs_carry_the_new_keys(app, world):
    """Do the JSON, CSV, HTML and PDF forms of the report carry the media and the hours by concern?"""
    _import(world.dortmund, _rows())
    with tenant_context(world.dortmund.id):
        report = annual_report(world.dortmund, YEAR)
        body = report_csv(report)
        pdf = render_pdf(report_view(world.dortmund, YEAR))
    with app.test_request_context("/"), tenant_context(world.dortmund.id):
        html = render_html_document(world.dortmund, YEAR)
    json.dumps(report)
    lines = set(body.splitlines())
    for k, n in report["contacts"]["written_by_medium"].items():
        assert f"contacts,written_by_medium.{k},{n}" in lines
    for k, n in report["contacts"]["minutes_by_concern"].items():
        assert f"contacts,minutes_by_concern.{k},{n}" in lines
    assert f"contacts,with_duration,{report['contacts']['with_duration']}" in lines
    assert "Schriftliche Kontakte nach Medium" in html and "Stunden" in html
    assert pdf.startswith(b"%PDF")


def test_quick_entry_stores_medium_duration_and_link(client, world):
    """Does the quick entry store the medium, a duration in 5-minute steps and the founding process,
    and drop a medium left over after switching to the telephone?"""
    from saas.founding import operations as founding

    with tenant_context(world.dortmund.id):
        process_id = founding.create_process(topic_name="Hochsensibilität").id
        db.session.commit()
    client.login(world.dortmund_staff)
    base = {
        "kind": "citizen", "channel": "written", "medium": "letter", "topic": "0", "topic_area": "mental_health",
        "concern": "founding_group", "site": "0", "day": ops.today().isoformat(), "referrals_to_professionals": "0",
        "duration": "25", "founding_process": str(process_id), "supported_group": "0", "save": "1",
    }  # fmt: skip
    assert client.post_form("/dortmund/intern/kontakte/neu", base).status_code == 302
    assert client.post_form("/dortmund/intern/kontakte/neu", {**base, "channel": "phone"}).status_code == 302
    assert client.post_form("/dortmund/intern/kontakte/neu", {**base, "duration": "-1"}).status_code == 302
    assert client.post_form("/dortmund/intern/kontakte/neu", {**base, "duration": "7"}).status_code == 400
    with tenant_context(world.dortmund.id):
        stored = db.session.execute(
            select(Contact.channel, Contact.medium, Contact.duration_minutes, Contact.founding_process_id).order_by(
                Contact.id
            )
        ).all()
    assert [tuple(r) for r in stored] == [
        ("written", "letter", 25, process_id),
        ("phone", None, 25, process_id),
        ("written", "letter", None, process_id),
    ]


def test_a_year_without_any_duration_shows_no_column_of_zero_hours(app, world):
    """Is a year in which no contact carries a duration reported as "not recorded" in the HTML and the PDF,
    not as 0,0 hours per concern (which would read as no time spent)?"""
    import subprocess

    _import(world.dortmund, [{**row, "duration_minutes": ""} for row in _rows(60)])
    with tenant_context(world.dortmund.id):
        pdf = render_pdf(report_view(world.dortmund, YEAR))
    with app.test_request_context("/"), tenant_context(world.dortmund.id):
        html = render_html_document(world.dortmund, YEAR)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    for out in (html, text.decode()):
        assert "bei keinem Kontakt dieses Jahres wurde eine Dauer erfasst" in out
        section = out.split("Anliegen und Vermittlungen", 1)[1].split("an Selbsthilfegruppen", 1)[0]
        assert "Stunden" not in section and "0,0" not in section
