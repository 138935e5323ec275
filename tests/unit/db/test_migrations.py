"""Schema migrations: the only way the schema is made, and an upgrade never loses data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db import migrate
from app.db.database import Database
from app.db.models import SYNCED_MODELS, Base, SyncedRecord
from app.db.tables import HEAD_REVISION, LOCAL_TABLES, SYNCED_TABLES, is_search_table
from tests.conftest import LibraryDb

SQLITE_INTERNAL = {"alembic_version", "sqlite_sequence"}

Rows = dict[str, list[dict[str, Any]]]


def _revisions_in_upgrade_order() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _reflect(engine: sa.Engine) -> sa.MetaData:
    metadata = sa.MetaData()
    metadata.reflect(bind=engine)
    return metadata


def _table_names(engine: sa.Engine) -> set[str]:
    names = set(sa.inspect(engine).get_table_names()) - SQLITE_INTERNAL
    return {name for name in names if not is_search_table(name)}


def _value_for(column: sa.Column[Any], serial: int) -> Any:
    """A value of the column's reflected type; ``serial`` keeps rows apart."""
    kind = column.type
    if isinstance(kind, sa.JSON):
        return {"serial": serial, "list": [1, 2]}
    if isinstance(kind, sa.Boolean):
        return serial % 2 == 1
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 1, 1, 8, 30) + timedelta(days=serial, microseconds=serial)
    if isinstance(kind, sa.Date):
        return date(2026, 1, 1) + timedelta(days=serial)
    if isinstance(kind, sa.Integer):
        return serial
    if isinstance(kind, sa.LargeBinary):
        return f"bytes {serial}".encode()
    if isinstance(kind, sa.String):
        text = f"{column.name}-{serial}"
        return text[-kind.length :] if kind.length else text
    raise AssertionError(
        f"no test value for {column.table.name}.{column.name} of type {kind!r}: extend _value_for"
    )


def _fill_every_table(engine: sa.Engine, serial: int, inserted: Rows) -> None:
    """Insert one row into every table that exists now; foreign keys point at real rows."""
    metadata = _reflect(engine)
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            if table.name in SQLITE_INTERNAL or is_search_table(table.name):
                continue
            row = {
                column.name: _value_for(column, serial)
                for column in table.columns
                if not column.foreign_keys
            }
            for column in table.columns:
                for fk in column.foreign_keys:
                    parent = fk.column
                    source = row if parent.table is table else inserted[parent.table.name][-1]
                    row[column.name] = source[parent.name]
            conn.execute(table.insert().values(row))
            inserted.setdefault(table.name, []).append(row)


def _assert_rows_kept(engine: sa.Engine, inserted: Rows, revision: str) -> None:
    metadata = _reflect(engine)
    with engine.connect() as conn:
        for table_name, rows in inserted.items():
            assert table_name in metadata.tables, f"upgrade to {revision} dropped {table_name}"
            table = metadata.tables[table_name]
            assert table.primary_key.columns, f"{table_name} has no primary key"
            for row in rows:
                where = [column == row[column.name] for column in table.primary_key.columns]
                found = conn.execute(sa.select(table).where(*where)).mappings().one_or_none()
                assert found is not None, f"upgrade to {revision} lost a row of {table_name}"
                kept = {name: value for name, value in row.items() if name in found}
                assert kept == {name: found[name] for name in kept}, (
                    f"upgrade to {revision} changed a row of {table_name}"
                )
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def _snapshot(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    metadata = _reflect(engine)
    with engine.connect() as conn:
        return {
            name: sorted((tuple(row) for row in conn.execute(sa.select(table))), key=repr)
            for name, table in metadata.tables.items()
        }


def test_head_revision_constant_is_the_migrations_head() -> None:
    assert migrate.head_revision() == HEAD_REVISION


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [HEAD_REVISION]
    assert script.get_bases() == [_revisions_in_upgrade_order()[0]]


def test_empty_database_upgrades_to_head(empty_db: Database) -> None:
    assert not empty_db.exists()
    assert empty_db.revision() is None
    assert not empty_db.is_current()

    empty_db.ensure_schema()

    assert empty_db.exists()
    assert empty_db.revision() == HEAD_REVISION
    assert empty_db.is_current()
    assert _table_names(empty_db.engine) == SYNCED_TABLES | LOCAL_TABLES


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "render_as_batch": True,
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and name is not None and is_search_table(name))
                ),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_table_lists_match_the_models() -> None:
    synced_model_tables = {model.__tablename__ for model in SYNCED_MODELS}
    assert synced_model_tables == SYNCED_TABLES
    assert set(Base.metadata.tables) - synced_model_tables == LOCAL_TABLES
    assert not SYNCED_TABLES & LOCAL_TABLES


def test_every_synced_model_is_listed() -> None:
    mapped_synced = {
        mapper.class_ for mapper in Base.registry.mappers if issubclass(mapper.class_, SyncedRecord)
    }
    assert mapped_synced == set(SYNCED_MODELS)


def test_each_upgrade_step_keeps_existing_rows(empty_db: Database) -> None:
    empty_db.data_dir.mkdir(parents=True)
    engine = empty_db.engine
    inserted: Rows = {}
    revisions = _revisions_in_upgrade_order()
    for serial, revision in enumerate(revisions, start=1):
        # The database is at the revision before this one (nothing at all for the first).
        _fill_every_table(engine, serial, inserted)
        migrate.upgrade(engine, revision)
        _assert_rows_kept(engine, inserted, revision)
    assert empty_db.revision() == HEAD_REVISION
    # Rows written at head survive too (checked again after a no-op upgrade).
    _fill_every_table(engine, len(revisions) + 1, inserted)
    migrate.upgrade(engine, "head")
    _assert_rows_kept(engine, inserted, "head")
    assert set(inserted) == SYNCED_TABLES | LOCAL_TABLES


def test_second_upgrade_of_a_populated_database_changes_nothing(library_db: LibraryDb) -> None:
    db = library_db.db
    _fill_every_table(db.engine, 7, {})
    before = _snapshot(db.engine)
    assert all(before[name] for name in SYNCED_TABLES | LOCAL_TABLES)
    db.dispose()

    reopened = Database(db.data_dir)
    try:
        reopened.upgrade()
        reopened.ensure_schema()
        assert reopened.revision() == HEAD_REVISION
        assert _snapshot(reopened.engine) == before
    finally:
        reopened.dispose()


@pytest.mark.parametrize("table_name", sorted(SYNCED_TABLES))
def test_synced_tables_carry_the_sync_columns(db: Database, table_name: str) -> None:
    columns = {column["name"] for column in sa.inspect(db.engine).get_columns(table_name)}
    assert {"id", "library_id", "created_at", "updated_at", "version", "deleted_at"} <= columns


def test_member_search_revision_names_the_villages_of_existing_members(
    empty_db: Database,
) -> None:
    """Members recorded before 0002 become findable by their village's name."""
    import sqlite3

    empty_db.data_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(empty_db.engine, "0001_initial")
    stamp = "2026-01-01 00:00:00.000000"
    raw = sqlite3.connect(empty_db.path)
    raw.execute(
        "INSERT INTO library (id, library_id, name, library_type, region_code, address,"
        " head_name, village_head_name, time_zone, created_at, updated_at, version)"
        " VALUES ('L1', 'L1', 'Perpustakaan', 'desa', '33.02.17.2014', '', 'a', 'b', 'WIB',"
        " ?, ?, 1)",
        (stamp, stamp),
    )
    raw.execute(
        "INSERT INTO member (id, library_id, member_no, name, gender, address, village_code,"
        " member_type, registered_on, notes, consent_at, consent_by, active, created_at,"
        " updated_at, version) VALUES ('M1', 'L1', '2026-0001', 'Siti Aminah', 'P', '',"
        " '33.02.17.2014', 'umum', '2026-01-01', '', ?, 'U1', 1, ?, ?, 1)",
        (stamp, stamp, stamp),
    )
    raw.commit()
    raw.close()
    empty_db.dispose()

    empty_db.upgrade()

    conn = empty_db.connect()
    assert conn.execute("SELECT village_name FROM member").fetchone()[0] == "Kalisari"
    found = conn.execute(
        "SELECT m.name FROM member_fts f JOIN member m ON m.rowid = f.rowid"
        " WHERE member_fts MATCH 'kalisari*'"
    ).fetchall()
    assert [row[0] for row in found] == ["Siti Aminah"]


def test_search_indexes_are_rebuilt_from_their_tables(library_db: LibraryDb) -> None:
    """What a table rebuild or a VACUUM may scramble, a rebuild puts right."""
    from app.db.models import Member
    from app.db.uow import UnitOfWork

    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(
            Member(
                member_no="2026-0001",
                name="Siti Aminah",
                gender="P",
                member_type="umum",
                registered_on=date(2026, 1, 5),
                consent_at=datetime(2026, 1, 5, tzinfo=UTC),
                consent_by=library_db.admin.id,
            )
        )
    query = "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'siti*'"
    with library_db.db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('delete-all')")
        assert conn.exec_driver_sql(query).scalar() == 0
        migrate.rebuild_search_indexes(conn)
        assert conn.exec_driver_sql(query).scalar() == 1
