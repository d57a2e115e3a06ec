"""What the aggregation reads from one office (the office bound, never across offices).

Contacts are counted from the raw rows per day (grouped statements run inside the database); the
year-level families (groups, events, newsletter) come from the same annual-report sections the
office's own report uses, so the association sees exactly the office's published figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, text

from saas.extensions import db

# (dimension, value) → count
Counts = Counter[tuple[str, str]]


def _contact_model() -> Any:
    from saas.contacts.models import Contact

    return Contact


_PERIOD = {
    "postgresql": {
        "day": "day",
        "month": "CAST(date_trunc('month', day) AS date)",
        "year": "CAST(date_trunc('year', day) AS date)",
    },
    "sqlite": {"day": "day", "month": "date(day, 'start of month')", "year": "date(day, 'start of year')"},
}
LEVELS = ("day", "month", "year")
_CODE = re.compile(r"^[a-z_]+$")


def contact_cells() -> list[tuple[str, str, str]]:
    """Every cell a contact period can have: (dimension, value, SQL of its count over a group of contacts).

    Built from the code lists that the contacts table's CHECK constraints enforce, so no contact falls
    outside them (the kinds add up to the total)."""
    from saas.contacts.models import CHANNELS, CONCERNS, KINDS, MEDIA
    from saas.directory.models import TOPIC_AREAS

    for code in (*KINDS, *CHANNELS, *CONCERNS, *TOPIC_AREAS, *MEDIA):
        if not _CODE.match(code):
            raise ValueError(f"code {code!r} cannot be written into SQL")  # never: they are constants

    def count(condition: str) -> str:
        # FILTER, not sum(CASE …): the aggregate skips the rows that do not match instead of adding zeros
        # (PostgreSQL and SQLite ≥ 3.30 alike; measured with EXPLAIN ANALYZE in the bench's database).
        return f"count(*) FILTER (WHERE {condition})"

    cells = [
        ("total", "", "count(*)"),
        ("referrals", "to_groups", "coalesce(sum(referrals_to_groups), 0)"),
        ("referrals", "to_professionals", "coalesce(sum(referrals_to_professionals), 0)"),
    ]
    cells += [("kind", k, count(f"kind = '{k}'")) for k in KINDS]
    cells += [("channel", k, count(f"channel = '{k}'")) for k in CHANNELS]
    cells += [("concern", k, count(f"concern = '{k}'")) for k in CONCERNS]
    cells += [
        ("kind_area", f"{k}:{a}", count(f"kind = '{k}' AND topic_area = '{a}'")) for k in KINDS for a in TOPIC_AREAS
    ]
    # written contacts by medium (CONTRACTS.md ``written_by_medium``; no medium recorded: "unknown")
    cells += [("medium", m, count(f"channel = 'written' AND medium = '{m}'")) for m in MEDIA]
    cells += [("medium", "unknown", count("channel = 'written' AND medium IS NULL"))]
    return cells


def contact_count_inserts(
    dialect: str, levels: tuple[str, ...], office_ids: list[int], spans: tuple[tuple[dt.date, dt.date], ...]
) -> list[tuple[Any, dict[str, Any]]]:
    """One INSERT … SELECT that stores, per office and day, month and/or year (``levels``) within ``spans``,
    all counts of these offices' contacts as one row each (:class:`AggregateCount`; non-zero cells only,
    periods without contacts have no row). ``spans`` must cover whole periods of the coarsest level.

    One pass over the raw contacts: the finest level asked for is counted from them (every cell a filtered
    count of the group), each coarser level is summed from the level below it (a month from at most 31 day
    rows, a year from 12 month rows), all in one statement with common table expressions, the same on
    PostgreSQL and SQLite. Measured with EXPLAIN ANALYZE on one year of 400 offices (1.2 million contacts,
    the shared machine at load 2–5): this whole statement 6.6–7.2 s; ``GROUPING SETS`` over (day, month,
    year) 9.4 s (every filter evaluated three times per contact, after a sort); the day groups alone as a
    wide row of filtered counts 2.6 s, as one cell per contact and dimension unnested (``LATERAL VALUES``)
    and gathered with ``json_object_agg`` 10.4 s. The non-zero cells
    are written as a compact JSON object (``{"kind":{"citizen":3,"group":1},…}``) by plain string
    concatenation. Nothing of the raw rows travels to the worker. Reads several offices at once, so the
    caller runs it inside the aggregation's cross-office block.
    """
    ordered = [level for level in LEVELS if level in levels]  # finest first
    if not ordered or len(ordered) != len(set(levels)):
        raise ValueError(f"levels {levels!r}")
    params: dict[str, Any] = {}
    within = []
    for i, (first, last) in enumerate(spans):
        within.append(f"day BETWEEN :s{i} AND :e{i}")
        params[f"s{i}"], params[f"e{i}"] = first, last
    offices = ", ".join(str(int(o)) for o in office_ids)  # integers only: safe to inline, keeps plans simple
    cells = contact_cells()
    period = _PERIOD[dialect]
    names = [f"c{i}" for i in range(len(cells))]
    finest = ordered[0]
    # every interpolated piece below is a constant code of this application or an integer
    ctes = [
        f"{finest}_rows AS (SELECT tenant_id AS o, {period[finest]} AS p, "  # noqa: S608
        + ", ".join(f"{sql} AS c{i}" for i, (_, _, sql) in enumerate(cells))
        + f" FROM contacts WHERE tenant_id IN ({offices}) AND ({' OR '.join(within)})"
        + f" GROUP BY tenant_id, {period[finest]})"
    ]
    below = finest
    for level in ordered[1:]:
        start = period[level].replace("day", "p")  # the period expression over the finer rows' start
        ctes.append(
            f"{level}_rows AS (SELECT o, {start} AS p, "  # noqa: S608
            + ", ".join(f"CAST(sum({n}) AS bigint) AS {n}" for n in names)
            + f" FROM {below}_rows GROUP BY o, {start})"
        )
        below = level
    document = _document(dialect, cells)
    selects = " UNION ALL ".join(
        f"SELECT o, '{level}' AS g, p, {document} AS counts FROM {level}_rows"  # noqa: S608
        for level in ordered
    )
    sql = f"""
        WITH {", ".join(ctes)}
        INSERT INTO association_counts (office_id, family, granularity, period_start, counts)
        SELECT o, 'contacts', g, p, counts FROM ({selects}) AS grouped
    """  # noqa: S608 - every interpolated piece is a constant code of this application or an integer
    return [(text(sql), params)]


def _document(dialect: str, cells: list[tuple[str, str, str]]) -> str:
    """SQL of the JSON object of a group's non-zero cells ``c0 … cN``."""
    by_dimension: dict[str, list[tuple[int, str]]] = {}
    for i, (dimension, value, _) in enumerate(cells):
        by_dimension.setdefault(dimension, []).append((i, value))
    text_of = "CAST({} AS text)" if dialect == "postgresql" else "{}"
    parts = []
    for dimension, members in by_dimension.items():
        pieces = " || ".join(
            f"""CASE WHEN c{i} > 0 THEN ',"{value}":' || {text_of.format(f"c{i}")} ELSE '' END"""
            for i, value in members
        )
        any_ = " OR ".join(f"c{i} > 0" for i, _ in members)
        parts.append(f"""CASE WHEN {any_} THEN ',"{dimension}":{{' || substr({pieces}, 2) || '}}' ELSE '' END""")
    document = "'{' || substr(" + " || ".join(parts) + ", 2) || '}'"
    if dialect == "postgresql":
        document = f"CAST({document} AS json)"
    return document


def contact_years() -> list[int]:
    """The years in which the bound office has contacts (a backfill's extent)."""
    contact = _contact_model()
    first, last = db.session.execute(select(func.min(contact.day), func.max(contact.day))).one()
    if first is None:
        return []
    return list(range(first.year, last.year + 1))


def first_year(family: str) -> int | None:
    """The first year with data of a year-level family in the bound office (None: no data or no feature)."""
    try:
        if family == "groups":
            from saas.directory.models import GroupStatusChange

            columns: tuple[Any, ...] = (GroupStatusChange.changed_on,)
        elif family == "events":
            from saas.events.models import Event

            columns = (Event.start_date,)
        elif family == "newsletter":
            from saas.newsletter.models import Subscriber

            columns = (Subscriber.created_at, Subscriber.consented_at)
        elif family == "founding":
            from saas.founding.models import FoundingMilestone, FoundingProcess

            columns = (FoundingProcess.started_on, FoundingMilestone.on)
        elif family == "support":
            from saas.contacts.models import Contact
            from saas.founding.models import SupportSession

            columns = (SupportSession.day, Contact.day)
        elif family == "profile":
            from saas.directory.models import GroupStatusChange

            columns = (GroupStatusChange.changed_on,)
        else:
            raise ValueError(family)
    except ImportError:
        return None
    years = [value.year for value in (db.session.scalar(select(func.min(c))) for c in columns) if value is not None]
    return min(years) if years else None


def section_counts(family: str, tenant_id: int, year: int) -> Counts:
    """A year-level family from the office's annual-report section, as (dimension, value) counts."""
    from saas.core.reports import annual_section

    counts: Counts = Counter()
    for key, value in annual_section(family, tenant_id, year).items():
        if isinstance(value, dict):
            for sub, n in value.items():
                if isinstance(n, int) and not isinstance(n, bool):
                    counts[(key, str(sub))] = n
        elif isinstance(value, int) and not isinstance(value, bool):
            counts[("figure", key)] = value
    return counts


# --- the year-level families for many offices at once (PostgreSQL) -----------------------------------------
#
# The same figures as the offices' annual-report sections (``section_counts``), computed for many
# (office, year) pairs in a few grouped statements inside the aggregation's cross-office block. Each
# statement returns rows (office, year, dimension, value, count). The families whose section depends on
# more than plain rows (events: "held" by the event's local clock; profile: the fallback to the entry as
# it is now) and SQLite keep the per-office path. ``tests/association/test_families.py`` checks that both
# give the same counts.

_WANT = """
WITH want AS (
    SELECT o, y, make_date(y, 1, 1) AS s, make_date(y, 12, 31) AS e,
           make_timestamptz(y, 1, 1, 0, 0, 0, 'UTC') AS ts, make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'UTC') AS te
    FROM unnest(CAST(:o AS integer[]), CAST(:y AS integer[])) AS w(o, y)
)
"""

_GROUPED: dict[str, list[str]] = {
    "newsletter": [
        """SELECT w.o, w.y, 'figure', 'subscribers_at_year_end', count(*)
           FROM want w JOIN newsletter_subscribers s ON s.tenant_id = w.o
           WHERE s.confirmed_at IS NOT NULL AND s.confirmed_at < w.te
             AND (s.ended_at IS NULL OR s.ended_at >= w.te) AND s.status <> 'pending'
           GROUP BY w.o, w.y""",
        """SELECT w.o, w.y, 'figure', 'issues_sent', count(*)
           FROM want w JOIN newsletter_issues i ON i.tenant_id = w.o
           WHERE i.status IN ('sending', 'sent') AND i.started_at >= w.ts AND i.started_at < w.te
           GROUP BY w.o, w.y""",
    ],
    "founding": [
        """SELECT w.o, w.y, 'figure', x.key, sum(x.n)
           FROM want w JOIN founding_processes p ON p.tenant_id = w.o AND p.started_on <= w.e
           CROSS JOIN LATERAL (VALUES
               ('processes_started', CASE WHEN p.started_on >= w.s THEN 1 ELSE 0 END),
               ('interested', CASE WHEN p.started_on >= w.s THEN p.interested_count ELSE 0 END),
               ('processes_open_at_year_end', CASE WHEN p.closed_on IS NULL OR p.closed_on > w.e THEN 1 ELSE 0 END)
           ) AS x(key, n)
           GROUP BY w.o, w.y, x.key""",
        """SELECT w.o, w.y, 'figure', x.key, x.n
           FROM (SELECT w.o, w.y, count(*) AS n, coalesce(sum(c.duration_minutes), 0) AS minutes
                 FROM want w JOIN contacts c ON c.tenant_id = w.o AND c.day BETWEEN w.s AND w.e
                 WHERE c.founding_process_id IS NOT NULL GROUP BY w.o, w.y) AS w
           CROSS JOIN LATERAL (VALUES ('consultations', w.n), ('consultation_minutes', w.minutes)) AS x(key, n)""",
        """SELECT w.o, w.y, 'figure',
                  CASE m.kind WHEN 'first_talk' THEN 'first_talks' WHEN 'press_notice' THEN 'press_notices'
                              WHEN 'first_meeting' THEN 'first_meetings' ELSE m.kind END,
                  count(*)
           FROM want w JOIN founding_milestones m ON m.tenant_id = w.o AND m."on" BETWEEN w.s AND w.e
           WHERE m.kind IN ('first_talk', 'press_notice', 'first_meeting', 'founded', 'abandoned')
           GROUP BY w.o, w.y, m.kind""",
    ],
    "support": [
        """SELECT w.o, w.y, x.dimension, x.kind, x.n
           FROM (SELECT w.o, w.y, k.kind, count(DISTINCT k.id) AS cases, count(ss.id) AS sessions,
                        coalesce(sum(ss.minutes), 0) AS minutes
                 FROM want w JOIN support_sessions ss ON ss.tenant_id = w.o AND ss.day BETWEEN w.s AND w.e
                 JOIN support_cases k ON k.id = ss.case_id AND k.tenant_id = w.o
                 GROUP BY w.o, w.y, k.kind) AS w
           CROSS JOIN LATERAL (VALUES ('cases_by_kind', w.kind, w.cases), ('sessions_by_kind', w.kind, w.sessions),
                                      ('minutes_by_kind', w.kind, w.minutes),
                                      ('figure', 'cases', w.cases), ('figure', 'sessions', w.sessions),
                                      ('figure', 'minutes', w.minutes)) AS x(dimension, kind, n)""",
        """SELECT w.o, w.y, 'figure', x.key, x.n
           FROM (SELECT w.o, w.y, count(*) AS n, coalesce(sum(c.duration_minutes), 0) AS minutes
                 FROM want w JOIN contacts c ON c.tenant_id = w.o AND c.day BETWEEN w.s AND w.e
                 WHERE c.supported_group_id IS NOT NULL GROUP BY w.o, w.y) AS w
           CROSS JOIN LATERAL (VALUES ('contacts', w.n), ('contact_minutes', w.minutes)) AS x(key, n)""",
    ],
    "groups": [
        # steps within the year (directory.queries.group_figures: the first matching rule counts)
        """SELECT w.o, w.y, 'figure', x.key, count(*)
           FROM want w JOIN group_status_changes c ON c.tenant_id = w.o AND c.changed_on BETWEEN w.s AND w.e
           CROSS JOIN LATERAL (VALUES
               (CASE WHEN c.from_status IS NULL THEN 'added' END),
               (CASE WHEN c.from_status IS NULL AND c.to_status = 'active' THEN 'added_existing' END),
               (CASE WHEN c.from_status IS NULL THEN NULL
                     WHEN c.to_status = 'active' AND c.from_status = 'founding' THEN 'founded'
                     WHEN c.to_status = 'abandoned' THEN 'founding_abandoned'
                     WHEN c.to_status = 'dissolved' THEN 'dissolved' END)
           ) AS x(key)
           WHERE x.key IS NOT NULL
           GROUP BY w.o, w.y, x.key""",
        # the status each group had on 31 December: its last change on or before (by date, then id)
        """, ends AS (
               SELECT DISTINCT ON (w.o, w.y, c.group_id) w.o, w.y, c.group_id, c.to_status
               FROM want w JOIN group_status_changes c ON c.tenant_id = w.o AND c.changed_on <= w.e
               ORDER BY w.o, w.y, c.group_id, c.changed_on DESC, c.id DESC
           )
           SELECT o, y, 'figure', to_status || '_at_year_end', count(*) FROM ends
           WHERE to_status IN ('active', 'founding') GROUP BY o, y, to_status
           UNION ALL
           SELECT ends.o, ends.y, 'active_by_topic_area', g.topic_area, count(*)
           FROM ends JOIN groups g ON g.id = ends.group_id AND g.tenant_id = ends.o
           WHERE ends.to_status = 'active' AND g.topic_area IN ({areas})
           GROUP BY ends.o, ends.y, g.topic_area
           UNION ALL
           SELECT ends.o, ends.y, 'figure', 'topics', count(DISTINCT gt.topic_id)
           FROM ends JOIN group_topics gt ON gt.group_id = ends.group_id
           JOIN topics t ON t.id = gt.topic_id AND t.tenant_id = ends.o
           WHERE ends.to_status IN ({live})
           GROUP BY ends.o, ends.y""",
    ],
}
GROUPED_FAMILIES = frozenset(_GROUPED)


def section_counts_grouped(
    conn: Any, family: str, pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], Counts] | None:
    """The year-level family's counts of many (office, year) pairs from a few grouped statements (the same
    figures as :func:`section_counts`); None where there is no grouped form (then: one office at a time).
    Reads across offices: only inside the aggregation's cross-office block."""
    if conn.dialect.name != "postgresql" or family not in _GROUPED:
        return None
    from saas.directory.models import LIVE_STATUSES, TOPIC_AREAS

    def listed(codes: Iterable[str]) -> str:
        for code in codes:
            if not _CODE.match(code):
                raise ValueError(f"code {code!r} cannot be written into SQL")  # never: they are constants
        return ", ".join(f"'{code}'" for code in codes)

    out: dict[tuple[int, int], Counts] = {pair: Counter() for pair in pairs}
    params = {"o": [o for o, _ in pairs], "y": [y for _, y in pairs]}
    for sql in _GROUPED[family]:
        statement = _WANT.rstrip() + "\n" + sql  # a statement may add CTEs (", ends AS (…)")
        statement = statement.replace("{areas}", listed(TOPIC_AREAS)).replace("{live}", listed(LIVE_STATUSES))
        for office_id, year, dimension, value, n in conn.execute(text(statement), params):
            if n:
                out[(int(office_id), int(year))][(str(dimension), str(value))] += int(n)
    return out


_FIRST: dict[str, list[tuple[str, str]]] = {
    "groups": [("group_status_changes", "changed_on")],
    "events": [("events", "start_date")],
    "newsletter": [("newsletter_subscribers", "created_at"), ("newsletter_subscribers", "consented_at")],
    "founding": [("founding_processes", "started_on"), ("founding_milestones", '"on"')],
    "support": [("support_sessions", "day"), ("contacts", "day")],
    "profile": [("group_status_changes", "changed_on")],
}


def first_years_grouped(conn: Any, family: str, office_ids: list[int]) -> dict[int, int | None] | None:
    """:func:`first_year` of many offices at once (PostgreSQL: one index look-up per office and column);
    None on SQLite. Only inside the aggregation's cross-office block."""
    if conn.dialect.name != "postgresql" or family not in _FIRST:
        return None
    firsts: dict[int, list[Any]] = {o: [] for o in office_ids}
    for table, column in _FIRST[family]:
        rows = conn.execute(
            text(
                f"SELECT w.o, (SELECT min({column}) FROM {table} WHERE tenant_id = w.o) "  # noqa: S608 - constants
                "FROM unnest(CAST(:o AS integer[])) AS w(o)"
            ),
            {"o": office_ids},
        )
        for office_id, value in rows:
            if value is not None:
                firsts[int(office_id)].append(value)
    return {o: min(v.year for v in values) if values else None for o, values in firsts.items()}


def contact_years_grouped(conn: Any, office_ids: list[int]) -> dict[int, list[int]] | None:
    """:func:`contact_years` of many offices at once (PostgreSQL); None on SQLite."""
    if conn.dialect.name != "postgresql":
        return None
    rows = conn.execute(
        text(
            "SELECT w.o, (SELECT min(day) FROM contacts WHERE tenant_id = w.o), "
            "(SELECT max(day) FROM contacts WHERE tenant_id = w.o) FROM unnest(CAST(:o AS integer[])) AS w(o)"
        ),
        {"o": office_ids},
    )
    return {int(o): list(range(first.year, last.year + 1)) if first else [] for o, first, last in rows}
