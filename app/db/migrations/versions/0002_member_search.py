"""Member search: the village name kept with the member, and a full-text index.

Search as you type over member number, name, phone and village must stay
instant at 100,000 members: an FTS5 index kept by triggers, so that every
write path (the unit of work, a migration, an import) keeps it in step.
A later migration that rebuilds the member table (batch "recreate") drops
these triggers: it must create them again and run the 'rebuild' command.

Revision ID: 0002_member_search
Revises: 0001_initial
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_member_search"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "member_no, name, phone, village_name"


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("village_name", sa.String(length=100), nullable=True))
    # Members recorded before this revision get their village's name from the official list.
    conn = op.get_bind()
    codes = [
        row[0]
        for row in conn.execute(
            sa.text("SELECT DISTINCT village_code FROM member WHERE village_code IS NOT NULL")
        )
    ]
    if codes:
        from lokal import wilayah

        for code in codes:
            found = wilayah.get_wilayah(code)
            if found is not None:
                conn.execute(
                    sa.text("UPDATE member SET village_name = :name WHERE village_code = :code"),
                    {"name": found.name, "code": code},
                )
    op.execute(
        "CREATE VIRTUAL TABLE member_fts USING fts5("
        f"{_COLUMNS}, content='member', content_rowid='rowid',"
        " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    new = "new.member_no, new.name, new.phone, new.village_name"
    old = "old.member_no, old.name, old.phone, old.village_name"
    op.execute(
        "CREATE TRIGGER member_fts_insert AFTER INSERT ON member BEGIN"
        f" INSERT INTO member_fts(rowid, {_COLUMNS}) VALUES (new.rowid, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER member_fts_delete AFTER DELETE ON member BEGIN"
        f" INSERT INTO member_fts(member_fts, rowid, {_COLUMNS})"
        f" VALUES ('delete', old.rowid, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER member_fts_update AFTER UPDATE ON member BEGIN"
        f" INSERT INTO member_fts(member_fts, rowid, {_COLUMNS})"
        f" VALUES ('delete', old.rowid, {old});"
        f" INSERT INTO member_fts(rowid, {_COLUMNS}) VALUES (new.rowid, {new}); END"
    )
    op.execute("INSERT INTO member_fts(member_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("member_fts_insert", "member_fts_delete", "member_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS member_fts")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("village_name")
