"""Stock take (stock opname): counts of the shelves and the codes scanned in each.

Both tables are local to this PC and never synced: what a count changes in the
catalogue (copies marked lost when it is closed) travels as ordinary item
updates. A scan is committed the moment it is made, so a power cut in the
middle of a count loses nothing; a second scan of the same code in the same
count is refused by the unique constraint and so is harmless.

Revision ID: 0004_stocktake
Revises: 0003_title_search
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_stocktake"
down_revision: str | Sequence[str] | None = "0003_title_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stocktake",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=40), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake")),
    )
    with op.batch_alter_table("stocktake", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stocktake_status"), ["status"], unique=False)

    op.create_table(
        "stocktake_scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.String(length=36), nullable=False),
        sa.Column("barcode", sa.String(length=30), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_stocktake_scan_item_id_item")
        ),
        sa.ForeignKeyConstraint(
            ["stocktake_id"],
            ["stocktake.id"],
            name=op.f("fk_stocktake_scan_stocktake_id_stocktake"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_scan")),
        sa.UniqueConstraint(
            "stocktake_id", "barcode", name=op.f("uq_stocktake_scan_stocktake_id_barcode")
        ),
    )
    with op.batch_alter_table("stocktake_scan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stocktake_scan_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stocktake_scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stocktake_scan_item_id"))
    op.drop_table("stocktake_scan")
    with op.batch_alter_table("stocktake", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stocktake_status"))
    op.drop_table("stocktake")
