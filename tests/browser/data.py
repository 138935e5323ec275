"""Programme data for the dashboard's tests: libraries in two provinces that synced real batches.

:func:`seed` registers libraries on a running :class:`~tests.sync.conftest.SyncServer`,
enrols a device on each and sends batches of visits, activities (a kegiatan, a
stakeholder meeting, a training) and a success story over a few months, through
the real API. One library never syncs (it shows in the list of libraries that
have not synced for 45 days).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sync.protocol import Record, RecordKind
from sync.server import staff
from tests.sync.conftest import Enrolled, SyncServer, enroll, visit

# (region, name) of the libraries that sync; two provinces, two kabupaten/kota in one.
LIBRARIES = (
    ("33.74.01.1001", "Perpustakaan Desa Miroto"),
    ("33.74.01.1002", "Perpustakaan Kelurahan Brumbungan"),
    ("33.22.01.2001", "Perpustakaan Desa Tajuk"),
    ("35.78.01.1001", "Perpustakaan Karang Pilang"),
)
SILENT = ("33.74.01.1003", "Perpustakaan Desa Jagalan")  # registered, never synced
PASSWORD = "kata-sandi-uji-123"
# username -> (role, region) of the staff accounts of a seeded site
USERS = {
    "pusat": ("nasional", None),
    "jateng": ("provinsi", "33"),
    "semarang": ("kabupaten", "33.74"),
    "surabaya": ("kabupaten", "35.78"),
}


def _stamp(month: int, day: int = 10) -> datetime:
    return datetime(2026, month, day, 3, 0, tzinfo=UTC)


def record(kind: RecordKind, data: dict[str, Any], month: int) -> Record:
    stamp = _stamp(month)
    return Record(
        kind=kind, id=str(uuid.uuid4()), version=1, created_at=stamp, updated_at=stamp, data=data
    )


def activity(month: int, kind: str = "kegiatan", **data: Any) -> Record:
    payload: dict[str, Any] = {
        "kind": kind,
        "title": "Kelas membaca anak",
        "category_code": "literasi_anak",
        "strategy": "layanan",
        "starts_at": _stamp(month).isoformat(),
        "status": "terlaksana",
        "participants_male": 8,
        "participants_female": 12,
        "participants": {"L": {"anak": 8}, "P": {"anak": 12}},
    }
    payload.update(data)
    return record("activity", payload, month)


def story(month: int, **data: Any) -> Record:
    payload: dict[str, Any] = {
        "category": "literasi_anak",
        "gender": "P",
        "age_band": "dewasa",
        "consent_at": _stamp(month).isoformat(),
        "publish_with_name": True,
        "person_name": "Ibu Sri Wahyuni",
        "title": "Warung kopi jadi pojok baca",
        "text": "Sejak ikut pelatihan di perpustakaan desa, Ibu Sri membuka pojok baca di "
        "warungnya. Kini anak-anak tetangga membaca di sana setiap sore.",
        "figure_label": "Pengunjung per bulan",
        "value_before": 12,
        "value_after": 48,
    }
    payload.update(data)
    return record("story", payload, month)


def month_visits(month: int, count: int) -> list[Record]:
    return [
        visit(
            visited_at=_stamp(month, 1 + day % 27).isoformat(),
            gender="LP"[day % 2],
            count_male=day % 2 == 0,
            count_female=day % 2 == 1,
            age_counts={"dewasa": 1},
        )
        for day in range(count)
    ]


def member(month: int, gender: str = "P") -> Record:
    data = {"gender": gender, "member_type": "umum", "registered_on": f"2026-{month:02d}-05"}
    return record("member", data, month)


def loan(month: int) -> Record:
    data = {
        "item_id": str(uuid.uuid4()),
        "loaned_at": _stamp(month).isoformat(),
        "due_on": f"2026-{month:02d}-24",
        "returned_at": _stamp(month, 20).isoformat(),
    }
    return record("loan", data, month)


@dataclass
class Programme:
    devices: dict[str, Enrolled] = field(default_factory=dict)  # name -> device
    silent_id: str = ""

    def library_id(self, name: str) -> str:
        return self.devices[name].library_id


def seed(server: SyncServer) -> Programme:
    """Register, enrol and sync the libraries; every batch must be accepted."""
    programme = Programme()
    for index, (region, name) in enumerate(LIBRARIES):
        device = enroll(server, server.add_library(region, name))
        records: list[Record] = []
        for month in (8, 9, 10, 11):
            records += month_visits(month, 3 + index + month % 3)
            records.append(activity(month, participants_male=5 + index, participants_female=9))
            records += [member(month, "LP"[month % 2]), loan(month), loan(month)]
        records.append(
            activity(9, kind="pertemuan", title="Rapat desa", category_code="pelatihan",
                     strategy="pelibatan", representatives={"pemerintah_desa": 4, "pkk": 3})
        )  # fmt: skip
        records.append(
            activity(10, kind="pelatihan", title="Pelatihan pengelola", category_code="pelatihan",
                     strategy="pelibatan", target_group="pengelola", trainee_libraries=2)
        )  # fmt: skip
        records.append(story(10))
        answer = device.put(device.batch(records))
        assert answer.status_code == 200, answer.text
        assert answer.json()["counts"]["rejected"] == 0, answer.text
        programme.devices[name] = device
    programme.silent_id = server.add_library(*SILENT)
    return programme


@dataclass
class Site:
    """A running server with the programme's data and the staff accounts of :data:`USERS`."""

    server: SyncServer
    programme: Programme
    folder: Path

    @property
    def url(self) -> str:
        return self.server.url


def open_site(folder: Path) -> Iterator[Site]:
    """Start a server on a SQLite file in ``folder``, seed it, yield it, stop it."""
    server = SyncServer(f"sqlite:///{folder / 'server.sqlite3'}", folder)
    server.start()
    try:
        programme = seed(server)
        for username, (role, region) in USERS.items():
            staff.add_user(server.database(), username, role, region, PASSWORD)
        yield Site(server, programme, folder)
    finally:
        server.close()
