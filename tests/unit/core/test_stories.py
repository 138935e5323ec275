"""Success stories: kept only with consent, a child's with a guardian's, published without the name unless agreed.

The service's clock is fixed at 10:00 WIB on 15 November 2026 (Miroto, WIB).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from app.core.activities import ActivityInput, ActivityService
from app.core.auth import Role, User, UserService
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.stories import StoryInput, StoryService
from app.db.models import Story
from app.db.uow import UnitOfWork
from tests.conftest import LibraryDb

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 15, 10, 0, tzinfo=WIB).astimezone(UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x02" * 64


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[StoryService]:
    with StoryService(library_db.db, library_db.admin, now=lambda: NOW) as found:
        yield found


@pytest.fixture
def activity_id(library_db: LibraryDb) -> str:
    with ActivityService(library_db.db, library_db.admin, now=lambda: NOW) as activities:
        return activities.record(
            ActivityInput(
                title="Pelatihan membuat keripik singkong",
                category="umkm",
                strategy="pelibatan",
                starts_at=datetime(2026, 6, 10, 9, tzinfo=WIB),
                participants={"P": {"dewasa": 15}},
            )
        )


@pytest.fixture
def story(library_db: LibraryDb, activity_id: str) -> StoryInput:
    return StoryInput(
        person_name="Siti Aminah",
        gender="P",
        age_band="dewasa",
        occupation="Pedagang keripik",
        category="peningkatan_pendapatan",
        activity_id=activity_id,
        title="Keripik Bu Siti kini dijual sampai kota",
        text="Setelah pelatihan, Siti Aminah mulai menjual keripik.\nOmzetnya naik.",
        figure_label="Omzet per bulan (Rp)",
        value_before=300_000,
        value_after=1_500_000,
        consent_given=True,
        consent_witness=library_db.admin.id,
    )


def make_user(conn: sqlite3.Connection, admin: User, username: str, role: Role) -> User:
    return UserService(conn).create_user(admin, username, username.title(), role, "kata-sandi-1")


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(stories, outbox rows, audit entries)."""
    return (
        conn.execute("SELECT count(*) FROM story").fetchone()[0],
        conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
        conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0],
    )


def photo_files(library_db: LibraryDb) -> list[Path]:
    folder = library_db.db.data_dir / "photos" / "stories"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_story_is_kept_with_its_consent(
    library_db: LibraryDb, service: StoryService, conn: sqlite3.Connection, story: StoryInput
) -> None:
    before = counts(conn)
    story_id = service.record(story)
    assert counts(conn) == (before[0] + 1, before[1] + 1, before[2] + 1)
    view = service.get(story_id)
    assert view is not None
    assert view.consent_at == NOW and view.consent_on == date(2026, 11, 15)
    assert view.witness_name == "Admin Perpustakaan"
    assert view.activity_title == "Pelatihan membuat keripik singkong"
    assert (view.value_before, view.value_after) == (300_000, 1_500_000)
    assert view.text.endswith("\nOmzetnya naik."), "the story keeps its lines"
    assert (view.guardian_name, view.guardian_consent_at) == (None, None)
    assert not view.publish_with_name
    assert [s.id for s in service.stories()] == [story_id]
    assert service.stories(category="kesehatan") == []
    op = conn.execute("SELECT op, table_name FROM outbox WHERE record_id = ?", (story_id,))
    assert tuple(op.fetchone()) == ("create", "story")


def test_a_story_without_consent_is_refused(
    service: StoryService, conn: sqlite3.Connection, story: StoryInput
) -> None:
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.record(replace(story, consent_given=False))
    assert refused.value.field == "consent_given"
    assert "consent" in str(refused.value)
    assert counts(conn) == before


def test_a_childs_story_needs_a_guardians_consent(
    service: StoryService, conn: sqlite3.Connection, story: StoryInput
) -> None:
    child = replace(story, age_band="anak", occupation="Pelajar SD")
    assert service.is_child("anak") and service.is_child("remaja")
    assert not service.is_child("dewasa")
    before = counts(conn)
    with pytest.raises(ValidationError) as no_guardian:
        service.record(child)
    assert no_guardian.value.field == "guardian_name"
    with pytest.raises(ValidationError) as not_agreed:
        service.record(replace(child, guardian_name="Ibu Warsini"))
    assert not_agreed.value.field == "guardian_consent"
    assert counts(conn) == before
    story_id = service.record(replace(child, guardian_name="Ibu Warsini", guardian_consent=True))
    view = service.get(story_id)
    assert view is not None
    assert (view.guardian_name, view.guardian_consent_at) == ("Ibu Warsini", NOW)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"person_name": "  "}, "person_name"),
        ({"gender": "X"}, "gender"),
        ({"age_band": "bayi"}, "age_band"),
        ({"category": "umkm"}, "category"),
        ({"title": ""}, "title"),
        ({"text": " \n "}, "text"),
        ({"value_before": -300_000}, "value_before"),
        ({"value_after": "1,5 juta"}, "value_after"),
        ({"figure_label": None}, "figure_label"),
        ({"activity_id": "no-such-activity"}, "activity_id"),
        ({"consent_witness": None}, "consent_witness"),
        ({"consent_witness": "no-such-user"}, "consent_witness"),
        ({"consent_on": date(2026, 11, 16)}, "consent_on"),
        ({"occupation": "x" * 41}, "occupation"),
    ],
)
def test_bad_input_is_refused_with_nothing_written(
    service: StoryService,
    conn: sqlite3.Connection,
    story: StoryInput,
    changes: dict[str, Any],
    field: str,
) -> None:
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.record(replace(story, **changes))
    assert refused.value.field == field
    assert str(refused.value)
    assert counts(conn) == before


def test_an_earlier_consent_date_is_kept(service: StoryService, story: StoryInput) -> None:
    story_id = service.record(replace(story, consent_on=date(2026, 10, 1)))
    view = service.get(story_id)
    assert view is not None and view.consent_on == date(2026, 10, 1)
    service.update(story_id, replace(view.as_input(), title="Keripik Siti"))
    changed = service.get(story_id)
    assert changed is not None
    assert changed.consent_at == view.consent_at, "the consent recorded does not move"


# --- photos ---------------------------------------------------------------------------


def test_a_photo_is_copied_and_replaced(
    library_db: LibraryDb, service: StoryService, story: StoryInput, tmp_path: Path
) -> None:
    first = tmp_path / "siti.jpg"
    first.write_bytes(JPEG)
    story_id = service.record(replace(story, photo_source=first))
    view = service.get(story_id)
    assert view is not None and view.photo_path is not None
    assert view.photo_path.startswith("photos/stories/") and view.photo_path.endswith(".jpg")
    stored = service.photo_file(view)
    assert stored is not None and stored.read_bytes() == JPEG
    second = tmp_path / "siti-baru.png"
    second.write_bytes(PNG)
    service.update(story_id, replace(view.as_input(), photo_source=second))
    changed = service.get(story_id)
    assert changed is not None and changed.photo_path is not None
    assert changed.photo_path.endswith(".png")
    assert photo_files(library_db) == [library_db.db.data_dir / changed.photo_path]
    service.update(story_id, replace(changed.as_input(), remove_photo=True))
    gone = service.get(story_id)
    assert gone is not None and gone.photo_path is None
    assert photo_files(library_db) == []


@pytest.mark.parametrize(
    "content", [b"GIF89a bukan foto yang diterima", JPEG + b"\x00" * (5 * 1024 * 1024)]
)
def test_a_bad_photo_is_refused_and_the_story_stays_as_it_was(
    library_db: LibraryDb,
    service: StoryService,
    conn: sqlite3.Connection,
    story: StoryInput,
    tmp_path: Path,
    content: bytes,
) -> None:
    bad = tmp_path / "foto.jpg"
    bad.write_bytes(content)
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.record(replace(story, photo_source=bad))
    assert refused.value.field == "photo"
    assert counts(conn) == before
    assert photo_files(library_db) == []
    good = tmp_path / "siti.jpg"
    good.write_bytes(JPEG)
    story_id = service.record(replace(story, photo_source=good))
    view = service.get(story_id)
    assert view is not None
    before = counts(conn)
    with pytest.raises(ValidationError):
        service.update(story_id, replace(view.as_input(), title="Baru", photo_source=bad))
    assert counts(conn) == before
    assert service.get(story_id) == view
    assert len(photo_files(library_db)) == 1


# --- publishing ---------------------------------------------------------------------------


def test_without_consent_to_the_name_the_story_is_published_without_it(
    service: StoryService, story: StoryInput, tmp_path: Path
) -> None:
    photo = tmp_path / "siti.jpg"
    photo.write_bytes(JPEG)
    story_id = service.record(replace(story, photo_source=photo))
    shown = service.publishable(story_id)
    assert shown.name is None and shown.photo_path is None
    assert shown.title == "Keripik Bu S. kini dijual sampai kota"
    assert shown.text.startswith("Setelah pelatihan, S. A. mulai menjual keripik.")
    assert "Siti" not in shown.text + shown.title and "Aminah" not in shown.text
    assert (shown.value_before, shown.value_after) == (300_000, 1_500_000)

    named = service.record(replace(story, publish_with_name=True, photo_source=photo))
    published = service.publishable(named)
    assert published.name == "Siti Aminah"
    assert published.photo_path is not None
    assert published.title == "Keripik Bu Siti kini dijual sampai kota"


# --- who may do what ----------------------------------------------------------------------


def test_a_volunteer_records_but_does_not_change_old_stories(
    library_db: LibraryDb, conn: sqlite3.Connection, story: StoryInput
) -> None:
    relawan = make_user(conn, library_db.admin, "relawan", Role.RELAWAN)
    # Records are stamped by the real clock: "today" and "two days later" are real days.
    with (
        StoryService(library_db.db, relawan) as today,
        StoryService(
            library_db.db, relawan, now=lambda: datetime.now(UTC) + timedelta(days=2)
        ) as later,
    ):
        story_id = today.record(replace(story, consent_witness=relawan.id, consent_on=None))
        view = today.get(story_id)
        assert view is not None and today.can_change(view)
        today.update(story_id, replace(view.as_input(), title="Keripik Siti"))
        changed = today.get(story_id)
        assert changed is not None and not later.can_change(changed)
        before = counts(conn)
        with pytest.raises(PermissionDenied):
            later.update(story_id, replace(changed.as_input(), title="Lain"))
        with pytest.raises(PermissionDenied):
            today.delete(story_id)
        assert counts(conn) == before
    with StoryService(library_db.db, library_db.admin) as admin:
        admin.delete(story_id)
        assert admin.stories() == []
        with pytest.raises(KnownError):
            admin.publishable(story_id)


def test_an_old_story_keeps_its_category_when_changed(
    library_db: LibraryDb, service: StoryService, story: StoryInput
) -> None:
    """Stories saved with another category code (older data) are changed as they are."""
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        old = uow.add(
            Story(
                person_name="Pak Darto",
                gender="L",
                age_band="dewasa",
                category="pertanian",
                title="Panen naik",
                text="Panen naik setelah kelas pertanian.",
                consent_at=NOW - timedelta(days=30),
                consent_witness=library_db.admin.id,
                publish_with_name=False,
            )
        )
    view = service.get(old.id)
    assert view is not None
    service.update(old.id, replace(view.as_input(), title="Panen jagung naik"))
    changed = service.get(old.id)
    assert changed is not None and (changed.category, changed.title) == (
        "pertanian",
        "Panen jagung naik",
    )
    with pytest.raises(ValidationError):
        service.record(replace(story, category="pertanian"))
