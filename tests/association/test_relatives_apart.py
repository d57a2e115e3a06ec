"""An office that counts relatives among the citizens: its relatives are "x" in the association's figures.

Its contacts of relatives are not recorded apart, so a 0 (or any number) in its row of relatives would be a
false statement ("no relative called"). The sign "x" (Destatis: "Tabellenfach gesperrt, weil Aussage nicht
sinnvoll") takes its place after disclosure control, in the payload, the dashboard, the CSV, the XLSX and
the API alike; the association totals that would mix the two ways of counting are "x" too.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
from collections import Counter
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from saas.association import aggregation, report
from saas.association.audit import audit_downloads
from saas.association.models import AssociationOffice
from saas.extensions import db
from tenants import operations as tenant_ops

KINDS = ("citizen", "relative", "group", "professional")
CHANNELS = ("phone", "written", "in_person")
AREAS = ("addiction", "chronic_illness", "mental_health", "disability", "social")
CONCERNS = ("seeking_group", "founding_group", "information", "group_support", "networking", "other")


def _contacts(rng: random.Random, n: int, relatives: bool = True) -> Counter:
    """One office's contact counts of a year, as the aggregation stores them."""
    counts: Counter = Counter()
    for _ in range(n):
        kind = rng.choices(KINDS, weights=(50, 4 if relatives else 0, 30, 16))[0]
        area = rng.choices(AREAS, weights=(13, 24, 46, 2, 16))[0]
        channel = rng.choices(CHANNELS, weights=(47, 45, 8))[0]
        counts[("total", "")] += 1
        counts[("kind", kind)] += 1
        counts[("channel", channel)] += 1
        if channel == "written":
            counts[("medium", rng.choice(report.MEDIA))] += 1
        counts[("concern", rng.choices(CONCERNS, weights=(40, 3, 30, 10, 2, 15))[0])] += 1
        counts[("kind_area", f"{kind}:{area}")] += 1
        counts[("referrals", "to_groups")] += rng.choice((0, 0, 1))
    return +counts


def _members(folding: set[int] = frozenset()) -> list[report.Member]:  # type: ignore[assignment]
    return [
        report.Member(oid, slug, name, ("contacts", "groups"), 100_000 * oid, 2.0, 1, oid not in folding)
        for oid, slug, name in ((1, "a", "A-Stadt"), (2, "b", "B-Kreis"), (3, "c", "C-Dorf"))
    ]


def _facts(seed: int) -> report.Facts:
    """Three offices of different sizes; office 1 has recorded no relative (it folds them in), the
    others some, one of them small."""
    rng = random.Random(seed)
    facts: report.Facts = {}
    for oid, n in ((1, 220), (2, 90), (3, 60)):
        groups = Counter({("figure", "active_at_year_end"): rng.randint(5, 40), ("figure", "founded"): 2})
        facts[oid] = {"contacts": _contacts(rng, n, relatives=oid != 1), "groups": groups}
    return facts


def _payload(members: list[report.Member], seed: int = 7) -> dict[str, Any]:
    """The year's payload (2023, with 2022 for the changes), built as a release builds it."""
    cur = report.publish_cells(members, _facts(seed), 5)
    prev = report.publish_cells(members, _facts(seed + 1), 5)
    return report.build("v", "Verband", 2023, 5, members, cur, prev)


def _paths(node: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            out.update(_paths(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(node, list):
        out = {}
        for i, value in enumerate(node):
            out.update(_paths(value, f"{prefix}[{i}]"))
        return out
    return {prefix: node}


def _differences(one: dict, other: dict) -> dict[str, tuple[Any, Any]]:
    a, b = _paths(one), _paths(other)
    return {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k, "?") != b.get(k, "?")}


def test_an_office_counting_relatives_among_citizens_shows_x_and_the_mixed_totals_too():
    """Office A folds relatives in, B and C count them apart: A's relatives and their change are "x"
    (not 0), the association's relatives and citizens are "x" (a sum of citizens holding A's relatives is
    not the citizens' sum), the topic-area shares keep their base, and nothing else changes."""
    default = _payload(_members())
    folded = _payload(_members({1}))
    assert default["offices"][0]["contacts"]["by_kind"]["relative"] == 0  # the false statement of today
    diff = _differences(default, folded)
    assert diff == {
        "offices[0].relatives_apart": (None, False),
        "offices[0].contacts.by_kind.relative": (0, "x"),
        "offices[0].contacts.change_pct.relative": (default["offices"][0]["contacts"]["change_pct"]["relative"], "x"),
        "total.contacts.by_kind.citizen": (default["total"]["contacts"]["by_kind"]["citizen"], "x"),
        "total.contacts.by_kind.relative": (default["total"]["contacts"]["by_kind"]["relative"], "x"),
        "total.contacts.change_pct.citizen": (default["total"]["contacts"]["change_pct"]["citizen"], "x"),
        "total.contacts.change_pct.relative": (default["total"]["contacts"]["change_pct"]["relative"], "x"),
    }
    assert (
        folded["total"]["contacts"]["citizen_topic_area_pct"] == default["total"]["contacts"]["citizen_topic_area_pct"]
    )
    assert report.uses_locked(folded) and not report.uses_locked(default)


def test_when_every_office_folds_relatives_the_total_citizens_stay_and_its_relatives_are_x():
    """All three offices count relatives among the citizens: the association's citizens are one way of
    counting throughout and stay, holding the relatives recorded before; its relatives are "x", as every
    office's."""
    members = _members({1, 2, 3})
    folded = _payload(members)
    for entry in folded["offices"]:
        assert entry["contacts"]["by_kind"]["relative"] == "x" and entry["contacts"]["change_pct"]["relative"] == "x"
    assert folded["total"]["contacts"]["by_kind"]["relative"] == "x"
    facts = _facts(7)
    recorded = sum(facts[oid]["contacts"][("kind", k)] for oid in (1, 2, 3) for k in ("citizen", "relative"))
    assert folded["total"]["contacts"]["by_kind"]["citizen"] == recorded


# sha256 of the payload below as `lotse association report` prints it, computed on main before the sign "x"
# (b6e231c): offices that count relatives apart (the default) must give it byte for byte.
DEFAULT_PAYLOAD_SHA256 = "e7e9d284e4652bab78a112b96745eab9c15c4c20b1648c8350304340fa6d1b48"


def test_offices_with_the_default_setting_give_the_same_payload_byte_for_byte():
    """Every office counts relatives apart (the default): the payload is the one built before the setting
    existed, byte for byte; and beside an office that folds them in, the others' entries are unchanged."""
    payload = _payload(_members())
    printed = json.dumps(payload, ensure_ascii=False, indent=2).encode()
    assert hashlib.sha256(printed).hexdigest() == DEFAULT_PAYLOAD_SHA256
    mixed = _payload(_members({1}))
    assert mixed["offices"][1:] == payload["offices"][1:]
    assert json.dumps(mixed["offices"][1:], ensure_ascii=False) == json.dumps(
        payload["offices"][1:], ensure_ascii=False
    )
    assert mixed["total"]["groups"] == payload["total"]["groups"]


def test_the_audit_accepts_x_where_relatives_are_folded_in_and_flags_it_elsewhere():
    """The audit of published cells: "x" on the cells of an office that folds relatives in (and on the
    totals it makes "x") hides and is no finding; "x" where relatives are counted apart, or on any other
    cell, is one."""
    members, folding = _members(), _members({1})
    facts = _facts(7)
    cur = report.publish_cells(members, facts, 5)
    default = report.build("v", "Verband", 2023, 5, members, cur, None)
    folded = report.build("v", "Verband", 2023, 5, folding, cur, None)
    before = audit_downloads({report.YEAR: default}, members, facts, {}, [], 5)
    found = audit_downloads({report.YEAR: folded}, folding, facts, {}, [], 5)
    assert not [f for f in found if "'x'" in f.kind]
    assert {f.cell for f in found} <= {f.cell for f in before}  # it only hides: nothing newly exposed
    # the same payload read as if A counted relatives apart: each of its "x" is a finding
    wrong = audit_downloads({report.YEAR: folded}, members, facts, {}, [], 5)
    flagged = {f.cell for f in wrong if "'x'" in f.kind}
    assert flagged == {
        (report.YEAR, 1, "contacts", "by_kind.relative"),
        (report.YEAR, report.TOTAL, "contacts", "by_kind.relative"),
        (report.YEAR, report.TOTAL, "contacts", "by_kind.citizen"),
    }
    # "x" on a cell that has nothing to do with relatives, even of the office that folds them in
    folded["offices"][0]["contacts"]["by_kind"]["group"] = "x"
    odd = audit_downloads({report.YEAR: folded}, folding, facts, {}, [], 5)
    assert {f.cell for f in odd if "'x'" in f.kind} == {(report.YEAR, 1, "contacts", "by_kind.group")}


# --- through the aggregation, the dashboard and the exports ---------------------------------------------


def _fold_dortmund(world) -> None:  # type: ignore[no-untyped-def]
    tenant_ops.update_settings(world.dortmund, "contacts", relatives_apart=False)
    db.session.commit()
    aggregation.run(trigger="test")


def test_the_setting_reaches_the_association_and_its_report(three_offices, client):
    """Dortmund counts relatives among the citizens: the association's view of it says so, and the
    report it serves (the API, with its legend) shows "x" for Dortmund's relatives and the mixed totals."""
    _fold_dortmund(three_offices)
    rows = {r.slug: r.relatives_apart for r in db.session.scalars(select(AssociationOffice))}
    assert rows["dortmund"] is False and rows["hamm"] is True and rows["kreis-unna"] is True
    client.login(three_offices.analyst)
    payload = json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2023").get_data(as_text=True))
    by_slug = {o["tenant"]: o for o in payload["offices"]}
    assert by_slug["dortmund"]["relatives_apart"] is False and "relatives_apart" not in by_slug["hamm"]
    assert by_slug["dortmund"]["contacts"]["by_kind"]["relative"] == "x"
    assert by_slug["dortmund"]["contacts"]["change_pct"]["relative"] == "x"
    assert by_slug["hamm"]["contacts"]["by_kind"]["relative"] != "x"
    assert payload["total"]["contacts"]["by_kind"]["relative"] == "x"
    assert payload["total"]["contacts"]["by_kind"]["citizen"] == "x"
    assert isinstance(payload["total"]["contacts"]["total"], int)
    assert "Angehörige bei den Bürger*innen mitgezählt" in payload["legend"]["x"]
    # the year-to-date tables, released with the year, alike
    ytd = json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2023&zeitraum=bisher").get_data(as_text=True))
    assert "period" in ytd and ytd["total"]["contacts"]["by_kind"]["relative"] == "x"
    assert next(o for o in ytd["offices"] if o["tenant"] == "dortmund")["contacts"]["by_kind"]["relative"] == "x"


def test_the_dashboard_shows_x_with_its_legend_and_draws_no_bar_for_it(three_offices, client):
    """The dashboard's table shows "x" (in every basis, and as the change), the legend explains it, a note
    names the office, and the chart draws no bar of 0 for it; with every office counting apart, no "x"."""
    client.login(three_offices.analyst)
    plain = client.get("/verband/paritaet-nrw/?jahr=2023&kennzahl=contacts.by_kind.relative").get_data(as_text=True)
    assert "<dt>x</dt>" not in plain and 'id="angehoerige"' not in plain
    _fold_dortmund(three_offices)
    name = three_offices.dortmund.name
    for basis in ("absolut", "einwohner"):
        html = client.get(f"/verband/paritaet-nrw/?jahr=2023&kennzahl=contacts.by_kind.relative&bezug={basis}")
        html = html.get_data(as_text=True)
        table = html.split('id="tabelle"', 1)[1].split("</table>", 1)[0]
        row = table.split(f'<th scope="row">{name}</th>', 1)[1].split("</tr>", 1)[0]
        assert row.count('<td class="num">x</td>') == (3 if basis != "absolut" else 2), row
        total = table.split("<tfoot>", 1)[1]
        assert '<td class="num">x</td>' in total
        assert "<dt>x</dt><dd>nicht getrennt erfasst: Angehörige bei den Bürger*innen mitgezählt" in html
        assert 'id="angehoerige"' in html and name in html.split('id="angehoerige"', 1)[1].split("</p>", 1)[0]
        # the office is in the table once, and not in the chart's data table as a bar of 0 or "–"
        assert html.count(f'<th scope="row">{name}</th>') == 1
    # the citizens: Dortmund's number stands (it includes its relatives), the mixed total is "x"
    html = client.get("/verband/paritaet-nrw/?jahr=2023&kennzahl=contacts.by_kind.citizen").get_data(as_text=True)
    table = html.split('id="tabelle"', 1)[1].split("</table>", 1)[0]
    assert '<td class="num">x</td>' in table.split("<tfoot>", 1)[1]
    assert '<td class="num">x</td>' not in table.split("<tfoot>", 1)[0]


def test_csv_and_xlsx_carry_x_and_explain_it(three_offices, client):
    """The exports show the same "x" in the same cells, and the sign's meaning beside the others."""
    _fold_dortmund(three_offices)
    client.login(three_offices.analyst)
    rows = list(
        csv.reader(io.StringIO(client.get("/verband/paritaet-nrw/export.csv?jahr=2023").get_data(as_text=True)))
    )
    header = rows[0]
    table = {row[1]: row for row in rows[1 : rows.index([])]}
    relatives, citizens = header.index("Kontakte: Angehörige"), header.index("Kontakte: Bürger*innen")
    assert table["dortmund"][relatives] == "x" and table["hamm"][relatives] != "x"
    assert table[""][relatives] == "x" and table[""][citizens] == "x"  # the association total
    legend = rows[rows.index([]) + 1 :]
    assert [r[0] for r in legend[1:5]] == ["<5", ".", "x", "0"]
    assert "Angehörige bei den Bürger*innen mitgezählt" in legend[3][1]
    book = load_workbook(io.BytesIO(client.get("/verband/paritaet-nrw/export.xlsx?jahr=2023").data))
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    by_slug = {r[1] or "": r for r in sheet[1:]}
    assert by_slug["dortmund"][relatives] == "x" and by_slug[""][citizens] == "x"
    notes = {r[0]: r[1] for r in book["Hinweise"].iter_rows(values_only=True)}
    assert "Angehörige bei den Bürger*innen mitgezählt" in notes["x"]


def test_relatives_recorded_before_an_office_folded_them_count_among_its_citizens():
    """An office that recorded relatives before it chose to count them among the citizens: its citizens'
    cell holds them, as its own report does (contacts.models.fold_kinds), before disclosure control, so the
    association's figure and the office's own agree; its relatives stay "x"; the audit finds nothing."""
    members = _members({2})
    facts = _facts(7)
    recorded = facts[2]["contacts"]
    assert recorded[("kind", "relative")] > 0
    cur = report.publish_cells(members, facts, 5)
    prev = report.publish_cells(members, _facts(8), 5)
    payload = report.build("v", "Verband", 2023, 5, members, cur, prev)
    office = next(o for o in payload["offices"] if o["tenant"] == "b")
    assert office["contacts"]["by_kind"]["relative"] == "x"
    citizens = office["contacts"]["by_kind"]["citizen"]
    folded = recorded[("kind", "citizen")] + recorded[("kind", "relative")]
    assert citizens == folded or citizens in ("<5", "."), (citizens, folded)
    truth = report.contact_cell_values(members, facts)
    assert truth[(2, "contacts", "by_kind.citizen")] == folded and truth[(2, "contacts", "by_kind.relative")] == 0


def test_a_trend_hidden_in_every_year_is_not_drawn_as_an_empty_chart():
    """The association's relatives are "x" in every year once an office folds them in: the dashboard then
    says why there is no trend instead of drawing axes without a line; two published years draw it."""
    from saas.association.views import Trend
    from saas.core import charts

    def trend(values: list[int | None]) -> Trend:
        series = [charts.Series("Verband insgesamt", values)]
        return Trend(charts.line_chart("t", ["2023", "2024", "2025"], series), [2023, 2024, 2025], [], [])

    assert not trend([None, None, None]).drawn and not trend([None, 12, None]).drawn
    assert trend([None, 12, 15]).drawn
