"""group area: what staff published after editing a group's submission, amounts paid out, link uses

- ``published_json`` on change proposals, event submissions and newsletter items: the values staff
  published (after editing), beside what the group proposed, so the history shows both;
- ``group_fundings.amount_paid``: the amount actually paid out (the Sachbericht reports it per stream);
- ``group_sign_in_tokens.uses``: a sign-in link works a few times within its short life, so a mail
  scanner that opens it first does not use it up.

Revision ID: 0018
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0016"
branch_labels = None
depends_on = None

_EDITABLE = ("group_change_proposals", "group_event_submissions", "group_news_items")


def upgrade():
    for table in _EDITABLE:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("published_json", sa.Text(), nullable=True))
    with op.batch_alter_table("group_fundings") as batch_op:
        batch_op.add_column(sa.Column("amount_paid", sa.Numeric(10, 2), nullable=True))
    with op.batch_alter_table("group_sign_in_tokens") as batch_op:
        batch_op.add_column(sa.Column("uses", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE group_sign_in_tokens SET uses = 1 WHERE used_at IS NOT NULL")


def downgrade():
    with op.batch_alter_table("group_sign_in_tokens") as batch_op:
        batch_op.drop_column("uses")
    with op.batch_alter_table("group_fundings") as batch_op:
        batch_op.drop_column("amount_paid")
    for table in reversed(_EDITABLE):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("published_json")
