"""Partnerships and advocacy (Kemitraan): partners, agreements, support received, village regulations.

A ``partner`` is an institution or group the library works with (name, type,
contact). A ``partnership`` record is one of:

- an agreement (``mou`` or ``pks``) with a partner, from ``start_on`` to ``end_on``;
- support received (``dukungan``): the village budget for the library
  (``apbdes``, in Rupiah), books, equipment, a place, volunteers or other,
  on ``start_on``, with its value in Rupiah and a quantity where there is one;
- a village regulation or decree about the library (``regulasi``): a Perdes
  or an SK Kades (kept in ``support_type``, the column the other kinds use for
  their own type), from ``start_on``.

Partners and partnerships are the manager's work: writing needs
Permission.EDIT (a volunteer records activities, not agreements), deleting
Permission.DELETE. Writes go through :class:`app.db.uow.UnitOfWork`; bad
input raises :class:`ValidationError` naming the field and nothing is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.core.auth import Permission
from app.core.codes import Code
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.service import Service
from app.core.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass

PARTNER_TYPES = (
    Code("pemerintah_desa", QT_TRANSLATE_NOOP("PerpusDesa", "Village government")),
    Code("pemerintah_daerah", QT_TRANSLATE_NOOP("PerpusDesa", "Regional government")),
    Code("pemerintah_pusat", QT_TRANSLATE_NOOP("PerpusDesa", "Central government")),
    Code("kesehatan", QT_TRANSLATE_NOOP("PerpusDesa", "Health services")),
    Code("sekolah", QT_TRANSLATE_NOOP("PerpusDesa", "School")),
    Code("bumdes", QT_TRANSLATE_NOOP("PerpusDesa", "Village-owned enterprise (BUMDes)")),
    Code("swasta", QT_TRANSLATE_NOOP("PerpusDesa", "Business")),
    Code("organisasi_masyarakat", QT_TRANSLATE_NOOP("PerpusDesa", "Civil society organisation")),
    Code("kelompok_masyarakat", QT_TRANSLATE_NOOP("PerpusDesa", "Community group")),
    Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

KINDS = (
    Code("mou", QT_TRANSLATE_NOOP("PerpusDesa", "Memorandum of understanding (MoU)")),
    Code("pks", QT_TRANSLATE_NOOP("PerpusDesa", "Cooperation agreement (PKS)")),
    Code("dukungan", QT_TRANSLATE_NOOP("PerpusDesa", "Support received")),
    Code("regulasi", QT_TRANSLATE_NOOP("PerpusDesa", "Village regulation or decree")),
)
AGREEMENT_KINDS = ("mou", "pks")

SUPPORT_TYPES = (
    Code("apbdes", QT_TRANSLATE_NOOP("PerpusDesa", "Village budget (APBDes)")),
    Code("buku", QT_TRANSLATE_NOOP("PerpusDesa", "Books")),
    Code("peralatan", QT_TRANSLATE_NOOP("PerpusDesa", "Equipment")),
    Code("tempat", QT_TRANSLATE_NOOP("PerpusDesa", "A place")),
    Code("relawan", QT_TRANSLATE_NOOP("PerpusDesa", "Volunteers")),
    Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

REGULATION_TYPES = (
    Code("perdes", QT_TRANSLATE_NOOP("PerpusDesa", "Village regulation (Perdes)")),
    Code("sk_kades", QT_TRANSLATE_NOOP("PerpusDesa", "Village head's decree (SK Kades)")),
)

MAX_NAME = 200
MAX_TITLE = 300
MAX_NUMBER = 100
MAX_PHONE = 20
MAX_TEXT = 4000
MAX_RUPIAH = 1_000_000_000_000  # a trillion Rupiah: more is a typing slip
MAX_QUANTITY = 1_000_000


# --- what callers hand in and get back -------------------------------------------------


@dataclass(frozen=True)
class PartnerInput:
    name: str
    partner_type: str  # a code of PARTNER_TYPES
    contact_person: str | None = None
    phone: str | None = None
    address: str = ""


@dataclass(frozen=True)
class PartnerView:
    id: str
    name: str
    partner_type: str
    contact_person: str | None
    phone: str | None
    address: str
    deleted: bool = False

    def as_input(self) -> PartnerInput:
        return PartnerInput(
            name=self.name,
            partner_type=self.partner_type,
            contact_person=self.contact_person,
            phone=self.phone,
            address=self.address,
        )


@dataclass(frozen=True)
class PartnershipInput:
    """An agreement, a support received or a regulation, as the form gives it."""

    kind: str  # a code of KINDS
    title: str
    start_on: date  # signed, received or decreed on
    end_on: date | None = None  # an agreement's last day
    partner_id: str | None = None  # required for an agreement
    number: str | None = None  # the agreement's, regulation's or receipt's number
    support_type: str | None = None  # support: a code of SUPPORT_TYPES
    regulation_type: str | None = None  # regulation: a code of REGULATION_TYPES
    value_rupiah: int | None = None
    quantity: int | None = None  # books, items, volunteers
    description: str = ""


@dataclass(frozen=True)
class PartnershipView:
    id: str
    kind: str
    title: str
    start_on: date
    end_on: date | None
    partner_id: str | None
    partner_name: str | None
    number: str | None
    support_type: str | None
    regulation_type: str | None
    value_rupiah: int | None
    quantity: int | None
    description: str
    deleted: bool = False

    def in_force(self, day: date) -> bool:
        """An agreement or regulation that applies on ``day``."""
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)

    def as_input(self) -> PartnershipInput:
        return PartnershipInput(
            kind=self.kind,
            title=self.title,
            start_on=self.start_on,
            end_on=self.end_on,
            partner_id=self.partner_id,
            number=self.number,
            support_type=self.support_type,
            regulation_type=self.regulation_type,
            value_rupiah=self.value_rupiah,
            quantity=self.quantity,
            description=self.description,
        )


@dataclass(frozen=True)
class SupportTotals:
    """Support received in a period: Rupiah and quantities by type."""

    rupiah: int = 0
    rupiah_by_type: Mapping[str, int] = field(default_factory=dict)
    quantity_by_type: Mapping[str, int] = field(default_factory=dict)
    count_by_type: Mapping[str, int] = field(default_factory=dict)


# --- the service ------------------------------------------------------------------------

_PARTNER_COLUMNS = "id, name, partner_type, contact_person, phone, address, deleted_at"
_PARTNERSHIP_SQL = (
    "SELECT s.id, s.kind, s.title, s.start_on, s.end_on, s.partner_id, p.name, s.number,"
    " s.support_type, s.value_rupiah, s.quantity, s.description, s.deleted_at"
    " FROM partnership s LEFT JOIN partner p ON p.id = s.partner_id"
)


class PartnershipService(Service):
    """Partners and partnerships of this library for one logged-in staff member."""

    def can_edit(self) -> bool:
        return self.actor.can(Permission.EDIT)

    def _require(self, permission: Permission) -> None:
        if not self.actor.can(permission):
            if permission is Permission.DELETE:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete partnerships.")
                )
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change partnerships.")
            )

    # --- partners ---------------------------------------------------------------------

    def partners(self, *, include_deleted: bool = False) -> list[PartnerView]:
        sql = f"SELECT {_PARTNER_COLUMNS} FROM partner"
        if not include_deleted:
            sql += " WHERE deleted_at IS NULL"
        rows = self.conn.execute(sql + " ORDER BY name COLLATE NOCASE, id").fetchall()
        return [_partner(row) for row in rows]

    def get_partner(self, partner_id: str) -> PartnerView | None:
        row = self.conn.execute(
            f"SELECT {_PARTNER_COLUMNS} FROM partner WHERE id = ?", (partner_id,)
        ).fetchone()
        return None if row is None else _partner(row)

    def add_partner(self, data: PartnerInput) -> str:
        from app.db.models import Partner

        self._require(Permission.EDIT)
        with self._uow() as uow:
            values = _checked_partner(uow.dbapi_connection(), data, None)
            partner = uow.add(Partner(id=uuid7(), **values))
        return partner.id

    def update_partner(self, partner_id: str, data: PartnerInput) -> None:
        from app.db.models import Partner

        self._require(Permission.EDIT)
        with self._uow() as uow:
            partner = uow.get(Partner, partner_id)
            if partner is None or partner.deleted_at is not None:
                raise _missing_partner()
            values = _checked_partner(uow.dbapi_connection(), data, partner)
            _assign(partner, values)

    def delete_partner(self, partner_id: str) -> None:
        """Delete a partner (a tombstone); refused while a partnership still names it."""
        from app.db.models import Partner

        self._require(Permission.DELETE)
        with self._uow() as uow:
            partner = uow.get(Partner, partner_id)
            if partner is None or partner.deleted_at is not None:
                raise _missing_partner()
            used = (
                uow.dbapi_connection()
                .execute(
                    "SELECT count(*) FROM partnership WHERE partner_id = ? AND deleted_at IS NULL",
                    (partner_id,),
                )
                .fetchone()[0]
            )
            if used:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "{name} is named in {count} agreements or supports: delete those first.",
                    ),
                    field="partner_id",
                    name=partner.name,
                    count=used,
                )
            uow.delete(partner)

    # --- partnerships -------------------------------------------------------------------

    def partnerships(
        self, *, kind: str | None = None, partner_id: str | None = None
    ) -> list[PartnershipView]:
        """Partnerships (deleted left out), newest first; filtered by kind or partner."""
        sql = _PARTNERSHIP_SQL + " WHERE s.deleted_at IS NULL"
        params: list[Any] = []
        if kind is not None:
            sql += " AND s.kind = ?"
            params.append(kind)
        if partner_id is not None:
            sql += " AND s.partner_id = ?"
            params.append(partner_id)
        rows = self.conn.execute(sql + " ORDER BY s.start_on DESC, s.id DESC", params)
        return [_partnership(row) for row in rows.fetchall()]

    def get(self, partnership_id: str) -> PartnershipView | None:
        row = self.conn.execute(_PARTNERSHIP_SQL + " WHERE s.id = ?", (partnership_id,)).fetchone()
        return None if row is None else _partnership(row)

    def add(self, data: PartnershipInput) -> str:
        from app.db.models import Partnership

        self._require(Permission.EDIT)
        with self._uow() as uow:
            values = _checked(uow.dbapi_connection(), data)
            record = uow.add(Partnership(id=uuid7(), **values))
        return record.id

    def update(self, partnership_id: str, data: PartnershipInput) -> None:
        from app.db.models import Partnership

        self._require(Permission.EDIT)
        with self._uow() as uow:
            record = uow.get(Partnership, partnership_id)
            if record is None or record.deleted_at is not None:
                raise _missing()
            _assign(record, _checked(uow.dbapi_connection(), data))

    def delete(self, partnership_id: str) -> None:
        from app.db.models import Partnership

        self._require(Permission.DELETE)
        with self._uow() as uow:
            record = uow.get(Partnership, partnership_id)
            if record is None or record.deleted_at is not None:
                raise _missing()
            uow.delete(record)

    def support_totals(self, first: date, last: date) -> SupportTotals:
        """Support received from ``first`` to ``last`` (both included), by type."""
        rows = self.conn.execute(
            "SELECT support_type, value_rupiah, quantity FROM partnership"
            " WHERE kind = 'dukungan' AND deleted_at IS NULL AND start_on >= ? AND start_on <= ?",
            (first.isoformat(), last.isoformat()),
        ).fetchall()
        rupiah: dict[str, int] = {}
        quantity: dict[str, int] = {}
        count: dict[str, int] = {}
        for support_type, value, amount in rows:
            key = support_type or "lainnya"
            count[key] = count.get(key, 0) + 1
            if value is not None:
                rupiah[key] = rupiah.get(key, 0) + int(value)
            if amount is not None:
                quantity[key] = quantity.get(key, 0) + int(amount)
        return SupportTotals(
            rupiah=sum(rupiah.values()),
            rupiah_by_type=rupiah,
            quantity_by_type=quantity,
            count_by_type=count,
        )


# --- helpers ------------------------------------------------------------------------------


def _assign(record: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if getattr(record, name) != value:
            setattr(record, name, value)


def _missing() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That partnership no longer exists."))


def _missing_partner() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That partner no longer exists."))


def _partner(r: sqlite3.Row) -> PartnerView:
    return PartnerView(
        id=r[0],
        name=r[1],
        partner_type=r[2],
        contact_person=r[3],
        phone=r[4],
        address=r[5] or "",
        deleted=r[6] is not None,
    )


def _partnership(r: sqlite3.Row) -> PartnershipView:
    kind, type_code = r[1], r[8]
    regulation = kind == "regulasi"
    return PartnershipView(
        id=r[0],
        kind=kind,
        title=r[2],
        start_on=date.fromisoformat(r[3]),
        end_on=date.fromisoformat(r[4]) if r[4] else None,
        partner_id=r[5],
        partner_name=r[6],
        number=r[7],
        support_type=None if regulation else type_code,
        regulation_type=type_code if regulation else None,
        value_rupiah=r[9],
        quantity=r[10],
        description=r[11] or "",
        deleted=r[12] is not None,
    )


def _text(value: str | None, field_name: str, limit: int, *, lines: bool = False) -> str | None:
    """The text trimmed (runs of spaces made one, unless it may have ``lines``), or None."""
    text = (value or "").strip() if lines else " ".join((value or "").split())
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "This text is too long (at most {limit} characters)."),
            field=field_name,
            limit=limit,
        )
    return text or None


def _whole(value: object, field_name: str, limit: int, negative: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in a whole number."), field=field_name
        )
    if value < 0:
        raise ValidationError(negative, field=field_name)
    if value > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The number is too large: check it."), field=field_name
        )
    return value


def _checked_partner(raw: sqlite3.Connection, data: PartnerInput, current: Any) -> dict[str, Any]:
    name = _text(data.name, "name", MAX_NAME)
    if name is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the partner's name."), field="name"
        )
    carried = (current.partner_type,) if current is not None else ()
    if data.partner_type not in (*(c.code for c in PARTNER_TYPES), *carried):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the kind of partner."), field="partner_type"
        )
    for row in raw.execute("SELECT id, name FROM partner WHERE deleted_at IS NULL"):
        if row[1].casefold() == name.casefold() and (current is None or row[0] != current.id):
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "A partner called {name} is already in the list."),
                field="name",
                name=row[1],
            )
    phone = _text(data.phone, "phone", MAX_PHONE)
    if phone is not None and not all(c.isdigit() or c in " +-()" for c in phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "A phone number may have only digits, spaces and +."),
            field="phone",
        )
    return {
        "name": name,
        "partner_type": data.partner_type,
        "contact_person": _text(data.contact_person, "contact_person", MAX_NAME),
        "phone": phone,
        "address": _text(data.address, "address", MAX_TEXT, lines=True) or "",
    }


def _checked(raw: sqlite3.Connection, data: PartnershipInput) -> dict[str, Any]:
    """The partnership's column values from ``data``, or a ValidationError naming the field."""
    kind = data.kind
    if kind not in {c.code for c in KINDS}:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Choose agreement (MoU or PKS), support or regulation."
            ),
            field="kind",
        )
    title = _text(data.title, "title", MAX_TITLE)
    if title is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in what it is about (a title)."), field="title"
        )
    if not isinstance(data.start_on, date):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the date."), field="start_on"
        )
    if data.end_on is not None and data.end_on < data.start_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The end date lies before the start date."),
            field="end_on",
        )
    partner_id = (data.partner_id or "").strip() or None
    if partner_id is None and kind in AGREEMENT_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the partner of the agreement."),
            field="partner_id",
        )
    if partner_id is not None:
        row = raw.execute(
            "SELECT 1 FROM partner WHERE id = ? AND deleted_at IS NULL", (partner_id,)
        ).fetchone()
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The chosen partner is no longer in the list."),
                field="partner_id",
            )
    value = _whole(
        data.value_rupiah,
        "value_rupiah",
        MAX_RUPIAH,
        QT_TRANSLATE_NOOP("PerpusDesa", "An amount in Rupiah cannot be negative."),
    )
    quantity = _whole(
        data.quantity,
        "quantity",
        MAX_QUANTITY,
        QT_TRANSLATE_NOOP("PerpusDesa", "A quantity cannot be negative."),
    )
    type_code: str | None = None
    if kind == "dukungan":
        type_code = data.support_type
        if type_code not in {c.code for c in SUPPORT_TYPES}:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose what kind of support was received."),
                field="support_type",
            )
        if type_code == "apbdes" and not value:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the amount of the village budget."),
                field="value_rupiah",
            )
        if type_code in ("buku", "relawan") and not quantity:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Fill in how many books or volunteers."),
                field="quantity",
            )
    elif kind == "regulasi":
        type_code = data.regulation_type
        if type_code not in {c.code for c in REGULATION_TYPES}:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose a village regulation or a decree."),
                field="regulation_type",
            )
    return {
        "kind": kind,
        "title": title,
        "number": _text(data.number, "number", MAX_NUMBER),
        "start_on": data.start_on,
        "end_on": data.end_on,
        "partner_id": partner_id,
        "support_type": type_code,
        "value_rupiah": value,
        "quantity": quantity if kind == "dukungan" else None,
        "description": _text(data.description, "description", MAX_TEXT, lines=True) or "",
    }
