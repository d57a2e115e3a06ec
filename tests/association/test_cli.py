"""``lotse association share|aggregate|report`` as CONTRACTS.md says."""

from __future__ import annotations

import json

from sqlalchemy import select

from saas.extensions import db
from tenants.models import AssociationMember
from tenants.scoping import tenant_context
from tests.association.conftest import add_contacts, random_contacts


def test_share_sets_and_clears_the_families(world, app):
    """Does ``share`` set exactly the named families, and does ``--families ''`` share nothing?"""
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "association",
            "share",
            "--association",
            "paritaet-nrw",
            "--tenant",
            "dortmund",
            "--families",
            "contacts,groups",
        ]
    )
    assert result.exit_code == 0, result.output
    with tenant_context(world.dortmund.id):
        db.session.expire_all()
        assert db.session.scalar(select(AssociationMember)).shared_families == ["contacts", "groups"]
    result = runner.invoke(
        args=["association", "share", "--association", "paritaet-nrw", "--tenant", "dortmund", "--families", ""]
    )
    assert result.exit_code == 0 and "nothing" in result.output
    with tenant_context(world.dortmund.id):
        db.session.expire_all()
        assert db.session.scalar(select(AssociationMember)).shared_families == []


def test_share_refuses_bad_input_with_one_line(world, make_tenant, app):
    """Unknown family, unknown office, non-member: non-zero exit with a reason, nothing stored."""
    make_tenant("dithmarschen")
    runner = app.test_cli_runner()
    for args, reason in (
        (["--tenant", "dortmund", "--families", "contacts,names"], "unknown figure families"),
        (["--tenant", "nowhere", "--families", "contacts"], "unknown office"),
        (["--tenant", "dithmarschen", "--families", "contacts"], "not a member"),
    ):
        result = runner.invoke(args=["association", "share", "--association", "paritaet-nrw", *args])
        assert result.exit_code != 0 and reason in result.output, result.output
    result = runner.invoke(
        args=["association", "share", "--association", "nope", "--tenant", "dortmund", "--families", ""]
    )
    assert result.exit_code != 0 and "unknown association" in result.output
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(AssociationMember)).shared_families == []


def test_aggregate_and_report_json(world, app):
    """Aggregate in-process (no worker runs), then print the report: contract keys, "<5", unshared absent."""
    add_contacts(world.dortmund.id, random_contacts(3, 150, (2022, 2023)))
    add_contacts(world.hamm.id, random_contacts(4, 60, (2023,)))
    runner = app.test_cli_runner()
    runner.invoke(
        args=[
            "association",
            "share",
            "--association",
            "paritaet-nrw",
            "--tenant",
            "dortmund",
            "--families",
            "contacts,groups,events,newsletter",
        ]
    )
    runner.invoke(
        args=["association", "share", "--association", "paritaet-nrw", "--tenant", "hamm", "--families", "contacts"]
    )
    result = runner.invoke(args=["association", "aggregate", "--association", "paritaet-nrw"])
    assert result.exit_code == 0 and "in-process" in result.output, result.output
    result = runner.invoke(
        args=["association", "report", "--association", "paritaet-nrw", "--year", "2023", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["association"] == "paritaet-nrw" and report["year"] == 2023 and report["threshold"] == 5
    offices = {o["tenant"]: o for o in report["offices"]}
    assert set(offices) == {"dortmund", "hamm"}
    for key in (
        "total",
        "by_kind",
        "by_channel",
        "by_channel_pct",
        "citizen_topic_area_pct",
        "by_concern",
        "referrals",
        "previous_year_total",
        "change_pct",
    ):
        assert key in offices["dortmund"]["contacts"]
    assert set(offices["dortmund"]["groups"]) >= {"active_at_year_end", "founded", "dissolved", "topics"}
    assert "groups" not in offices["hamm"] and "events" not in offices["hamm"]  # not shared: absent
    assert offices["hamm"]["contacts"]["by_kind"]["relative"] == "<5"
    assert offices["hamm"]["contacts"]["change_pct"]["total"] is None  # no contacts in 2022
    assert set(report["total"]) == {"contacts", "groups", "events", "newsletter"}
    assert report["total"]["contacts"]["offices"] == 2
    result = runner.invoke(
        args=["association", "report", "--association", "paritaet-nrw", "--year", "2023", "--format", "csv"]
    )
    assert result.exit_code != 0


def test_aggregate_without_any_consent_stores_nothing(world, app):
    """Nothing shared: the run succeeds and the report names the offices only."""
    add_contacts(world.dortmund.id, random_contacts(3, 20, (2023,)))
    runner = app.test_cli_runner()
    assert runner.invoke(args=["association", "aggregate"]).exit_code == 0
    result = runner.invoke(args=["association", "report", "--association", "paritaet-nrw", "--year", "2023"])
    report = json.loads(result.output)
    assert [set(o) for o in report["offices"]] == [{"tenant", "name"}, {"tenant", "name"}]
    assert report["total"] == {}
