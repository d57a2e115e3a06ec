"""Every form of the app (every POST route in the URL map) refuses a missing or a foreign CSRF token
and changes nothing. The only exemptions are listed here, each with its reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from saas.core.demo import DEMO_PASSWORD
from saas.extensions import csrf
from tenants.models import Tenant
from tenants.scoping import cross_tenant
from tests.security.routes import fill, samples_of
from tests.security.test_isolation_matrix import _fingerprint

# endpoint → why it may be posted without a CSRF token
EXEMPT = {
    "newsletter.unsubscribe": "RFC 8058 one-click: the mail provider posts it; the signed token is the authorisation",
    "newsletter.inbound": "bounce reports posted by a mail server, authenticated with the office's secret token",
}


def test_exemptions_are_exactly_the_documented_ones(app):
    """Is every CSRF exemption one of the documented ones (a new one must be justified here)?"""
    exempt_views = set(csrf._exempt_views)
    exempt_blueprints = {getattr(bp, "name", bp) for bp in csrf._exempt_blueprints}
    named = {f"{app.view_functions[e].__module__}.{app.view_functions[e].__name__}" for e in EXEMPT}
    assert exempt_views == named
    # The JSON API is exempt as a blueprint: it must stay read-only (GET only).
    for blueprint in exempt_blueprints:
        for rule in app.url_map.iter_rules():
            if rule.endpoint.startswith(blueprint + "."):
                assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


@pytest.mark.slow
def test_every_form_rejects_missing_and_foreign_csrf_tokens(app, db, make_client, demo_seed):
    demo_seed()
    with cross_tenant("test: offices"):
        dortmund = db.session.scalar(select(Tenant).where(Tenant.slug == "dortmund"))
    samples = samples_of(dortmund.id)
    admin = make_client()
    assert (
        admin.post_form("/login", {"email": "admin.dortmund@demo.lotse.de", "password": DEMO_PASSWORD}).status_code
        == 302
    )
    stranger = make_client()
    foreign_token = stranger.csrf_token()  # a valid token, but of another session
    before = _fingerprint()

    failures, checked = [], 0
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint in EXEMPT or rule.endpoint.startswith("api."):
            continue
        built = fill(rule, "dortmund", samples)
        assert built is not None, rule.rule
        path = built[0]
        for label, data in (("missing", {}), ("foreign", {"csrf_token": foreign_token})):
            response = admin.post(path, data=data)
            checked += 1
            if response.status_code != 400:
                failures.append(f"{label} token: POST {path} → {response.status_code}")
    assert checked >= 40, checked
    assert not failures, "\n".join(failures)
    assert _fingerprint() == before, "a POST without a valid CSRF token changed stored data"
    assert admin.get("/dortmund/intern/").status_code == 200  # and the session is still fine
