"""Settings for circulation: loan rules per member type and the fine per day, checked on save."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from app.core.circulation import loan_rules
from app.core.errors import ValidationError
from app.core.settings import Settings
from app.db.database import Database


@pytest.fixture
def conn(db: Database) -> Iterator[sqlite3.Connection]:
    connection = db.connect()
    yield connection
    connection.close()


@pytest.fixture
def settings(conn: sqlite3.Connection) -> Settings:
    return Settings(conn)


def stored(conn: sqlite3.Connection) -> dict[str, str]:
    return {row[0]: row[1] for row in conn.execute("SELECT key, value FROM setting")}


def test_loan_rules_are_saved_and_used_by_circulation(settings: Settings) -> None:
    rules = {"anak": {"max_items": 1, "days": 3}, "umum": {"max_items": 20, "days": 90}}
    settings.set("loan_rules", rules)
    assert settings.get("loan_rules") == rules
    used = loan_rules(settings.get("loan_rules"))
    assert (used["anak"].max_items, used["anak"].days) == (1, 3)
    assert (used["umum"].max_items, used["umum"].days) == (20, 90)
    assert (used["pelajar"].max_items, used["pelajar"].days) == (3, 14)  # the default stays


def test_a_rule_may_change_only_the_days(settings: Settings) -> None:
    settings.set("loan_rules", {"pelajar": {"days": 21}})
    used = loan_rules(settings.get("loan_rules"))
    assert (used["pelajar"].max_items, used["pelajar"].days) == (3, 21)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"anak": {"max_items": 0, "days": 7}}, "Loans for anak: the most items must be"),
        ({"anak": {"max_items": 21, "days": 7}}, "Loans for anak: the most items must be"),
        ({"umum": {"max_items": "3", "days": 7}}, "Loans for umum: the most items must be"),
        ({"umum": {"max_items": True, "days": 7}}, "Loans for umum: the most items must be"),
        ({"pelajar": {"max_items": 2, "days": 0}}, "Loans for pelajar: the loan days must be"),
        ({"pelajar": {"max_items": 2, "days": 91}}, "Loans for pelajar: the loan days must be"),
        ({"pelajar": {"max_items": 2, "days": 7.5}}, "Loans for pelajar: the loan days must be"),
        ({"dosen": {"max_items": 2, "days": 7}}, "unknown member type dosen; use umum"),
        ({"anak": {"maks": 2}}, "The loan rule for anak must give"),
        ({"anak": {}}, "The loan rule for anak must give"),
        ({"anak": 7}, "The loan rule for anak must give"),
        ([2, 7], "The loan rules must be given per member type."),
    ],
)
def test_bad_loan_rules_are_refused_and_nothing_is_written(
    settings: Settings, conn: sqlite3.Connection, rules: Any, message: str
) -> None:
    settings.set("loan_rules", {"anak": {"max_items": 1, "days": 3}})
    before = stored(conn)
    with pytest.raises(ValidationError) as caught:
        settings.set_many({"loan_rules": rules, "fine_per_day": 500})
    assert message in str(caught.value)
    assert caught.value.field == "loan_rules"
    assert stored(conn) == before, "neither the rules nor the fine were written"


def test_the_limits_themselves_are_accepted(settings: Settings) -> None:
    settings.set("loan_rules", {"anak": {"max_items": 1, "days": 1}})
    settings.set("loan_rules", {"anak": {"max_items": 20, "days": 90}})
    assert settings.get("loan_rules") == {"anak": {"max_items": 20, "days": 90}}


@pytest.mark.parametrize("fine", [0, 500, 100_000])
def test_fine_per_day_is_saved(settings: Settings, fine: int) -> None:
    settings.set("fine_per_day", fine)
    assert settings.get("fine_per_day") == fine


@pytest.mark.parametrize("fine", [-1, 100_001, 500.0, "500", True, None])
def test_bad_fine_per_day_is_refused_and_nothing_is_written(
    settings: Settings, conn: sqlite3.Connection, fine: Any
) -> None:
    with pytest.raises(ValidationError) as caught:
        settings.set("fine_per_day", fine)
    assert str(caught.value) == (
        "The fine per day must be a whole number of Rupiah from 0 to 100000."
    )
    assert caught.value.field == "fine_per_day"
    assert "fine_per_day" not in stored(conn)
    assert settings.get("fine_per_day") is None
