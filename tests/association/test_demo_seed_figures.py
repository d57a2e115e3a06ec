"""`lotse demo seed` alone (no worker running) leaves the demo associations with figures: what the analyst's
dashboard and `lotse association report` show is there at once, equal to the offices' own annual reports, and
a second seed the same day changes nothing (no further aggregation run)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from saas.association import queries
from saas.association.models import AggregationRun, AssociationRelease, AssociationReport
from saas.association.publish import release_day, table_of_end
from saas.core import timeutil
from tenants.models import Association


def _json(app, *args: str) -> dict:  # type: ignore[type-arg]
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output[result.output.index("{") :])


def test_demo_seed_alone_gives_the_associations_their_figures(app, db):  # type: ignore[no-untyped-def]
    runner = app.test_cli_runner()
    day = timeutil.today().isoformat()  # one day for both seeds: in office hours a contact comes in between
    first = runner.invoke(args=["demo", "seed", "--day", day])
    assert first.exit_code == 0, first.output
    assert "association figures computed" in first.output
    runs = db.session.scalar(select(func.count(AggregationRun.id)))
    assert runs == 1
    # Reports for the years an analyst can choose, no others: the demo groups' history reaching back to
    # 1985 (year-end states) makes no report of a year without contacts (that made the seed take a minute).
    for association in db.session.scalars(select(Association)):
        stored = set(
            db.session.scalars(select(AssociationReport.year).where(AssociationReport.association_id == association.id))
        )
        assert stored == set(queries.years_with_data(association)), association.slug
        assert stored and min(stored) >= timeutil.today().year - 5, (association.slug, sorted(stored))

    # The demo's history reads as if it had run every night: each table is dated on its release day, in
    # the tables and in the report served (not "2025, published today" because the seed released it today).
    today = timeutil.today()
    released = db.session.execute(
        select(AssociationRelease.year, AssociationRelease.period_end, AssociationRelease.released_on)
    ).all()
    assert released
    for year, end, on in released:
        assert on == release_day(year, table_of_end(end)) <= today, (year, end, on)
    paritaet = db.session.scalar(select(Association).where(Association.slug == "paritaet-nrw"))
    served = queries.get_report(paritaet, today.year - 1)
    assert served["released"] == release_day(today.year - 1, table_of_end(dt.date(today.year - 1, 12, 31))).isoformat()

    year = timeutil.today().year - 1
    report = _json(app, "association", "report", "--association", "paritaet-nrw", "--year", str(year))
    shown = {office["tenant"]: office["contacts"]["total"] for office in report["offices"]}
    own = {
        slug: _json(app, "report", "annual", "--tenant", slug, "--year", str(year), "--format", "json")["contacts"][
            "total"
        ]
        for slug in ("dortmund", "hamm")
    }
    assert shown == own and min(own.values()) > 0
    for slug in ("lak-nrw", "ak-sh"):
        assert _json(app, "association", "report", "--association", slug, "--year", str(year))["offices"]

    second = runner.invoke(args=["demo", "seed", "--day", day])
    assert second.exit_code == 0, second.output
    assert "nothing changed" in second.output and "association figures" not in second.output
    assert db.session.scalar(select(func.count(AggregationRun.id))) == runs
