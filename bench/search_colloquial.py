"""How the colloquial words OpenThesaurus gives for the bench directories' topics read (issue #14, s35-colloquial).

Citizens name a concern in everyday words ("saufen", "Suff", "Glimmstängel", "Klapse"). The probe is built from a
real resource, not picked by hand: each single word OpenThesaurus marks colloquial ("(ugs.)", kept by
``scripts/build_thesaurus.py`` in ``saas/directory/data/openthesaurus_colloquial_de.txt.gz`` with the plain words
of its sets) whose set has a word of a topic of the visible bench directories (``search_quality_data.py``'s and
held-out-10's): the topic's name, a word of its name, or one of its search words on the common topic list. The
word's *topics* are the topics its sets name so. Each word is searched (``search_ids``, one office, the first 20)
over the directory whose topics it came from, built as ``search_quality.py`` builds it (SQLite, no office
synonyms). It prints per directory how many words

- find a group of one of their topics (the more the better),
- list a group in the first five that has none of their topics (fewer is better; some are right, e.g. a broader
  group, so it is a figure to watch, not a goal of 0),
- list nothing.

With ``-v`` it prints each word, its topics and the first three groups' topics. Only the visible directories are
read; the unseen sets (held-out-9, held-out-11) are never touched.

    python bench/search_colloquial.py        # the counts
    python bench/search_colloquial.py -v     # and each word
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
WORD = re.compile(r"[A-Za-zÄÖÜäöüß-]+")


def topic_words(name: str) -> dict[str, set[str]]:
    """Each word (lower case, 4 letters or more) of the directory ``name``'s topics → the topics that have it in
    their name or their search words on the common topic list."""
    from saas.directory.demo import load_topic_rows

    rows = {r["name"]: r for r in load_topic_rows()}
    groups, _areas = directory_of(name)
    words: dict[str, set[str]] = {}
    for _group, topics, _audience, _description in groups:
        for topic in topics:
            texts = [topic, *((rows.get(topic) or {}).get("search_words") or "").split(",")]
            for text in texts:
                for word in [text.strip(), *WORD.findall(text)]:
                    if len(word) >= 4:
                        words.setdefault(word.lower(), set()).add(topic)
    return words


def probe(name: str) -> dict[str, set[str]]:
    """The probe's words for the directory ``name`` (see the module's docstring) → their topics."""
    words = topic_words(name)
    found: dict[str, set[str]] = {}
    with gzip.open(DATA / "openthesaurus_colloquial_de.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            term, plain, *_also = line.rstrip("\n").split("\t")
            if " " in term or term.lower() in words:
                continue
            topics = {t for p in plain.split("|") for t in words.get(p.lower(), ())}
            if topics:
                found.setdefault(term, set()).update(topics)
    return dict(sorted(found.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", action="store_true", help="list each word")
    args = parser.parse_args()

    with scratch_app("colloquial") as app:
        from saas.directory.models import Group
        from saas.directory.search import search_ids
        from saas.extensions import db
        from tenants.scoping import tenant_context

        for name in DIRECTORIES:
            words = probe(name)
            tenant = build(app, False, name)
            right = wrong = empty = 0
            with app.app_context(), tenant_context(tenant):
                for word, topics in words.items():
                    found = search_ids(word, tenant_id=tenant, limit=20)
                    listed = [db.session.get(Group, gid) for gid in found.ids]
                    named = [{t.name for t in g.topics} if g else set() for g in listed]
                    hit = any(n & topics for n in named)
                    off = any(not n & topics for n in named[:5])
                    right += hit
                    wrong += off
                    empty += not listed
                    if args.v:
                        mark = "+" if hit else ("0" if not listed else "-")
                        mark += "!" if off else " "
                        shown = "; ".join("/".join(sorted(n)) for n in named[:3])
                        print(f"   {name}: {mark} {word!r} ({', '.join(sorted(topics))}): {len(listed)} → {shown}")
            print(
                f"{name}: {len(words)} colloquial words; {right} find a group of their topics, "
                f"{wrong} list another group in the first five, {empty} list nothing"
            )


if __name__ == "__main__":
    main()
