"""Hostile input into every form: each page with a POST form (found from the URL map) is fed random
and hostile values by hypothesis. No answer may be a server error, and hostile markup must never come
back unescaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from saas.core.demo import DEMO_PASSWORD
from tenants.models import Tenant
from tenants.scoping import cross_tenant
from tests.security.routes import fill, samples_of

XSS = "<script>alert('lotse')</script>"
HOSTILE = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
    st.sampled_from(
        [
            XSS,
            "' OR 1=1 --",
            "\x00",
            "-1",
            "99999999999999999999",
            "2024-02-30",
            "31.12.",
            "",
            "ä" * 300,
            "%s%s%n",
            "../../etc/passwd",
            "1e309",
            "NaN",
            "\u202e\u0000\ufeff",
        ]
    ),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)


class _Forms(HTMLParser):
    """Collects, per POST form, its action and field names (hidden CSRF token excluded)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, list[str]]] = []
        self._current: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._current = (a.get("action") or "", [])
        elif tag in ("input", "select", "textarea") and self._current is not None:
            name = a.get("name")
            if name and name != "csrf_token" and a.get("type") not in ("submit", "button"):
                self._current[1].append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._current is not None:
            self.forms.append(self._current)
            self._current = None


def _forms(html: str, path: str) -> list[tuple[str, list[str]]]:
    parser = _Forms()
    parser.feed(html)
    # Only the page's own forms (not the logout or language switch of the layout).
    return [(action or path, fields) for action, fields in parser.forms if fields and (not action or action == path)]


@pytest.mark.slow
def test_every_form_survives_hostile_input(app, db, make_client, demo_seed):
    demo_seed()
    with cross_tenant("test: offices"):
        dortmund = db.session.scalar(select(Tenant).where(Tenant.slug == "dortmund"))
    samples = samples_of(dortmund.id)
    admin = make_client()
    assert (
        admin.post_form("/login", {"email": "admin.dortmund@demo.lotse.de", "password": DEMO_PASSWORD}).status_code
        == 302
    )
    visitor = make_client()
    tokens = {"admin": admin.csrf_token(), "visitor": visitor.csrf_token()}

    targets: list[tuple[str, str, list[str]]] = []
    for rule in app.url_map.iter_rules():
        if not {"GET", "POST"} <= rule.methods or "token" in rule.arguments:
            continue
        built = fill(rule, "dortmund", samples)
        if built is None:
            continue
        who = "admin" if "/intern/" in rule.rule or rule.rule.startswith("/konto") else "visitor"
        client = admin if who == "admin" else visitor
        page = client.get(built[0])
        if page.status_code != 200:
            continue
        for action, fields in _forms(page.get_data(as_text=True), built[0]):
            targets.append((who, action, sorted(set(fields))))
    assert len(targets) >= 15, targets

    failures: list[str] = []

    def fuzz(client, token: str, action: str, fields: list[str]):  # type: ignore[no-untyped-def]
        @given(values=st.fixed_dictionaries({f: HOSTILE for f in fields}))
        @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def post(values):  # type: ignore[no-untyped-def]
            response = client.post(action, data={**values, "csrf_token": token})
            if response.status_code >= 500:
                failures.append(f"{action} → {response.status_code} for {values!r:.200}")
            elif XSS in response.get_data(as_text=True):
                failures.append(f"{action} echoes unescaped markup")

        return post

    for who, action, fields in targets:
        fuzz(admin if who == "admin" else visitor, tokens[who], action, fields)()
    assert not failures, "\n".join(failures[:20])
