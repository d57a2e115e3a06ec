"""The package layering: ``saas/`` and ``tenants/`` never import ``workers/`` (tasks are queued by name)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_saas_never_imports_workers() -> None:
    """Does any module under saas/ or tenants/ import workers (anywhere in the file)?"""
    offenders = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for package in ("saas", "tenants")
        for path in (ROOT / package).rglob("*.py")
        for name in imported_modules(path)
        if name == "workers" or name.startswith("workers.")
    )
    assert offenders == []
