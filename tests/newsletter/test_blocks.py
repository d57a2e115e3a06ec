"""Generated newsletter blocks: "Neue Gruppen" comes from the life-cycle history, names are links, and a
group appears in one block only."""

from __future__ import annotations

import datetime as dt

from saas.core import timeutil
from saas.directory import operations as dir_ops
from saas.directory.models import Group
from saas.extensions import db
from saas.newsletter.blocks import render_blocks
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group


def test_new_groups_are_those_admitted_in_the_period_linked_and_not_repeated(app, world):
    """Is a group founded 10 days ago and one taken up 5 days ago "new", a long-established group (whose
    row was just created, e.g. by an import) not — and is no group repeated in the "looking" block?"""
    today = timeutil.today()
    make_group(world.dortmund, "Seit 2010 aktiv", since=dt.date(2010, 1, 1))
    founded = make_group(world.dortmund, "Frisch gegründet", status="founding", since=today - dt.timedelta(days=200))
    make_group(world.dortmund, "Neu aufgenommen", since=today - dt.timedelta(days=5))
    make_group(world.dortmund, "Vor langem gegründet", status="founding", since=today - dt.timedelta(days=400))
    with tenant_context(world.dortmund.id):
        dir_ops.change_status(
            db.session.get(Group, founded.id), "active", acting_user=None, on=today - dt.timedelta(days=10)
        )
        db.session.commit()
        with app.test_request_context():
            text = render_blocks(world.dortmund, ["new_groups", "looking", "new_groups"])
    new, _, looking = text.partition("## Diese Gruppen freuen sich")
    assert text.count("## Neue Gruppen") == 1
    assert "Frisch gegründet" in new and "Neu aufgenommen" in new and "Seit 2010 aktiv" not in new
    assert f"/dortmund/gruppen/{founded.id})" in new  # the name links to the group's public page
    assert "Seit 2010 aktiv" in looking
    assert "Frisch gegründet" not in looking and "Neu aufgenommen" not in looking  # no group twice


def test_editor_shows_a_server_rendered_preview_without_saving(client, world):
    """Does "Vorschau aktualisieren" render the typed text beside the editor without saving a draft, and
    does "Entwurf speichern" still save?"""
    from sqlalchemy import func, select

    from saas.newsletter.models import Issue

    client.login(world.dortmund_staff)
    url = "/dortmund/intern/newsletter/ausgaben/neu"
    page = client.post_form(
        url, {"subject": "Juni", "body_md": "## Sommerfest\n\nAm **Freitag**.", "action": "preview"}
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<strong>Freitag</strong>" in html and 'class="issue-preview"' in html
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(Issue.id))) == 0
    saved = client.post_form(url, {"subject": "Juni", "body_md": "## Sommerfest", "action": "save"})
    assert saved.status_code == 302
    edit = client.get(saved.location + "/bearbeiten").get_data(as_text=True)
    assert "Sommerfest</h2>" in edit  # the saved draft, previewed beside the editor


def test_progress_shows_the_real_count_from_the_first_second(app, world):
    """Right after "Jetzt versenden" (queued, recipients not yet fixed) is the progress 0 % of the
    confirmed subscribers — not "100 % … 0 von 0"?"""
    from saas.newsletter import issue_operations as issue_ops
    from saas.newsletter import queries
    from saas.newsletter.models import Issue, IssueStatus
    from tests.newsletter.helpers import add_subscribers

    add_subscribers(world.dortmund, 3)
    with tenant_context(world.dortmund.id):
        issue = issue_ops.create_issue(world.dortmund, "Juli", "Text", [])
        issue.status = IssueStatus.queued
        db.session.commit()
        progress = queries.progress(db.session.get(Issue, issue.id)).as_dict()
    assert (progress["total"], progress["percent"], progress["finished"]) == (3, 0, False)
