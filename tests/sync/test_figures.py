"""The server's figures of a library-month equal the PC's own monthly report.

A demo library (one year) is read as the wire carries it
(``sync.records.read_records``, through JSON as the server stores it) and
added up by ``sync.server.figures.library_months``; every month is compared,
figure by figure, with ``app.reports.figures.compute_report`` (and the held
activities with ``app.core.activities.figures_of``). Hand-made records cover
the awkward cases: a loan returned the month after, tombstones, planned and
cancelled activities, groups, a visit near midnight in another time zone.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from app.core.activities import activity_views_between, figures_of
from app.core.clock import ZONES, to_db
from app.reports.figures import compute_report
from app.reports.model import Period, Report
from sync.protocol import RECORD_KINDS
from sync.records import read_records, wire_data
from sync.server import figures
from tests.sync_child import demo_copy

NOW = datetime(2027, 6, 1, tzinfo=UTC)  # after every month of the demo: all have ended

Rows = list[tuple[str, dict[str, Any], datetime | None]]


@dataclass(frozen=True)
class Demo:
    conn: sqlite3.Connection
    rows: Rows
    time_zone: str


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    db = demo_copy(tmp_path_factory.mktemp("figures") / "data")
    _touch_up(db.path)
    conn = db.connect()
    rows: Rows = []
    for kind in RECORD_KINDS:
        ids = [row[0] for row in conn.execute(f"SELECT id FROM {kind}")]
        for record in read_records(conn, kind, ids).values():
            # As the server stores it: the payload as JSON.
            rows.append((kind, json.loads(json.dumps(wire_data(record))), record.deleted_at))
    (zone,) = [data["time_zone"] for kind, data, _ in rows if kind == "library"]
    yield Demo(conn, rows, zone)
    conn.close()
    db.dispose()


def _touch_up(path: Path) -> None:
    """Tombstone some records of every counted kind (the demo deletes none), and move some
    visits and returns to just before and just after local midnight at a month's end
    (the demo's library is open in the daytime only). WIB is UTC+7."""
    last_day = "date({0}, 'start of month', '+1 month', '-1 day')"
    raw = sqlite3.connect(path)
    with raw:
        for kind, every in TOMBSTONED.items():
            raw.execute(
                f"UPDATE {kind} SET deleted_at = '2026-11-19 10:00:00.000000'"
                f" WHERE rowid % {every} = 0"
            )
        for column, table, rest, moment in (
            ("visited_at", "visit", 1, "16:59:59.900000"),  # 23:59:59.9 on the last day
            ("visited_at", "visit", 2, "17:00:00.000000"),  # 00:00 on the 1st
            ("returned_at", "loan", 3, "17:30:00.000000"),
        ):
            raw.execute(
                f"UPDATE {table} SET {column} = {last_day.format(column)} || ' {moment}'"
                f" WHERE rowid % 23 = {rest} AND {column} IS NOT NULL"
            )
    raw.close()


# Kind -> one record in how many is deleted.
TOMBSTONED = {"visit": 40, "member": 30, "loan": 25, "activity": 7, "partnership": 3, "story": 2}


# --- the demo library, month by month --------------------------------------------------------


def test_every_month_of_the_demo_equals_the_pcs_report(demo: Demo) -> None:
    months = figures.library_months(demo.rows, demo.time_zone)
    assert len(months) >= 12
    deleted = {kind for kind, _, when in demo.rows if when is not None}
    assert deleted == set(TOMBSTONED)
    keys = sorted(months)
    year, month = int(keys[0][:4]), int(keys[0][5:])
    last = keys[-1]
    compared = 0
    mismatches: list[str] = []
    period = Period.of_month(year, month).previous()  # one month before: nothing
    while period.key <= _next(last):
        report = compute_report(demo.conn, period, now=NOW)
        expected = _from_pc(demo.conn, report, demo.time_zone)
        found = months.get(period.key, figures.empty())
        mismatches += [f"{period.key} {line}" for line in _differences(expected, found)]
        # The stock figures, added up from the beginning.
        total = figures.members_total(months, period.key)
        if total != report.membership.total.current:
            mismatches.append(
                f"{period.key} members total: server {total}"
                f" != PC {report.membership.total.current}"
            )
        in_force = figures.agreements_in_force(months, period.key, period.key)
        if in_force != report.partnerships.in_force.current:
            mismatches.append(
                f"{period.key} agreements in force: server {in_force}"
                f" != PC {report.partnerships.in_force.current}"
            )
        compared += 1
        period = _following(period)
    assert not mismatches, "server figures differ from the PC's report:\n" + "\n".join(mismatches)
    assert compared >= 14
    # The last month: the members the server counts are exactly the PC's.
    report = compute_report(demo.conn, Period.parse(last), now=NOW)
    assert figures.members_total(months, last) == report.membership.total.current
    # The demo exercises what is compared.
    year_total = figures.months_between(months, keys[0], last)
    for path in (
        "visits.groups",
        "members.gone",
        "loans.returns",
        "activities.planned",
        "activities.cancelled",
        "meetings.representatives",
        "trainings.trainees",
        "partnerships.agreements",
        "partnerships.rupiah",
        "stories.publishable",
    ):
        section, key = path.split(".")
        assert year_total[section][key] > 0, path


def _next(key: str) -> str:
    return _following(Period.parse(key)).key


def _following(period: Period) -> Period:
    assert period.month is not None
    if period.month == 12:
        return Period.of_month(period.year + 1, 1)
    return Period.of_month(period.year, period.month + 1)


def _local_midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZONES[zone])


def _rows(breakdown: Any, *, leave_out: str = "") -> dict[str, int]:
    return {
        row.code: row.value.current
        for row in breakdown.rows
        if row.value.current and row.code != leave_out
    }


def _from_pc(conn: sqlite3.Connection, report: Report, zone: str) -> dict[str, Any]:
    """The PC's figures of the month, in the server's shape.

    From the report; what it does not break down (held activities by kind,
    representatives by type, trainee libraries) from ``figures_of`` of the
    month's activities, and what the server adds (members by type and those
    who left, agreements ended, trainees by target group) from the PC's tables.
    """
    period = report.period
    first, last = period.first_day.isoformat(), period.last_day.isoformat()
    start = _local_midnight(period.first_day, zone)
    end = _local_midnight(_following(period).first_day, zone)
    views = activity_views_between(conn, start, end, ZONES[zone])
    held = figures_of(views)
    v, m, a = report.visits, report.membership, report.activities
    p, s = report.partnerships, report.stories

    def members(where: str) -> tuple[int, dict[str, int], dict[str, int]]:
        sql = (
            "SELECT {0}, count(*) FROM member WHERE deleted_at IS NULL"
            f" AND registered_on >= ? AND registered_on <= ? {where} GROUP BY 1"
        )
        by_gender = dict(conn.execute(sql.format("gender"), (first, last)).fetchall())
        by_type = dict(conn.execute(sql.format("member_type"), (first, last)).fetchall())
        return sum(by_gender.values()), by_gender, by_type

    _, _, new_by_type = members("")
    # Members whose membership ended in the month (the PC's total drops then).
    gone_sql = (
        "SELECT {0}, count(*) FROM member WHERE deleted_at IS NULL AND active = 0"
        " AND deactivated_at >= ? AND deactivated_at < ? GROUP BY 1"
    )
    bounds = (to_db(start), to_db(end))
    gone_by_gender = dict(conn.execute(gone_sql.format("gender"), bounds).fetchall())
    gone_by_type = dict(conn.execute(gone_sql.format("member_type"), bounds).fetchall())
    gone = sum(gone_by_gender.values())
    (ended,) = conn.execute(
        "SELECT count(*) FROM partnership WHERE deleted_at IS NULL AND kind IN ('mou', 'pks')"
        " AND end_on >= ? AND end_on <= ?",
        (first, last),
    ).fetchone()
    trainees: dict[str, int] = {}
    for view in views:
        if view.counts and view.kind == "pelatihan":
            group = view.target_group or "unknown"
            trainees[group] = trainees.get(group, 0) + view.participants_total
    return {
        "visits": {
            "total": v.people.current,
            "male": v.by_gender.value("L").current,
            "female": v.by_gender.value("P").current,
            "unknown": v.by_age_band.value("unknown").current,
            "members": v.by_kind.value("member").current,
            "guests": v.by_kind.value("guest").current,
            "groups": v.by_kind.value("group").current,
            "lines": v.visits.current,
            "by_age_band": _rows(v.by_age_band, leave_out="unknown"),
            "by_purpose": _rows(v.by_purpose),
        },
        "members": {
            "new": m.new.current,
            "new_by_gender": _rows(m.new_by_gender),
            "new_by_type": new_by_type,
            "gone": gone,
            "gone_by_gender": gone_by_gender,
            "gone_by_type": gone_by_type,
        },
        "loans": {
            "total": report.circulation.loans.current,
            "returns": report.circulation.returns.current,
        },
        "activities": {
            "total": a.count.current,
            "by_category": _rows(a.by_category),
            "by_strategy": _rows(a.by_strategy),
            "by_kind": dict(held.by_kind),
            "planned": a.planned,
            "cancelled": a.cancelled,
        },
        "people": {
            "total": a.people.current,
            "male": a.by_gender.value("L").current,
            "female": a.by_gender.value("P").current,
            "unknown": a.by_age_band.value("unknown").current,
            "by_age_band": _rows(a.by_age_band, leave_out="unknown"),
            "by_category": _rows(a.people_by_category),
        },
        "meetings": {
            "total": a.meetings.current,
            "representatives": a.representatives.current,
            "by_type": dict(held.representatives_by_type),
        },
        "trainings": {
            "total": a.trainings.current,
            "trainees": a.trainees.current,
            "trainee_libraries": held.trainee_libraries,
            "trainees_by_target_group": trainees,
        },
        "partnerships": {
            "agreements": p.new_agreements.current,
            "ended": ended,
            "support": p.support_received.current,
            "rupiah": p.rupiah.current,
            "rupiah_by_type": _rows(p.rupiah_by_type),
        },
        "stories": {
            "total": s.count.current,
            "publishable": sum(1 for line in s.lines if line.named),
        },
    }


def _flat(tree: Mapping[str, Any], prefix: str = "") -> dict[str, int]:
    """{"visits.by_purpose.membaca": n} of the non-zero leaves."""
    found: dict[str, int] = {}
    for key, value in tree.items():
        if isinstance(value, Mapping):
            found |= _flat(value, f"{prefix}{key}.")
        elif value:
            found[f"{prefix}{key}"] = value
    return found


def _differences(expected: Mapping[str, Any], found: Mapping[str, Any]) -> list[str]:
    pc, server = _flat(expected), _flat(found)
    return [
        f"{key}: PC {pc.get(key, 0)} != server {server.get(key, 0)}"
        for key in sorted(pc.keys() | server.keys())
        if pc.get(key, 0) != server.get(key, 0)
    ]


def test_the_figures_are_json_with_int_leaves(demo: Demo) -> None:
    months = figures.library_months(demo.rows, demo.time_zone)
    assert json.loads(json.dumps(months)) == months
    for month in months.values():
        assert _shape(month) == _shape(figures.empty())
        for key, value in _flat(month).items():
            assert type(value) is int, key


def _shape(tree: Mapping[str, Any]) -> dict[str, Any]:
    """The keys down to the {code: n} maps (whose codes vary)."""
    return {
        key: (_shape(value) if isinstance(value, Mapping) and key[:3] != "by_" else None)
        for key, value in tree.items()
        if not (isinstance(value, Mapping) and ("by_" in key))
    }


# --- hand-made records ----------------------------------------------------------------------


def _visit(at: str, **fields: Any) -> tuple[str, dict[str, Any], None]:
    data = {"kind": "guest", "visited_at": at, "count_male": 1, "count_female": 0} | fields
    return ("visit", data, None)


def _activity(
    at: str, status: str = "terlaksana", **fields: Any
) -> tuple[str, dict[str, Any], None]:
    data = {
        "kind": "kegiatan",
        "title": "Kelas membaca",
        "category_code": "literasi_dasar",
        "strategy": "pelibatan",
        "starts_at": at,
        "status": status,
        "participants": {"L": {"anak": 3}, "P": {"anak": 4, "remaja": 1}},
        "participants_male": 3,
        "participants_female": 5,
    } | fields
    return ("activity", data, None)


def test_a_loan_returned_the_next_month_counts_its_return_there() -> None:
    loan = {
        "item_id": "a1",
        "loaned_at": "2026-10-30T03:00:00Z",
        "due_on": "2026-11-06",
        "returned_at": "2026-11-02T02:00:00Z",
    }
    out = {**loan, "returned_at": None}
    months = figures.library_months([("loan", loan, None), ("loan", out, None)], "WIB")
    assert sorted(months) == ["2026-10", "2026-11"]
    assert months["2026-10"]["loans"] == {"total": 2, "returns": 0}
    assert months["2026-11"]["loans"] == {"total": 0, "returns": 1}


def test_tombstones_count_nowhere() -> None:
    gone = datetime(2026, 11, 20, tzinfo=UTC)
    rows = [
        _visit("2026-11-05T03:00:00Z"),
        ("visit", _visit("2026-11-05T04:00:00Z")[1], gone),
        ("visit", _visit("2026-12-05T04:00:00Z")[1], gone),  # its month holds nothing
        ("activity", _activity("2026-11-05T04:00:00Z")[1], gone),
        ("member", {"gender": "P", "member_type": "umum", "registered_on": "2026-11-02"}, gone),
        ("story", {"consent_at": "2026-11-03T04:00:00Z", "publish_with_name": True}, "2026-11-04"),
    ]
    months = figures.library_months(rows, "WIB")
    assert list(months) == ["2026-11"]
    expected = figures.empty()
    expected["visits"] |= {"total": 1, "male": 1, "unknown": 1, "guests": 1, "lines": 1}
    assert months["2026-11"] == expected


def test_only_held_activities_count_planned_and_cancelled_only_as_such() -> None:
    rows = [
        _activity("2026-11-05T03:00:00Z"),
        _activity("2026-11-06T03:00:00Z", status="rencana"),
        _activity("2026-11-07T03:00:00Z", status="batal"),
        _activity("2026-11-08T03:00:00Z", status="batal"),
        _activity(
            "2026-11-09T03:00:00Z",
            kind="pertemuan",
            category_code="advokasi_desa",
            strategy="advokasi",
            participants={},
            participants_male=4,
            participants_female=2,
            representatives={"bpd": 2, "pkk": 3},
        ),
        _activity(
            "2026-11-10T03:00:00Z",
            kind="pelatihan",
            target_group="pengelola_perpustakaan",
            trainee_libraries=6,
        ),
        _activity("2026-11-11T03:00:00Z", status="batal", kind="pelatihan", trainee_libraries=9),
    ]
    f = figures.library_months(rows, "WIB")["2026-11"]
    assert f["activities"] == {
        "total": 3,
        "by_category": {"literasi_dasar": 2, "advokasi_desa": 1},
        "by_strategy": {"pelibatan": 2, "advokasi": 1},
        "by_kind": {"kegiatan": 1, "pertemuan": 1, "pelatihan": 1},
        "planned": 1,
        "cancelled": 3,
    }
    assert f["people"] == {
        "total": 22,
        "male": 10,
        "female": 12,
        "unknown": 6,  # the meeting's six people have no age grid
        "by_age_band": {"anak": 14, "remaja": 2},
        "by_category": {"literasi_dasar": 16, "advokasi_desa": 6},
    }
    assert f["meetings"] == {"total": 1, "representatives": 5, "by_type": {"bpd": 2, "pkk": 3}}
    assert f["trainings"] == {
        "total": 1,
        "trainees": 8,
        "trainee_libraries": 6,
        "trainees_by_target_group": {"pengelola_perpustakaan": 8},
    }


def test_a_group_visit_adds_its_headcounts() -> None:
    rows = [
        _visit(
            "2026-11-05T03:00:00Z",
            kind="group",
            count_male=12,
            count_female=15,
            age_counts={"anak": 20},
            purposes=["membaca", "membaca", "diskusi"],
        ),
        _visit(
            "2026-11-05T04:00:00Z",
            kind="member",
            count_male=0,
            count_female=1,
            age_counts={"dewasa": 1},
            purposes=["membaca"],
        ),
    ]
    v = figures.library_months(rows, "WIB")["2026-11"]["visits"]
    assert v == {
        "total": 28,
        "male": 12,
        "female": 16,
        "unknown": 7,
        "members": 1,
        "guests": 0,
        "groups": 27,
        "lines": 2,
        "by_age_band": {"anak": 20, "dewasa": 1},
        "by_purpose": {"membaca": 28, "diskusi": 27},  # a purpose given twice counts once
    }


@pytest.mark.parametrize(
    ("at", "zone", "month"),
    [
        ("2026-11-30T16:30:00Z", "WIB", "2026-11"),  # 23:30 on the last day
        ("2026-11-30T16:59:59.999999Z", "WIB", "2026-11"),
        ("2026-11-30T17:00:00Z", "WIB", "2026-12"),  # midnight
        ("2026-11-30T15:30:00Z", "WITA", "2026-11"),
        ("2026-11-30T16:30:00Z", "WITA", "2026-12"),
        ("2026-11-30T14:59:59Z", "WIT", "2026-11"),
        ("2026-11-30T15:00:00Z", "WIT", "2026-12"),
        ("2026-12-31T15:00:00Z", "WIT", "2027-01"),  # the year turns
        ("2026-11-29T16:30:00Z", "WIT", "2026-11"),  # not the last day
        ("2028-02-28T17:00:00Z", "WIB", "2028-02"),  # the 29th of a leap year
        ("2028-02-29T17:00:00Z", "WIB", "2028-03"),
        ("2027-02-28T17:00:00Z", "WIB", "2027-03"),
        ("2026-12-01T00:30:00+09:00", "WIT", "2026-12"),  # other ways to write a time
        ("2026-12-01T00:30:00+09:00", "WIB", "2026-11"),
        ("2026-11-30 16:30:00", "WITA", "2026-12"),  # no zone: UTC
        ("2026-11-30T18:30:00-05:00", "WIB", "2026-12"),
        (datetime(2026, 11, 30, 16, 30, tzinfo=UTC), "WITA", "2026-12"),
        (1796056200, "WITA", "2026-12"),  # a Unix time, as pydantic reads it: 16:30 UTC
    ],
)
def test_a_time_counts_in_the_librarys_own_month(at: Any, zone: str, month: str) -> None:
    assert list(figures.library_months([_visit(at)], zone)) == [month]
    loan = {"item_id": "a1", "loaned_at": at, "due_on": "2026-12-07", "returned_at": at}
    assert figures.library_months([("loan", loan, None)], zone)[month]["loans"] == {
        "total": 1,
        "returns": 1,
    }


def test_members_and_agreements_add_up_from_the_beginning() -> None:
    def member(
        day: str, gender: str, active: bool = True, left: str | None = None
    ) -> tuple[str, dict[str, Any], None]:
        data = {"gender": gender, "member_type": "umum", "registered_on": day, "active": active}
        if left is not None:
            data["deactivated_at"] = left
        return ("member", data, None)

    def agreement(start: str, end: str | None, kind: str = "mou") -> tuple[str, Any, None]:
        data = {"kind": kind, "title": "Kerja sama", "start_on": start, "end_on": end}
        return ("partnership", json.dumps(data), None)  # the payload as stored JSON text

    rows = [
        member("2026-09-10", "L"),
        member("2026-09-30", "P", active=False),  # from an older PC: no time, its own month
        member("2026-09-12", "L", active=False, left="2026-10-31T16:30:00Z"),  # 1 Nov, WITA
        member("2026-10-01", "P"),
        agreement("2026-09-01", "2026-10-15"),
        agreement("2026-10-20", None, kind="pks"),
        agreement("2026-10-20", "2026-10-25"),
        agreement("2026-11-05", "2026-11-01"),  # ends before it starts: never refused here
        agreement("2026-12-01", None, kind="regulasi"),  # not an agreement: no month
        (
            "partnership",
            {"kind": "dukungan", "start_on": "2026-10-02", "value_rupiah": 5_000_000},
            None,
        ),
        (
            "partnership",
            {"kind": "dukungan", "start_on": "2026-10-03", "support_type": "buku"},
            None,
        ),
    ]
    months = figures.library_months(rows, "WITA")
    assert sorted(months) == ["2026-09", "2026-10", "2026-11"]
    assert months["2026-09"]["members"] == {
        "new": 3,
        "new_by_gender": {"L": 2, "P": 1},
        "new_by_type": {"umum": 3},
        "gone": 1,
        "gone_by_gender": {"P": 1},
        "gone_by_type": {"umum": 1},
    }
    assert months["2026-11"]["members"]["gone_by_gender"] == {"L": 1}
    totals = [figures.members_total(months, m) for m in ("2026-08", "2026-09", "2026-10")]
    assert totals == [0, 2, 3]
    assert [figures.members_total(months, m) for m in ("2026-11", "2026-12")] == [2, 2]
    assert months["2026-10"]["partnerships"] == {
        "agreements": 2,
        "ended": 2,
        "support": 2,
        "rupiah": 5_000_000,
        "rupiah_by_type": {"lainnya": 5_000_000, "buku": 0},
    }
    in_force = {
        m: figures.agreements_in_force(months, m, m)
        for m in ("2026-08", "2026-09", "2026-10", "2026-11", "2026-12")
    }
    assert in_force == {"2026-08": 0, "2026-09": 1, "2026-10": 3, "2026-11": 2, "2026-12": 1}
    assert figures.agreements_in_force(months, "2026-09", "2026-12") == 4


def test_add_sums_nested_figures_in_place() -> None:
    part = figures.empty()
    part["visits"]["total"] = 3
    part["visits"]["by_purpose"] = {"membaca": 3}
    part["members"]["new_by_gender"] = {"L": 1}
    total = figures.empty()
    total["visits"]["by_purpose"] = {"membaca": 1, "diskusi": 2}
    assert figures.add(total, part) is total
    figures.add(total, part)
    assert total["visits"]["total"] == 6
    assert total["visits"]["by_purpose"] == {"membaca": 7, "diskusi": 2}
    assert total["members"]["new_by_gender"] == {"L": 2}
    # Keys only the part has are copied, not shared.
    fresh = figures.add({}, part)
    fresh["visits"]["by_purpose"]["membaca"] += 10
    assert part["visits"]["by_purpose"] == {"membaca": 3}
    assert figures.add({}, {}) == {}
    summed = figures.months_between(
        {"2026-09": part, "2026-10": part, "2026-11": part}, "2026-10", "2026-11"
    )
    assert summed["visits"]["total"] == 6
    assert figures.months_between({}, "2026-01", "2026-12") == figures.empty()
