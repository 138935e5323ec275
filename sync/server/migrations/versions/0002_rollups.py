"""Monthly roll-ups: per library-month figures, dirty marks, sync months, region roll-ups.

Revision ID: 0002_rollups
Revises: 0001
Create Date: 2026-11-26 14:20:00

Every library with records is marked dirty and the months in which its batches arrived are
filled from ``batch``, so the first refresh computes the roll-ups of the data
already on the server.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}

revision = "0002_rollups"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rollup_dirty",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_rollup_dirty_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", name=op.f("pk_rollup_dirty")),
    )
    op.create_table(
        "rollup_month",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("figures", JSON_TYPE, nullable=False),
        sa.Column("members_net", sa.Integer(), nullable=False),
        sa.Column("agreements", sa.Integer(), nullable=False),
        sa.Column("agreements_ended", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_rollup_month_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "period", name=op.f("pk_rollup_month")),
    )
    with op.batch_alter_table("rollup_month", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rollup_month_region_code_period", ["region_code", "period"], unique=False
        )

    op.create_table(
        "rollup_region",
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("parent_code", sa.String(length=13), nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("figures", JSON_TYPE, nullable=False),
        sa.Column("members_net", sa.Integer(), nullable=False),
        sa.Column("agreements", sa.Integer(), nullable=False),
        sa.Column("agreements_ended", sa.Integer(), nullable=False),
        sa.Column("libraries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("region_code", "period", name=op.f("pk_rollup_region")),
    )
    with op.batch_alter_table("rollup_region", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rollup_region_parent_code_period", ["parent_code", "period"], unique=False
        )

    op.create_table(
        "rollup_region_year",
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("year", sa.String(length=4), nullable=False),
        sa.Column("parent_code", sa.String(length=13), nullable=True),
        sa.Column("figures", JSON_TYPE, nullable=False),
        sa.PrimaryKeyConstraint("region_code", "year", name=op.f("pk_rollup_region_year")),
    )
    with op.batch_alter_table("rollup_region_year", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rollup_region_year_parent_code_year", ["parent_code", "year"], unique=False
        )

    op.create_table(
        "sync_month",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_sync_month_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "period", name=op.f("pk_sync_month")),
    )
    with op.batch_alter_table("sync_month", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_month_period_library_id", ["period", "library_id"], unique=False
        )

    _fill()


def _fill() -> None:
    """Mark every library dirty; the months its batches arrived in (its own zone)."""
    bind = op.get_bind()
    now = datetime.now(UTC)
    if bind.dialect.name == "sqlite":
        now_param: object = now.replace(tzinfo=None).isoformat(" ")
    else:
        now_param = now
    zones: dict[str, str] = {
        row[0]: row[1] for row in bind.execute(sa.text("SELECT library_id, time_zone FROM library"))
    }
    with_records = [
        row[0] for row in bind.execute(sa.text("SELECT DISTINCT library_id FROM record"))
    ]
    if with_records:
        bind.execute(
            sa.text(
                "INSERT INTO rollup_dirty (library_id, generation, marked_at) "
                "VALUES (:library_id, 1, :now)"
            ),
            [{"library_id": library_id, "now": now_param} for library_id in with_records],
        )
    months: set[tuple[str, str]] = set()
    for library_id, received in bind.execute(sa.text("SELECT library_id, received_at FROM batch")):
        if isinstance(received, str):
            received = datetime.fromisoformat(received)
        if received.tzinfo is None:
            received = received.replace(tzinfo=UTC)
        local = received.astimezone(UTC) + timedelta(hours=_ZONES.get(zones[library_id], 7))
        months.add((library_id, f"{local.year:04d}-{local.month:02d}"))
    if months:
        bind.execute(
            sa.text("INSERT INTO sync_month (library_id, period) VALUES (:library_id, :period)"),
            [{"library_id": library_id, "period": period} for library_id, period in months],
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_month", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_month_period_library_id")
    op.drop_table("sync_month")
    with op.batch_alter_table("rollup_region_year", schema=None) as batch_op:
        batch_op.drop_index("ix_rollup_region_year_parent_code_year")
    op.drop_table("rollup_region_year")
    with op.batch_alter_table("rollup_region", schema=None) as batch_op:
        batch_op.drop_index("ix_rollup_region_parent_code_period")
    op.drop_table("rollup_region")
    with op.batch_alter_table("rollup_month", schema=None) as batch_op:
        batch_op.drop_index("ix_rollup_month_region_code_period")
    op.drop_table("rollup_month")
    op.drop_table("rollup_dirty")
