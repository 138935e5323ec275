"""Ingest in the server's process (SQLite and PostgreSQL): times, periods, ranges, odd records,
batches on records already stored, the roll-up marks."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pydantic_core import to_json
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from sync.protocol import DATA_MODELS, Batch, Record, personal_fields_in
from sync.server.db import Database
from sync.server.ingest import _months, _period, apply_batch, high_water, merge_ranges
from sync.server.models import Library, RollupDirty, SyncMonth
from sync.server.models import Record as RecordRow
from tests.sync.conftest import library_with_device, visit

WIB = timezone(timedelta(hours=7))
EPOCH = str(uuid.uuid4())  # the database epoch of every test batch


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    database = Database(url)
    yield database
    database.close()


def _enrol(database: Database, region: str = "33.74.01.1001") -> tuple[str, str]:
    """A new library and a device of it: (library id, device id)."""
    return library_with_device(database, region, "Perpustakaan Uji")


def _batch(library_id: str, device_id: str, records: list[Record], seq_from: int = 1) -> Batch:
    """A batch of the device (a new batch id) from ``seq_from`` on."""
    return Batch(
        batch_id=str(uuid.uuid4()),
        device_id=device_id,
        library_id=library_id,
        db_epoch=EPOCH,
        seq_from=seq_from,
        seq_to=seq_from + max(len(records), 1) - 1,
        sent_at=datetime.now(UTC),
        records=records,
    )


def _send(
    database: Database, library_id: str, device_id: str, records: list[Record], seq_from: int = 1
) -> dict[str, Any]:
    """Apply one batch of the device (a new batch id); its receipt as JSON."""
    batch = _batch(library_id, device_id, records, seq_from)
    with database.transaction() as session:
        row = session.get(Library, library_id)
        assert row is not None
        receipt = apply_batch(session, row, device_id, batch, datetime.now(UTC))
    return receipt.model_dump(mode="json")


def _apply(database: Database, records: list[Record], region: str = "33.74.01.1001") -> tuple[
    str, dict[str, Any]
]:  # fmt: skip
    library_id, device_id = _enrol(database, region)
    return library_id, _send(database, library_id, device_id, records)


def _rows(database: Database, library_id: str) -> dict[str, RecordRow]:
    with database.transaction() as session:
        found = session.scalars(select(RecordRow).where(RecordRow.library_id == library_id))
        return {row.id: row for row in found}


def test_times_are_kept_in_utc_and_periods_in_the_librarys_zone(database: Database) -> None:
    evening = visit(visited_at="2026-10-31T18:30:00Z")  # 1 November 01:30 WIB
    morning = visit(visited_at="2026-10-31T08:00:00+07:00")
    stamp = datetime(2026, 11, 30, 23, 15, 5, 250000, tzinfo=WIB)
    local = visit().model_copy(update={"created_at": stamp, "updated_at": stamp})
    library_id, receipt = _apply(database, [evening, morning, local])
    assert receipt["counts"]["inserted"] == 3
    rows = _rows(database, library_id)
    assert rows[evening.id].period == "2026-11"
    assert rows[morning.id].period == "2026-10"
    assert rows[local.id].updated_at == stamp  # read back aware, the same moment
    assert rows[local.id].updated_at.tzinfo is not None
    assert rows[local.id].received_at - datetime.now(UTC) < timedelta(minutes=1)


def test_the_period_follows_the_time_zone_of_the_region(database: Database) -> None:
    late = visit(visited_at="2026-10-31T15:30:00Z")  # 22:30 WIB, 23:30 WITA, 00:30 WIT
    library_id, _ = _apply(database, [late], region="91.71")  # Kota Jayapura: WIT
    assert _rows(database, library_id)[late.id].period == "2026-11"
    library_id, _ = _apply(database, [late], region="33.74")  # Kota Semarang: WIB
    assert _rows(database, library_id)[late.id].period == "2026-10"


def test_records_that_cannot_be_stored_are_rejected_alone(database: Database) -> None:
    nul = visit().model_copy(
        update={"kind": "partner", "data": {"name": "Koperasi\x00Tani", "partner_type": "umkm"}}
    )
    old = visit().model_copy(
        update={"created_at": datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5)))}
    )
    good = visit()
    library_id, receipt = _apply(database, [nul, old, good])
    assert receipt["counts"]["inserted"] == 1 and receipt["counts"]["rejected"] == 2
    assert {r["id"]: r["code"] for r in receipt["results"]} == {
        nul.id: "invalid_record",
        old.id: "invalid_record",
    }
    assert set(_rows(database, library_id)) == {good.id}


def test_a_record_twice_in_a_batch_ends_at_its_newest_version(database: Database) -> None:
    first = visit(gender="L")
    newer = first.model_copy(update={"version": 3, "data": {**first.data, "gender": "P"}})
    again = first.model_copy(update={"version": 3})  # the same version once more
    older = first.model_copy(update={"version": 2})
    library_id, receipt = _apply(database, [first, newer, again, older])
    assert receipt["counts"] == {
        "inserted": 1,
        "updated": 1,
        "unchanged": 1,
        "stale": 1,
        "rejected": 0,
    }
    assert [(r["id"], r["status"]) for r in receipt["results"]] == [(first.id, "stale")]
    row = _rows(database, library_id)[first.id]
    assert (row.version, row.data["gender"]) == (3, "P")


def test_texts_and_times_are_stored_as_sent(database: Database) -> None:
    name = 'Koperasi "Tani" \\ Maju\ttepi\u2028 😀 ☕'
    partner = visit().model_copy(
        update={"kind": "partner", "data": {"name": name, "partner_type": "umkm"}}
    )
    naive = datetime(2026, 3, 31, 20, 0)  # no zone: taken as UTC, 1 April in WIB
    deleted = datetime(2026, 4, 2, 9, 0, 0, 1, tzinfo=WIB)
    gone = visit().model_copy(
        update={"created_at": naive, "updated_at": naive, "deleted_at": deleted}
    )
    library_id, receipt = _apply(database, [partner, gone])
    assert receipt["counts"]["inserted"] == 2
    rows = _rows(database, library_id)
    assert rows[partner.id].data == {"name": name, "partner_type": "umkm"}
    assert rows[gone.id].created_at == naive.replace(tzinfo=UTC)
    assert rows[gone.id].updated_at == naive.replace(tzinfo=UTC)
    assert rows[gone.id].deleted_at == deleted
    with database.transaction() as session:  # the stored time compares as that time in SQL
        found = session.scalars(
            select(RecordRow.id).where(RecordRow.created_at == naive.replace(tzinfo=UTC))
        ).all()
    assert found == [gone.id]


def test_ranges_merge_and_the_mark_stops_at_the_first_gap() -> None:
    assert merge_ranges([[5, 9], [1, 3], [4, 4], [12, 12]]) == [[1, 9], [12, 12]]
    assert high_water(merge_ranges([[1, 3], [5, 9]])) == 3
    assert high_water(merge_ranges([[2, 9]])) == 0
    assert high_water([]) == 0


def test_a_later_batch_is_judged_against_the_stored_versions(database: Database) -> None:
    library_id, device_id = _enrol(database)
    first, second, third = visit(gender="L"), visit(), visit()
    third = third.model_copy(update={"version": 3})
    receipt = _send(database, library_id, device_id, [first, second, third])
    assert receipt["counts"]["inserted"] == 3
    newer = first.model_copy(update={"version": 2, "data": {**first.data, "gender": "P"}})
    older = third.model_copy(update={"version": 2, "data": {**third.data, "gender": "L"}})
    new = visit()
    personal = visit(guest_name="Siti")
    receipt = _send(
        database, library_id, device_id, [newer, second, older, new, personal], seq_from=4
    )
    assert receipt["counts"] == {
        "inserted": 1,
        "updated": 1,
        "unchanged": 1,
        "stale": 1,
        "rejected": 1,
    }
    assert [(r["id"], r["status"], r["code"]) for r in receipt["results"]] == [
        (third.id, "stale", "stale"),
        (personal.id, "rejected", "personal_field"),
    ]
    assert receipt["results"][0]["message"] == "the server has version 3"
    assert receipt["high_water"] == 8
    rows = _rows(database, library_id)
    assert set(rows) == {first.id, second.id, third.id, new.id}
    assert (rows[first.id].version, rows[first.id].data["gender"]) == (2, "P")
    assert (rows[third.id].version, rows[third.id].data["gender"]) == (3, "P")


def test_a_version_sent_again_says_what_the_server_holds_and_when_the_device_made_it(
    database: Database,
) -> None:
    """Stale, or the same version with other content (made twice: a PC restored from a
    backup, or two PCs): the receipt names the version the server holds and the device's
    time of it, so the PC can tell whose change is the later one. The same content again
    is simply unchanged; a deletion is other content."""
    library_id, device_id = _enrol(database)
    made = datetime(2026, 11, 2, 9, 15, 30, 250, tzinfo=UTC)
    stored = [
        visit(version=3, gender="L").model_copy(update={"updated_at": made}) for _ in range(4)
    ]
    _send(database, library_id, device_id, stored)
    same, other, older, deleted = stored
    later = made + timedelta(days=1)
    again = [
        same.model_copy(update={"updated_at": later}),  # same content, another time
        other.model_copy(update={"data": {**other.data, "gender": "P"}, "updated_at": later}),
        older.model_copy(update={"version": 2, "updated_at": later}),
        deleted.model_copy(update={"deleted_at": later, "updated_at": later}),
    ]
    receipt = _send(database, library_id, device_id, again, seq_from=5)
    assert receipt["counts"] == {
        "inserted": 0,
        "updated": 0,
        "unchanged": 3,
        "stale": 1,
        "rejected": 0,
    }
    held = {
        (r["id"], r["status"], r["code"]): (
            r["server_version"],
            datetime.fromisoformat(r["server_updated_at"]),
        )
        for r in receipt["results"]
    }
    assert held == {
        (other.id, "unchanged", "differs"): (3, made),
        (older.id, "stale", "stale"): (3, made),
        (deleted.id, "unchanged", "differs"): (3, made),
    }
    rows = _rows(database, library_id)  # nothing written: the rule is the version's
    assert {row.id: (row.version, row.data["gender"]) for row in rows.values()} == {
        r.id: (3, "L") for r in stored
    }
    assert all(row.deleted_at is None for row in rows.values())


def test_the_same_content_again_is_plainly_unchanged(database: Database) -> None:
    """Sent again with the same content (in another order among new ones, a deletion at
    the same moment in another zone, a text PostgreSQL respaced when it kept JSONB before
    migration 0004): no result, nothing for the PC to weigh."""
    library_id, device_id = _enrol(database)
    kept = visit(version=2, purposes=["membaca", "belajar"])
    gone = visit().model_copy(update={"deleted_at": datetime(2026, 11, 1, 8, 2, 3, 4, tzinfo=UTC)})
    _send(database, library_id, device_id, [kept, gone])
    if database.dialect == "postgresql":
        with database.transaction() as session:  # what 0004 left of a row stored as JSONB
            session.execute(text("UPDATE record SET data = CAST(CAST(data AS JSONB) AS JSON)"))
            respaced = session.execute(
                text("SELECT CAST(data AS TEXT) FROM record WHERE id = :i"), {"i": kept.id}
            ).scalar_one()
        assert respaced != to_json(kept.data).decode()
    in_wib = gone.deleted_at.astimezone(timezone(timedelta(hours=7)))
    again = [visit(), gone.model_copy(update={"deleted_at": in_wib}), kept]
    receipt = _send(database, library_id, device_id, again, seq_from=3)
    assert receipt["counts"]["unchanged"] == 2 and receipt["results"] == []


def test_a_stored_record_late_in_a_full_batch_leaves_the_new_ones_written_once(
    database: Database,
) -> None:
    """The fast first write (SQLite's plain insert, PostgreSQL's COPY) fails on a record
    the server has; nothing of it is left over, and every new record is stored once."""
    library_id, device_id = _enrol(database)
    stored = visit()
    assert _send(database, library_id, device_id, [stored])["counts"]["inserted"] == 1
    fresh = [visit() for _ in range(499)]
    again = stored.model_copy(update={"version": 2, "data": {**stored.data, "gender": "L"}})
    receipt = _send(database, library_id, device_id, [*fresh[:450], again, *fresh[450:]], 2)
    assert receipt["counts"] == {
        "inserted": 499,
        "updated": 1,
        "unchanged": 0,
        "stale": 0,
        "rejected": 0,
    }
    assert receipt["high_water"] == 501
    rows = _rows(database, library_id)
    assert set(rows) == {stored.id, *(record.id for record in fresh)}
    assert (rows[stored.id].version, rows[stored.id].data["gender"]) == (2, "L")
    # The same batch content once more (a new batch id): all of it is there already.
    receipt = _send(database, library_id, device_id, [*fresh, again], 2)
    assert receipt["counts"]["unchanged"] == 500 and receipt["counts"]["inserted"] == 0


def test_a_version_beyond_the_stored_integers_is_rejected_alone(database: Database) -> None:
    huge = visit().model_copy(update={"version": 2**31})
    good = visit().model_copy(update={"version": 2**31 - 1})
    library_id, receipt = _apply(database, [huge, good])
    assert receipt["counts"]["inserted"] == 1 and receipt["counts"]["rejected"] == 1
    assert [(r["id"], r["code"]) for r in receipt["results"]] == [(huge.id, "invalid_record")]
    assert {key: row.version for key, row in _rows(database, library_id).items()} == {
        good.id: 2**31 - 1
    }


def test_many_batches_in_one_transaction_are_all_applied(database: Database) -> None:
    """A bundle applies all its batches in one transaction (past the COPYs' savepoints on
    PostgreSQL, the other way): each record once, at its newest version."""
    library_id, device_id = _enrol(database)
    records = [visit() for _ in range(60)]
    newer = records[0].model_copy(update={"version": 2, "data": {**records[0].data, "gender": "L"}})
    batches = [[record] for record in records] + [[newer, records[1]]]
    counts: list[dict[str, int]] = []
    with database.transaction() as session:
        library = session.get(Library, library_id)
        assert library is not None
        for seq, records_of_batch in enumerate(batches, start=1):
            batch = _batch(library_id, device_id, records_of_batch, seq)
            receipt = apply_batch(session, library, device_id, batch, datetime.now(UTC))
            counts.append(receipt.counts.model_dump())
    assert all(c["inserted"] == 1 for c in counts[:60])
    assert counts[60] == {"inserted": 0, "updated": 1, "unchanged": 1, "stale": 0, "rejected": 0}
    rows = _rows(database, library_id)
    assert set(rows) == {record.id for record in records}
    assert (rows[newer.id].version, rows[newer.id].data["gender"]) == (2, "L")


def test_a_batch_marks_its_month_and_only_a_change_marks_the_rollups(database: Database) -> None:
    library_id, device_id = _enrol(database)
    records = [visit(), visit()]
    _send(database, library_id, device_id, records)
    _send(database, library_id, device_id, [records[1]], seq_from=3)  # unchanged: no new mark

    def marks() -> tuple[list[str], int]:
        with database.transaction() as session:
            months = session.scalars(
                select(SyncMonth.period).where(SyncMonth.library_id == library_id)
            ).all()
            dirty = session.get(RollupDirty, library_id)
            assert dirty is not None
            return list(months), dirty.generation

    this_month = (datetime.now(UTC) + timedelta(hours=7)).strftime("%Y-%m")  # WIB
    assert marks() == ([this_month], 1)
    _send(database, library_id, device_id, [visit()], seq_from=4)
    assert marks() == ([this_month], 2)


def test_times_far_from_now_are_stored_exactly(database: Database) -> None:
    early = datetime(1900, 1, 1, 0, 0, 0, 1, tzinfo=UTC)
    late = datetime(2999, 12, 31, 16, 59, 59, 999999, tzinfo=UTC)
    just_before = datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    record = visit().model_copy(
        update={"created_at": early, "updated_at": late, "deleted_at": just_before}
    )
    library_id, receipt = _apply(database, [record])
    assert receipt["counts"]["inserted"] == 1
    row = _rows(database, library_id)[record.id]
    assert (row.created_at, row.updated_at, row.deleted_at) == (early, late, just_before)


@pytest.mark.parametrize("hours", [7, 8, 9])
def test_the_month_of_a_time_is_the_same_by_the_short_way(hours: int) -> None:
    shift = timedelta(hours=hours)
    month = _months(shift)
    zones = [None, *(timezone(timedelta(minutes=m)) for m in range(-12 * 60, 14 * 60 + 1, 45))]
    for day in range(1, 32):
        for hour in (0, 1, 14, 15, 16, 17, 23):
            for zone in zones:
                for moment in (
                    datetime(2026, 1, 1, hour, 30, tzinfo=zone) + timedelta(days=day - 1),
                    datetime(2026, 2, 1, hour, 30, tzinfo=zone) + timedelta(days=day - 1),
                    datetime(2024, 2, 1, hour, 30, tzinfo=zone) + timedelta(days=day - 1),
                    datetime(2026, 12, 1, hour, 30, tzinfo=zone) + timedelta(days=day - 1),
                ):
                    assert month(moment) == _period(moment, shift), moment
        assert month(date(2026, 3, day)) == _period(date(2026, 3, day), shift) == "2026-03"


def test_a_database_error_is_raised_as_sqlalchemys(database: Database) -> None:
    """The API retries a batch on an IntegrityError (a concurrent request stored it first)."""
    library_id, _ = _enrol(database)
    with pytest.raises(IntegrityError):  # a device that is not enrolled: its foreign key
        _send(database, library_id, str(uuid.uuid4()), [visit()])
    assert _rows(database, library_id) == {}


# A payload of each kind (but the library's) as a PC sends it.
PAYLOADS: dict[str, dict[str, Any]] = {
    "partner": {"name": "Pemerintah Desa Kalisari", "partner_type": "pemerintah_desa"},
    "title": {
        "audience": "dewasa",
        "authors": "Supriyadi Hartanto",
        "ddc": "631.8",
        "isbn": "9786025242496",
        "language": "ind",
        "material_type": "buku",
        "publisher": "Badan Pengembangan dan Pembinaan Bahasa",
        "title": "Bertani Bawang Merah di Pekarangan",
        "year": 2016,
    },
    "item": {
        "acquired_on": "2023-06-04",
        "condition": "baik",
        "source": "perpusnas",
        "status": "tersedia",
        "title_id": "01888447-821a-7160-9a65-54383c26848b",
    },
    "member": {
        "active": True,
        "education": "sd",
        "gender": "P",
        "member_type": "anak",
        "occupation": "tidak_bekerja",
        "registered_on": "2025-11-20",
        "village_code": "33.02.17.2014",
        "age_band": "anak",
    },
    "partnership": {
        "end_on": "2028-09-11",
        "kind": "mou",
        "number": "023/MoU/DINARPUS/IX/2025",
        "partner_id": "019a9efd-6d00-76f1-9038-19dc75fdcc10",
        "start_on": "2025-09-12",
        "title": "Nota Kesepahaman Pengembangan Perpustakaan Desa Berbasis Inklusi Sosial",
    },
    "visit": {
        "age_band": "dewasa",
        "age_counts": {"dewasa": 1},
        "count_female": 1,
        "gender": "P",
        "kind": "guest",
        "occupation": "karyawan",
        "origin_village_code": "33.02.17.2014",
        "purposes": ["membaca"],
        "visited_at": "2025-11-20T03:58:39.862842Z",
    },
    "loan": {
        "due_on": "2025-11-29",
        "item_id": "018cdc9b-492a-7616-b052-e48c437141e4",
        "loaned_at": "2025-11-22T03:25:34.157734Z",
        "returned_at": "2025-11-26T06:39:37.505435Z",
    },
    "activity": {
        "category_code": "literasi_anak",
        "ends_at": "2025-11-30T04:00:00Z",
        "kind": "kegiatan",
        "participants": {"L": {"anak": 11, "dewasa": 1}, "P": {"anak": 15, "dewasa": 1}},
        "participants_female": 16,
        "participants_male": 12,
        "partner_ids": ["019a9efd-6d00-71f2-b41b-f957f3149f91"],
        "starts_at": "2025-11-30T02:00:00Z",
        "status": "terlaksana",
        "strategy": "layanan",
        "target_group": "pelajar",
        "title": "Pojok Baca Keliling ke Grumbul Sitapen",
    },
    "story": {
        "activity_id": "019af7d3-2000-7a26-b769-cbee2709fa8e",
        "age_band": "anak",
        "category": "pendidikan",
        "consent_at": "2026-01-25T02:21:57.029514Z",
        "figure_label": "Buku dibaca per tahun",
        "gender": "L",
        "publish_with_name": False,
        "value_after": 41,
        "value_before": 0,
    },
}


def _variants(kind: str) -> list[dict[str, Any]]:
    """The payload, and the payload with one thing wrong (or not): a field unknown, each
    field left out, emptied, of the wrong type, or an odd text."""
    payload = PAYLOADS[kind]
    fields = DATA_MODELS[kind].model_fields
    found = [dict(payload), {**payload, "unknown_field": 1}]
    for name in fields:
        found.append({key: value for key, value in payload.items() if key != name})
        found += [{**payload, name: value} for value in (None, [1], "x y", -1, "2026-13-01")]
    return found


@pytest.mark.parametrize("kind", sorted(PAYLOADS))
def test_payloads_are_checked_exactly_as_the_protocol_models_check_them(
    database: Database, kind: str
) -> None:
    """The server checks a payload without making the model (faster): the same payloads
    pass, and a bad one is rejected alone with the model's own first error."""
    expected: dict[str, str | None] = {}  # record id: None (stored) or the rejection
    records = []
    for data in _variants(kind):
        record = Record(
            kind=kind,  # type: ignore[arg-type]
            id=str(uuid.uuid4()),
            version=1,
            created_at=datetime(2026, 1, 5, tzinfo=UTC),
            updated_at=datetime(2026, 1, 5, tzinfo=UTC),
            data=data,
        )
        records.append(record)
        if personal_fields_in(kind, data):
            expected[record.id] = "personal_field"
            continue
        try:
            DATA_MODELS[kind].model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            expected[record.id] = f"invalid_record {where}: {first['msg']}"
        else:
            expected[record.id] = None
    assert None in expected.values() and len(set(expected.values())) > 3
    library_id, receipt = _apply(database, records)
    answered = {
        result["id"]: result["code"]
        + ("" if result["code"] == "personal_field" else f" {result['message']}")
        for result in receipt["results"]
    }
    assert {key: answered.get(key) for key in expected} == expected
    stored = _rows(database, library_id)
    assert {key: row.data for key, row in stored.items()} == {
        record.id: record.data for record in records if expected[record.id] is None
    }
