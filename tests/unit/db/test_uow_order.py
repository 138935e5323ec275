"""A parent and its child written in one unit of work, in either order."""

from __future__ import annotations

import pytest

from app.db.models import Item, Title
from app.db.uow import UnitOfWork


def test_child_added_before_parent_is_accepted_and_the_outbox_lists_the_parent_first(
    library_db,
) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(Item(title_id="title-1", barcode="B1", source="hibah"))
        uow.add(Title(id="title-1", title="Bertani Cabai"))
    conn = library_db.db.connect()
    rows = conn.execute(
        "SELECT table_name FROM outbox WHERE table_name IN ('title', 'item') ORDER BY seq"
    ).fetchall()
    assert [row[0] for row in rows] == ["title", "item"]


def test_a_child_without_its_parent_is_still_refused_at_commit(library_db) -> None:
    with pytest.raises(Exception) as caught, UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(Item(title_id="missing-title", barcode="B2", source="hibah"))
    assert "FOREIGN KEY" in str(caught.value)
    conn = library_db.db.connect()
    assert conn.execute("SELECT count(*) FROM item").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM outbox WHERE table_name = 'item'").fetchone()[0] == 0
