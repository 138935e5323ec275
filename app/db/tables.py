"""Table names known without importing SQLAlchemy (start-up reads, guards).

A test checks these against the models' metadata.
"""

from __future__ import annotations

# Records that travel to the national server: written only through the unit of work.
SYNCED_TABLES = frozenset(
    {
        "library",
        "member",
        "visit",
        "title",
        "item",
        "loan",
        "activity",
        "partner",
        "partnership",
        "story",
    }
)

# Local-only tables.
LOCAL_TABLES = frozenset(
    {
        "staff_user",
        "outbox",
        "audit_entry",
        "setting",
        "sync_state",
        "stocktake",
        "stocktake_scan",
        "month_note",
    }
)

# Full-text indexes (FTS5, kept by triggers) and the prefix of their shadow tables.
SEARCH_TABLES = frozenset({"member_fts", "title_fts"})


def is_search_table(name: str) -> bool:
    return any(name == table or name.startswith(table + "_") for table in SEARCH_TABLES)


# The Alembic revision the code expects; a test checks it is the migrations' head.
HEAD_REVISION = "0005_month_note"
