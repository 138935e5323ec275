"""Real sync servers for the tests: a uvicorn subprocess on 127.0.0.1 over SQLite or PostgreSQL.

``server_sqlite`` and ``server_pg`` start a fresh server on a fresh database for
one test; ``server`` is the same, parametrized over both. The PostgreSQL 15
cluster is private, started once per test session in a temporary folder (as in
MACHINE-NOTES), each test getting its own database in it; without PostgreSQL
installed the PostgreSQL cases are skipped, except in CI (``CI=true``) where
they fail. ``shared_server`` is one server per test session and database, for tests
that keep to libraries of their own.

A :class:`SyncServer` has ``.url`` (e.g. ``http://127.0.0.1:41234``),
``.database_url``, ``.run_cli(*args)``, ``.stop()``, ``.start()`` (a restart keeps
the database and the port), and helpers ``.add_library()``, ``.issue_code()``,
``.add_admin_token()``.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import Batch, Record, encode_batch, enrolment_proof
from sync.server import admin
from sync.server.db import Database

PG_BIN = Path("/usr/lib/postgresql/15/bin")
VILLAGE = "33.74.01.1001"  # Miroto, Semarang Tengah, Kota Semarang
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class SyncServer:
    """A ``perpusdesa-server serve`` process on 127.0.0.1 and its database."""

    def __init__(self, database_url: str, folder: Path) -> None:
        self.database_url = database_url
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder / "server.log"
        self._database: Database | None = None

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "sync.server", "--database-url", self.database_url, *args]

    def run_cli(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        """``perpusdesa-server --database-url URL ARGS...`` run to its end."""
        result = subprocess.run(
            self._command(*args),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=self.folder,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args}: exit {result.returncode}: {result.stderr}")
        return result

    def database(self) -> Database:
        """The server's database, opened in the test's process (what the admin CLI does,
        without a process start per command)."""
        if self._database is None:
            self._database = Database(self.database_url, run_migrations=False)
        return self._database

    def add_library(self, region: str = VILLAGE, name: str = "Perpustakaan Desa Miroto") -> str:
        """A new library's id (as ``add-library`` does)."""
        return admin.add_library(self.database(), region, name).library_id

    def issue_code(self, library_id: str) -> str:
        """A fresh one-time enrolment code for the library (as ``issue-code`` does)."""
        return admin.issue_code(self.database(), library_id)

    def add_admin_token(self) -> str:
        return admin.add_admin_token(self.database(), "test")

    def close(self) -> None:
        self.stop()
        if self._database is not None:
            self._database.close()
            self._database = None

    def start(self) -> None:
        """Start (or restart) the server on the same port; returns when /info answers."""
        assert self.process is None, "already running"
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            self._command("serve", "--host", "127.0.0.1", "--port", str(self.port)),
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.folder,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/api/v1/info", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the server did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s); the database stays."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a power cut would."""
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.wait(timeout=10)


class PgCluster:
    """A private PostgreSQL 15 cluster in a temporary folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="perpusdesa-pg-"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        subprocess.run(
            [*prefix, *command], check=True, capture_output=True, timeout=120, cwd=self.folder
        )

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self._run(
            str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
            "-o", options, "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                      "-w", "stop")  # fmt: skip
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def new_database(self) -> str:
        """A fresh, empty database's SQLAlchemy URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


def library_with_device(
    database: Database, region: str, name: str, enrolled_at: datetime | None = None
) -> tuple[str, str]:
    """A new library and one device of it, written straight into the server's database
    (no enrolment round trip): (library id, device id)."""
    from sync.server.models import Device

    library = admin.add_library(database, region, name)
    device_id = str(uuid.uuid4())
    with database.transaction() as session:
        session.add(
            Device(
                library_id=library.library_id,
                device_id=device_id,
                name="PC",
                token_hash=uuid.uuid4().hex,
                public_key="",
                app_version="1",
                enrolled_at=enrolled_at or datetime.now(UTC),
            )
        )
    return library.library_id, device_id


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The session's PostgreSQL cluster (skipped without PostgreSQL 15, failing in CI)."""
    if not (PG_BIN / "initdb").exists():
        reason = f"PostgreSQL 15 is not installed ({PG_BIN} missing)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = PgCluster()
    cluster.start()
    yield cluster
    cluster.stop()


def _running(database_url: str, folder: Path) -> Iterator[SyncServer]:
    server = SyncServer(database_url, folder)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def server_sqlite(tmp_path: Path) -> Iterator[SyncServer]:
    folder = tmp_path / "server"
    folder.mkdir()
    yield from _running(f"sqlite:///{folder / 'server.sqlite3'}", folder)


@pytest.fixture
def server_pg(tmp_path: Path, pg_cluster: PgCluster) -> Iterator[SyncServer]:
    folder = tmp_path / "server"
    folder.mkdir()
    yield from _running(pg_cluster.new_database(), folder)


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest) -> SyncServer:
    """A fresh server, once on SQLite and once on PostgreSQL."""
    name = "server_sqlite" if request.param == "sqlite" else "server_pg"
    found: SyncServer = request.getfixturevalue(name)
    return found


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def shared_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SyncServer]:
    """One server per test session and database: tests must keep to libraries of their own."""
    folder = tmp_path_factory.mktemp("shared-server")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    yield from _running(url, folder)


# --- helpers for the server's tests --------------------------------------------------------


class Enrolled:
    """A device enrolled on a server: its token, ids and bundle-signing key."""

    def __init__(self, server: SyncServer, library_id: str, device_id: str, token: str, key: Any):
        self.server = server
        self.library_id = library_id
        self.device_id = device_id
        self.token = token
        self.key = key
        self.epoch = str(uuid.uuid4())

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def batch(self, records: list[Record], seq_from: int = 1, seq_to: int | None = None,
              batch_id: str | None = None, epoch: str | None = None) -> Batch:  # fmt: skip
        return Batch(
            batch_id=batch_id or str(uuid.uuid4()),
            device_id=self.device_id,
            library_id=self.library_id,
            db_epoch=epoch or self.epoch,
            seq_from=seq_from,
            seq_to=seq_to if seq_to is not None else seq_from + max(len(records), 1) - 1,
            sent_at=datetime.now(UTC),
            records=records,
        )

    def put(self, batch: Batch, **kwargs: Any) -> requests.Response:
        return put_body(self, batch.batch_id, encode_batch(batch), **kwargs)

    def get(self, path: str, **params: str) -> requests.Response:
        return requests.get(
            f"{self.server.url}/api/v1{path}", headers=self.headers, params=params, timeout=30
        )


def put_body(
    device: Enrolled,
    batch_id: str,
    body: bytes,
    content_type: str = "application/json",
    encoding: str | None = "gzip",
    headers: dict[str, str] | None = None,
) -> requests.Response:
    sent = {**device.headers, "Content-Type": content_type, **(headers or {})}
    if encoding:
        sent["Content-Encoding"] = encoding
    return requests.put(
        f"{device.server.url}/api/v1/batches/{batch_id}", data=body, headers=sent, timeout=60
    )


def public_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def enroll_request(code: str, library_id: str | None = None, device_id: str | None = None,
                   key: Ed25519PrivateKey | None = None) -> dict[str, Any]:  # fmt: skip
    key = key or Ed25519PrivateKey.generate()
    device_id = device_id or str(uuid.uuid4())
    return {
        "code": code,
        "device_id": device_id,
        "device_name": "PC-PERPUS",
        "library_id": library_id or str(uuid.uuid4()),
        "public_key": public_key_text(key),
        "app_version": "0.1.0",
        "proof": base64.b64encode(key.sign(enrolment_proof(code, device_id))).decode(),
    }


def enroll(server: SyncServer, library_id: str | None = None) -> Enrolled:
    """A new library (unless given) with a device enrolled on it."""
    library_id = library_id or server.add_library()
    key = Ed25519PrivateKey.generate()
    body = enroll_request(server.issue_code(library_id), library_id=library_id, key=key)
    answer = requests.post(f"{server.url}/api/v1/enroll", json=body, timeout=30)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["library_id"] == library_id
    return Enrolled(server, library_id, data["device_id"], data["token"], key)


def visit(record_id: str | None = None, version: int = 1, **data: Any) -> Record:
    """A valid visit record (a guest), its payload changed by ``data``."""
    payload: dict[str, Any] = {
        "kind": "guest",
        "visited_at": "2026-10-31T18:30:00Z",  # 1 November in WIB
        "gender": "P",
        "age_band": "dewasa",
        "purposes": ["membaca"],
    }
    payload.update(data)
    stamp = datetime(2026, 10, 31, 18, 30, tzinfo=UTC)
    return Record(
        kind="visit",
        id=record_id or str(uuid.uuid4()),
        version=version,
        created_at=stamp,
        updated_at=stamp,
        data=payload,
    )


def stored_records(server: SyncServer, library_id: str) -> dict[tuple[str, str], tuple[int, Any]]:
    """{(kind, id): (version, data)} of a library's records in the server's database."""
    from sqlalchemy import select

    from sync.server.models import Record as RecordRow

    with server.database().transaction() as session:
        rows = session.execute(
            select(RecordRow.kind, RecordRow.id, RecordRow.version, RecordRow.data).where(
                RecordRow.library_id == library_id
            )
        )
        return {(kind, rid): (version, data) for kind, rid, version, data in rows}
