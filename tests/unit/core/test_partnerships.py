"""Partners, agreements, support received and village regulations: bad input refused, nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.core.auth import Role, User, UserService
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.partnerships import (
    PartnerInput,
    PartnershipInput,
    PartnershipService,
)
from tests.conftest import LibraryDb

PUSKESMAS = PartnerInput(
    name="Puskesmas Miroto",
    partner_type="kesehatan",
    contact_person="dr. Ratna (Kepala Puskesmas)",
    phone="0812-3456 7890",
    address="Jl. Pemuda 5\nSemarang",
)
PEMDES = PartnerInput(name="Pemerintah Desa Miroto", partner_type="pemerintah_desa")


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[PartnershipService]:
    with PartnershipService(library_db.db, library_db.admin) as found:
        yield found


def make_user(conn: sqlite3.Connection, admin: User, username: str, role: Role) -> User:
    return UserService(conn).create_user(admin, username, username.title(), role, "kata-sandi-1")


def counts(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
    """(partners, partnerships, outbox rows, audit entries)."""
    return (
        conn.execute("SELECT count(*) FROM partner").fetchone()[0],
        conn.execute("SELECT count(*) FROM partnership").fetchone()[0],
        conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
        conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0],
    )


def test_partners_are_added_changed_and_listed(
    service: PartnershipService, conn: sqlite3.Connection
) -> None:
    before = counts(conn)
    puskesmas = service.add_partner(replace(PUSKESMAS, name="  Puskesmas   Miroto "))
    service.add_partner(PEMDES)
    assert counts(conn) == (before[0] + 2, before[1], before[2] + 2, before[3] + 2)
    assert [p.name for p in service.partners()] == ["Pemerintah Desa Miroto", "Puskesmas Miroto"]
    view = service.get_partner(puskesmas)
    assert view is not None
    assert view.address == "Jl. Pemuda 5\nSemarang", "an address keeps its lines"
    service.update_partner(puskesmas, replace(view.as_input(), phone="024 351 2345"))
    changed = service.get_partner(puskesmas)
    assert changed is not None and changed.phone == "024 351 2345"
    outbox = conn.execute(
        "SELECT op, version FROM outbox WHERE record_id = ? ORDER BY seq", (puskesmas,)
    ).fetchall()
    assert [tuple(r) for r in outbox] == [("create", 1), ("update", 2)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "puskesmas miroto"}, "name"),  # already in the list
        ({"partner_type": "bank"}, "partner_type"),
        ({"phone": "telp 0812"}, "phone"),
        ({"contact_person": "x" * 201}, "contact_person"),
    ],
)
def test_a_bad_partner_is_refused_with_nothing_written(
    service: PartnershipService, conn: sqlite3.Connection, changes: dict[str, Any], field: str
) -> None:
    service.add_partner(PUSKESMAS)
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.add_partner(replace(PEMDES, **changes))
    assert refused.value.field == field
    assert counts(conn) == before


def test_agreements_support_and_regulations_are_kept(
    service: PartnershipService, conn: sqlite3.Connection
) -> None:
    puskesmas = service.add_partner(PUSKESMAS)
    pemdes = service.add_partner(PEMDES)
    mou = service.add(
        PartnershipInput(
            kind="pks",
            title="Kelas kesehatan keluarga di perpustakaan",
            partner_id=puskesmas,
            number="012/PKS/PERPUSDES/2026",
            start_on=date(2026, 2, 1),
            end_on=date(2028, 1, 31),
        )
    )
    budget = service.add(
        PartnershipInput(
            kind="dukungan",
            title="Anggaran perpustakaan dalam APBDes 2026",
            partner_id=pemdes,
            start_on=date(2026, 1, 15),
            support_type="apbdes",
            value_rupiah=25_000_000,
        )
    )
    service.add(
        PartnershipInput(
            kind="dukungan",
            title="Hibah buku dari karang taruna",
            start_on=date(2026, 3, 2),
            support_type="buku",
            quantity=120,
        )
    )
    service.add(
        PartnershipInput(
            kind="dukungan",
            title="Dua komputer",
            start_on=date(2025, 12, 30),
            support_type="peralatan",
            value_rupiah=14_000_000,
            quantity=2,
        )
    )
    perdes = service.add(
        PartnershipInput(
            kind="regulasi",
            title="Perdes tentang penyelenggaraan perpustakaan desa",
            partner_id=pemdes,
            number="5 Tahun 2026",
            start_on=date(2026, 4, 1),
            regulation_type="perdes",
        )
    )
    agreement = service.get(mou)
    assert agreement is not None and agreement.partner_name == "Puskesmas Miroto"
    assert agreement.in_force(date(2027, 6, 1)) and not agreement.in_force(date(2028, 2, 1))
    regulation = service.get(perdes)
    assert regulation is not None
    assert (regulation.regulation_type, regulation.support_type) == ("perdes", None)
    assert [p.id for p in service.partnerships(kind="regulasi")] == [perdes]
    assert {p.id for p in service.partnerships(partner_id=pemdes)} == {budget, perdes}
    year = service.support_totals(date(2026, 1, 1), date(2026, 12, 31))
    assert year.rupiah == 25_000_000, "the equipment of December 2025 is last year's"
    assert dict(year.quantity_by_type) == {"buku": 120}
    assert dict(year.count_by_type) == {"apbdes": 1, "buku": 1}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"value_rupiah": -5_000_000}, "value_rupiah", "cannot be negative"),
        ({"value_rupiah": None}, "value_rupiah", "village budget"),
        ({"value_rupiah": 0}, "value_rupiah", "village budget"),
        ({"value_rupiah": 2.5}, "value_rupiah", "whole number"),
        ({"quantity": -1}, "quantity", "cannot be negative"),
        ({"support_type": None}, "support_type", "kind of support"),
        ({"support_type": "buku", "quantity": None}, "quantity", "how many"),
        ({"title": " "}, "title", "title"),
        ({"end_on": date(2026, 1, 1)}, "end_on", "before the start"),
        ({"partner_id": "no-such-partner"}, "partner_id", "no longer"),
        ({"kind": "hibah"}, "kind", "Choose"),
        ({"kind": "mou", "partner_id": None}, "partner_id", "partner of the agreement"),
        ({"kind": "regulasi"}, "regulation_type", "regulation or a decree"),
    ],
)
def test_bad_partnerships_are_refused_with_nothing_written(
    service: PartnershipService,
    conn: sqlite3.Connection,
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    good = PartnershipInput(
        kind="dukungan",
        title="APBDes 2026",
        start_on=date(2026, 1, 15),
        support_type="apbdes",
        value_rupiah=10_000_000,
    )
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.add(replace(good, **changes))
    assert refused.value.field == field
    assert message in str(refused.value)
    assert counts(conn) == before


def test_a_negative_amount_does_not_change_a_saved_support(
    service: PartnershipService, conn: sqlite3.Connection
) -> None:
    support = service.add(
        PartnershipInput(
            kind="dukungan",
            title="APBDes 2026",
            start_on=date(2026, 1, 15),
            support_type="apbdes",
            value_rupiah=10_000_000,
        )
    )
    view = service.get(support)
    assert view is not None
    before = counts(conn)
    with pytest.raises(ValidationError):
        service.update(support, replace(view.as_input(), value_rupiah=-1))
    assert counts(conn) == before
    assert service.get(support) == view


def test_a_partner_named_in_an_agreement_is_not_deleted(
    service: PartnershipService, conn: sqlite3.Connection
) -> None:
    partner = service.add_partner(PUSKESMAS)
    agreement = service.add(
        PartnershipInput(
            kind="mou", title="MoU kesehatan", partner_id=partner, start_on=date(2026, 1, 1)
        )
    )
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.delete_partner(partner)
    assert "Puskesmas Miroto" in str(refused.value)
    assert counts(conn) == before
    service.delete(agreement)
    service.delete_partner(partner)
    assert service.partners() == []
    assert service.partnerships() == []
    ops = conn.execute(
        "SELECT op FROM outbox WHERE record_id IN (?, ?) ORDER BY seq", (partner, agreement)
    ).fetchall()
    assert [r[0] for r in ops] == ["create", "create", "delete", "delete"]
    with pytest.raises(KnownError):
        service.delete(agreement)


def test_a_volunteer_may_not_change_partnerships(
    library_db: LibraryDb, service: PartnershipService, conn: sqlite3.Connection
) -> None:
    partner = service.add_partner(PUSKESMAS)
    relawan = make_user(conn, library_db.admin, "relawan", Role.RELAWAN)
    manager = make_user(conn, library_db.admin, "budi", Role.PENGELOLA)
    before = counts(conn)
    with PartnershipService(library_db.db, relawan) as volunteer:
        assert not volunteer.can_edit()
        assert [p.id for p in volunteer.partners()] == [partner], "a volunteer may read"
        with pytest.raises(PermissionDenied):
            volunteer.add_partner(PEMDES)
        with pytest.raises(PermissionDenied):
            volunteer.update_partner(partner, PUSKESMAS)
        with pytest.raises(PermissionDenied):
            volunteer.add(
                PartnershipInput(
                    kind="mou", title="MoU", partner_id=partner, start_on=date(2026, 1, 1)
                )
            )
        with pytest.raises(PermissionDenied):
            volunteer.delete_partner(partner)
    assert counts(conn) == before
    with PartnershipService(library_db.db, manager) as boss:
        boss.add_partner(PEMDES)
    audit = conn.execute(
        "SELECT username FROM audit_entry WHERE table_name = 'partner' ORDER BY id"
    ).fetchall()
    assert [r[0] for r in audit] == ["admin", "budi"]
