"""Records: the foreign key to the library and the index by month dropped; data as JSON.

Each cost at every record written and served nothing:
- a record's (library, device) must be a device of that library, and a device's
  library must exist: the record's own key to the library was checked again for
  every record (PostgreSQL and SQLite check each row);
- no query reads records by month: the roll-ups read a library's records whole,
  a report's stories by library and kind (the primary key's prefix);
- on PostgreSQL the payload was parsed into JSONB, for queries inside it that no
  one makes: it is kept as the JSON text sent (SQLite keeps text already).

Revision ID: 0004_record_library_key
Revises: 0003_staff
Create Date: 2026-11-26 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004_record_library_key"
down_revision = "0003_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_index("ix_record_library_id_period")
        batch_op.drop_constraint("fk_record_library_id_library", type_="foreignkey")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "record",
            "data",
            type_=sa.JSON(),
            existing_type=postgresql.JSONB(),
            existing_nullable=False,
            postgresql_using="data::json",
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "record",
            "data",
            type_=postgresql.JSONB(),
            existing_type=sa.JSON(),
            existing_nullable=False,
            postgresql_using="data::jsonb",
        )
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_record_library_id_library", "library", ["library_id"], ["library_id"]
        )
        batch_op.create_index("ix_record_library_id_period", ["library_id", "period"])
