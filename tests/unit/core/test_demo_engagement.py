"""The demo's activities, partnerships and success stories are ones the program would accept.

A year of demo data is made once for the module. Every activity, partner,
partnership and story is then read back and saved again, unchanged, through
its service (the way the forms save a record): none may be refused and none
may change, so the demo wrote exactly what the services write. Saving again
lets a record keep codes that are no longer offered (old records keep their
labels), so each one is also recorded anew through the same service, where
only today's code lists count.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest

from app.core import activities, codes, partnerships, stories
from app.core.activities import ActivityService
from app.core.auth import User, UserService
from app.core.demo import DEMO_PASSWORD, generate_demo
from app.core.partnerships import PartnershipService
from app.core.stories import StoryService
from app.db.database import Database
from app.paths import resources_dir

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # noon in Kalisari (WIB)


@dataclass
class Demo:
    db: Database
    conn: sqlite3.Connection
    admin: User
    # the demo's own records, listed before any test adds a copy
    activity_ids: list[str]
    partner_ids: list[str]
    partnership_ids: list[str]
    story_ids: list[str]

    def versions(self, table: str) -> dict[str, int]:
        return {r[0]: r[1] for r in self.conn.execute(f"SELECT id, version FROM {table}")}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    db = Database(tmp_path_factory.mktemp("demo") / "data")
    summary = generate_demo(db, years=1, seed=1, today=TODAY)
    conn = db.connect()

    def ids(table: str) -> list[str]:
        return [r[0] for r in conn.execute(f"SELECT id FROM {table} ORDER BY id")]

    found = Demo(
        db=db,
        conn=conn,
        admin=UserService(conn).login("admin", DEMO_PASSWORD),
        activity_ids=ids("activity"),
        partner_ids=ids("partner"),
        partnership_ids=ids("partnership"),
        story_ids=ids("story"),
    )
    assert len(found.activity_ids) == summary.activities
    assert len(found.partnership_ids) == summary.partnerships
    assert len(found.story_ids) == summary.stories >= 1
    yield found
    conn.close()
    db.dispose()


# --- the word lists name the program's codes ------------------------------------------------


def _words(name: str) -> Any:
    return json.loads((resources_dir() / "demo" / f"{name}.json").read_text("utf-8"))


def test_the_word_lists_use_the_programs_codes() -> None:
    spec = _words("activities")
    assert set(spec["categories"]) == set(codes.NATIONAL_ACTIVITY_CATEGORY_CODES)
    groups = codes.codes(activities.TARGET_GROUPS)
    strategies = codes.codes(activities.STRATEGIES)
    kinds = codes.codes(activities.KINDS)
    for code, category in spec["categories"].items():
        assert category["target_group"] in groups, code
        assert category["strategy"] in strategies, code
        assert category["kind"] in kinds, code
    representative_types = codes.codes(activities.REPRESENTATIVE_TYPES)
    assert {r["code"] for r in spec["representatives"]} <= set(representative_types)
    for template in _words("stories")["stories"]:
        assert template["category"] in codes.codes(stories.CATEGORIES), template["title"]
        assert template["activity_category"] in spec["categories"], template["title"]
    partner_types = codes.codes(partnerships.PARTNER_TYPES)
    for partner in _words("partners")["partners"]:
        assert partner["type"] in partner_types, partner["key"]


# --- saved again unchanged: nothing refused, nothing changed ----------------------------------


def test_every_activity_saves_again_unchanged(demo: Demo) -> None:
    before = demo.versions("activity")
    with ActivityService(demo.db, demo.admin, now=lambda: NOW) as service:
        for activity_id in demo.activity_ids:
            view = service.get(activity_id)
            assert view is not None
            service.update(activity_id, view.as_input())  # a refusal fails the test
    after = demo.versions("activity")
    assert {i: after[i] for i in demo.activity_ids} == {i: before[i] for i in demo.activity_ids}


def test_every_partner_and_partnership_saves_again_unchanged(demo: Demo) -> None:
    partners_before = demo.versions("partner")
    before = demo.versions("partnership")
    with PartnershipService(demo.db, demo.admin, now=lambda: NOW) as service:
        for partner_id in demo.partner_ids:
            partner = service.get_partner(partner_id)
            assert partner is not None
            service.update_partner(partner_id, partner.as_input())
        for partnership_id in demo.partnership_ids:
            view = service.get(partnership_id)
            assert view is not None
            service.update(partnership_id, view.as_input())
    assert demo.versions("partner") == partners_before
    after = demo.versions("partnership")
    assert {i: after[i] for i in demo.partnership_ids} == before


def test_every_story_saves_again_unchanged(demo: Demo) -> None:
    before = demo.versions("story")
    with StoryService(demo.db, demo.admin, now=lambda: NOW) as service:
        for story_id in demo.story_ids:
            view = service.get(story_id)
            assert view is not None
            service.update(story_id, view.as_input())
    after = demo.versions("story")
    assert {i: after[i] for i in demo.story_ids} == {i: before[i] for i in demo.story_ids}


# --- recorded anew: only the codes offered today count ----------------------------------------


def test_every_activity_could_be_recorded_today(demo: Demo) -> None:
    statuses: set[str] = set()
    with ActivityService(demo.db, demo.admin, now=lambda: NOW) as service:
        for activity_id in demo.activity_ids:
            view = service.get(activity_id)
            assert view is not None
            statuses.add(view.status)
            data = view.as_input()
            if view.status == "terlaksana":
                copy = service.record(data)
            else:  # a planned one as planned; a cancelled one was planned first
                copy = service.plan(data)
                if view.status == "batal":
                    service.cancel(copy)
            again = service.get(copy)
            assert again is not None
            assert (again.category, again.target_group, again.representatives) == (
                view.category,
                view.target_group,
                view.representatives,
            )
            assert again.participants == view.participants
    assert statuses == {"terlaksana", "rencana", "batal"}


def test_every_partnership_could_be_recorded_today(demo: Demo) -> None:
    with PartnershipService(demo.db, demo.admin, now=lambda: NOW) as service:
        views = [service.get(i) for i in demo.partnership_ids]
        kinds = set()
        for view in views:
            assert view is not None
            kinds.add(view.kind)
            copy = service.get(service.add(view.as_input()))
            assert copy is not None and copy.as_input() == view.as_input()
        regulations = [v for v in views if v is not None and v.kind == "regulasi"]
    assert {"mou", "pks", "dukungan", "regulasi"} <= kinds
    assert regulations and all(v.regulation_type == "perdes" for v in regulations)


def test_every_story_could_be_recorded_today(demo: Demo) -> None:
    staff = {r[0] for r in demo.conn.execute("SELECT id FROM staff_user WHERE active")}
    with StoryService(demo.db, demo.admin, now=lambda: NOW) as service:
        for story_id in demo.story_ids:
            view = service.get(story_id)
            assert view is not None
            assert view.consent_witness in staff  # witnessed by a staff member
            if service.is_child(view.age_band):
                assert view.guardian_name and view.guardian_consent_at is not None
            copy = service.get(service.record(view.as_input()))
            assert copy is not None
            assert (copy.category, copy.person_name, copy.consent_on) == (
                view.category,
                view.person_name,
                view.consent_on,
            )
            assert copy.category in codes.codes(stories.CATEGORIES)
