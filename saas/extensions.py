"""Flask extensions, created unbound and initialised in create_app()."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session as FlaskSession
from flask_wtf import CSRFProtect
from sqlalchemy import Connection, CursorResult, Engine, MetaData, Result, Table
from sqlalchemy.orm import DeclarativeBase

from saas.core.limitkeys import client_key

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _session_scope() -> int:
    """One session per request (or per app context outside requests).

    Flask reuses an already pushed app context for requests (tests, CLI), so scoping by app context
    alone would share one session, and its identity map, between requests.
    """
    from flask.globals import _cv_app, _cv_request

    ctx = _cv_request.get(None) or _cv_app.get(None)
    return id(ctx)


class LotseSession(FlaskSession):
    """Flask-SQLAlchemy's session, plus: the association aggregation's cross-office block (``cross_tenant``
    without a person) runs on the separate ``lotse_stats`` connection when one is configured
    (``AGGREGATOR_DATABASE_URL``). The app role itself can never leave Row-Level Security (docs/security.md)."""

    def get_bind(
        self,
        mapper: Any | None = None,
        clause: Any | None = None,
        bind: Engine | Connection | None = None,
        **kwargs: Any,
    ) -> Engine | Connection:
        if bind is None:
            from tenants import scoping

            if scoping.in_cross_tenant_block() and scoping.cross_tenant_user() is None:
                stats = _stats_engine()
                if stats is not None:
                    return stats
        return super().get_bind(mapper, clause=clause, bind=bind, **kwargs)


def _stats_engine() -> Engine | None:
    from flask import current_app

    from tenants.rls import uses_stats_connection

    engines = db.engines
    if "stats" in engines:
        return engines["stats"]
    if uses_stats_connection(current_app.config["SQLALCHEMY_DATABASE_URI"]):
        raise RuntimeError(
            "AGGREGATOR_DATABASE_URL fehlt: der Verbandsabgleich braucht die eigene Verbindung als lotse_stats "
            "(the cross-office block needs its own connection; see docs/security.md)."
        )
    return None


db = SQLAlchemy(model_class=Base, session_options={"scopefunc": _session_scope, "class_": LotseSession})

# The models' base class. At runtime it is ``db.Model``: Flask-SQLAlchemy rebuilds ``Base`` with its mixins (query
# property, bind key), sharing ``Base``'s registry and metadata. A type checker cannot use the instance attribute
# ``db.Model`` as a base class, so it sees ``Base``, the typed declarative base the models' columns come from.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model


def table_of(model: type[Base]) -> Table:
    """A model's table, typed as the ``Table`` it is (SQLAlchemy types ``__table__`` as any ``FromClause``)."""
    table = model.__table__
    assert isinstance(table, Table), model
    return table


def rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE matched. ``Session.execute`` is typed to return any ``Result``; for these
    statements it is the ``CursorResult`` that carries the count."""
    assert isinstance(result, CursorResult), type(result)
    return result.rowcount


migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=client_key, default_limits=[])  # keyed hash of the address, never in clear
