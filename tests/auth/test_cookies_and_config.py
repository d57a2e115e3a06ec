"""Session cookie flags, and production start-up refusing unsafe configuration."""

import re

import pytest

from saas import create_app
from saas.config import ConfigError, flask_config, load_settings
from saas.extensions import db
from tests.factories import PASSWORD


def _session_cookie_header(response):
    cookies = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("lotse_session=")]
    assert cookies, response.headers
    return cookies[-1]


def test_session_cookie_is_httponly_and_samesite_lax(client, world):
    """Is the session cookie set at login HttpOnly and SameSite=Lax (and not Secure over plain http in tests)?"""
    header = _session_cookie_header(client.login(world.dortmund_staff))
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "Secure" not in header


@pytest.fixture
def https_app(app, monkeypatch):
    monkeypatch.setenv("BASE_URL", "https://lotse.example.org")
    secure = create_app({"TESTING": True, "RATELIMIT_ENABLED": False, "CELERY": {"task_always_eager": True}})
    secure.test_client_class = type(app.test_client())
    yield secure
    app.extensions["celery"].set_default()
    with secure.app_context():
        db.session.remove()
        db.engine.dispose()


def test_session_cookie_is_secure_behind_https(https_app, world):
    """With an https BASE_URL, is the session cookie also Secure (and sent only over https)?"""
    client = https_app.test_client()
    https = {"base_url": "https://localhost", "headers": {"Referer": "https://localhost/login"}}
    form = client.get("/login", **https).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"', form)
    assert token
    data = {"csrf_token": token.group(1) or token.group(2), "email": world.dortmund_staff.email, "password": PASSWORD}
    response = client.post("/login", data=data, **https)
    assert response.status_code == 302
    header = _session_cookie_header(response)
    assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header


def test_production_sets_secure_cookies(monkeypatch):
    """In production (LOTSE_ENV=production), are session cookies Secure even with an http BASE_URL?"""
    monkeypatch.setenv("LOTSE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://lotse@db/lotse")
    monkeypatch.setenv("BASE_URL", "http://intern.example")
    config = flask_config(load_settings())
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True and config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_production_refuses_a_missing_secret_key(monkeypatch):
    """Does production start-up stop with a clear message naming SECRET_KEY when it is missing?"""
    monkeypatch.setenv("LOTSE_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://lotse@db/lotse")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings()
    monkeypatch.setenv("SECRET_KEY", "")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings()


@pytest.mark.parametrize("database_url", [None, "sqlite:////tmp/lotse.db", "sqlite+pysqlite:///lotse.db"])
def test_production_refuses_sqlite(monkeypatch, database_url):
    """Does production start-up refuse SQLite (also the default when DATABASE_URL is unset) with a clear message?"""
    monkeypatch.setenv("LOTSE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    if database_url is None:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("DATABASE_URL", database_url)
    with pytest.raises(ConfigError, match="SQLite"):
        load_settings()


def test_production_with_postgres_and_a_key_starts(monkeypatch):
    """Is a complete production configuration accepted?"""
    monkeypatch.setenv("LOTSE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://lotse@db/lotse")
    settings = load_settings()
    assert settings.env == "production" and settings.database_url.startswith("postgresql")


def test_development_generates_and_keeps_a_secret_key(monkeypatch, tmp_path):
    """Without SECRET_KEY outside production, is a key generated once and reused?"""
    monkeypatch.setenv("LOTSE_ENV", "development")
    monkeypatch.setenv("LOTSE_INSTANCE", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = load_settings().secret_key
    assert len(first) >= 32 and load_settings().secret_key == first
