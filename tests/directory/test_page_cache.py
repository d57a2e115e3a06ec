"""The public search page: no cookie for visitors, cached, and never stale after a change."""

from __future__ import annotations

from saas.extensions import db
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group


def test_visitors_get_no_cookie_on_public_pages(client, world):
    """Do the office home, the Wegweiser and the topic list set no cookie for a visitor?"""
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    for url in ("/dortmund/", "/dortmund/gruppen?q=angst", "/dortmund/themen"):
        response = client.get(url)
        assert response.status_code == 200 and "Set-Cookie" not in response.headers, url


def test_cached_search_shows_changes_at_once(client, world, monkeypatch):
    """Is a repeated search served from the cache, and does any change to a group show immediately?"""
    from saas.directory import public

    group = make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    calls = []
    original = public._search
    monkeypatch.setattr(public, "_search", lambda *a, **k: calls.append(1) or original(*a, **k))

    first = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    second = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Selbsthilfe bei Angst" in first and first == second and len(calls) == 1

    with tenant_context(world.dortmund.id):
        db.session.merge(group).name = "Mut statt Angst"
        db.session.commit()
    third = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Mut statt Angst" in third and len(calls) == 2


def test_office_profile_change_also_renews_the_page(client, world):
    client.get("/dortmund/gruppen?q=x")
    world.dortmund.phone = "0231 777 000"
    db.session.commit()
    assert "0231 777 000" in client.get("/dortmund/gruppen?q=x").get_data(as_text=True)


def test_hamm_and_english_pages_are_separate_entries(client, world):
    make_group(world.dortmund, "Dortmunder Angstgruppe", ["Angst"])
    make_group(world.hamm, "Hammer Angstgruppe", ["Angst"])
    assert "Hammer" not in client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Dortmunder" not in client.get("/hamm/gruppen?q=angst").get_data(as_text=True)
    client.get("/sprache/en?next=/dortmund/gruppen?q=angst")
    english = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert 'lang="en"' in english
