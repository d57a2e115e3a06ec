"""Public pages: Wegweiser, group pages, protected groups, inquiries, A–Z topics, embedding, confirmation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.directory import operations as ops
from saas.directory.models import GroupInquiry
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group, make_topic, protected_group

LEAKS = ["Petra Verborgen", "0231 999888", "petra@example.org", "Geheimweg", "19.30", "19:30", "Mittwoch"]


def test_wegweiser_search_page_lists_matching_groups(client, world) -> None:
    """Does /<slug>/gruppen?q=angst show the anxiety group, and not another office's?"""
    make_topic(world.dortmund, "Angsterkrankungen", "Angst, Panik")
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angsterkrankungen"])
    make_group(world.hamm, "Hammer Angstgruppe", ["Angsterkrankungen"])
    html = client.get("/dortmund/gruppen?q=Panik").get_data(as_text=True)
    assert "Selbsthilfe bei Angst" in html
    assert "Hammer Angstgruppe" not in html
    assert client.get("/nirgendwo/gruppen").status_code == 404


def test_protected_group_never_shows_contact_place_or_time(client, world) -> None:
    """Does a protected group's page and the search page hide contact person, place and time?"""
    group = protected_group(world.dortmund)
    for url in (f"/dortmund/gruppen/{group.id}", "/dortmund/gruppen?q=Sucht", "/dortmund/gruppen/einbetten?q=Sucht"):
        html = client.get(url).get_data(as_text=True)
        assert "Geschützte Gruppe Sucht" in html
        html = html.split('id="results-h"')[-1]  # the weekday filter's options name every day
        for leak in LEAKS:
            assert leak not in html, (url, leak)
    page = client.get(f"/dortmund/gruppen/{group.id}").get_data(as_text=True)
    assert "Kontakt über die Kontaktstelle" in page
    # the office's number is one tap away on a phone, as everywhere else
    assert '<a href="tel:+49-231-529097">0231 52 90 97</a>' in page.split("Kontakt über die Kontaktstelle", 1)[1]
    assert 'action="/dortmund/gruppen/' in page  # the inquiry form


def test_public_group_with_consent_shows_its_contact(client, world) -> None:
    """Is a public group's contact person shown only with a recorded consent?"""
    shown = make_group(
        world.dortmund,
        "Offene Gruppe",
        contacts=[{"name": "Olga Offen", "public_consent": True}],
        rhythm="monthly",
        weekday=1,
        nth_weekday=2,
        time_start=dt.time(18, 0),
    )
    hidden = make_group(world.dortmund, "Zweite Gruppe", contacts=[{"name": "Ingo Intern", "public_consent": False}])
    html = client.get(f"/dortmund/gruppen/{shown.id}").get_data(as_text=True)
    assert "Olga Offen" in html and "jeden 2. Dienstag im Monat, 18.00 Uhr" in html
    assert "Ingo Intern" not in client.get(f"/dortmund/gruppen/{hidden.id}").get_data(as_text=True)


def test_inactive_and_foreign_groups_answer_404(client, world) -> None:
    """Are dissolved groups and another office's groups not found on the public side?"""
    gone = make_group(world.dortmund, "Vorbei", status="active")
    with tenant_context(world.dortmund.id):
        ops.change_status(ops.db.session.merge(gone), "dissolved", acting_user=None)
        db.session.commit()
    foreign = make_group(world.hamm, "Hammer Gruppe")
    assert client.get(f"/dortmund/gruppen/{gone.id}").status_code == 404
    assert client.get(f"/dortmund/gruppen/{foreign.id}").status_code == 404
    assert client.get(f"/hamm/gruppen/{foreign.id}").status_code == 200


def test_inquiry_lands_in_inbox_and_notifies_the_office(client, world, outbox) -> None:
    """Does an inquiry for a protected group get stored and the office notified by mail (no personal data)?"""
    group = protected_group(world.dortmund)
    with tenant_context(world.dortmund.id):
        tenant = db.session.merge(world.dortmund)
        tenant.email = "office@dortmund.test"
        db.session.commit()
    response = client.post_form(
        f"/dortmund/gruppen/{group.id}/anfrage",
        {"name": "Kim", "reach": "kim@example.net", "message": "Ich möchte kommen.", "consent": "y"},
    )
    assert response.status_code == 303
    with tenant_context(world.dortmund.id):
        inquiry = db.session.scalar(select(GroupInquiry))
        assert inquiry.name == "Kim" and inquiry.state == "open"
    mails = outbox.to("office@dortmund.test")
    assert len(mails) == 1
    text = outbox.text(mails[0])
    assert "kim@example.net" not in text and f"/dortmund/intern/anfragen/{inquiry.id}" in text


def test_inquiry_without_consent_is_refused(client, world, outbox) -> None:
    """Is an inquiry without the consent checkbox rejected with nothing stored?"""
    group = protected_group(world.dortmund)
    response = client.post_form(f"/dortmund/gruppen/{group.id}/anfrage", {"name": "Kim", "reach": "x"})
    assert response.status_code == 400
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(GroupInquiry)) is None
    assert (
        client.post(
            f"/dortmund/gruppen/{group.id}/anfrage", data={"name": "K", "reach": "x", "consent": "y"}
        ).status_code
        == 400
    )


def test_topics_az_lists_only_topics_with_offered_groups(client, world) -> None:
    """Does the A–Z page list topics of active/founding groups and not topics without any?"""
    make_topic(world.dortmund, "Zwangsstörungen")
    make_group(world.dortmund, "Gruppe Ängste", ["Ängste"])
    html = client.get("/dortmund/themen").get_data(as_text=True)
    assert "Ängste" in html and 'id="az-A"' in html
    assert "Zwangsstörungen" not in html


def test_embed_route_allows_framing(client, world) -> None:
    """May the embeddable search be framed by other sites (and only that route)?"""
    response = client.get("/dortmund/gruppen/einbetten")
    assert response.status_code == 200
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in client.get("/dortmund/gruppen").headers["Content-Security-Policy"]


def test_confirmation_link_confirms_and_takes_corrections(client, world, app) -> None:
    """Does the signed link confirm the entry; is a forged or foreign token 404?"""
    group = make_group(world.dortmund, "Bestätigte Gruppe")
    with app.test_request_context():
        token = ops.confirmation_token(group)
    assert client.get(f"/dortmund/gruppen/bestaetigen/{token}").status_code == 200
    assert client.get(f"/hamm/gruppen/bestaetigen/{token}").status_code == 404
    assert client.get(f"/dortmund/gruppen/bestaetigen/{token}x").status_code == 404
    response = client.post_form(f"/dortmund/gruppen/bestaetigen/{token}", {"correction": "Neuer Raum: 2"})
    assert response.status_code == 200
    db.session.expire_all()
    with tenant_context(world.dortmund.id):
        fresh = db.session.get(type(group), group.id)
        assert fresh.confirmed_at is not None and fresh.correction_request == "Neuer Raum: 2"


def test_ignored_words_are_shown_as_typed():
    """The results page says which words it did not use as the person typed them ("Mann", not "mann")."""
    from saas.directory.public import as_typed

    assert as_typed(["mann", "aufhören"], "Mann gestorben, Rauchen Aufhören") == ["Mann", "Aufhören"]
    assert as_typed(["xyz"], "") == ["xyz"]


def _examples(html: str) -> list[str]:
    import re

    label = re.search(r'<label for="home-q">Thema oder Stichwort(?:, z\. B\. ([^<]*))?</label>', html)
    assert label is not None
    return label.group(1).split(", ") if label.group(1) else []


def test_search_examples_are_topics_this_office_offers_groups_for(client, world) -> None:
    """Are the examples beside the search box one-word topics of this office's offered groups, one per
    topic area first, each finding a group; never a paused group's topic or another office's?"""
    assert _examples(client.get("/dortmund/").get_data(as_text=True)) == []  # no groups yet: no promise
    assert "Suchen Sie nach einem Thema oder Stichwort." in client.get("/dortmund/gruppen").get_data(as_text=True)
    for name in ("Sucht I", "Sucht II", "Sucht III"):
        make_group(world.dortmund, name, ["Sucht"], topic_area="addiction")
    make_group(world.dortmund, "Spieler", ["Spielsucht"], topic_area="addiction")
    make_group(world.dortmund, "Spielerinnen", ["Spielsucht"], topic_area="addiction")
    make_group(world.dortmund, "Lichtblick", ["Depression"], topic_area="mental_health")
    make_group(world.dortmund, "Zucker", ["Diabetes"], topic_area="chronic_illness")
    make_group(world.dortmund, "Angehörige", ["Angehörige psychisch Kranker"], topic_area="mental_health")
    make_group(world.dortmund, "Pause", ["Tinnitus"], status="paused", topic_area="chronic_illness")
    make_group(world.hamm, "Hammer Trauer", ["Trauer"], topic_area="social")
    make_group(world.hamm, "Hammer Trauer II", ["Trauer"], topic_area="social")
    home = client.get("/dortmund/").get_data(as_text=True)
    examples = _examples(home)
    # Sucht (3 groups) first; Spielsucht has 2 but the same area; Depression before Diabetes: both one
    # group, "Depression" the more common word in German text
    assert examples == ["Sucht", "Depression", "Diabetes"], examples
    for word in examples:
        assert "0 Gruppen gefunden" not in client.get(f"/dortmund/gruppen?q={word}").get_data(as_text=True)
    assert "zum Beispiel Sucht, Depression, Diabetes." in client.get("/dortmund/gruppen").get_data(as_text=True)
    assert _examples(client.get("/hamm/").get_data(as_text=True)) == ["Trauer"]
