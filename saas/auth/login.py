"""Flask-Login wiring: the session stores ``user_id:session_version``; an older version is refused."""

from __future__ import annotations

from flask import Flask
from flask_login import AnonymousUserMixin

from saas.auth.models import User
from saas.extensions import db, login_manager


def _get_id(self: User) -> str:
    return f"{self.id}:{self.session_version}"


# Flask-Login's interface on the model, kept here so the model stays plain data.
User.get_id = _get_id
User.is_authenticated = property(lambda self: True)
User.is_anonymous = property(lambda self: False)
User.is_active = property(lambda self: bool(self.active))


class Anonymous(AnonymousUserMixin):
    is_operator = False


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    login_manager.anonymous_user = Anonymous

    @login_manager.user_loader
    def load_user(token: str) -> User | None:
        try:
            user_id, version = (int(part) for part in token.split(":", 1))
        except ValueError:
            return None
        user = db.session.get(User, user_id)
        if user is None or not user.active or user.session_version != version:
            return None
        return user
