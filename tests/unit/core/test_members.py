"""Members: consent, guardians, numbers, search, renew, erase, export, permissions.

Every rule is checked against the real database: what is refused leaves no
member row and no outbox row behind; what is erased is gone from the row itself.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.auth import Role, User, UserService
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.members import (
    CONSENT_TEXT,
    ERASED_NAME,
    MemberInput,
    MemberService,
    MemberView,
    add_months,
    fts_query,
)
from app.core.settings import Settings
from app.db.models import Item, Loan, Title, Visit
from app.db.uow import UnitOfWork
from tests.conftest import VILLAGE_CODE, LibraryDb

# 10 March 2026, 10:00 WIB: the library's "today" is 2026-03-10.
NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)
OTHER_VILLAGE = "33.74.01.1002"  # Brumbungan, in the same kecamatan


def adult(**changes: Any) -> MemberInput:
    fields: dict[str, Any] = {
        "name": "Siti Wahyuningsih",
        "gender": "P",
        "birth_date": date(1990, 5, 17),
        "address": "Jl. Pemuda No. 5",
        "rt": "3",
        "rw": "12",
        "village_code": VILLAGE_CODE,
        "phone": "0812-3456-7890",
        "occupation": "guru",
        "education": "s1",
        "consent_given": True,
    }
    fields.update(changes)
    return MemberInput(**fields)


def child(**changes: Any) -> MemberInput:
    fields: dict[str, Any] = {
        "name": "Rafi Pratama",
        "gender": "L",
        "birth_date": date(2016, 8, 1),
        "member_type": "anak",
        "guardian_name": "Bambang Pratama",
        "guardian_consent": True,
        "phone": None,
        "occupation": None,
        "education": "sd",
    }
    fields.update(changes)
    return adult(**fields)


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def service(library_db: LibraryDb, conn: sqlite3.Connection) -> MemberService:
    return MemberService(library_db.db, library_db.admin, lambda: NOW, conn=conn)


def staff(library_db: LibraryDb, conn: sqlite3.Connection, role: Role) -> User:
    return UserService(conn).create_user(
        library_db.admin, role.value, f"Staf {role.value}", role.value, "rahasia123"
    )


def as_user(library_db: LibraryDb, conn: sqlite3.Connection, user: User) -> MemberService:
    return MemberService(library_db.db, user, lambda: NOW, conn=conn)


def member_row(conn: sqlite3.Connection, member_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM member WHERE id = ?", (member_id,)).fetchone()
    assert row is not None
    return row


def counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """(member rows, outbox rows): what a refused save must leave unchanged."""
    members = conn.execute("SELECT count(*) FROM member").fetchone()[0]
    outbox = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    return int(members), int(outbox)


def refused(service: MemberService, data: MemberInput) -> ValidationError:
    before = counts(service.conn)
    with pytest.raises(ValidationError) as caught:
        service.register(data)
    assert counts(service.conn) == before, "a refused member left rows behind"
    return caught.value


# --- consent ------------------------------------------------------------------------


def test_no_member_is_saved_without_consent(service: MemberService) -> None:
    error = refused(service, adult(consent_given=False))
    assert error.field == "consent"
    assert "agree" in error.message


def test_consent_is_recorded_with_time_and_staff_member(
    service: MemberService, library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    member = service.register(adult())
    assert member.consent_at == NOW
    assert member.consent_by_name == library_db.admin.full_name
    assert member.guardian_name is None and member.guardian_consent_at is None
    row = member_row(conn, member.id)
    assert row["consent_by"] == library_db.admin.id
    assert row["consent_at"].startswith("2026-03-10 03:00:00")


def test_a_child_needs_a_guardian_and_their_consent(service: MemberService) -> None:
    assert refused(service, child(guardian_name=None)).field == "guardian"
    assert refused(service, child(guardian_name="   ")).field == "guardian"
    assert refused(service, child(guardian_consent=False)).field == "guardian"
    saved = service.register(child())
    assert saved.guardian_name == "Bambang Pratama"
    assert saved.guardian_consent_at == NOW
    assert saved.age_band == "anak"


def test_seventeen_on_the_registration_day_is_still_a_child(service: MemberService) -> None:
    # 18 on 11 March 2026: registered on the 10th, a guardian is needed.
    teenager = adult(birth_date=date(2008, 3, 11), member_type="pelajar")
    assert refused(service, teenager).field == "guardian"
    eighteen = adult(birth_date=date(2008, 3, 10), member_type="pelajar")
    assert service.register(eighteen).guardian_name is None


def test_a_child_member_without_birth_date_still_needs_a_guardian(
    service: MemberService,
) -> None:
    assert refused(service, child(birth_date=None, guardian_name=None)).field == "guardian"
    assert service.register(child(birth_date=None)).age_band is None


def test_a_guardian_named_without_their_consent_is_refused(service: MemberService) -> None:
    assert refused(service, adult(guardian_name="Ibu Sumarni")).field == "guardian"


# --- other rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "S" * 201}, "name"),
        ({"gender": "X"}, "gender"),
        ({"gender": ""}, "gender"),
        ({"birth_date": TODAY + timedelta(days=1)}, "birth_date"),
        ({"birth_date": date(1900, 1, 1)}, "birth_date"),
        ({"registered_on": TODAY + timedelta(days=1)}, "registered_on"),
        ({"registered_on": date(1989, 1, 1)}, "birth_date"),  # born after registering
        ({"member_type": "vip"}, "member_type"),
        ({"village_code": "99.99.99.9999"}, "village_code"),
        ({"village_code": "33.74.01"}, "village_code"),  # a kecamatan, not a village
        ({"phone": "12345"}, "phone"),
        ({"phone": "nomor saya"}, "phone"),
        ({"rt": "RT 3"}, "rt"),
        ({"rw": "1234"}, "rw"),
        ({"nik": "12345"}, "nik"),
        ({"nik": "1234567890123456"}, "nik"),
        ({"occupation": "astronaut"}, "occupation"),
        ({"education": "S9"}, "education"),
        ({"expires_on": date(2025, 1, 1)}, "expires_on"),
        ({"member_no": "2026 0001"}, "member_no"),
        ({"member_no": "A" * 31}, "member_no"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    service: MemberService, changes: dict[str, Any], field: str
) -> None:
    assert refused(service, adult(**changes)).field == field


def test_input_is_normalised(service: MemberService) -> None:
    member = service.register(
        adult(
            name="  siti   Wahyuningsih ",
            phone="+62 812-3456-7890",
            rt="3",
            rw="12",
            nik="3374014101900001",
            village_code=OTHER_VILLAGE,
        )
    )
    assert member.name == "siti Wahyuningsih"
    assert member.phone == "081234567890"
    assert (member.rt, member.rw) == ("003", "012")
    assert member.village_name == "Brumbungan"
    assert member.nik == "3374014101900001"
    assert member.registered_on == TODAY
    assert member.age_band == "dewasa"
    assert member.active and not member.erased


def test_validate_checks_without_writing(service: MemberService) -> None:
    before = counts(service.conn)
    checked = service.validate(adult(phone="0812 3456 7890", name=" Siti  W "))
    assert checked.phone == "081234567890"
    assert checked.name == "Siti W"
    with pytest.raises(ValidationError):
        service.validate(adult(consent_given=False))
    assert counts(service.conn) == before


def test_expiry_defaults_to_the_membership_length(
    service: MemberService, conn: sqlite3.Connection
) -> None:
    assert service.register(adult()).expires_on == date(2027, 3, 10)
    Settings(conn).set("membership_months", 6)
    on = date(2025, 8, 31)
    assert service.register(adult(registered_on=on)).expires_on == date(2026, 2, 28)
    Settings(conn).set("membership_months", 0)
    assert service.register(adult()).expires_on is None


# --- member numbers -----------------------------------------------------------------


def test_numbers_are_year_and_sequence(service: MemberService) -> None:
    assert service.next_member_no() == "2026-0001"
    first = service.register(adult())
    second = service.register(child())
    last_year = service.register(adult(registered_on=date(2025, 12, 30)))
    assert (first.member_no, second.member_no) == ("2026-0001", "2026-0002")
    assert last_year.member_no == "2025-0001"
    assert service.next_member_no() == "2026-0003"
    assert service.next_member_no(date(2025, 6, 1)) == "2025-0002"


def test_a_duplicate_number_is_refused_and_nothing_is_written(service: MemberService) -> None:
    service.register(adult(member_no="A-17"))
    error = refused(service, adult(name="Orang Lain", member_no="A-17"))
    assert error.field == "member_no"
    assert error.params["number"] == "A-17"
    generated = service.register(adult())
    assert refused(service, adult(member_no=generated.member_no)).field == "member_no"


def test_numbers_are_never_reused_after_erase(service: MemberService) -> None:
    first = service.register(adult())
    second = service.register(adult(name="Dewi Lestari"))
    service.erase(second.id)
    assert service.register(adult(name="Ani")).member_no == "2026-0003"
    service.erase(first.id)
    assert service.next_member_no() == "2026-0004"


def test_a_number_changed_by_hand_is_not_given_again(service: MemberService) -> None:
    member = service.register(adult())
    service.update(member.id, adult(member_no="LAMA-001"))
    assert service.next_member_no() == "2026-0002"
    assert service.register(adult(name="Ani")).member_no == "2026-0002"


def test_an_imported_number_of_the_same_form_moves_the_sequence(service: MemberService) -> None:
    imported, generated = service.register_many(
        [adult(member_no="2026-0040"), adult(name="Ani Suryani")]
    )
    assert imported.member_no == "2026-0040"
    assert generated.member_no == "2026-0041"


def test_register_many_writes_all_or_nothing(service: MemberService) -> None:
    before = counts(service.conn)
    with pytest.raises(ValidationError) as caught:
        service.register_many([adult(), adult(name="Dua", phone="123"), adult(name="Tiga")])
    assert caught.value.field == "phone"
    with pytest.raises(ValidationError) as caught:
        service.register_many([adult(member_no="X-1"), adult(name="Dua", member_no="X-1")])
    assert caught.value.field == "member_no"
    assert counts(service.conn) == before
    assert len(service.register_many([adult(), adult(name="Dua")])) == 2


# --- search -------------------------------------------------------------------------


@pytest.fixture
def people(service: MemberService) -> dict[str, MemberView]:
    return {
        "siti": service.register(adult()),  # 2026-0001, Miroto, 081234567890
        "sitompul": service.register(adult(name="Rudi Sitompul", gender="L", phone="085711112222")),
        "budi": service.register(
            adult(name="Budi Santoso", gender="L", phone="081399998888", village_code=OTHER_VILLAGE)
        ),
        "rafi": service.register(child()),
    }


def found(service: MemberService, text: str) -> list[str]:
    return [hit.name for hit in service.search(text)]


def test_search_by_name_prefix(service: MemberService, people: dict[str, MemberView]) -> None:
    assert found(service, "s") == ["Budi Santoso", "Rudi Sitompul", "Siti Wahyuningsih"]
    assert found(service, "sit") == ["Rudi Sitompul", "Siti Wahyuningsih"]
    assert found(service, "SITI") == ["Siti Wahyuningsih"]
    assert found(service, "siti wah") == ["Siti Wahyuningsih"]
    assert found(service, "wah siti") == ["Siti Wahyuningsih"]
    assert found(service, "siti budi") == []


def test_search_by_number(service: MemberService, people: dict[str, MemberView]) -> None:
    assert found(service, "2026-0004") == ["Rafi Pratama"]
    assert len(found(service, "2026-00")) == 4
    assert found(service, "20260002") == ["Rudi Sitompul"]  # scanned without the dash
    hit = service.search("2026-0003")[0]
    assert (hit.member_no, hit.village_name, hit.active) == ("2026-0003", "Brumbungan", True)
    assert hit.expires_on == date(2027, 3, 10)


def test_search_by_phone(service: MemberService, people: dict[str, MemberView]) -> None:
    assert found(service, "0812") == ["Siti Wahyuningsih"]
    assert found(service, "0813") == ["Budi Santoso"]
    assert found(service, "08") == ["Budi Santoso", "Rudi Sitompul", "Siti Wahyuningsih"]
    assert found(service, "+62857") == ["Rudi Sitompul"]
    assert service.search("0857")[0].phone == "085711112222"


def test_search_by_village(service: MemberService, people: dict[str, MemberView]) -> None:
    assert found(service, "brum") == ["Budi Santoso"]
    assert found(service, "miroto rafi") == ["Rafi Pratama"]


def test_empty_search_lists_the_newest_members(
    service: MemberService, people: dict[str, MemberView]
) -> None:
    assert found(service, "") == [
        "Rafi Pratama",
        "Budi Santoso",
        "Rudi Sitompul",
        "Siti Wahyuningsih",
    ]
    assert found(service, "   ") == found(service, "")
    assert len(service.search("", limit=2)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"', []),
        ('siti"', ["Siti Wahyuningsih"]),
        ("(siti", ["Siti Wahyuningsih"]),
        ("siti*", ["Siti Wahyuningsih"]),
        ("AND", []),
        ("OR siti", []),
        ("NEAR(", []),
        ("*", []),
        ("-", []),
        ("s*i", []),
        ("name:siti", []),
        ("^", []),
    ],
)
def test_fts_syntax_typed_by_a_user_is_plain_text(
    service: MemberService, people: dict[str, MemberView], text: str, expected: list[str]
) -> None:
    if text.strip('"*-^ ') == "":
        assert found(service, text) == found(service, ""), "nothing searchable: the newest"
    else:
        assert found(service, text) == expected


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("siti wah") == '"siti"* AND "wah"*'
    assert fts_query('a"b') == '"a""b"*'
    assert fts_query("  -- ") is None
    assert fts_query("+6281") == '("+6281"* OR "081"*)'
    assert fts_query("20260001") == '("20260001"* OR "2026-0001"*)'


def test_search_leaves_out_deleted_and_erased_members(
    service: MemberService, people: dict[str, MemberView], library_db: LibraryDb
) -> None:
    from app.db.models import Member

    service.erase(people["siti"].id)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Member, people["sitompul"].id)
        assert record is not None
        uow.delete(record)
    assert found(service, "sit") == []
    assert found(service, "0812") == []
    assert found(service, "2026-0001") == []
    assert found(service, "dihapus") == []
    assert "Rudi Sitompul" not in found(service, "")
    assert ERASED_NAME not in found(service, "")
    assert found(service, "s") == ["Budi Santoso"]


# --- detail, history, changes -------------------------------------------------------


def test_get_by_no_finds_only_live_members(
    service: MemberService, people: dict[str, MemberView]
) -> None:
    found_member = service.get_by_no(" 2026-0001 ")
    assert found_member is not None and found_member.name == "Siti Wahyuningsih"
    scanned = service.get_by_no("20260001")
    assert scanned is not None and scanned.id == people["siti"].id
    assert service.get_by_no("2026-9999") is None
    assert service.get_by_no("") is None
    service.erase(people["siti"].id)
    assert service.get_by_no("2026-0001") is None


def test_update_changes_data_and_keeps_consent(
    service: MemberService, conn: sqlite3.Connection
) -> None:
    member = service.register(adult())
    later = MemberService(
        service.db, service.actor, lambda: NOW + timedelta(days=3), conn=service.conn
    )
    changed = later.update(
        member.id, adult(phone="085700001111", village_code=OTHER_VILLAGE, occupation="petani")
    )
    assert changed.phone == "085700001111"
    assert changed.village_name == "Brumbungan"
    assert changed.member_no == member.member_no
    assert changed.consent_at == NOW
    assert changed.registered_on == member.registered_on
    assert changed.expires_on == member.expires_on
    assert member_row(conn, member.id)["version"] == 2
    assert found(service, "brum") == ["Siti Wahyuningsih"]
    assert found(service, "miro") == []
    later.update(
        member.id, adult(phone="085700001111", village_code=OTHER_VILLAGE, occupation="petani")
    )
    assert member_row(conn, member.id)["version"] == 2, "saving unchanged data made a new version"


def test_update_refuses_bad_input_and_writes_nothing(
    service: MemberService, conn: sqlite3.Connection
) -> None:
    member = service.register(adult())
    other = service.register(adult(name="Dewi"))
    before = counts(conn)
    for bad, field in (
        (adult(consent_given=False), "consent"),
        (adult(member_no=other.member_no), "member_no"),
        (adult(birth_date=date(2015, 1, 1)), "guardian"),
    ):
        with pytest.raises(ValidationError) as caught:
            service.update(member.id, bad)
        assert caught.value.field == field
    assert counts(conn) == before
    assert member_row(conn, member.id)["version"] == 1


def test_older_free_text_occupation_may_stay_when_editing(
    service: MemberService, library_db: LibraryDb
) -> None:
    from app.db.models import Member

    member = service.register(adult())
    with UnitOfWork(library_db.db, library_db.actor) as uow:  # as the demo or an import left it
        record = uow.get(Member, member.id)
        assert record is not None
        record.occupation = "Petani/Pekebun"
    kept = service.update(member.id, adult(occupation="Petani/Pekebun", address="Jl. Baru"))
    assert kept.occupation == "Petani/Pekebun" and kept.address == "Jl. Baru"
    with pytest.raises(ValidationError):
        service.update(member.id, adult(occupation="Pilot"))


def test_a_guardian_added_later_gets_a_consent_time(service: MemberService) -> None:
    member = service.register(adult())
    later = NOW + timedelta(days=1)
    changed = MemberService(service.db, service.actor, lambda: later, conn=service.conn).update(
        member.id, child(name=member.name)
    )
    assert changed.guardian_consent_at == later


@pytest.mark.parametrize(
    ("expires", "expected"),
    [
        (date(2026, 1, 1), date(2027, 3, 10)),  # expired: a year from today
        (date(2026, 5, 31), date(2027, 5, 31)),  # still valid: a year from the end
        (TODAY, date(2027, 3, 10)),
    ],
)
def test_renew_extends_from_today_or_the_end(
    service: MemberService, expires: date, expected: date
) -> None:
    member = service.register(adult(registered_on=date(2025, 1, 1), expires_on=expires))
    assert service.renew(member.id).expires_on == expected


def test_renew_uses_the_membership_setting(
    service: MemberService, conn: sqlite3.Connection
) -> None:
    member = service.register(adult(expires_on=date(2026, 3, 31)))
    Settings(conn).set("membership_months", 3)
    assert service.renew(member.id).expires_on == date(2026, 6, 30)
    Settings(conn).set("membership_months", 0)
    assert service.renew(member.id).expires_on is None
    Settings(conn).set("membership_months", 12)
    assert service.renew(member.id).expires_on == date(2027, 3, 10)


def test_add_months_keeps_the_end_of_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)


def test_deactivate_and_reactivate(service: MemberService, conn: sqlite3.Connection) -> None:
    member = service.register(adult())
    off = service.deactivate(member.id)
    assert not off.active
    assert member_row(conn, member.id)["deactivated_at"] is not None
    assert [h.active for h in service.search("siti")] == [False]  # still found, shown inactive
    on = service.reactivate(member.id)
    assert on.active and member_row(conn, member.id)["deactivated_at"] is None


def test_unknown_member_is_a_clear_error(service: MemberService) -> None:
    with pytest.raises(KnownError) as caught:
        service.get("no-such-id")
    assert caught.value.message == "This member no longer exists."


def add_history(library_db: LibraryDb, member_id: str, gender_known: bool = True) -> None:
    """Three visits and two loans of one member, one visit without gender or age band."""
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        for days, purposes in ((30, ["membaca"]), (20, ["pinjam"]), (10, ["pinjam", "internet"])):
            uow.add(
                Visit(
                    kind="member",
                    visited_at=NOW - timedelta(days=days),
                    member_id=member_id,
                    gender="P" if gender_known and days != 20 else None,
                    age_band="dewasa" if days != 20 else None,
                    purposes=purposes,
                    count_female=1,
                    age_counts={"dewasa": 1},
                )
            )
        for index, (title_text, days, back) in enumerate(
            (("Budidaya Lele", 20, 5), ("Laskar Pelangi", 10, None))
        ):
            title = uow.add(Title(title=title_text))
            uow.flush()
            item = uow.add(Item(title_id=title.id, barcode=f"B{index}", source="hibah"))
            uow.flush()
            uow.add(
                Loan(
                    item_id=item.id,
                    member_id=member_id,
                    loaned_at=NOW - timedelta(days=days),
                    due_on=(NOW - timedelta(days=days - 14)).date(),
                    returned_at=None if back is None else NOW - timedelta(days=back),
                )
            )


def test_history_is_newest_first(
    service: MemberService, library_db: LibraryDb, people: dict[str, MemberView]
) -> None:
    add_history(library_db, people["siti"].id)
    history = service.history(people["siti"].id)
    assert [v.purposes for v in history.visits] == [
        ("pinjam", "internet"),
        ("pinjam",),
        ("membaca",),
    ]
    assert history.visits[0].visited_at == NOW - timedelta(days=10)
    assert [loan.title for loan in history.loans] == ["Laskar Pelangi", "Budidaya Lele"]
    assert history.loans[0].returned_at is None
    assert history.loans[1].returned_at == NOW - timedelta(days=5)
    assert history.loans[1].due_on == date(2026, 3, 4)
    assert (history.visit_count, history.loan_count) == (3, 2)
    assert service.history(people["budi"].id).visit_count == 0


# --- the data subject's rights ------------------------------------------------------


def test_erase_wipes_personal_data_and_keeps_the_statistics(
    service: MemberService,
    library_db: LibraryDb,
    conn: sqlite3.Connection,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    photo = tmp_path / "siti.jpg"
    photo.write_bytes(JPEG)
    member = service.register(
        child(
            name="Siti Kecil",
            birth_date=date(2015, 2, 1),
            nik="3374014101150001",
            notes="Suka buku dongeng",
            photo_path=str(photo),
            phone="081234567890",
            gender="P",
        )
    )
    add_history(library_db, member.id, gender_known=False)
    visits_before = conn.execute(
        "SELECT count(*), sum(count_female) FROM visit WHERE member_id = ?", (member.id,)
    ).fetchone()

    service.erase(member.id)

    row = member_row(conn, member.id)
    assert row["name"] == ERASED_NAME
    for cleared in ("phone", "rt", "rw", "nik", "birth_date", "photo_path", "guardian_name"):
        assert row[cleared] is None, cleared
    assert row["address"] == "" and row["notes"] == ""
    assert row["erased_at"] is not None and row["active"] == 0
    assert row["gender"] == "P" and row["member_no"] == member.member_no
    assert member.photo_path is not None
    assert not (data_dir / member.photo_path).exists()  # our copy is gone
    assert photo.exists()  # the picture the librarian chose is theirs
    text = " ".join(str(value) for value in row)
    for personal in ("Siti", "0812", "Pemuda", "Bambang", "3374014101150001", "dongeng"):
        assert personal not in text
    visits_after = conn.execute(
        "SELECT count(*), sum(count_female) FROM visit WHERE member_id = ?", (member.id,)
    ).fetchone()
    assert tuple(visits_after) == tuple(visits_before) == (3, 3)
    bands = conn.execute(
        "SELECT gender, age_band FROM visit WHERE member_id = ? ORDER BY visited_at", (member.id,)
    ).fetchall()
    assert [tuple(b) for b in bands] == [("P", "dewasa"), ("P", "anak"), ("P", "dewasa")]
    assert service.history(member.id).loan_count == 2
    view = service.get(member.id)
    assert view.erased and view.name == ERASED_NAME and view.age_band is None
    # the change travels as an ordinary update, and the audit log names no personal data
    audit = conn.execute(
        "SELECT detail FROM audit_entry WHERE record_id = ? ORDER BY id DESC LIMIT 1",
        (member.id,),
    ).fetchone()
    assert "Siti" not in audit["detail"]


def test_erasing_twice_is_harmless_and_an_erased_member_stays_erased(
    service: MemberService, conn: sqlite3.Connection
) -> None:
    member = service.register(adult())
    service.erase(member.id)
    version = member_row(conn, member.id)["version"]
    service.erase(member.id)
    assert member_row(conn, member.id)["version"] == version
    for change in (service.renew, service.reactivate, lambda i: service.update(i, adult())):
        with pytest.raises(KnownError):
            change(member.id)
    assert member_row(conn, member.id)["version"] == version


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def test_a_photo_is_copied_into_the_data_folder(
    service: MemberService, tmp_path: Path, data_dir: Path
) -> None:
    """Backups carry the data folder: the photo must live there, under the member's id."""
    photo = tmp_path / "Foto Siti.JPG"
    photo.write_bytes(JPEG)
    member = service.register(adult(photo_path=str(photo)))
    assert member.photo_path == f"photos/{member.id}.jpg"
    assert (data_dir / member.photo_path).read_bytes() == JPEG
    photo.unlink()  # the original may go; the member keeps the copy
    same = service.update(member.id, adult(photo_path=member.photo_path))
    assert same.photo_path == member.photo_path


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"not a picture at all", "siti.jpg", "The photo must be a JPEG or PNG picture."),
        (JPEG, "siti.gif", "The photo must be a JPEG or PNG picture."),
        (JPEG + b"\x00" * (2 * 1024 * 1024), "siti.jpg", "The photo is larger than 2 MB."),
    ],
)
def test_a_bad_photo_is_refused_and_nothing_is_written(
    service: MemberService,
    conn: sqlite3.Connection,
    tmp_path: Path,
    data_dir: Path,
    content: bytes,
    name: str,
    message: str,
) -> None:
    photo = tmp_path / name
    photo.write_bytes(content)
    with pytest.raises(ValidationError) as caught:
        service.register(adult(photo_path=str(photo)))
    assert caught.value.field == "photo_path"
    assert caught.value.message.startswith(message)
    assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 0
    assert not (data_dir / "photos").exists() or not any((data_dir / "photos").iterdir())


def test_export_holds_everything_about_the_person(
    service: MemberService,
    library_db: LibraryDb,
    conn: sqlite3.Connection,
    tmp_path: Path,
) -> None:
    member = service.register(adult(name="Siti Ṣalihah Dédé", notes="Catatan khusus"))
    add_history(library_db, member.id)
    target = service.export_data(member.id, tmp_path / "siti.json")
    text = target.read_text(encoding="utf-8")
    assert "Siti Ṣalihah Dédé" in text, "names must stay readable, not \\u-escaped"
    data = json.loads(text)
    assert data["member"]["name"] == "Siti Ṣalihah Dédé"
    assert data["member"]["phone"] == "081234567890"
    assert data["member"]["address"] == "Jl. Pemuda No. 5"
    assert data["member"]["birth_date"] == "1990-05-17"
    assert data["member"]["notes"] == "Catatan khusus"
    assert data["member"]["member_no"] == member.member_no
    assert data["consent"]["given_at"] == "2026-03-10T10:00:00+07:00"
    assert data["consent"]["recorded_by"] == library_db.admin.full_name
    assert data["purpose_and_retention"] == CONSENT_TEXT
    assert [v["purposes"] for v in data["visits"]] == [
        ["pinjam", "internet"],
        ["pinjam"],
        ["membaca"],
    ]
    assert [loan["title"] for loan in data["loans"]] == ["Laskar Pelangi", "Budidaya Lele"]
    assert data["library"]["name"] == library_db.profile.name
    assert not list(tmp_path.glob("*.part"))
    logged = conn.execute(
        "SELECT username FROM audit_entry WHERE action = 'export' AND record_id = ?", (member.id,)
    ).fetchall()
    assert [r[0] for r in logged] == [library_db.admin.username]


def test_export_in_the_users_language(service: MemberService, tmp_path: Path) -> None:
    member = service.register(adult())
    path = service.export_data(member.id, tmp_path / "x.json", translate=lambda s: "Tujuan")
    assert json.loads(path.read_text("utf-8"))["purpose_and_retention"] == "Tujuan"


def test_export_to_a_folder_that_cannot_be_written_is_a_clear_error(
    service: MemberService, tmp_path: Path
) -> None:
    member = service.register(adult())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KnownError) as caught:
        service.export_data(member.id, blocker / "siti.json")
    assert caught.value.params["path"].endswith("siti.json")


# --- permissions --------------------------------------------------------------------


def test_a_volunteer_registers_and_renews_but_may_not_edit_or_erase(
    library_db: LibraryDb, conn: sqlite3.Connection, tmp_path: Path
) -> None:
    volunteer = as_user(library_db, conn, staff(library_db, conn, Role.RELAWAN))
    member = volunteer.register(adult())
    assert member.consent_by_name == "Staf relawan"
    assert volunteer.renew(member.id).expires_on == date(2028, 3, 10)
    before = counts(conn)
    for attempt in (
        lambda: volunteer.update(member.id, adult(phone="085700001111")),
        lambda: volunteer.deactivate(member.id),
        lambda: volunteer.erase(member.id),
        lambda: volunteer.export_data(member.id, tmp_path / "x.json"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert counts(conn) == before
    assert member_row(conn, member.id)["name"] == "Siti Wahyuningsih"
    assert not (tmp_path / "x.json").exists()


def test_a_manager_may_edit_and_erase(library_db: LibraryDb, conn: sqlite3.Connection) -> None:
    manager = as_user(library_db, conn, staff(library_db, conn, Role.PENGELOLA))
    member = manager.register(adult())
    assert manager.update(member.id, adult(phone="085700001111")).phone == "085700001111"
    manager.erase(member.id)
    assert manager.get(member.id).erased


def test_the_service_opens_its_own_connection_when_given_none(library_db: LibraryDb) -> None:
    service = MemberService(library_db.db, library_db.admin, lambda: NOW)
    try:
        member = service.register(adult())
        assert service.search("siti")[0].id == member.id
    finally:
        service.close()


def test_input_is_a_plain_frozen_dataclass() -> None:
    data = adult()
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.name = "x"  # type: ignore[misc]
