"""The server's schema and documents: Citus-ready tables, migrations, OpenAPI, fuzzing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import ForeignKeyConstraint, PrimaryKeyConstraint, UniqueConstraint

from sync.server.app import openapi_document
from sync.server.db import Database
from sync.server.models import REFERENCE_TABLES, Base
from tests.sync.conftest import PgCluster, SyncServer, enroll

COMMITTED = Path(__file__).resolve().parents[2] / "sync" / "server" / "openapi.json"


def test_every_table_of_synced_data_is_keyed_by_library() -> None:
    """Citus: distribution column library_id in every key of every non-reference table."""
    tables = Base.metadata.tables
    assert {"record", "batch", "epoch_mark", "device", "bundle", "library"} <= set(tables)
    for name, table in tables.items():
        if name in REFERENCE_TABLES:
            continue
        assert "library_id" in table.columns, name
        for constraint in table.constraints:
            if isinstance(constraint, PrimaryKeyConstraint | UniqueConstraint):
                columns = {column.name for column in constraint.columns}
                assert "library_id" in columns, (name, constraint.name)
            if isinstance(constraint, ForeignKeyConstraint):
                target = constraint.referred_table.name
                if target in REFERENCE_TABLES:
                    continue
                pairs = {
                    (element.parent.name, element.column.name) for element in constraint.elements
                }
                assert ("library_id", "library_id") in pairs, (name, constraint.name)
        for index in table.indexes:
            if index.unique:
                assert "library_id" in {c.name for c in index.columns}, (name, index.name)
    for name in REFERENCE_TABLES:  # reference tables refer to no library-keyed table
        for constraint in tables[name].foreign_key_constraints:
            assert constraint.referred_table.name in REFERENCE_TABLES


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from sync.server.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_migrations_build_the_models_and_run_again_harmlessly(database_url: str) -> None:
    Database(database_url).close()
    database = Database(database_url)  # the second start: nothing to do, nothing breaks
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            differences = compare_metadata(context, Base.metadata)
            version = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert version.scalar_one() == _head_revision()
    finally:
        database.close()
    assert differences == []


def test_the_served_openapi_document_is_the_committed_one(shared_server: SyncServer) -> None:
    served = requests.get(f"{shared_server.url}/openapi.json", timeout=10).json()
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert served == committed, (
        "sync/server/openapi.json is out of date: run "
        "`perpusdesa-server openapi --output sync/server/openapi.json`"
    )
    assert served == openapi_document()
    paths = set(served["paths"])
    assert {"/api/v1/info", "/api/v1/enroll", "/api/v1/batches/{batch_id}"} <= paths
    assert {"/api/v1/sync/state", "/api/v1/reference", "/api/v1/bundles"} <= paths


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(pg_cluster: PgCluster, tmp_path: Path) -> None:
    """Fuzzing every operation from the served document (authenticated): never a 5xx.

    On PostgreSQL, the stricter of the two databases (NUL bytes, surrogates, JSONB).
    """
    shared_server = SyncServer(pg_cluster.new_database(), tmp_path)
    shared_server.start()
    try:
        _fuzz(shared_server, tmp_path)
    finally:
        shared_server.close()


def _fuzz(shared_server: SyncServer, tmp_path: Path) -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis's st command is missing"
    device = enroll(shared_server)
    command = [
        st, "run", f"{shared_server.url}/openapi.json",
        "--checks", "not_a_server_error",
        "--phases", "fuzzing",
        "--max-examples", "8",
        "--generation-deterministic",
        "--no-shrink",
        "--request-timeout", "30",
        "--header", f"Authorization: Bearer {device.token}",
        "--no-color",
    ]  # fmt: skip
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    counted = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert counted and counted[1] == counted[2] and int(counted[1]) >= 20, result.stdout[-2000:]
