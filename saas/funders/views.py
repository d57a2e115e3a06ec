"""Downloads of the funders' reports (staff of an office; the NAKOS sheet also for association analysts)."""

from __future__ import annotations

from flask import Response, abort, g, render_template, request
from flask.typing import ResponseReturnValue

from saas.auth.models import Role
from saas.contacts.operations import today
from saas.contacts.report import annual_report
from saas.core.access import analyst_required, office_required
from saas.funders import figures as F
from saas.funders.document import format_value, to_docx, to_pdf
from saas.funders.reports import annual_document, nakos_rows, nakos_xlsx, office_nakos, sachbericht

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _check_year(year: int) -> None:
    if not 1980 <= year <= 2100:
        abort(404)


def _download(body: bytes, mimetype: str, name: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@office_required()
def index(slug: str) -> ResponseReturnValue:
    year = request.args.get("year", type=int) or today().year - 1
    _check_year(year)
    report = annual_report(g.tenant, year)
    rows = [(f.label, format_value(F.value(report, f.path)), f.definition) for f in F.NAKOS]
    return render_template("funders/index.html", year=year, rows=rows, years=range(today().year, today().year - 6, -1))


@office_required(Role.readonly)
def sachbericht_pdf(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    return _download(to_pdf(sachbericht(g.tenant, year)), "application/pdf", f"sachbericht-{slug}-{year}.pdf")


@office_required(Role.readonly)
def sachbericht_docx(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    return _download(to_docx(sachbericht(g.tenant, year)), DOCX, f"sachbericht-{slug}-{year}.docx")


@office_required(Role.readonly)
def annual_docx(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    return _download(to_docx(annual_document(g.tenant, year)), DOCX, f"jahresbericht-{slug}-{year}.docx")


@office_required(Role.readonly)
def nakos(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    return _download(office_nakos(g.tenant, year), XLSX, f"nakos-{slug}-{year}.xlsx")


@analyst_required
def association_nakos(assoc_slug: str, year: int) -> ResponseReturnValue:
    """The same sheet for an association: the published (suppressed) total over its consenting members.

    Only figures of the families the members share are summed; the others stay empty ("–"). Hidden cells
    keep their disclosure markers ("<5", ".") exactly as the association's report publishes them."""
    from saas.association.queries import get_report

    _check_year(year)
    association = g.association
    payload = get_report(association, year)
    if payload is None:
        abort(404)
    total = payload.get("total") or {}
    rows = [[*row[:2], F.value(total, row[3]), *row[3:]] for row in nakos_rows({})]
    legend = (
        f"Summe über die Mitglieder, die ihre Zahlen teilen; „<{payload.get('threshold', 5)}“: kleine Zahl "
        "unterdrückt, „.“: zum Schutz kleiner Zahlen ausgeblendet; leer: nicht Teil der geteilten Zahlen."
    )
    body = nakos_xlsx(
        f"NAKOS-Umfrage {year}: {association.name}",
        f"Berichtsjahr {year}; {len(payload.get('offices', []))} Kontaktstellen.",
        rows,
        legend,
    )
    return _download(body, XLSX, f"nakos-{assoc_slug}-{year}.xlsx")
