"""Records: the foreign key to the library dropped; the one to the device holds it.

A record's (library, device) must be a device of that library, and a device's
library must exist: the record's own key to the library was checked again for
every record written (PostgreSQL and SQLite check each row), for nothing.

Revision ID: 0004_record_library_key
Revises: 0003_staff
Create Date: 2026-11-26 19:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0004_record_library_key"
down_revision = "0003_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_constraint("fk_record_library_id_library", type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_record_library_id_library", "library", ["library_id"], ["library_id"]
        )
