"""The funding of the groups in the Sachbericht: per stream (GKV-Pauschalförderung, project, municipal)
and in sum, groups funded and the amounts applied, granted and paid. The expected figures are worked out
here from the raw rows the test writes, not through the code under test."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from decimal import Decimal

from docx import Document as read_docx

from saas.contacts.report import annual_report
from saas.core.formatting import format_number
from saas.extensions import db
from saas.funders import figures as F
from saas.grouparea.models import GroupFunding
from tenants.scoping import tenant_context
from tests.conftest import require_tool
from tests.directory.helpers import make_group

YEAR = 2025
# (group, stream, status, applied, granted, paid)
RAW = [
    ("A", "gkv_pauschal", "granted", "950.00", "800.00", "800.00"),
    ("B", "gkv_pauschal", "proof_submitted", "1200.00", "1200.00", "1150.50"),
    ("C", "gkv_pauschal", "refused", "700.00", None, None),
    ("D", "gkv_pauschal", "planned", "500.00", None, None),  # not applied yet: counts nowhere
    ("A", "project", "granted", "3000.00", "2500.00", "1000.00"),
    ("C", "project", "applied", "1800.00", None, None),
    ("B", "municipal", "granted", "250.00", "250.00", None),
]


def _expected() -> dict:
    def figures(rows: list) -> dict:
        funded = [r for r in rows if r[2] in ("granted", "proof_submitted")]
        return {
            "groups_funded": len({r[0] for r in funded}),
            "applied": sum((Decimal(r[3]) for r in rows if r[2] != "planned"), Decimal(0)),
            "granted": sum((Decimal(r[4] or 0) for r in funded), Decimal(0)),
            "paid": sum((Decimal(r[5] or 0) for r in funded), Decimal(0)),
        }

    streams = {code: figures([r for r in RAW if r[1] == code]) for code, _ in F.FUNDING_STREAMS}
    return {"streams": streams, "total": figures(RAW)}


def _seed(world) -> None:  # type: ignore[no-untyped-def]
    groups = {name: make_group(world.dortmund, f"Gruppe {name}", ["Depression"]) for name in "ABCD"}
    with tenant_context(world.dortmund.id):
        for name, stream, status, applied, granted, paid in RAW:
            db.session.add(
                GroupFunding(
                    group_id=groups[name].id,
                    year=YEAR,
                    stream=stream,
                    status=status,
                    amount_applied=Decimal(applied),
                    amount_granted=Decimal(granted) if granted else None,
                    amount_paid=Decimal(paid) if paid else None,
                    proof_submitted=status == "proof_submitted",
                )
            )
        db.session.add(_all_of(groups["A"].id, YEAR - 1, 99))  # another year counts nowhere
        db.session.commit()
    other = make_group(world.hamm, "Gruppe Hamm", ["Depression"])
    with tenant_context(world.hamm.id):
        db.session.add(_all_of(other.id, YEAR, 77))  # nor does another office
        db.session.commit()


def _all_of(group_id: int, year: int, amount: int) -> GroupFunding:
    money = Decimal(amount)
    return GroupFunding(
        group_id=group_id, year=year, stream="gkv_pauschal", status="granted",
        amount_applied=money, amount_granted=money, amount_paid=money,
    )  # fmt: skip


def _money(value: Decimal) -> str:
    return format_number(value, 2)


def test_the_report_json_carries_the_funding_per_stream(world):
    """Does the annual report's ``funding`` section equal the sums worked out from the raw rows?"""
    _seed(world)
    expected = _expected()
    with tenant_context(world.dortmund.id):
        report = json.loads(json.dumps(annual_report(world.dortmund, YEAR)))
    section = report["funding"]
    for code, figures in expected["streams"].items():
        got = section["by_stream"][code]
        assert got["groups_funded"] == figures["groups_funded"], code
        for key in ("applied", "granted", "paid"):
            assert Decimal(str(got[key])) == figures[key], (code, key)
    assert section["groups_funded"] == 2  # A and B, each once, though both are funded in two streams
    assert Decimal(str(section["paid"])) == Decimal("2950.50")
    assert section["missing_proofs"] == 3  # A's two and B's municipal funding are granted without proof


def test_sachbericht_docx_and_pdf_show_the_funding_table(world, client):
    """Does the Sachbericht (DOCX and PDF) have the funding chapter with one row per stream and the sum, each
    cell equal to the raw data, and each column's definition as a footnote?"""
    _seed(world)
    expected = _expected()
    client.login(world.dortmund_readonly)
    response = client.get(f"/dortmund/intern/jahresbericht/{YEAR}/sachbericht.docx")
    assert response.status_code == 200
    doc = read_docx(io.BytesIO(response.data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "4. Förderung der Selbsthilfegruppen" in headings  # after the support of groups (no intro chapter here)
    [table] = [t for t in doc.tables if t.rows[0].cells[0].text == "Förderart"]
    head = table.rows[0].cells
    assert [c.paragraphs[0].runs[0].text for c in head[1:]] == [
        "Gruppen", "Beantragt", "Bewilligt", "Ausgezahlt"
    ]  # fmt: skip
    notes = {}
    for p in doc.paragraphs:
        if len(p.runs) == 2 and p.runs[0].font.superscript and p.runs[0].text.isdigit():
            notes[int(p.runs[0].text)] = p.runs[1].text.strip()
    for cell, figure in zip(head[1:], F.FUNDING, strict=True):
        assert notes[int(cell.paragraphs[0].runs[1].text)] == figure.definition
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    wanted = {label: expected["streams"][code] for code, label in F.FUNDING_STREAMS} | {"Summe": expected["total"]}
    assert list(rows) == list(wanted)
    for label, figures in wanted.items():
        assert rows[label] == [
            str(figures["groups_funded"]), _money(figures["applied"]), _money(figures["granted"]),
            _money(figures["paid"]),
        ], label  # fmt: skip
    assert rows["Summe"] == ["2", "7.900,00", "4.750,00", "2.950,50"]
    pdf = client.get(f"/dortmund/intern/jahresbericht/{YEAR}/sachbericht.pdf")
    assert pdf.status_code == 200
    pdftotext = require_tool(shutil.which("pdftotext"), "pdftotext", "poppler-utils")
    text = subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf.data, capture_output=True, check=True)
    page = text.stdout.decode()
    assert "Förderung der Selbsthilfegruppen" in page and "erhielten 2 Gruppen eine bewilligte Förderung" in page
    line = next(ln for ln in page.splitlines() if ln.strip().startswith("Summe"))
    assert line.split()[1:] == ["2", "7.900,00", "4.750,00", "2.950,50"]
