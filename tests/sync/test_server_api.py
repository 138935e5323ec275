"""The server's sync API against a real uvicorn process, on SQLite and PostgreSQL.

Each test keeps to libraries of its own on a server shared by the module.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from sync.protocol import PROBLEM_MEDIA_TYPE, Record
from sync.server.admin import devices
from sync.server.auth import hash_secret, normalize_code
from sync.server.models import EnrolmentCode
from tests.sync.conftest import (
    SyncServer,
    enroll,
    enroll_request,
    stored_records,
    visit,
)


def _problem(answer: requests.Response, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body = answer.json()
    assert body["code"] == code and body["status"] == status
    assert body["envelope"] == "perpusdesa-sync"


def _enroll(server: SyncServer, body: dict[str, Any]) -> requests.Response:
    return requests.post(f"{server.url}/api/v1/enroll", json=body, timeout=30)


def test_info_names_the_protocol_and_the_limits(shared_server: SyncServer) -> None:
    info = requests.get(f"{shared_server.url}/api/v1/info", timeout=10).json()
    assert info["envelope"] == "perpusdesa-sync"
    assert info["protocol_versions"] == [1] and info["schema_versions"] == [1]
    assert info["max_batch_records"] == 500 and info["max_batch_bytes"] == 256 * 1024
    skew = datetime.fromisoformat(info["server_time"]) - datetime.now(UTC)
    assert abs(skew) < timedelta(minutes=1)


def test_an_enrolment_code_works_once(shared_server: SyncServer) -> None:
    library = shared_server.add_library()
    code = shared_server.issue_code(library)
    typed = code.replace("-", "").lower()  # typed by hand: no dashes, small letters
    first = _enroll(shared_server, enroll_request(typed, library_id=library))
    assert first.status_code == 200, first.text
    assert first.json()["library_id"] == library and len(first.json()["token"]) >= 40
    _problem(_enroll(shared_server, enroll_request(code, library_id=library)), 403, "code_used")
    _problem(_enroll(shared_server, enroll_request("ABCD-EFGH-JK")), 403, "code_invalid")


def test_a_pc_whose_enrolment_answer_was_lost_may_ask_again_within_the_hour(
    shared_server: SyncServer,
) -> None:
    """On a line that drops, the code is used but the PC never gets the answer: the same PC
    (proving it holds the key) asking again gets a token; nobody else does, not even with
    the PC's public key (the server shows it), nor the PC after an hour."""
    library = shared_server.add_library()
    code = shared_server.issue_code(library)
    request = enroll_request(code, library_id=library)
    lost = _enroll(shared_server, request)
    assert lost.status_code == 200, lost.text
    again = _enroll(shared_server, request)
    assert again.status_code == 200, again.text
    ids = ("device_id", "library_id")
    assert [again.json()[k] for k in ids] == [lost.json()[k] for k in ids]

    def state(token: str) -> requests.Response:
        return requests.get(
            f"{shared_server.url}/api/v1/sync/state",
            params={"db_epoch": str(uuid.uuid4())},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )

    assert state(again.json()["token"]).status_code == 200
    _problem(state(lost.json()["token"]), 401, "token_invalid")  # the lost one never works
    # Another PC with the same code, or another key: used.
    _problem(_enroll(shared_server, enroll_request(code, library_id=library)), 403, "code_used")
    # The PC's public key without the proof, or with another key's: used.
    _problem(_enroll(shared_server, {**request, "proof": None}), 403, "code_used")
    forged = {**request, "proof": enroll_request(code, device_id=request["device_id"])["proof"]}
    _problem(_enroll(shared_server, forged), 403, "code_used")
    # The same PC after the hour: used.
    with shared_server.database().transaction() as session:
        row = session.scalars(
            select(EnrolmentCode).where(EnrolmentCode.library_id == library)
        ).one()
        assert row.used_at is not None
        row.used_at = row.used_at - timedelta(minutes=61)
    _problem(_enroll(shared_server, request), 403, "code_used")


def test_another_pc_with_the_same_device_id_gets_its_own(shared_server: SyncServer) -> None:
    """A copied folder (or a backup restored on new hardware) enrols with the PC's device
    id but its own key: it gets a new id, and the first PC keeps its id and its token."""
    first = enroll(shared_server)
    assert first.put(first.batch([visit()])).status_code == 200

    def enrol_as_first(key: Any = None) -> dict[str, Any]:
        code = shared_server.issue_code(first.library_id)
        request = enroll_request(code, first.library_id, first.device_id, key)
        answer = _enroll(shared_server, request)
        assert answer.status_code == 200, answer.text
        assert answer.json()["library_id"] == first.library_id
        return answer.json()

    assert enrol_as_first()["device_id"] != first.device_id  # another key: another PC
    assert first.put(first.batch([visit()], seq_from=2)).status_code == 200
    # The same PC (the same key) enrolling again keeps its id; the new token replaces the old.
    assert enrol_as_first(first.key)["device_id"] == first.device_id
    _problem(first.put(first.batch([visit()], seq_from=3)), 401, "token_invalid")


def test_an_expired_code_is_refused(shared_server: SyncServer) -> None:
    library = shared_server.add_library()
    code = shared_server.issue_code(library)
    with shared_server.database().transaction() as session:
        session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code_hash == hash_secret(normalize_code(code)))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    _problem(_enroll(shared_server, enroll_request(code, library_id=library)), 403, "code_expired")


def test_a_new_registration_takes_the_pcs_library_id(shared_server: SyncServer) -> None:
    registered = shared_server.add_library()
    pc_library = str(uuid.uuid4())
    answer = _enroll(
        shared_server, enroll_request(shared_server.issue_code(registered), library_id=pc_library)
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["library_id"] == pc_library  # the server re-keyed its library
    with shared_server.database().transaction() as session:
        used_by = session.scalars(
            select(EnrolmentCode.used_by_device_id).where(EnrolmentCode.library_id == pc_library)
        ).all()
    assert used_by == [answer.json()["device_id"]]
    # A second PC of that library (another id) adopts the settled id.
    second = _enroll(
        shared_server,
        enroll_request(shared_server.issue_code(pc_library), library_id=str(uuid.uuid4())),
    )
    assert second.status_code == 200, second.text
    assert second.json()["library_id"] == pc_library


def test_a_library_id_of_another_library_is_not_taken(shared_server: SyncServer) -> None:
    other = shared_server.add_library()
    mine = shared_server.add_library()
    answer = _enroll(
        shared_server, enroll_request(shared_server.issue_code(mine), library_id=other)
    )
    _problem(answer, 409, "library_id_conflict")


def test_upsert_by_version(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    rid = str(uuid.uuid4())

    def send(version: int, seq: int, purpose: str) -> dict[str, Any]:
        record = visit(rid, version, purposes=[purpose])
        answer = device.put(device.batch([record], seq_from=seq))
        assert answer.status_code == 200, answer.text
        return answer.json()

    assert send(1, 1, "membaca")["counts"]["inserted"] == 1
    assert send(1, 2, "internet")["counts"]["unchanged"] == 1
    assert send(3, 3, "belajar")["counts"]["updated"] == 1
    stale = send(2, 4, "lainnya")
    assert stale["counts"]["stale"] == 1
    (result,) = stale["results"]
    assert (result["status"], result["id"], result["server_version"]) == ("stale", rid, 3)
    made = visit(rid, 3).updated_at
    assert datetime.fromisoformat(result["server_updated_at"]) == made
    assert stored_records(shared_server, device.library_id) == {
        ("visit", rid): (3, visit(rid, 3, purposes=["belajar"]).data)
    }


def test_bad_records_are_rejected_alone(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    good = visit()
    named = visit(guest_name="Budi Santoso")  # a personal field
    invalid = visit(gender="X")
    foreign = Record(
        kind="library",
        id=str(uuid.uuid4()),
        version=1,
        created_at=datetime.now(UTC),
        updated_at=datetime.now(UTC),
        data={
            "name": "Perpustakaan Lain",
            "library_type": "desa",
            "region_code": "33.74.01.1001",
            "time_zone": "WIB",
        },
    )
    answer = device.put(device.batch([named, good, invalid, foreign]))
    assert answer.status_code == 200, answer.text
    receipt = answer.json()
    assert receipt["counts"] == {
        "inserted": 1,
        "updated": 0,
        "unchanged": 0,
        "stale": 0,
        "rejected": 3,
    }
    codes = {result["id"]: result["code"] for result in receipt["results"]}
    assert codes == {
        named.id: "personal_field",
        invalid.id: "invalid_record",
        foreign.id: "forbidden_library",
    }
    # A refusal reads as it always did: the server's version and time only where they
    # say something (a PC not yet updated must read every receipt of a newer server).
    assert {tuple(result) for result in receipt["results"]} == {
        ("kind", "id", "status", "code", "message")
    }
    assert set(stored_records(shared_server, device.library_id)) == {("visit", good.id)}


def test_the_own_library_record_is_taken(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    own = Record(
        kind="library",
        id=device.library_id,
        version=1,
        created_at=datetime.now(UTC),
        updated_at=datetime.now(UTC),
        data={
            "name": "Perpustakaan Desa Miroto",
            "library_type": "desa",
            "region_code": "33.74.01.1001",
            "time_zone": "WIB",
        },
    )
    receipt = device.put(device.batch([own])).json()
    assert receipt["counts"]["inserted"] == 1, receipt


def test_a_replay_returns_the_stored_receipt_and_changes_nothing(
    shared_server: SyncServer,
) -> None:
    device = enroll(shared_server)
    batch = device.batch([visit(), visit()], seq_from=1, seq_to=5)
    first = device.put(batch)
    assert first.status_code == 200 and first.json()["counts"]["inserted"] == 2
    before = stored_records(shared_server, device.library_id)
    again = device.put(batch)
    assert again.status_code == 200
    assert again.json() == first.json()  # the same receipt, received_at included
    assert device.get(f"/batches/{batch.batch_id}").json() == first.json()
    assert stored_records(shared_server, device.library_id) == before
    # The same id for another range is a conflict, and changes nothing either.
    other = device.batch([visit()], seq_from=6, seq_to=6, batch_id=batch.batch_id)
    _problem(device.put(other), 409, "batch_conflict")
    assert stored_records(shared_server, device.library_id) == before
    _problem(device.get(f"/batches/{uuid.uuid4()}"), 404, "not_found")


def test_the_high_water_mark_waits_for_a_gap(shared_server: SyncServer) -> None:
    device = enroll(shared_server)

    def mark() -> int:
        answer = device.get("/sync/state", db_epoch=device.epoch)
        assert answer.status_code == 200, answer.text
        assert answer.json()["library_id"] == device.library_id
        high: int = answer.json()["high_water"]
        return high

    assert mark() == 0
    assert device.put(device.batch([visit()], 1, 10)).json()["high_water"] == 10
    assert device.put(device.batch([visit()], 21, 30)).json()["high_water"] == 10  # 11-20 lost
    assert mark() == 10
    # The ranges that arrived, so that the PC can tell what past the gap the server has.
    state = device.get("/sync/state", db_epoch=device.epoch).json()
    assert state["received"] == [[1, 10], [21, 30]]
    assert device.put(device.batch([visit()], 11, 20)).json()["high_water"] == 30
    assert mark() == 30
    other_epoch = device.get("/sync/state", db_epoch=str(uuid.uuid4())).json()
    assert other_epoch["high_water"] == 0 and other_epoch["received"] == []


def test_a_token_of_one_library_cannot_touch_another(shared_server: SyncServer) -> None:
    a = enroll(shared_server)
    b = enroll(shared_server)
    b_batch = b.batch([visit()])
    assert b.put(b_batch).status_code == 200
    # A writes a batch naming B's library: refused whole.
    forged = a.batch([visit()])
    forged = forged.model_copy(update={"library_id": b.library_id})
    _problem(a.put(forged), 403, "forbidden_library")
    # A batch naming B's device with A's token: refused.
    _problem(a.put(a.batch([visit()]).model_copy(update={"device_id": b.device_id})), 403,
             "device_mismatch")  # fmt: skip
    # A cannot read B's receipt nor its mark.
    _problem(a.get(f"/batches/{b_batch.batch_id}"), 404, "not_found")
    assert a.get("/sync/state", db_epoch=b.epoch).json()["high_water"] == 0
    assert len(stored_records(shared_server, b.library_id)) == 1
    assert stored_records(shared_server, a.library_id) == {}


def test_a_revoked_token_is_refused_at_once(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    assert device.put(device.batch([visit()])).status_code == 200
    done = shared_server.run_cli("revoke", device.device_id)
    assert done.returncode == 0, done.stderr
    _problem(device.put(device.batch([visit()], seq_from=2)), 401, "token_revoked")
    _problem(device.get("/sync/state", db_epoch=device.epoch), 401, "token_revoked")
    listed = devices(shared_server.database(), device.library_id)
    assert [(row.device_id, row.revoked_at is not None) for row in listed] == [
        (device.device_id, True)
    ]


def test_no_or_an_unknown_token_is_refused(shared_server: SyncServer) -> None:
    url = f"{shared_server.url}/api/v1/sync/state?db_epoch=1"
    _problem(requests.get(url, timeout=10), 401, "auth_required")
    answer = requests.get(url, headers={"Authorization": "Bearer nope"}, timeout=10)
    _problem(answer, 401, "token_invalid")


def test_the_reference_lists_and_the_profile(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    reference = device.get("/reference").json()
    assert reference["version"] >= 1
    assert "literasi_digital" in {entry["code"] for entry in reference["activity_categories"]}
    assert {entry["code"] for entry in reference["age_bands"]} >= {"anak", "lansia"}
    assert reference["library"]["region_code"] == "33.74.01.1001"
    assert reference["library"]["time_zone"] == "WIB"


@pytest.mark.parametrize(
    ("path", "method", "status", "code"),
    [
        ("/api/v1/nothing", "get", 404, "not_found"),
        ("/api/v1/info", "delete", 405, "method_not_allowed"),
        ("/api/v1/enroll", "post", 422, "format_invalid"),  # no body
        ("/api/v1/batches/not-a-uuid!", "get", 422, "format_invalid"),
    ],
)
def test_frameworks_own_errors_are_problems(
    shared_server: SyncServer, path: str, method: str, status: int, code: str
) -> None:
    answer = requests.request(method, f"{shared_server.url}{path}", timeout=10)
    _problem(answer, status, code)


def test_the_same_batch_sent_four_times_at_once_is_applied_once(
    shared_server: SyncServer,
) -> None:
    device = enroll(shared_server)
    batch = device.batch([visit() for _ in range(50)])
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: device.put(batch), range(4)))
    assert [answer.status_code for answer in answers] == [200] * 4, [a.text for a in answers]
    receipts = [answer.json() for answer in answers]
    assert all(receipt == receipts[0] for receipt in receipts)
    assert receipts[0]["counts"]["inserted"] == 50
    assert len(stored_records(shared_server, device.library_id)) == 50
