"""How many names of an illness the directory has no group for still list groups (issue #14, s34-absent).

A citizen who searches for a concern the office has no group for ("Mukoviszidose", "Tourette-Syndrom") should
find nothing: the page then offers the founding-interest list and NAKOS's addresses. A group listed for such a
query is mostly nonsense (a broader word, a definition's noun, a compound's part or a spelling correction that
leads elsewhere).

The probe is built from a real resource, not picked by hand: the headwords German Wiktionary labels Medizin
(``saas/directory/data/wiktionary_medical_de.txt.gz``) whose definition (``wiktionary_glosses_de.txt.gz``) says
it is an illness (its first noun ends in -krankheit, -erkrankung, -störung, -syndrom, -entzündung, -infektion,
-leiden, -fehlbildung, -tumor or -geschwulst), without every headword the bench directories name
(``search_quality_data.py``'s and held-out-10's): no word of the headword may be a word of 4 letters or more of a
topic's name or search words or of a group's name or description, nor hold one of 5 letters or more, and no noun
of its definitions may be a word of a topic's name or search words (so "Brustkrebs" and the like stay out: a group
answers them). Each term is searched (``search_ids``, one office, the first 20) over both directories, built as
``search_quality.py`` builds them (SQLite, no office synonyms). It prints how many terms list groups in each, and
with ``-v`` each such term with the topics of its first three groups. Some listings are right ("Dermatose" → the
skin diseases' group): the count is a figure to watch, not a goal of 0.

    python bench/search_absent.py        # the counts
    python bench/search_absent.py -v     # and each term that lists groups
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from directory_search import scratch_app  # noqa: E402
from search_quality import build  # noqa: E402
from search_quality_sets import directory_of  # noqa: E402

DATA = REPO / "saas" / "directory" / "data"
DIRECTORIES = ("main", "held-out-10")
ILLNESS = re.compile(
    r"(krankheit|erkrankung|erkrankungen|störung|syndrom|entzündung|infektion|leiden|fehlbildung|tumor|geschwulst)$"
)
WORD = re.compile(r"[a-zäöüß]+")
NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+")


def _lines(name: str) -> list[str]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh if not line.startswith("#")]


def directory_words() -> tuple[set[str], set[str]]:
    """Every word (lower case, 4 letters or more) of the bench directories' topics and groups, and of their
    topics' names and search words alone."""
    from saas.directory.demo import load_topic_rows

    rows = {r["name"]: r for r in load_topic_rows()}
    words: set[str] = set()
    topic_words: set[str] = set()
    for name in DIRECTORIES:
        groups, _areas = directory_of(name)
        for group, topics, _audience, description in groups:
            texts = [*topics]
            for topic in topics:
                texts.append((rows.get(topic) or {}).get("search_words") or "")
            for text in texts:
                topic_words.update(w for w in WORD.findall(text.lower()) if len(w) >= 4)
            for text in (group, description):
                words.update(w for w in WORD.findall(text.lower()) if len(w) >= 4)
    return words | topic_words, topic_words


def probe() -> list[str]:
    """The probe's terms (see the module's docstring), sorted."""
    glosses: dict[str, list[str]] = {}
    for line in _lines("wiktionary_glosses_de.txt.gz"):
        head, _tab, rest = line.partition("\t")
        glosses.setdefault(head, []).extend(w.lower() for w in NOUN.findall(rest))
    known, topic_words = directory_words()
    terms = []
    for head in sorted(set(_lines("wiktionary_medical_de.txt.gz"))):
        gloss = glosses.get(head, [])
        if not head[0].isupper() or not gloss or not ILLNESS.search(gloss[0]):
            continue
        if any(w in known for w in WORD.findall(head.lower())) or any(w in topic_words for w in gloss):
            continue
        if any(k in head.lower() for k in known if len(k) >= 5):
            continue
        terms.append(head)
    return terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", action="store_true", help="list each term that lists groups")
    args = parser.parse_args()

    with scratch_app("absent") as app:
        from saas.directory.models import Group
        from saas.directory.search import search_ids
        from saas.extensions import db
        from tenants.scoping import tenant_context

        terms = probe()
        print(f"probe: {len(terms)} illness terms no bench directory names")
        total = 0
        for name in DIRECTORIES:
            tenant = build(app, False, name)
            listing = 0
            with app.app_context(), tenant_context(tenant):
                for term in terms:
                    found = search_ids(term, tenant_id=tenant, limit=20)
                    if not found.ids:
                        continue
                    listing += 1
                    if args.v:
                        names = []
                        for gid in found.ids[:3]:
                            group = db.session.get(Group, gid)
                            names.append("/".join(t.name for t in group.topics) if group else str(gid))
                        print(f"   {name}: {term!r}: {found.total} → {'; '.join(names)}")
            print(f"{name}: {listing} of {len(terms)} terms list groups")
            total += listing
        print(f"all: {total} of {2 * len(terms)} term searches list groups")


if __name__ == "__main__":
    main()
