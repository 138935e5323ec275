"""The library's visit purposes and age bands: what may change, what is refused, what is shown.

Every refusal goes through ``Settings.set`` on a real database and checks
that nothing was written: national statistics count these codes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.core import codes
from app.core.auth import Role, User
from app.core.codes import AgeBand, Code, PurposeEntry
from app.core.errors import PermissionDenied, ValidationError
from app.core.settings import Settings
from app.db.database import Database

Change = Callable[[list[dict[str, Any]]], Any]


@pytest.fixture
def conn(db: Database) -> Iterator[sqlite3.Connection]:
    connection = db.connect()
    yield connection
    connection.close()


@pytest.fixture
def settings(conn: sqlite3.Connection) -> Settings:
    return Settings(conn)


def stored_keys(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT key FROM setting")}


def default_purposes() -> list[dict[str, Any]]:
    return codes.purposes_setting(codes.purpose_entries())


def default_bands() -> list[dict[str, Any]]:
    return codes.age_bands_setting(codes.DEFAULT_AGE_BANDS)


def staff(role: Role) -> User:
    return User("u1", role.value, "Petugas", role, True)


# --- what the rest of the program reads ---------------------------------------------


def test_no_setting_means_the_national_lists() -> None:
    assert codes.purposes(None) == codes.DEFAULT_PURPOSES
    assert codes.all_purposes(None) == codes.DEFAULT_PURPOSES
    assert codes.age_bands(None) == codes.DEFAULT_AGE_BANDS
    assert codes.purpose_entries(None) == tuple(
        PurposeEntry(p.code, p.label) for p in codes.DEFAULT_PURPOSES
    )
    assert codes.codes(codes.DEFAULT_AGE_BANDS) == ("anak", "remaja", "dewasa", "lansia")


def test_a_hidden_purpose_is_not_offered_but_old_visits_keep_its_label(
    settings: Settings,
) -> None:
    value = default_purposes()
    value[2]["hidden"] = True  # internet
    settings.set("purposes", value)
    setting = settings.get("purposes")
    offered = codes.purposes(setting)
    assert "internet" not in codes.codes(offered)
    assert len(offered) == len(codes.DEFAULT_PURPOSES) - 1
    every = codes.all_purposes(setting)
    assert Code("internet", "Internet or computer") in every
    assert codes.codes(every) == codes.NATIONAL_PURPOSE_CODES
    assert PurposeEntry("internet", "Internet or computer", hidden=True) in (
        codes.purpose_entries(setting)
    )


def test_a_renamed_purpose_is_shown_under_its_new_name(settings: Settings) -> None:
    value = default_purposes()
    value[0]["label"] = "  Membaca   di tempat "
    settings.set("purposes", value)
    offered = codes.purposes(settings.get("purposes"))
    assert offered[0] == Code("membaca", "Membaca di tempat")  # spaces tidied
    assert offered[1:] == codes.DEFAULT_PURPOSES[1:]


def test_the_librarys_own_purpose_is_offered(settings: Settings) -> None:
    value = default_purposes()
    code = codes.new_purpose_code("Senam Lansia", [p["code"] for p in value])
    value.insert(-1, {"code": code, "label": "Senam Lansia", "hidden": False})
    settings.set("purposes", value)
    offered = codes.purposes(settings.get("purposes"))
    assert offered[-2:] == (Code("senam_lansia", "Senam Lansia"), codes.DEFAULT_PURPOSES[-1])


def test_a_list_from_an_older_version_without_hidden_flags_still_reads() -> None:
    old = [{"code": p.code, "label": p.label} for p in codes.DEFAULT_PURPOSES]
    assert codes.purposes(old) == codes.DEFAULT_PURPOSES
    assert codes.check_purposes(old) == default_purposes()


@pytest.mark.parametrize(
    "setting",
    [
        "membaca",
        [],
        [{"code": "membaca"}],
        [{"code": "membaca", "label": "Membaca", "hidden": True}],  # nothing offered
    ],
)
def test_a_damaged_purposes_setting_falls_back_to_the_national_list(setting: Any) -> None:
    assert codes.purposes(setting) == codes.DEFAULT_PURPOSES


def test_all_purposes_always_has_the_national_ones() -> None:
    own_only = [{"code": "posyandu", "label": "Posyandu"}]
    every = codes.all_purposes(own_only)
    assert every[0] == Code("posyandu", "Posyandu")
    assert codes.codes(every)[1:] == codes.NATIONAL_PURPOSE_CODES


def test_restore_the_defaults_keeps_own_purposes_hidden() -> None:
    entries = (
        PurposeEntry("membaca", "Baca", hidden=True),
        PurposeEntry("posyandu", "Posyandu"),
        *(PurposeEntry(p.code, p.label) for p in codes.DEFAULT_PURPOSES[1:]),
    )
    restored = codes.restored_purposes(entries)
    assert restored == (
        *(PurposeEntry(p.code, p.label) for p in codes.DEFAULT_PURPOSES),
        PurposeEntry("posyandu", "Posyandu", hidden=True),
    )
    setting = codes.check_purposes(codes.purposes_setting(restored))
    assert codes.purposes(setting) == codes.DEFAULT_PURPOSES


@pytest.mark.parametrize(
    ("label", "taken", "code"),
    [
        ("Senam Lansia", (), "senam_lansia"),
        ("  Baca Al-Qur'an & Iqra' ", (), "baca_al_qur_an_iqra"),
        ("Kafé Baca", (), "kafe_baca"),
        ("Lainnya", (), "lainnya_2"),  # a national code is never given again
        ("Membaca", (), "membaca_2"),
        ("Posyandu", ("posyandu", "posyandu_2"), "posyandu_3"),
        ("活动", (), "tujuan"),
        ("x" * 80, (), "x" * (codes.MAX_CODE - 4)),
    ],
)
def test_the_code_of_a_new_purpose_is_made_from_its_name(
    label: str, taken: tuple[str, ...], code: str
) -> None:
    made = codes.new_purpose_code(label, taken)
    assert made == code
    assert len(made) <= codes.MAX_CODE


def test_moved_age_bands_are_used_for_a_members_band(settings: Settings) -> None:
    value = default_bands()
    value[1].update(label="Remaja (15–17)", min_age=15)
    value[0]["label"] = "Anak (0–14)"
    settings.set("age_bands", value)
    bands = codes.age_bands(settings.get("age_bands"))
    assert [b.min_age for b in bands] == [0, 15, 18, 60]
    assert bands[2:] == codes.DEFAULT_AGE_BANDS[2:]
    assert codes.age_band_for(14, bands) == "anak"
    assert codes.age_band_for(15, bands) == "remaja"
    assert codes.age_range(bands, 0) == (0, 14)
    assert codes.age_range(bands, 3) == (60, None)


def test_the_last_band_may_start_at_the_oldest_age(settings: Settings) -> None:
    value = default_bands()
    value[3].update(label="Sepuh", min_age=codes.MAX_AGE)
    value[2]["label"] = "Dewasa"
    settings.set("age_bands", value)
    assert codes.age_bands(settings.get("age_bands"))[3] == AgeBand("lansia", "Sepuh", 120)


# --- refused, and nothing written ------------------------------------------------------


def changed(value: list[dict[str, Any]], change: Change) -> Any:
    """``change`` edits ``value`` in place, or returns a list (or anything else) to use instead."""
    result = change(value)
    return result if isinstance(result, list | dict | str) else value


def purposes_with(change: Change) -> Any:
    return changed(default_purposes(), change)


def own(code: str, label: str, hidden: bool = False) -> dict[str, Any]:
    return {"code": code, "label": label, "hidden": hidden}


def appending(entry: dict[str, Any]) -> Change:
    return lambda v: v.append(entry)


PURPOSE_REFUSALS: list[tuple[str, Change, str, dict[str, Any]]] = [
    (
        "not a list",
        lambda v: {"membaca": "Membaca"},
        "The list of purposes is damaged: restore the defaults.",
        {},
    ),
    ("empty", lambda v: [], "The list of purposes is damaged: restore the defaults.", {}),
    (
        "an entry without a label",
        lambda v: v.append({"code": "posyandu"}),
        "The list of purposes is damaged: restore the defaults.",
        {},
    ),
    (
        "an unknown key",
        lambda v: v[0].update(colour="red"),
        "The list of purposes is damaged: restore the defaults.",
        {},
    ),
    (
        "hidden is not true or false",
        lambda v: v[0].update(hidden="no"),
        "The list of purposes is damaged: restore the defaults.",
        {},
    ),
    (
        "a label that is not text",
        lambda v: v[0].update(label=5),
        "The list of purposes is damaged: restore the defaults.",
        {},
    ),
    (
        "a national purpose deleted",
        lambda v: v.__delitem__(2),
        'The purpose "{label}" is counted by the national statistics and cannot be removed'
        " or recoded: hide it instead.",
        {"label": "Internet or computer"},
    ),
    (
        "a national purpose recoded",
        lambda v: v[0].update(code="baca"),
        'The purpose "{label}" is counted by the national statistics and cannot be removed'
        " or recoded: hide it instead.",
        {"label": "Reading in the library"},
    ),
    (
        "an own purpose under a national code",
        lambda v: v.append(own("lainnya", "Lain-lain")),
        "The purpose code {code} is used twice.",
        {"code": "lainnya"},
    ),
    (
        "an own code used twice",
        lambda v: v.extend([own("posyandu", "Posyandu"), own("posyandu", "Posyandu balita")]),
        "The purpose code {code} is used twice.",
        {"code": "posyandu"},
    ),
    *(
        (
            f"code {bad!r}",
            appending(own(bad, "Posyandu")),
            "The purpose code {code} is not valid: use small letters a–z, digits and _.",
            {"code": bad},
        )
        for bad in ("Posyandu", "pos yandu", "posyandu_", "_pos", "pos__yandu", "", "x" * 41)
    ),
    (
        "an empty label",
        lambda v: v[3].update(label=""),
        "Fill in the name of purpose {number}.",
        {"number": 4},
    ),
    (
        "a label of spaces",
        lambda v: v[0].update(label="   "),
        "Fill in the name of purpose {number}.",
        {"number": 1},
    ),
    (
        "a label too long",
        lambda v: v[1].update(label="x" * (codes.MAX_LABEL + 1)),
        "The name of purpose {number} is longer than {limit} characters.",
        {"number": 2, "limit": codes.MAX_LABEL},
    ),
    (
        "two labels the same",
        lambda v: v.append(own("baca", " reading  IN the library")),
        'Two purposes are called "{label}".',
        {"label": "reading IN the library"},
    ),
    (
        "two labels the same, one hidden",
        lambda v: (v[0].update(hidden=True), v.append(own("baca", "Reading in the library"))),
        'Two purposes are called "{label}".',
        {"label": "Reading in the library"},
    ),
    (
        "nothing offered",
        lambda v: [p.update(hidden=True) for p in v] and None,
        "At least one purpose must stay offered.",
        {},
    ),
    (
        "too many offered",
        lambda v: v.extend(own(f"tujuan_{i}", f"Tujuan {i}") for i in range(14)),
        "At most {limit} purposes can be offered at once.",
        {"limit": codes.MAX_OFFERED_PURPOSES},
    ),
]


@pytest.mark.parametrize(
    ("change", "message", "params"),
    [
        pytest.param(change, message, params, id=name)
        for name, change, message, params in PURPOSE_REFUSALS
    ],
)
def test_a_bad_purposes_list_is_refused_and_nothing_is_written(
    settings: Settings,
    conn: sqlite3.Connection,
    change: Change,
    message: str,
    params: dict[str, Any],
) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.set("purposes", purposes_with(change))
    assert refused.value.field == "purposes"
    assert refused.value.message == message
    assert refused.value.params == params
    assert stored_keys(conn) == set()
    assert codes.purposes(settings.get("purposes")) == codes.DEFAULT_PURPOSES


def test_hidden_but_many_is_allowed(settings: Settings) -> None:
    """The limit is on what is offered at once: hidden ones do not count."""
    value = default_purposes()
    value.extend(own(f"tujuan_{i}", f"Tujuan {i}", hidden=True) for i in range(30))
    settings.set("purposes", value)
    assert len(codes.all_purposes(settings.get("purposes"))) == 37


def test_a_label_of_the_longest_length_is_kept(settings: Settings) -> None:
    value = default_purposes()
    value[0]["label"] = "x" * codes.MAX_LABEL
    settings.set("purposes", value)
    assert codes.purposes(settings.get("purposes"))[0].label == "x" * codes.MAX_LABEL


def test_labels_that_look_the_same_once_translated_are_refused() -> None:
    """The UI checks with its translation: "Membaca di tempat" is the national label there."""
    indonesian = {"Reading in the library": "Membaca di tempat"}
    value = default_purposes()
    value.append(own("baca", "membaca di tempat"))
    codes.check_purposes(value)  # in the source language they differ
    with pytest.raises(ValidationError) as refused:
        codes.check_purposes(value, display=lambda text: indonesian.get(text, text))
    assert refused.value.message == 'Two purposes are called "{label}".'
    assert refused.value.params == {"label": "membaca di tempat"}


def test_a_saved_own_purpose_can_be_hidden_but_not_removed(
    settings: Settings, conn: sqlite3.Connection
) -> None:
    value = default_purposes()
    value.append(own("posyandu", "Posyandu"))
    settings.set("purposes", value)
    before = settings.get("purposes")

    with pytest.raises(ValidationError) as refused:
        settings.set_many({"purposes": default_purposes(), "paper": "F4"})
    assert refused.value.field == "purposes"
    assert refused.value.message == (
        'The purpose "{label}" was saved before and old visits may carry it:'
        " hide it instead of removing it."
    )
    assert refused.value.params == {"label": "Posyandu"}
    assert settings.get("purposes") == before
    assert stored_keys(conn) == {"purposes"}  # the paper was not written either

    value[-1]["hidden"] = True
    settings.set("purposes", value)
    assert "posyandu" not in codes.codes(codes.purposes(settings.get("purposes")))
    assert Code("posyandu", "Posyandu") in codes.all_purposes(settings.get("purposes"))


def bands_with(change: Change) -> Any:
    return changed(default_bands(), change)


DAMAGED_BANDS = "The list of age bands is damaged: restore the defaults."
FIXED_BANDS = (
    "Age bands cannot be added, removed or recoded: the national statistics count exactly"
    " these four."
)

BAND_REFUSALS: list[tuple[str, Change, str, dict[str, Any]]] = [
    ("not a list", lambda v: "anak", DAMAGED_BANDS, {}),
    ("an entry without an age", lambda v: v[1].__delitem__("min_age"), DAMAGED_BANDS, {}),
    ("an unknown key", lambda v: v[1].update(max_age=17), DAMAGED_BANDS, {}),
    ("a label that is not text", lambda v: v[1].update(label=None), DAMAGED_BANDS, {}),
    ("a band removed", lambda v: v.__delitem__(1), FIXED_BANDS, {}),
    ("none at all", lambda v: [], FIXED_BANDS, {}),
    (
        "a band added",
        lambda v: v.append({"code": "balita", "label": "Balita", "min_age": 100}),
        FIXED_BANDS,
        {},
    ),
    ("a band recoded", lambda v: v[3].update(code="manula"), FIXED_BANDS, {}),
    ("bands reordered", lambda v: list(reversed(v)), FIXED_BANDS, {}),
    (
        "an empty label",
        lambda v: v[2].update(label=" "),
        "Fill in the name of age band {number}.",
        {"number": 3},
    ),
    (
        "a label too long",
        lambda v: v[0].update(label="y" * 61),
        "The name of age band {number} is longer than {limit} characters.",
        {"number": 1, "limit": 60},
    ),
    (
        "two labels the same",
        lambda v: (v[2].update(label="Dewasa"), v[3].update(label="dewasa")),
        'Two age bands are called "{label}".',
        {"label": "dewasa"},
    ),
    (
        "an age that is text",
        lambda v: v[1].update(min_age="13"),
        "The ages of the bands must be whole numbers.",
        {},
    ),
    (
        "an age that is a fraction",
        lambda v: v[1].update(min_age=13.5),
        "The ages of the bands must be whole numbers.",
        {},
    ),
    (
        "an age that is true",
        lambda v: v[0].update(min_age=False),
        "The ages of the bands must be whole numbers.",
        {},
    ),
    (
        "the first band not from 0",
        lambda v: v[0].update(min_age=1),
        "The first age band must start at age 0.",
        {},
    ),
    (
        "two bands from the same age",
        lambda v: v[2].update(min_age=13),
        '"{label}" must start at an older age than "{previous}".',
        {"label": "Adult (18–59)", "previous": "Teenager (13–17)"},
    ),
    (
        "a band younger than the one before",
        lambda v: (v[1].update(label="Remaja"), v[1].update(min_age=20)),
        '"{label}" must start at an older age than "{previous}".',
        {"label": "Adult (18–59)", "previous": "Remaja"},
    ),
    (
        "a band older than the oldest age",
        lambda v: (v[2].update(label="Dewasa"), v[3].update(label="Tua", min_age=121)),
        '"{label}" cannot start above the age of {limit}.',
        {"label": "Tua", "limit": 120},
    ),
    (
        "a default name that no longer tells the ages",
        lambda v: v[3].update(min_age=65),
        'The band "{label}" now covers the ages {ages}: change its name too.',
        {"label": "Adult (18–59)", "ages": "18–64"},
    ),
    (
        "the last band's default name with another start",
        lambda v: (v[2].update(label="Dewasa"), v[3].update(min_age=65)),
        'The band "{label}" now covers the ages {ages}: change its name too.',
        {"label": "Elderly (60+)", "ages": "65+"},
    ),
]


@pytest.mark.parametrize(
    ("change", "message", "params"),
    [
        pytest.param(change, message, params, id=name)
        for name, change, message, params in BAND_REFUSALS
    ],
)
def test_bad_age_bands_are_refused_and_nothing_is_written(
    settings: Settings,
    conn: sqlite3.Connection,
    change: Change,
    message: str,
    params: dict[str, Any],
) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.set("age_bands", bands_with(change))
    assert refused.value.field == "age_bands"
    assert refused.value.message == message
    assert refused.value.params == params
    assert stored_keys(conn) == set()
    assert codes.age_bands(settings.get("age_bands")) == codes.DEFAULT_AGE_BANDS


def test_messages_name_bands_as_the_librarian_sees_them() -> None:
    indonesian = {"Teenager (13–17)": "Remaja (13–17)", "Adult (18–59)": "Dewasa (18–59)"}
    value = default_bands()
    value[2]["min_age"] = 13
    with pytest.raises(ValidationError) as refused:
        codes.check_age_bands(value, display=lambda text: indonesian.get(text, text))
    assert refused.value.params == {"label": "Dewasa (18–59)", "previous": "Remaja (13–17)"}


def test_one_bad_list_in_set_many_writes_nothing(
    settings: Settings, conn: sqlite3.Connection
) -> None:
    bands = default_bands()
    bands[0]["label"] = "Anak-anak"
    with pytest.raises(ValidationError) as refused:
        settings.set_many({"age_bands": bands, "purposes": [], "language": "en"})
    assert refused.value.field == "purposes"
    assert stored_keys(conn) == set()


# --- who may change them -----------------------------------------------------------


def test_a_volunteer_may_not_change_the_lists(settings: Settings, conn: sqlite3.Connection) -> None:
    value = default_purposes()
    value[0]["label"] = "Membaca koran"
    with pytest.raises(PermissionDenied):
        settings.change(staff(Role.RELAWAN), {"purposes": value})
    assert stored_keys(conn) == set()
    settings.change(staff(Role.PENGELOLA), {"purposes": value})
    assert codes.purposes(settings.get("purposes"))[0].label == "Membaca koran"


def test_change_validates_like_set_many(settings: Settings, conn: sqlite3.Connection) -> None:
    with pytest.raises(ValidationError):
        settings.change(staff(Role.ADMIN), {"age_bands": bands_with(lambda v: v.__delitem__(-1))})
    assert stored_keys(conn) == set()
