"""Contacts CSV import/export (CONTRACTS.md *Contacts CSV*): all-or-nothing, line-numbered errors,
fingerprint against double import, and an annual report whose every figure is known."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from saas.contacts.importer import ImportRefused, export_contacts, import_contacts
from saas.contacts.models import Contact, ContactDailyCount, ContactImport
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.contacts.helpers import CURRENT, YEAR, known_rows, make_topics, to_csv


def _write(tmp_path, data: bytes, name: str = "kontakte.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _cli(app, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=list(args))


def _stored(tenant) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return (
            db.session.scalar(select(func.count(Contact.id))),
            db.session.scalar(select(func.count(ContactDailyCount.id))),
            db.session.scalar(select(func.count(ContactImport.id))),
        )


def test_report_json_of_a_generated_file_has_every_known_figure(app, world, tmp_path):
    """Import a file with known totals: is every figure of the JSON report right, with half-up rounding,
    one-decimal changes and null where the previous year has no data?"""
    make_topics(world.dortmund)
    path = _write(tmp_path, to_csv(known_rows()))
    result = _cli(app, "contacts", "import", "--tenant", "dortmund", str(path))
    assert result.exit_code == 0, result.output
    assert "imported 680 contacts" in result.stdout
    assert "Kochgruppe" in result.stdout  # unknown topic reported as flagged free text

    result = _cli(app, "report", "annual", "--tenant", "dortmund", "--year", str(YEAR), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["tenant"] == "dortmund" and report["year"] == YEAR
    c = report["contacts"]
    assert c["total"] == 360
    assert c["by_kind"] == CURRENT["kinds"]
    assert c["by_channel"] == CURRENT["channels"]
    assert c["by_channel_pct"] == {"phone": 48, "written": 43, "in_person": 10}  # 47.5 → 48, 42.5 → 43
    assert c["citizen_topic_area_pct"] == {
        "mental_health": 47,
        "chronic_illness": 24,
        "addiction": 13,
        "social": 17,
        "disability": 1,
    }  # of the 200 citizen + relative contacts; groups' and professionals' "addiction" left out
    assert c["by_concern"] == {**CURRENT["concerns"], "other": 360 - 257}
    assert c["referrals"] == {"to_groups": 123, "to_professionals": 45}
    assert c["previous_year_total"] == 320
    assert c["change_pct"] == {"total": 12.5, "citizen": 18.8, "relative": None, "group": 1.3, "professional": -1.3}
    assert json.dumps(c["change_pct"]).count("null") == 1
    for key in ("groups", "newsletter", "events", "rooms"):
        assert isinstance(report[key], dict)

    earlier = json.loads(_cli(app, "report", "annual", "--tenant", "dortmund", "--year", str(YEAR - 1)).stdout)
    assert earlier["contacts"]["total"] == 320
    assert earlier["contacts"]["previous_year_total"] == 0
    assert set(earlier["contacts"]["change_pct"].values()) == {None}  # no data in the year before


def test_import_matches_topics_and_flags_free_text(app, world):
    """Is a topic that matches the office's topics (by name or search word) linked, and an unknown one
    kept as flagged free text?"""
    topics = make_topics(world.dortmund)
    with tenant_context(world.dortmund.id):
        result = import_contacts(to_csv(known_rows()[:3]))
        db.session.commit()
        rows = db.session.scalars(select(Contact).order_by(Contact.id)).all()
    assert result.unmatched_topics == {"Kochgruppe": 1}
    assert (rows[0].topic_id, rows[0].topic_label, rows[0].topic_unmatched) == (
        topics["Depression"].id,
        "Depression",
        False,
    )
    assert rows[1].topic_id == topics["Alkoholabhängigkeit"].id
    assert (rows[2].topic_id, rows[2].topic_label, rows[2].topic_unmatched) == (None, "Kochgruppe", True)


def test_same_file_is_refused_unless_forced(app, world, tmp_path):
    """Does re-importing the same file refuse (nothing doubled) and --force import it again?"""
    path = _write(tmp_path, to_csv(known_rows()[:10]))
    assert _cli(app, "contacts", "import", "--tenant", "dortmund", str(path)).exit_code == 0
    again = _cli(app, "contacts", "import", "--tenant", "dortmund", str(path))
    assert again.exit_code != 0
    assert "already imported" in again.output
    assert _stored(world.dortmund)[0] == 10
    forced = _cli(app, "contacts", "import", "--tenant", "dortmund", "--force", str(path))
    assert forced.exit_code == 0, forced.output
    assert _stored(world.dortmund)[0] == 20


BAD_ROWS = [
    ({"date": "2022-02-30"}, "line 2: no such date '2022-02-30'"),
    ({"date": "01.03.2022"}, "line 2: date must be YYYY-MM-DD"),
    ({"date": "2999-01-01"}, "line 2: date 2999-01-01 lies in the future"),
    ({"contact_kind": "buerger"}, "line 2: unknown contact_kind 'buerger'"),
    ({"channel": "fax"}, "line 2: unknown channel 'fax'"),
    ({"topic_area": "sucht"}, "line 2: unknown topic_area 'sucht'"),
    ({"concern": "chat"}, "line 2: unknown concern 'chat'"),
    ({"referrals_to_groups": "-2"}, "line 2: referrals_to_groups must not be negative (-2)"),
    ({"referrals_to_professionals": "1.5"}, "line 2: referrals_to_professionals must be a whole number"),
    ({"site": "Bochum"}, "line 2: unknown site 'Bochum' (sites: Hauptstelle)"),
    ({"topic": "x" * 101}, "line 2: topic longer than 100 characters"),
    ({"topic": "=HYPERLINK(1)"}, "line 2: topic must not start with = + - @"),
]


@pytest.mark.parametrize(("change", "message"), BAD_ROWS)
def test_a_bad_row_stores_nothing_and_names_its_line(app, world, tmp_path, change, message):
    """Does one bad row (wrong date, unknown code, negative count, unknown site…) refuse the whole file with
    ``line N: reason``?"""
    rows = known_rows()[:5]
    rows[0] = {**rows[0], **change}
    result = _cli(app, "contacts", "import", "--tenant", "dortmund", str(_write(tmp_path, to_csv(rows))))
    assert result.exit_code != 0
    assert message in result.output
    assert _stored(world.dortmund) == (0, 0, 0)


def test_every_bad_row_is_reported(world):
    """Are all bad rows listed, each with its line number, and nothing stored?"""
    rows = known_rows()[:6]
    rows[1]["channel"] = "brief"
    rows[4]["referrals_to_groups"] = "-1"
    rows[4]["site"] = "Nirgendwo"
    with tenant_context(world.dortmund.id), pytest.raises(ImportRefused) as refused:
        import_contacts(to_csv(rows))
    db.session.rollback()
    assert refused.value.errors == [
        "line 3: unknown channel 'brief' (one of phone, written, in_person)",
        "line 6: referrals_to_groups must not be negative (-1); unknown site 'Nirgendwo' (sites: Hauptstelle)",
    ]
    assert _stored(world.dortmund) == (0, 0, 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"date,contact_kind,channel,topic_area\n", "no contacts"),
        (
            "date,contact_kind,channel,topic_area,topic\n2022-01-03,citizen,phone,social,Trauer für Ältere\n".encode(
                "latin-1"
            ),
            "not UTF-8",
        ),
        (b"date,contact_kind,channel\n2022-01-03,citizen,phone\n", "missing column(s): topic_area"),
        (
            b"date,contact_kind,channel,topic_area,name\n2022-01-03,citizen,phone,social,Max\n",
            "unknown column(s): name",
        ),
        (b"date,contact_kind,channel,topic_area\n2022-01-03,citizen,phone\n", "line 2: expected 4 fields, found 3"),
    ],
)
def test_unreadable_files_store_nothing(app, world, tmp_path, data, message):
    """Empty file, header only, Latin-1, missing or unknown columns (no name column!), short rows: a clear
    error and nothing stored."""
    result = _cli(app, "contacts", "import", "--tenant", "dortmund", str(_write(tmp_path, data)))
    assert result.exit_code != 0
    assert message in result.output
    assert _stored(world.dortmund) == (0, 0, 0)


def test_a_50_mb_file_is_refused(app, world, tmp_path):
    """Is a 50 MB file refused with a clear reason, nothing stored?"""
    row = b"2022-01-03,citizen,phone,social,,information,0,0,\n"
    data = (
        b",".join(
            c.encode()
            for c in [
                "date",
                "contact_kind",
                "channel",
                "topic_area",
                "topic",
                "concern",
                "referrals_to_groups",
                "referrals_to_professionals",
                "site",
            ]
        )
        + b"\n"
    )
    data += row * (50 * 1024 * 1024 // len(row) + 1)
    assert len(data) > 50 * 1024 * 1024
    result = _cli(app, "contacts", "import", "--tenant", "dortmund", str(_write(tmp_path, data)))
    assert result.exit_code != 0
    assert "file too large" in result.output
    with tenant_context(world.dortmund.id), pytest.raises(ImportRefused, match="file too large"):
        import_contacts(data)
    db.session.rollback()
    assert _stored(world.dortmund) == (0, 0, 0)


def test_unknown_office_fails(app, world, tmp_path):
    """Does the import name an unknown office as the reason?"""
    result = _cli(app, "contacts", "import", "--tenant", "bochum", str(_write(tmp_path, to_csv(known_rows()[:1]))))
    assert result.exit_code != 0
    assert "unknown office: bochum" in result.output


def test_export_reimports_to_the_same_figures(app, world, make_tenant):
    """Does the export, imported into another office, give the same report figures (a round trip)?"""
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(known_rows()))
        db.session.commit()
        exported = export_contacts()
        only_2022 = export_contacts(YEAR)
    assert (
        exported.splitlines()[0] == "date,contact_kind,channel,topic_area,topic,concern,referrals_to_groups,"
        "referrals_to_professionals,site,medium,duration_minutes"
    )
    assert len(exported.splitlines()) == 681 and len(only_2022.splitlines()) == 361
    other = make_tenant("bochum", sites=("Hauptstelle",))
    with tenant_context(other.id):
        import_contacts(exported.encode())
        db.session.commit()
    a = json.loads(_cli(app, "report", "annual", "--tenant", "dortmund", "--year", str(YEAR)).stdout)
    b = json.loads(_cli(app, "report", "annual", "--tenant", "bochum", "--year", str(YEAR)).stdout)
    assert a["contacts"] == b["contacts"]


def test_export_cli_writes_csv(app, world, tmp_path):
    """Does ``lotse contacts export`` print the office's contacts and nothing of another office?"""
    with tenant_context(world.hamm.id):
        import_contacts(to_csv([{**r, "site": ""} for r in known_rows()[:4]]))
        db.session.commit()
    dortmund = _cli(app, "contacts", "export", "--tenant", "dortmund")
    hamm = _cli(app, "contacts", "export", "--tenant", "hamm", "--output", str(tmp_path / "out.csv"))
    assert dortmund.exit_code == 0 and len(dortmund.stdout.splitlines()) == 1
    assert hamm.exit_code == 0 and len((tmp_path / "out.csv").read_text().splitlines()) == 5
