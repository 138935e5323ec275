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
LOCAL_TABLES = frozenset({"staff_user", "outbox", "audit_entry", "setting", "sync_state"})

# The Alembic revision the code expects; a test checks it is the migrations' head.
HEAD_REVISION = "0001_initial"
