"""The routes the security tests walk, read from the URL map (a new route is covered automatically), and
how to fill their arguments with an office's real objects: one place for the route fuzzer, the isolation
matrix, the CSRF and the form fuzz tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask
from sqlalchemy import inspect, select
from werkzeug.routing import Rule

from saas.core import timeutil
from saas.extensions import db
from tenants.scoping import TenantScoped, cross_tenant

MISSING_ID = 987654321
SKIP_ENDPOINTS = {"static"}


def _plural(stem: str) -> str:
    return stem[:-1] + "ies" if stem.endswith("y") else stem + "s"


def _models_by_table() -> dict[str, type]:
    return {
        mapper.class_.__tablename__: mapper.class_
        for mapper in db.Model.registry.mappers
        if issubclass(mapper.class_, TenantScoped)
    }


def model_for_param(name: str) -> type | None:
    """``group_id`` → the model of table ``groups`` (or ``*_groups``), ``inquiry_id`` → ``*_inquiries``."""
    stem = name.removesuffix("_id")
    tables = _models_by_table()
    plural = _plural(stem)
    if plural in tables:
        return tables[plural]
    candidates = sorted(t for t in tables if t.endswith("_" + plural))
    return tables[candidates[0]] if candidates else None


@dataclass
class Sample:
    """One existing object of a kind in the victim office, and what must never leak from it."""

    obj_id: int
    secrets: list[str] = field(default_factory=list)


def _secrets(obj: object) -> list[str]:
    values = []
    for attr in inspect(obj).mapper.column_attrs:
        value = getattr(obj, attr.key)
        if isinstance(value, str) and len(value) >= 8 and not value.isdigit() and "@" not in value[:1]:
            values.append(value)
    return values


def samples_of(tenant_id: int) -> dict[str, Sample]:
    samples: dict[str, Sample] = {}
    with cross_tenant("test: pick the victim office's objects"):
        for table, model in _models_by_table().items():
            obj = db.session.scalars(
                select(model).where(model.tenant_id == tenant_id).order_by(model.id).limit(1)
            ).first()
            if obj is not None:
                samples[table] = Sample(obj.id, _secrets(obj))
    db.session.commit()
    return samples


def route_values(
    rule: Rule, slug: str, samples: dict[str, Sample], *, missing: bool = False
) -> tuple[dict[str, object], list[str]]:
    """The rule's arguments filled for office ``slug`` (its sample objects, or a missing id) and the secrets
    of the objects used."""
    values: dict[str, object] = {}
    secrets: list[str] = []
    for name in rule.arguments:
        converter = rule._converters[name]
        kind = type(converter).__name__
        if name == "slug":
            values[name] = slug
        elif name == "assoc_slug":
            values[name] = "paritaet-nrw"
        elif kind == "IntegerConverter" and name == "year":
            values[name] = timeutil.today().year - 1
        elif kind == "IntegerConverter":
            model = model_for_param(name)
            sample = samples.get(model.__tablename__) if model is not None else None
            if missing or sample is None:
                values[name] = MISSING_ID
            else:
                values[name] = sample.obj_id
                secrets.extend(sample.secrets)
        elif kind == "AnyConverter":
            values[name] = sorted(converter.items)[0]
        elif name in ("day", "date"):
            values[name] = timeutil.today().isoformat()
        else:
            values[name] = "x" * 20  # tokens and free strings
    return values, secrets


def fill(rule: Rule, slug: str, samples: dict[str, Sample], *, missing: bool = False) -> tuple[str, list[str]] | None:
    """The rule's path filled by :func:`route_values` and the secrets to look for; None if it cannot be built."""
    values, secrets = route_values(rule, slug, samples, missing=missing)
    try:
        path = rule.build(values, append_unknown=False)[1]
    except Exception:
        return None
    return path, secrets


def app_rules(app: Flask, *, method: str | None = None, office: bool = False) -> list[Rule]:
    """Every rule of the URL map but the static files; only those answering ``method``, only an office's
    (with a ``slug``) if ``office``."""
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in SKIP_ENDPOINTS
        and (method is None or method in (rule.methods or ()))
        and (not office or "slug" in rule.arguments)
    ]
