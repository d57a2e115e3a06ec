"""View modules (issue 12): one split of request handlers in every feature, and one shape for their writes.

- A route's handler lives in its feature's ``public.py`` (no staff sign-in: visitors, and a group signed in
  by link) or ``views.py`` (a signed-in account: an office's staff, an association's analysts, the person's
  own account). No other module holds a handler; the URL map is the list of handlers, so a new route is
  checked as soon as it exists.
- A view module never commits or rolls back itself: its writes go through ``saas.core.errors.perform``.
"""

from __future__ import annotations

import ast
import inspect
from functools import cache
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parents[2]
VIEW_MODULES = ("public", "views")
SIGN_IN = {"office_required", "admin_only", "analyst_required", "login_required"}


@cache
def _functions(path: Path) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def _decorator_names(node: ast.FunctionDef) -> set[str]:
    names = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def handler_problems(app: Flask) -> list[str]:
    """Every route whose handler breaks the split, with the reason."""
    problems = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        fn = inspect.unwrap(app.view_functions[rule.endpoint])
        package, _, module = fn.__module__.rpartition(".")
        where = f"{rule.rule} ({rule.endpoint} → {fn.__module__}.{fn.__name__})"
        if not package.startswith("saas.") or module not in VIEW_MODULES:
            problems.append(f"{where}: the handler is not in a feature's public.py or views.py")
            continue
        node = _functions(ROOT / package.replace(".", "/") / f"{module}.py").get(fn.__name__)
        if node is None:
            problems.append(f"{where}: not a top-level function of its module")
            continue
        signed_in = bool(_decorator_names(node) & SIGN_IN)
        if module == "views" and not signed_in:
            problems.append(f"{where}: views.py holds the signed-in pages, but this one needs no sign-in")
        if module == "public" and (signed_in or "/intern/" in rule.rule):
            problems.append(f"{where}: public.py holds pages without staff sign-in, but this one needs it")
    return sorted(problems)


def test_every_handler_is_in_public_or_views_by_who_may_open_it(app: Flask) -> None:
    assert handler_problems(app) == []


def test_the_split_check_sees_a_misplaced_handler(app: Flask) -> None:
    """The check fails for a staff page registered from public.py and for a handler outside both modules."""
    from saas.directory import public

    probe = Flask("probe")
    probe.add_url_rule("/<slug>/intern/probe", "probe.public", public.public_search)
    probe.add_url_rule("/probe/helper", "probe.helper", _decorator_names)
    assert len(handler_problems(probe)) == 2


def _view_module_paths() -> list[Path]:
    return sorted(path for name in VIEW_MODULES for path in (ROOT / "saas").glob(f"*/{name}.py"))


def transaction_calls(path: Path) -> list[str]:
    """``….commit()`` / ``….rollback()`` calls written in a file, as "file:line name"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("commit", "rollback")
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.attr}()")
    return found


def test_view_modules_never_commit_or_roll_back_themselves() -> None:
    assert len(_view_module_paths()) >= 20
    assert [call for path in _view_module_paths() for call in transaction_calls(path)] == []


def test_the_transaction_check_sees_a_commit() -> None:
    sample = ROOT / "saas" / "core" / "errors.py"  # perform() itself commits and rolls back
    assert {call.split()[-1] for call in transaction_calls(sample)} == {"commit()", "rollback()"}
