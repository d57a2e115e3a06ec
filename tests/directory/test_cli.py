"""`lotse groups import|export` as CONTRACTS.md *Groups CSV* says: all-or-nothing, `line N: reason`."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select

from saas.directory.models import Group
from saas.extensions import db
from tenants.scoping import tenant_context

GOOD = (
    "name,topics,topic_area,visibility,status,description,site,meets,contact_name,contact_phone,contact_email\n"
    "Selbsthilfe bei Angst,Angsterkrankungen;Panikattacken,mental_health,public,active,Wir reden,Hauptstelle,"
    '"jeden 1. Mittwoch im Monat, 18.30 Uhr",Eva Muster,0231 1,eva@example.org\n'
    "Geschützte Runde,Sucht,addiction,protected,founding,,,,,,\n"
)


def test_import_then_export_round_trip(app, world, tmp_path) -> None:
    """Does an import store every row (creating unknown topics) and the export give the same columns back?"""
    path = tmp_path / "g.csv"
    path.write_text(GOOD, encoding="utf-8")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["groups", "import", "--tenant", "dortmund", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported 2 groups" in result.output
    again = runner.invoke(args=["groups", "import", "--tenant", "dortmund", str(path)])
    assert again.exit_code != 0 and "already been imported" in again.output
    out = runner.invoke(args=["groups", "export", "--tenant", "dortmund"])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert [r["name"] for r in rows] == ["Geschützte Runde", "Selbsthilfe bei Angst"]
    angst = rows[1]
    assert angst["topics"] == "Angsterkrankungen;Panikattacken" and angst["site"] == "Hauptstelle"
    assert angst["contact_email"] == "eva@example.org" and angst["meets"].startswith("jeden 1. Mittwoch")
    with tenant_context(world.dortmund.id):
        group = db.session.scalar(select(Group).where(Group.name == "Selbsthilfe bei Angst"))
        assert (group.rhythm, group.nth_weekday, group.weekday) == ("monthly", 1, 2)
    assert runner.invoke(args=["groups", "export", "--tenant", "hamm"]).output.count("\n") == 1


def test_bad_file_is_refused_whole_with_line_numbers(app, world, tmp_path) -> None:
    """Is nothing stored when one row is bad, and is each bad row named `line N: reason`?"""
    bad = GOOD + "Dritte,,social,secret,,,Nirgendwo,,,,keine-mail\n"
    path = tmp_path / "bad.csv"
    path.write_text(bad, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["groups", "import", "--tenant", "dortmund", str(path)])
    assert result.exit_code != 0
    for reason in (
        "line 4: topics is required",
        "line 4: visibility must be public or protected",
        "line 4: site 'Nirgendwo'",
        "line 4: contact_email",
    ):
        assert reason in result.output
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name,topics,topic_area\nÄrger,Wut,social\n".encode("latin-1"))
    result = app.test_cli_runner().invoke(args=["groups", "import", "--tenant", "dortmund", str(latin)])
    assert result.exit_code != 0 and "UTF-8" in result.output
    unknown = app.test_cli_runner().invoke(args=["groups", "import", "--tenant", "nowhere", str(path)])
    assert unknown.exit_code != 0 and "unknown office" in unknown.output
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(Group.id))) == 0


def test_reindex_rebuilds_documents_and_vocabulary_as_saving_does(app, world, tmp_path) -> None:
    """Does `lotse groups reindex` give every office the same search documents and vocabulary as saving its
    groups did, the words that name a topic of an area included (the old rebuild left those out, and a
    topic term then widened to another area's loose synonyms until the next edit)?"""
    from saas.directory.models import SearchWord

    path = tmp_path / "g.csv"
    path.write_text(GOOD, encoding="utf-8")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["groups", "import", "--tenant", "dortmund", str(path)]).exit_code == 0
    query = select(Group.name, Group.search_name, Group.search_topics, Group.search_text).order_by(Group.name)
    with tenant_context(world.dortmund.id):
        documents = db.session.execute(query).all()
        vocabulary = set(db.session.scalars(select(SearchWord.word)))
    assert any(":" in word for word in vocabulary)  # which words name a topic of which area
    result = runner.invoke(args=["groups", "reindex"])
    assert result.exit_code == 0 and "reindexed 2 groups" in result.output
    db.session.expire_all()
    with tenant_context(world.dortmund.id):
        assert db.session.execute(query).all() == documents
        assert set(db.session.scalars(select(SearchWord.word))) == vocabulary
