"""Catalogue search: a full-text index over titles.

Search as you type over title, authors, subjects and ISBN must stay instant at
200,000 titles: an FTS5 index kept by triggers, so that every write path (the
unit of work, a migration, an import) keeps it in step. A later migration that
rebuilds the title table (batch "recreate") drops these triggers: it must
create them again and run the 'rebuild' command.

Revision ID: 0003_title_search
Revises: 0002_member_search
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_title_search"
down_revision: str | Sequence[str] | None = "0002_member_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "title, authors, subjects, isbn"


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE title_fts USING fts5("
        f"{_COLUMNS}, content='title', content_rowid='rowid',"
        " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    new = "new.title, new.authors, new.subjects, new.isbn"
    old = "old.title, old.authors, old.subjects, old.isbn"
    op.execute(
        "CREATE TRIGGER title_fts_insert AFTER INSERT ON title BEGIN"
        f" INSERT INTO title_fts(rowid, {_COLUMNS}) VALUES (new.rowid, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER title_fts_delete AFTER DELETE ON title BEGIN"
        f" INSERT INTO title_fts(title_fts, rowid, {_COLUMNS})"
        f" VALUES ('delete', old.rowid, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER title_fts_update AFTER UPDATE ON title BEGIN"
        f" INSERT INTO title_fts(title_fts, rowid, {_COLUMNS})"
        f" VALUES ('delete', old.rowid, {old});"
        f" INSERT INTO title_fts(rowid, {_COLUMNS}) VALUES (new.rowid, {new}); END"
    )
    op.execute("INSERT INTO title_fts(title_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("title_fts_insert", "title_fts_delete", "title_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS title_fts")
