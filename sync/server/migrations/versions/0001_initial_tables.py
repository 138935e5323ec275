"""The server's first tables: regions, libraries, codes, devices, records, batches, marks, bundles.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 11:29:20.261750
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_admin_token")),
    )
    op.create_table(
        "region",
        sa.Column("code", sa.String(length=13), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_code", sa.String(length=13), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["region.code"], name=op.f("fk_region_parent_code_region")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_region")),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "library",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("library_type", sa.String(length=40), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("time_zone", sa.String(length=4), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_code"], ["region.code"], name=op.f("fk_library_region_code_region")
        ),
        sa.PrimaryKeyConstraint("library_id", name=op.f("pk_library")),
    )
    with op.batch_alter_table("library", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_library_region_code"), ["region_code"], unique=False)

    op.create_table(
        "bundle",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("receipt", JSON_TYPE, nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_bundle_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "bundle_id", name=op.f("pk_bundle")),
    )
    op.create_table(
        "device",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_device_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "device_id", name=op.f("pk_device")),
    )
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_token_hash"), ["token_hash"], unique=False)

    op.create_table(
        "enrolment_code",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by_device_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["library_id"],
            ["library.library_id"],
            name=op.f("fk_enrolment_code_library_id_library"),
        ),
        sa.PrimaryKeyConstraint("library_id", "code_hash", name=op.f("pk_enrolment_code")),
    )
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolment_code_code_hash"), ["code_hash"], unique=False
        )

    op.create_table(
        "batch",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("db_epoch", sa.String(length=36), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("receipt", JSON_TYPE, nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id", "device_id"],
            ["device.library_id", "device.device_id"],
            name=op.f("fk_batch_library_id_device"),
        ),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_batch_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "device_id", "batch_id", name=op.f("pk_batch")),
    )
    op.create_table(
        "epoch_mark",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("db_epoch", sa.String(length=36), nullable=False),
        sa.Column("high_water", sa.Integer(), nullable=False),
        sa.Column("received", JSON_TYPE, nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id", "device_id"],
            ["device.library_id", "device.device_id"],
            name=op.f("fk_epoch_mark_library_id_device"),
        ),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_epoch_mark_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "device_id", "db_epoch", name=op.f("pk_epoch_mark")),
    )
    op.create_table(
        "record",
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", JSON_TYPE, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id", "device_id"],
            ["device.library_id", "device.device_id"],
            name=op.f("fk_record_library_id_device"),
        ),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.library_id"], name=op.f("fk_record_library_id_library")
        ),
        sa.PrimaryKeyConstraint("library_id", "kind", "id", name=op.f("pk_record")),
    )
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.create_index("ix_record_library_id_period", ["library_id", "period"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_index("ix_record_library_id_period")

    op.drop_table("record")
    op.drop_table("epoch_mark")
    op.drop_table("batch")
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_code_code_hash"))

    op.drop_table("enrolment_code")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_token_hash"))

    op.drop_table("device")
    op.drop_table("bundle")
    with op.batch_alter_table("library", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_library_region_code"))

    op.drop_table("library")
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_parent_code"))

    op.drop_table("region")
    op.drop_table("admin_token")
