"""Circulation (sirkulasi): lending, returning and renewing items, with one scan box.

One scan box: a member number makes that member the current one; an item
barcode returns the item when it is on loan, else lends it to the current
member (:meth:`CirculationService.scan`).

Loan rules per member type (umum, pelajar, anak): at most ``max_items`` open
loans, each due ``days`` days later, from the setting ``loan_rules``
(``{type: {"max_items": n, "days": d}}``); unset types use :data:`DEFAULT_RULES`
(2 items for 7 days for anak, 3 for 14 days for the others). The library is
closed on Sundays and on Indonesian public holidays and collective leave
(lokal-id's decree data; for years lokal-id has no decree for yet, only the
fixed-date holidays), so a due date that falls on a closed day moves to the
next open day.

Renewing: at most :data:`MAX_RENEWALS` times per loan; an overdue loan may
still be renewed while it is late by no more than its loan days (a member who
is a few days late can still keep the book), after that it must come back.
The new due date counts the loan days from today (never earlier than the old one).

Fines are off by default (setting ``fine_per_day`` 0 Rupiah); when set, the
fine (days late x the rate, in calendar days) is computed on return and kept
in ``Loan.fine``.

Invariants: an item is never on two open loans; a return closes exactly one
loan; ``Item.status`` is ``dipinjam`` while on loan and ``tersedia`` after the
return. Loan and item change in one :class:`app.db.uow.UnitOfWork` transaction,
which re-checks the item's open loans and the member's count under the write
lock. Reads run on a light ``sqlite3`` connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from app.core.auth import Permission, User
from app.core.catalog import STATUS_LABELS
from app.core.clock import ZONES, from_db, utcnow
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.library import read_profile
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP, Label
from app.db.database import Database

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork

DEFAULT_RULES: dict[str, dict[str, int]] = {
    "umum": {"max_items": 3, "days": 14},
    "pelajar": {"max_items": 3, "days": 14},
    "anak": {"max_items": 2, "days": 7},
}
FALLBACK_RULE = {"max_items": 3, "days": 14}  # a member type added later
MAX_RENEWALS = 2
UNLENDABLE = frozenset({"hilang", "rusak", "disiangi"})
_FIXED_HOLIDAYS = ((1, 1), (5, 1), (6, 1), (8, 17), (12, 25))


@dataclass(frozen=True)
class LoanRule:
    max_items: int
    days: int


@dataclass(frozen=True)
class MemberBrief:
    id: str
    member_no: str
    name: str
    member_type: str
    phone: str | None
    open_loans: int
    max_items: int


@dataclass(frozen=True)
class LoanView:
    id: str
    item_id: str
    barcode: str
    title: str
    member_id: str
    member_no: str
    member_name: str
    loaned_at: datetime  # aware UTC
    due_on: date
    returned_at: datetime | None
    renewals: int
    fine: int  # Rupiah


@dataclass(frozen=True)
class ScanResult:
    """What one scan did: ``member`` (chosen), ``lent`` or ``returned``."""

    action: str
    member: MemberBrief | None
    loan: LoanView | None = None


@dataclass(frozen=True)
class OverdueLine:
    loan_id: str
    days_late: int
    member_id: str
    member_no: str
    member_name: str
    phone: str | None
    title: str
    barcode: str
    due_on: date


# --- pure helpers -------------------------------------------------------------------


@cache
def holidays(year: int) -> frozenset[date]:
    """Public holidays and collective leave of ``year`` (fixed dates when lokal-id lacks it)."""
    import lokal

    if year in lokal.HOLIDAY_YEARS:
        return frozenset(date.fromisoformat(h.date) for h in lokal.get_holidays(year).holidays)
    return frozenset(date(year, month, day) for month, day in _FIXED_HOLIDAYS)


def is_open(day: date) -> bool:
    """The library is closed on Sundays and on public holidays."""
    return day.weekday() != 6 and day not in holidays(day.year)


def due_date(start: date, days: int) -> date:
    """``days`` calendar days after ``start``, moved on to the next open day."""
    due = start + timedelta(days=days)
    while not is_open(due):
        due += timedelta(days=1)
    return due


def loan_rules(value: Any) -> dict[str, LoanRule]:
    """The rules per member type from the ``loan_rules`` setting, defaults filled in."""
    merged = {key: dict(rule) for key, rule in DEFAULT_RULES.items()}
    if isinstance(value, dict):
        for key, rule in value.items():
            if isinstance(rule, dict):
                merged.setdefault(key, dict(FALLBACK_RULE)).update(
                    {
                        name: number
                        for name, number in rule.items()
                        if name in ("max_items", "days")
                        and isinstance(number, int)
                        and not isinstance(number, bool)
                        and number > 0
                    }
                )
    return {key: LoanRule(rule["max_items"], rule["days"]) for key, rule in merged.items()}


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


_LOAN_SQL = (
    "SELECT l.id, l.item_id, i.barcode, t.title, l.member_id, m.member_no, m.name,"
    " l.loaned_at, l.due_on, l.returned_at, l.renewals, l.fine"
    " FROM loan l JOIN item i ON i.id = l.item_id JOIN title t ON t.id = i.title_id"
    " JOIN member m ON m.id = l.member_id WHERE l.deleted_at IS NULL"
)


def _loan_view(row: sqlite3.Row | tuple[Any, ...]) -> LoanView:
    loaned_at = from_db(row[7])
    assert loaned_at is not None
    due = _date(row[8])
    assert due is not None
    return LoanView(
        id=row[0],
        item_id=row[1],
        barcode=row[2],
        title=row[3],
        member_id=row[4],
        member_no=row[5],
        member_name=row[6],
        loaned_at=loaned_at,
        due_on=due,
        returned_at=from_db(row[9]),
        renewals=row[10],
        fine=row[11],
    )


_MEMBER_CHECK_SQL = (
    "SELECT m.id, m.name, m.member_type, m.expires_on, m.active, m.erased_at,"
    " (SELECT count(*) FROM loan l WHERE l.member_id = m.id AND l.returned_at IS NULL"
    " AND l.deleted_at IS NULL)"
    " FROM member m WHERE m.member_no = ? AND m.deleted_at IS NULL"
)
_ITEM_CHECK_SQL = (
    "SELECT i.id, i.status, EXISTS (SELECT 1 FROM loan l WHERE l.item_id = i.id"
    " AND l.returned_at IS NULL AND l.deleted_at IS NULL)"
    " FROM item i WHERE i.barcode = ? AND i.deleted_at IS NULL"
)
_OPEN_LOANS_SQL = (
    "SELECT id FROM loan WHERE item_id = ? AND returned_at IS NULL AND deleted_at IS NULL"
)


def _not_in_catalogue(barcode: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("PerpusDesa", "The barcode {barcode} is not in the catalogue."),
        field="barcode",
        barcode=barcode,
    )


# --- the service --------------------------------------------------------------------


class CirculationService:
    """Loans of this library for one logged-in staff member, at one desk."""

    def __init__(
        self,
        db: Database,
        actor: User,
        now: Callable[[], datetime] = utcnow,
        *,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        self.db = db
        self.actor = actor
        self.now = now
        self._conn = conn
        self._own_conn = conn is None
        self._zone: str | None = None
        self.current_member_id: str | None = None

    def __enter__(self) -> CirculationService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self.db.connect()
        return self._conn

    def close(self) -> None:
        if self._own_conn and self._conn is not None:
            self._conn.close()
            self._conn = None

    def today(self) -> date:
        """Today in the library's time zone."""
        if self._zone is None:
            profile = read_profile(self.conn)
            self._zone = profile.time_zone if profile else "WIB"
        return self.now().astimezone(ZONES[self._zone]).date()

    def warm_up(self) -> None:
        """Import what the first lend or return needs (SQLAlchemy, the models).

        Meant to run off the GUI thread when the page opens, so the first scan is
        as quick as the others; the import lock makes it safe from any thread.
        """
        import app.db.models
        import app.db.uow  # noqa: F401

    def rules(self) -> dict[str, LoanRule]:
        return loan_rules(Settings(self.conn).get("loan_rules"))

    def rule_for(self, member_type: str) -> LoanRule:
        rules = self.rules()
        return rules.get(member_type) or LoanRule(FALLBACK_RULE["max_items"], FALLBACK_RULE["days"])

    def fine_per_day(self) -> int:
        value = Settings(self.conn).get("fine_per_day")
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0

    def _uow(self) -> UnitOfWork:
        from app.db.uow import Actor, UnitOfWork

        return UnitOfWork(self.db, Actor(self.actor.id, self.actor.username))

    def _require_record(self) -> None:
        if not self.actor.can(Permission.RECORD):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not lend or take back items.")
            )

    # --- reads --------------------------------------------------------------------------

    def member(self, member_id: str) -> MemberBrief | None:
        row = self.conn.execute(
            "SELECT id, member_no, name, member_type, phone FROM member"
            " WHERE id = ? AND deleted_at IS NULL",
            (member_id,),
        ).fetchone()
        if row is None:
            return None
        count = self.conn.execute(
            "SELECT count(*) FROM loan WHERE member_id = ? AND returned_at IS NULL"
            " AND deleted_at IS NULL",
            (member_id,),
        ).fetchone()[0]
        return MemberBrief(
            row[0], row[1], row[2], row[3], row[4], count, self.rule_for(row[3]).max_items
        )

    @property
    def current_member(self) -> MemberBrief | None:
        if self.current_member_id is None:
            return None
        return self.member(self.current_member_id)

    def loan(self, loan_id: str) -> LoanView | None:
        row = self.conn.execute(_LOAN_SQL + " AND l.id = ?", (loan_id,)).fetchone()
        return None if row is None else _loan_view(row)

    def loans_of(self, member_id: str, *, open_only: bool = False) -> list[LoanView]:
        """A member's loans, open ones first, newest first."""
        sql = _LOAN_SQL + " AND l.member_id = ?"
        if open_only:
            sql += " AND l.returned_at IS NULL"
        sql += " ORDER BY l.returned_at IS NOT NULL, l.loaned_at DESC, l.id DESC"
        return [_loan_view(row) for row in self.conn.execute(sql, (member_id,))]

    def history_of_item(self, item_id: str) -> list[LoanView]:
        """Every loan of one item, newest first."""
        sql = _LOAN_SQL + " AND l.item_id = ? ORDER BY l.loaned_at DESC, l.id DESC"
        return [_loan_view(row) for row in self.conn.execute(sql, (item_id,))]

    def overdue(self, today: date | None = None) -> list[OverdueLine]:
        """Open loans past their due date, the latest first (whom to call)."""
        today = today or self.today()
        rows = self.conn.execute(
            "SELECT l.id, l.due_on, m.id, m.member_no, m.name, m.phone, t.title, i.barcode"
            " FROM loan l JOIN item i ON i.id = l.item_id JOIN title t ON t.id = i.title_id"
            " JOIN member m ON m.id = l.member_id"
            " WHERE l.deleted_at IS NULL AND l.returned_at IS NULL AND l.due_on < ?",
            (today.isoformat(),),
        ).fetchall()
        lines = []
        for row in rows:
            due = _date(row[1])
            assert due is not None
            lines.append(
                OverdueLine(
                    row[0], (today - due).days, row[2], row[3], row[4], row[5], row[6], row[7], due
                )
            )
        lines.sort(key=lambda line: (-line.days_late, line.member_name, line.barcode))
        return lines

    # --- the scan box -------------------------------------------------------------------

    def scan(self, code: str) -> ScanResult:
        """A member number chooses the member; a barcode returns or lends the item."""
        code = code.strip()
        if not code:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Scan or type a member number or a barcode."),
                field="code",
            )
        row = self.conn.execute(
            "SELECT id FROM member WHERE member_no = ? AND deleted_at IS NULL", (code,)
        ).fetchone()
        if row is not None:
            # A refused card must not leave the previous member at the desk.
            self.current_member_id = None
            member = self._check_member_row(row[0])
            self.current_member_id = member.id
            return ScanResult("member", self.member(member.id))
        item = self.conn.execute(
            "SELECT id, status FROM item WHERE barcode = ? AND deleted_at IS NULL", (code,)
        ).fetchone()
        if item is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "No member and no item in the catalogue has the code {code}."
                ),
                field="code",
                code=code,
            )
        on_loan = self.conn.execute(
            "SELECT 1 FROM loan WHERE item_id = ? AND returned_at IS NULL AND deleted_at IS NULL",
            (item[0],),
        ).fetchone()
        if on_loan is not None:
            loan = self.return_item(code)
            return ScanResult("returned", self.member(loan.member_id), loan)
        if self.current_member_id is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Scan the member's card first, then the items to lend."
                ),
                field="code",
            )
        member_row = self.member(self.current_member_id)
        if member_row is None:
            self.current_member_id = None
            raise KnownError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The member is no longer in the list.")
            )
        loan = self.lend(member_row.member_no, code)
        return ScanResult("lent", self.member(loan.member_id), loan)

    # --- writes -------------------------------------------------------------------------

    def _check_member_row(self, member_id: str) -> MemberBrief:
        row = self.conn.execute(
            "SELECT id, member_no, name, member_type, phone, expires_on, active, erased_at"
            " FROM member WHERE id = ?",
            (member_id,),
        ).fetchone()
        self._check_member(row[1], row[2], _date(row[5]), bool(row[6]), row[7] is not None)
        return MemberBrief(row[0], row[1], row[2], row[3], row[4], 0, 0)

    def _check_member(
        self, member_no: str, name: str, expires: date | None, active: bool, erased: bool
    ) -> None:
        if erased or not active:
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Member {number} is no longer active and cannot borrow."
                ),
                number=member_no,
            )
        if expires is not None and expires < self.today():
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The membership of {name} ({number}) ended on {date}. Renew it first.",
                ),
                name=name,
                number=member_no,
                date=expires,
            )

    def lend(self, member_no: str, barcode: str) -> LoanView:
        """Lend the item ``barcode`` to member ``member_no``; refused with a reason."""
        from app.db.models import Item, Loan

        self._require_record()
        today = self.today()
        rules = self.rules()
        member_no, barcode = member_no.strip(), barcode.strip()
        with self._uow() as uow:
            # Checked under the write lock, with plain reads in the same transaction.
            raw = uow.dbapi_connection()
            member = raw.execute(_MEMBER_CHECK_SQL, (member_no,)).fetchone()
            if member is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("PerpusDesa", "There is no member with the number {number}."),
                    field="member_no",
                    number=member_no,
                )
            member_id, name, member_type, expires, active, erased, count = member
            self._check_member(member_no, name, _date(expires), bool(active), erased is not None)
            found = raw.execute(_ITEM_CHECK_SQL, (barcode,)).fetchone()
            if found is None:
                raise _not_in_catalogue(barcode)
            item_id, item_status, on_loan = found
            if item_status in UNLENDABLE:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "The item {barcode} is marked {status} and cannot be lent.",
                    ),
                    barcode=barcode,
                    status=Label(STATUS_LABELS.get(item_status, item_status)),
                )
            if on_loan:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa", "The item {barcode} is already on loan. Take it back first."
                    ),
                    barcode=barcode,
                )
            rule = rules.get(member_type) or LoanRule(
                FALLBACK_RULE["max_items"], FALLBACK_RULE["days"]
            )
            if count >= rule.max_items:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "{name} already has {count} items on loan, the most allowed.",
                    ),
                    name=name,
                    count=count,
                )
            item = uow.get(Item, item_id)
            assert item is not None
            loan_id = uuid7()
            uow.add(
                Loan(
                    id=loan_id,
                    item_id=item_id,
                    member_id=member_id,
                    loaned_at=self.now(),
                    due_on=due_date(today, rule.days),
                    returned_at=None,
                    renewals=0,
                    fine=0,
                )
            )
            item.status = "dipinjam"
        self.current_member_id = member_id
        view = self.loan(loan_id)
        assert view is not None
        return view

    def return_item(self, barcode: str) -> LoanView:
        """Take back the item ``barcode``: its one open loan is closed, a fine computed if set."""
        from app.db.models import Item, Loan

        self._require_record()
        today = self.today()
        rate = self.fine_per_day()
        barcode = barcode.strip()
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            found = raw.execute(
                "SELECT id FROM item WHERE barcode = ? AND deleted_at IS NULL", (barcode,)
            ).fetchone()
            if found is None:
                raise _not_in_catalogue(barcode)
            open_ids = [row[0] for row in raw.execute(_OPEN_LOANS_SQL, (found[0],))]
            if not open_ids:
                raise KnownError(
                    QT_TRANSLATE_NOOP("PerpusDesa", "The item {barcode} is not on loan."),
                    barcode=barcode,
                )
            assert len(open_ids) == 1, "an item is never on two open loans"
            loan = uow.get(Loan, open_ids[0])
            item = uow.get(Item, found[0])
            assert loan is not None and item is not None
            loan.returned_at = self.now()
            late = (today - loan.due_on).days
            loan.fine = late * rate if late > 0 else 0
            item.status = "tersedia"
            loan_id = loan.id
        view = self.loan(loan_id)
        assert view is not None
        return view

    def renew(self, loan_id: str) -> LoanView:
        """A new due date, counted from today; refused past the limits (see the module)."""
        from app.db.models import Loan, Member

        self._require_record()
        today = self.today()
        rules = self.rules()
        with self._uow() as uow:
            loan = uow.get(Loan, loan_id)
            if loan is None or loan.deleted_at is not None:
                raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This loan no longer exists."))
            if loan.returned_at is not None:
                raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This item was already returned."))
            member = uow.get(Member, loan.member_id)
            assert member is not None
            self._check_member(
                member.member_no,
                member.name,
                member.expires_on,
                member.active,
                member.erased_at is not None,
            )
            if loan.renewals >= MAX_RENEWALS:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "Renewed {count} times already, the most allowed: the item must come back.",
                    ),
                    count=loan.renewals,
                )
            rule = rules.get(member.member_type) or LoanRule(
                FALLBACK_RULE["max_items"], FALLBACK_RULE["days"]
            )
            late = (today - loan.due_on).days
            if late > rule.days:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "This item is {days} days late and cannot be renewed. It must come back.",
                    ),
                    days=late,
                )
            loan.due_on = max(loan.due_on, due_date(today, rule.days))
            loan.renewals = loan.renewals + 1
        view = self.loan(loan_id)
        assert view is not None
        return view
