"""The obstacles and plans typed for a month's report, and an index for the report's returns.

``month_note`` is local to this PC and never synced: one row per period key
(``2026-11`` for a month, ``2026`` for a year). The index on
``loan.returned_at`` lets the report count a month's returns, and the loans
still out at the end of a month, without reading every loan.

Revision ID: 0005_month_note
Revises: 0004_stocktake
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_month_note"
down_revision: str | Sequence[str] | None = "0004_stocktake"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "month_note",
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("period", name=op.f("pk_month_note")),
    )
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_returned_at"), ["returned_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_returned_at"))
    op.drop_table("month_note")
