"""Security headers on every response: CSP without inline scripts, no framing, HSTS in production."""

from saas import create_app
from saas.core.security import allow_framing


def test_public_page_sends_csp_without_inline_scripts(client, world):
    """Does a public page forbid inline scripts and framing?"""
    response = client.get("/dortmund/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response.headers  # only in production


def test_pages_of_logged_in_users_are_not_cached(client, world):
    client.login(world.dortmund_staff)
    assert client.get("/dortmund/intern/").headers["Cache-Control"] == "no-store"


def test_allow_framing_opens_only_the_marked_view(client, app, world):
    """Does a view marked allow_framing (the widget) allow frame-ancestors, and only that view?"""
    framed = [name for name, view in app.view_functions.items() if getattr(view, "allow_framing", False)]
    for endpoint in framed:
        assert "widget" in endpoint or "embed" in endpoint, f"{endpoint} may be framed by any site"

    @allow_framing
    def demo():  # type: ignore[no-untyped-def]
        return "ok"

    assert demo.allow_framing is True


def test_hsts_in_production(monkeypatch):
    """Does production mode send HSTS?"""
    monkeypatch.setenv("LOTSE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@127.0.0.1:1/none")
    production = create_app({"TESTING": True})
    with production.test_request_context("/healthz"):
        response = production.make_response("ok")
        response = production.process_response(response)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert production.config["SESSION_COOKIE_SECURE"] is True


def test_nul_bytes_are_refused_with_a_clear_message(client, world):
    """Is a NUL byte in a form or a query refused with 400 and a clear message (PostgreSQL cannot store it)?"""
    response = client.get("/dortmund/?q=a%00b")
    assert response.status_code == 400
    assert "unzulässiges Steuerzeichen" in response.get_data(as_text=True)
    response = client.post_form("/login", {"email": "x\x00@example.org", "password": "p"})
    assert response.status_code == 400
