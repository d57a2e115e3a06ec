"""Search quality of the public directory (issue #14): judged queries over a realistic directory.

Builds the directory of ``search_quality_data.py`` (114 groups, topics of the Dortmund A–Z list) in a
fresh database through the app's own operations (and, for a set with a directory of its own, that one as a
second office: ``search_quality_sets.OWN_DIRECTORY``), runs the judged queries through ``search_ids``
exactly as the Wegweiser does, and prints

- mean recall@20 (relevant groups among the first 20, over queries that have an answer),
- mean precision@5 (relevant groups among the first five results, or fewer if fewer were found),
- the share of queries with no result (and of answerable ones among them),
- how many queries without an answer list groups anyway (what precision@5 cannot see: it is taken over the
  queries with an answer),
- per query form, and every query below the goals with what it missed or wrongly listed.

By default the topics carry NO synonyms of the office's own: what is found comes from the German
resources alone. ``--office-synonyms`` adds the search words of the Dortmund topic list (as an office
would keep them on its topics page).

    python bench/search_quality.py                  # SQLite
    python bench/search_quality.py --db postgresql  # PostgreSQL (creates and drops its own database)
    python bench/search_quality.py --set all        # main and the held-out sets (never tuned on)
    python bench/search_quality.py --set held-out-4 -v  # written and judged without running it first
    python bench/search_quality.py --set held-out-5 -v  # likewise, after the rounds that used held-out-4
    python bench/search_quality.py --set held-out-6 -v  # likewise, after the rounds that used held-out-5
    python bench/search_quality.py --set held-out-7 -v  # likewise, written before round 8 and kept from it
    python bench/search_quality.py --set held-out-8 -v  # likewise, written before round 9 and kept from it
    python bench/search_quality.py --set held-out-9 -v  # likewise, written before round 10 and kept from it
    python bench/search_quality.py --set held-out-10    # everyday queries over a second directory of its own
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from directory_search import _pg_create, _pg_drop, make_app  # noqa: E402
from search_quality_data import EXTRA_TOPIC_AREAS, GROUPS  # noqa: E402
from search_quality_sets import OWN_DIRECTORY, asked_before, directory_of, judged_sets  # noqa: E402

RELATIVES = ("relatives", "parents", "both")


def build(app, office_synonyms: bool, set_name: str = "main") -> int:  # type: ignore[no-untyped-def]
    """A new office holding the directory ``set_name`` is judged over; its id."""
    from saas.extensions import db
    from tenants.models import Tenant

    groups, areas = directory_of(set_name)
    slug = "grossstadt" if set_name not in OWN_DIRECTORY else set_name
    with app.app_context():
        db.create_all()
        tenant = Tenant(slug=slug, name=f"Selbsthilfe-Kontaktstelle {slug}", settings={})
        db.session.add(tenant)
        db.session.commit()
        populate([tenant.id], office_synonyms=office_synonyms, groups=groups, areas=areas)
        return tenant.id


def populate(
    offices: list[int],
    office_synonyms: bool = False,
    groups: list[tuple[str, list[str], str, str]] = GROUPS,
    areas: dict[str, str] = EXTRA_TOPIC_AREAS,
) -> None:
    """Deal a judged directory (``groups``, by default ``search_quality_data``'s) out over ``offices``
    (existing tenant ids): group ``i`` goes to ``offices[i % len(offices)]``, each office gets the topics of
    its own groups (with the Dortmund topic list's search words if ``office_synonyms``; ``areas`` gives the
    topic area of a topic not on that list) and its own vocabulary. One office is the bench's directory;
    ``tests/directory/test_search_offices.py`` deals it over seven. Needs an app context and commits."""
    from saas.directory import operations as ops
    from saas.directory.demo import load_topic_rows
    from saas.extensions import db
    from tenants.scoping import tenant_context

    rows = {r["name"]: r for r in load_topic_rows()}
    for k, office in enumerate(offices):
        mine = [g for i, g in enumerate(groups) if i % len(offices) == k]
        with tenant_context(office):
            topics = {}
            for name in sorted({t for _n, ts, _a, _d in mine for t in ts}):
                row = rows.get(name)
                area = row["topic_area"] if row else areas[name]
                words = row["search_words"] if (row and office_synonyms) else ""
                topics[name] = ops.save_topic(None, name=name, topic_area=area, search_words=words, relatives=False)
            for name, topic_names, audience, description in mine:
                ops.create_group(
                    {
                        "name": name,
                        "description": description,
                        "topics": [topics[t] for t in topic_names],
                        "topic_area": topics[topic_names[0]].topic_area or "social",
                        "audience": audience,
                    },
                    acting_user=None,
                    status="active",
                    vocabulary=False,
                )
            db.session.flush()
            ops.refresh_vocabulary()
            db.session.commit()


def relevant(topics: set[str], qualifier: str, groups: list[tuple[str, list[str], str, str]] = GROUPS) -> set[str]:
    found = set()
    for name, group_topics, audience, _d in groups:
        if not topics & set(group_topics):
            continue
        if qualifier == "relatives" and audience not in RELATIVES:
            continue
        if qualifier.startswith("+") and qualifier[1:] not in group_topics:
            continue
        found.add(name)
    return found


def evaluate(  # type: ignore[no-untyped-def]
    app, tenant_id: int, verbose: bool, queries: list, groups: list = GROUPS, repeats: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Run ``queries`` and print the figures; ``repeats`` are the queries an earlier set asked too (over
    another directory), whose figures are also printed apart from the new ones."""
    from sqlalchemy import select

    from saas.directory.models import Group
    from saas.directory.search import search_ids
    from saas.extensions import db
    from tenants.scoping import tenant_context

    recalls: list[float] = []
    precisions: list[float] = []
    zero = zero_answerable = 0
    without_answer = listed_without_answer = 0  # a query no group answers should find nothing, not anything
    unfound: list[tuple[str, str]] = []
    by_form: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_novelty: dict[str, list[tuple[float, float]]] = defaultdict(list)
    problems: list[str] = []
    with app.app_context(), tenant_context(tenant_id):
        names = dict(db.session.execute(select(Group.id, Group.name)).all())
        for form, query, topics, qualifier in queries:
            wanted = relevant(topics, qualifier, groups)
            result = search_ids(query, tenant_id=tenant_id, limit=20)
            found = [names[i] for i in result.ids]
            if not found:
                zero += 1
                zero_answerable += bool(wanted)
            if not wanted:
                without_answer += 1
                listed_without_answer += bool(found)
                if found:
                    problems.append(f"  {query!r}: expected nothing, found {found[:5]}")
                continue
            recall = len(wanted & set(found)) / len(wanted)
            top = found[:5]
            precision = (len(wanted & set(top)) / len(top)) if top else 0.0
            recalls.append(recall)
            precisions.append(precision)
            by_form[form].append((recall, precision))
            by_novelty["asked before" if query in repeats else "new"].append((recall, precision))
            missed = sorted(wanted - set(found))
            unfound += [(query, m) for m in missed]
            wrong = [f for f in top if f not in wanted]
            if missed or wrong:
                problems.append(f"  {query!r} ({form}): missed {missed}, wrongly in top 5 {wrong}")
    figures = {
        "recall@20": statistics.fmean(recalls),
        "precision@5": statistics.fmean(precisions),
        "zero share": zero / len(queries),
        "zero answerable": zero_answerable,
        "unfound": len(unfound),
        "listed without answer": listed_without_answer,
    }
    print(f"  {len(queries)} judged queries ({len(recalls)} with an answer) over {len(groups)} groups")
    print(f"  mean recall@20      {figures['recall@20']:.3f}   (goal ≥ 0.95)")
    print(f"  mean precision@5    {figures['precision@5']:.3f}   (goal ≥ 0.95)")
    print(
        f"  zero-result queries {figures['zero share']:.1%} of all "
        f"({zero} of {len(queries)}; {zero_answerable} of them had an answer)"
    )
    print(f"  relevant groups not found: {len(unfound)}")
    print(f"  queries without an answer that list groups: {listed_without_answer} of {without_answer}")
    print("  per form:            n   recall  precision")
    for form, values in by_form.items():
        r = statistics.fmean(v[0] for v in values)
        p = statistics.fmean(v[1] for v in values)
        print(f"    {form:14s} {len(values):5d}   {r:.3f}    {p:.3f}")
    if repeats:
        print("  new or asked before (over the other directory):")
        for novelty, values in sorted(by_novelty.items(), reverse=True):
            r = statistics.fmean(v[0] for v in values)
            p = statistics.fmean(v[1] for v in values)
            print(f"    {novelty:14s} {len(values):5d}   {r:.3f}    {p:.3f}")
    if problems and verbose:
        print("  queries below the goals:")
        print("\n".join(problems))
    return figures


def run(label: str, url: str, args: argparse.Namespace) -> None:
    app = make_app(url)
    for synonyms in [False, True] if args.office_synonyms == "both" else [args.office_synonyms == "yes"]:
        if synonyms and args.office_synonyms == "both":
            url2 = url
            if url.startswith("sqlite"):
                folder = Path(tempfile.mkdtemp(prefix="lotse-quality-"))
                url2 = f"sqlite:///{folder / 'q2.db'}"
                app = make_app(url2)
            else:
                from saas.extensions import db

                with app.app_context():
                    db.drop_all()
        sets = judged_sets()
        offices: dict[str, int] = {}  # one office per directory, built when a set first needs it
        for name in list(sets) if args.set in ("both", "all") else [args.set]:
            directory = name if name in OWN_DIRECTORY else "main"
            if directory not in offices:
                offices[directory] = build(app, synonyms, name)
            print(f"\n== {label}, {'with' if synonyms else 'without'} the office's own synonyms, {name} set")
            repeats = frozenset(asked_before(name)) if name in OWN_DIRECTORY else frozenset()
            evaluate(app, offices[directory], args.verbose, sets[name], directory_of(name)[0], repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--pg-url", default=os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument(
        "--office-synonyms", choices=["no", "yes", "both"], default="no", help="topics with the office's search words"
    )
    parser.add_argument(
        "--set",
        choices=[*judged_sets(), "both", "all"],
        default="main",
        help="judged queries (the held-out sets: written without running them; both and all: every set)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list the queries below the goals")
    args = parser.parse_args()
    instance = tempfile.mkdtemp(prefix="lotse-quality-")
    os.environ["LOTSE_INSTANCE"] = instance
    try:
        if args.db == "sqlite":
            folder = Path(tempfile.mkdtemp(prefix="lotse-quality-sqlite-"))
            try:
                run("SQLite", f"sqlite:///{folder / 'quality.db'}", args)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        else:
            url, name = _pg_create(args.pg_url)
            try:
                run("PostgreSQL", url, args)
            finally:
                _pg_drop(args.pg_url, name)
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
