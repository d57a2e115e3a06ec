"""Login, logout, password reset, two-factor login, accounts and roles.

Map
- routes: ``blueprint.py`` → ``public.py`` (login with its second factor, logout, reset, language, confirming an
  office's offer ``/zugang/<token>``) and ``views.py`` (the signed-in person's account, password and two-factor
  settings)
- writes: ``operations.py`` (create_user, set_membership, set_password, send_password_reset, home_for,
  offer_membership, accept_invite)
- two factors: ``mfa.py``; password hashing: ``passwords.py``; the user loader: ``login.py``
- tasks, listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.auth import blueprint

    app.register_blueprint(blueprint.bp)
