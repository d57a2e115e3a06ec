"""German UI labels that reach the page through ``_(variable)`` — pybabel cannot extract them from the source.

Templates translate enum labels and label tables at display time (``_(group.status_label)``,
``_(event.kind.label)``, ``_(label)`` over ``TOPIC_AREAS`` …), but the German strings themselves are dict
values or ``label`` properties that no ``_()`` call wraps. ``labels()`` collects them:

* every ``enum.Enum`` defined under ``saas``/``tenants`` that has a ``label`` property (all its members), and
* the label tables listed in ``TABLES`` (module, attribute, how to read the strings).

``scripts/translations.sh`` adds them to the extracted template so they land in the English catalogue, and
``tests/core/test_translations.py`` fails when one of them has no English translation. A new label table
belongs in ``TABLES``.

    python scripts/ui_labels.py POT     add the labels to the .pot file POT (in place)
"""

from __future__ import annotations

import enum
import importlib
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _values(table: dict) -> Iterable[str]:
    return table.values()


def _attrs(*names: str) -> Callable[[Iterable], Iterable[str]]:
    return lambda items: [getattr(item, name) for item in items for name in names]


def _pairs(items: Iterable[tuple[str, ...]]) -> Iterable[str]:
    return [text for pair in items for text in pair]


def _with_short(table: dict) -> Iterable[str]:
    """Each label and its short form before " (" (the consent page lists shared families by it)."""
    return [text for label in table.values() for text in dict.fromkeys((label, label.split(" (")[0]))]


def _strings(items: Iterable[str]) -> Iterable[str]:
    return list(items)


# (module, attribute, reader): the label tables shown through _(…) in templates and views.
TABLES: tuple[tuple[str, str, Callable[..., Iterable[str]]], ...] = (
    ("saas.directory.models", "TOPIC_AREAS", _values),
    ("saas.directory.models", "GROUP_STATUSES", _values),
    ("saas.directory.models", "VISIBILITIES", _values),
    ("saas.directory.models", "AUDIENCES", _values),
    ("saas.directory.models", "RHYTHMS", _values),
    ("saas.directory.models", "MEETING_MODES", _values),
    ("saas.directory.models", "INQUIRY_STATES", _values),
    ("saas.contacts.models", "KINDS", _values),
    ("saas.contacts.models", "CHANNELS", _values),
    ("saas.contacts.models", "CONCERNS", _values),
    ("saas.contacts.models", "PLACEMENTS", _values),
    ("saas.contacts.models", "MEDIA", _values),
    ("saas.contacts.models", "CITIZENS_WITH_RELATIVES", lambda text: [text]),
    ("saas.founding.models", "PROCESS_STATES", _values),
    ("saas.founding.models", "MILESTONES", _values),
    ("saas.founding.models", "INTEREST_SOURCES", _values),
    ("saas.founding.models", "INTEREST_STATES", _values),
    ("saas.founding.models", "CASE_KINDS", _values),
    ("saas.contacts.queries", "MONTHS", _strings),
    ("saas.association.queries", "FIGURES", _attrs("label")),
    ("saas.association.queries", "BASES", _values),
    ("saas.association.forms", "FAMILY_LABELS", _with_short),
    ("saas.audit.operations", "ACTION_LABELS", _values),
    ("saas.privacy.operations", "KIND_LABELS", _values),
    ("saas.privacy.retention", "RULES", _attrs("label", "after")),
    ("saas.privacy.retention", "KEPT_WHILE_NEEDED", _pairs),
    ("saas.newsletter.blocks", "BLOCKS", _attrs("label")),
    ("saas.grouparea.models", "STATES", _values),
    ("saas.grouparea.models", "FUNDING_STREAMS", _values),
    ("saas.grouparea.models", "FUNDING_STATUSES", _values),
    ("saas.grouparea.models", "DEADLINE_KINDS", _values),
    ("saas.grouparea.operations", "FIELD_LABELS", _values),
    ("saas.grouparea.views", "KINDS", lambda kinds: [label for _model, label in kinds.values()]),
    ("saas.grouparea.forms", "ROOM_PATTERNS", _values),
    ("saas.grouparea.presentation", "NTH", _values),
)
PACKAGES = ("saas", "tenants")


def _module_file(module_name: str) -> str:
    module = sys.modules[module_name]
    return Path(module.__file__ or module_name).resolve().relative_to(ROOT).as_posix()


def _modules() -> Iterator[str]:
    # Files, not pkgutil: some feature folders (events, rooms) are namespace packages without __init__.py.
    for package_name in PACKAGES:
        for path in sorted((ROOT / package_name).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "translations" in parts or "templates" in parts:
                continue
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _enum_labels() -> Iterator[tuple[str, str]]:
    for module_name in _modules():
        module = importlib.import_module(module_name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, enum.Enum)
                and obj.__module__ == module.__name__
                and isinstance(getattr(obj, "label", None), property)
            ):
                for member in obj:
                    yield member.label, _module_file(module.__name__)


def labels() -> dict[str, str]:
    """German label → the file that defines it (first seen), in a stable order."""
    from saas import create_app

    create_app()  # imports every feature package the way the app does
    found: dict[str, str] = {}
    for module_name, attribute, read in TABLES:
        module = importlib.import_module(module_name)
        for text in read(getattr(module, attribute)):
            if isinstance(text, str) and text.strip():
                found.setdefault(text, _module_file(module_name))
    for text, where in _enum_labels():
        if isinstance(text, str) and text.strip():
            found.setdefault(text, where)
    return found


def add_to_template(pot_path: str) -> int:
    from babel.messages.pofile import read_po, write_po

    with open(pot_path, "rb") as fh:
        catalog = read_po(fh)
    added = 0
    for text, where in labels().items():
        message = catalog.get(text)
        if message is None:
            catalog.add(text, locations=[(where, None)], auto_comments=["label shown through _(variable)"])
            added += 1
        elif (where, None) not in message.locations:
            message.locations.append((where, None))
    with open(pot_path, "wb") as fh:
        write_po(fh, catalog, sort_by_file=True, include_lineno=False)
    return added


if __name__ == "__main__":
    print(f"added {add_to_template(sys.argv[1])} labels shown through _(variable)")
