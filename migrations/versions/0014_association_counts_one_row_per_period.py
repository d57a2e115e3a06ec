"""association counts: one row per office, family and period (day, month, year) holding all its counts

The day level of 400 offices × 10 years was ~29 million rows (one per cell, ~6 GB); one row per office
and day with its non-zero cells as JSON is ~1.5 million. Existing aggregates are carried over unchanged:
each period's cells become the JSON object of its one row. Downgrade expands them back.

Revision ID: 0014
Revises: 0018
Create Date: 2026-12-01 03:30:00

"""

import json
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0018"
branch_labels = None
depends_on = None

BATCH = 20_000


def _new_table():
    return op.create_table(
        "association_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=20), nullable=False),
        sa.Column("granularity", sa.String(length=5), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "granularity IN ('day', 'month', 'year')", name=op.f("ck_association_counts_granularity_known")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["tenants.id"], name=op.f("fk_association_counts_office_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_association_counts")),
        sa.UniqueConstraint(
            "office_id",
            "family",
            "granularity",
            "period_start",
            name=op.f("uq_association_counts_office_id_family_granularity_period_start"),
        ),
    )


def _old_table():
    return op.create_table(
        "association_aggregates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=20), nullable=False),
        sa.Column("granularity", sa.String(length=5), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("dimension", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "granularity IN ('day', 'month', 'year')", name=op.f("ck_association_aggregates_granularity_known")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["tenants.id"], name=op.f("fk_association_aggregates_office_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_association_aggregates")),
        sa.UniqueConstraint(
            "office_id",
            "family",
            "granularity",
            "period_start",
            "dimension",
            "value",
            name=op.f("uq_association_aggregates_office_id_family_granularity_period_start_dimension_value"),
        ),
    )


def _grant(bind):
    if bind.dialect.name == "postgresql":
        from tenants import rls

        rls.install(bind)  # the aggregation's own role may write association_* tables, the app only read


def upgrade():
    bind = op.get_bind()
    new = _new_table()
    old = sa.table(
        "association_aggregates",
        *(sa.column(c) for c in ("office_id", "family", "granularity")),
        sa.column("period_start", sa.Date()),  # typed: SQLite hands back text otherwise
        *(sa.column(c) for c in ("dimension", "value", "count")),
    )
    key_columns = (old.c.office_id, old.c.family, old.c.granularity, old.c.period_start)
    # Streamed in key order: each period's cells are consecutive, so one period is in memory at a time.
    # Options on the statement, not the connection: the inserts below must not run on a server-side cursor.
    result = bind.execute(
        sa.select(*key_columns, old.c.dimension, old.c.value, old.c["count"])
        .order_by(*key_columns)
        .execution_options(stream_results=True, yield_per=BATCH)
    )
    rows: list = []
    key, cells = None, defaultdict(dict)

    def flush_period():
        if key is not None and cells:
            office_id, family, granularity, start = key
            rows.append(
                {
                    "office_id": office_id,
                    "family": family,
                    "granularity": granularity,
                    "period_start": start,
                    "counts": {d: dict(sorted(v.items())) for d, v in sorted(cells.items())},
                }
            )

    for office_id, family, granularity, start, dimension, value, n in result:
        if (office_id, family, granularity, start) != key:
            flush_period()
            key, cells = (office_id, family, granularity, start), defaultdict(dict)
            if len(rows) >= BATCH:
                op.bulk_insert(new, rows)
                rows.clear()
        if n:
            cells[dimension][value] = int(n)
    flush_period()
    if rows:
        op.bulk_insert(new, rows)
    op.drop_table("association_aggregates")
    _grant(bind)


def downgrade():
    bind = op.get_bind()
    old = _old_table()
    new = sa.table(
        "association_counts",
        *(sa.column(c) for c in ("office_id", "family", "granularity")),
        sa.column("period_start", sa.Date()),
        sa.column("counts", sa.JSON()),
    )
    rows = []
    for office_id, family, granularity, start, counts in bind.execute(
        sa.select(new.c.office_id, new.c.family, new.c.granularity, new.c.period_start, new.c.counts)
    ):
        if isinstance(counts, str):
            counts = json.loads(counts)
        for dimension, values in counts.items():
            for value, n in values.items():
                rows.append(
                    {
                        "office_id": office_id,
                        "family": family,
                        "granularity": granularity,
                        "period_start": start,
                        "dimension": dimension,
                        "value": value,
                        "count": int(n),
                    }
                )
    if rows:
        op.bulk_insert(old, rows)
    op.drop_table("association_counts")
    _grant(bind)
