"""A library's figures per month, computed on the server from its synced records.

``library_months(rows, time_zone)`` reads one library's records (``(kind,
data, deleted_at)``, the wire payloads of :data:`sync.protocol.DATA_MODELS` as
stored) in one pass and returns ``{"YYYY-MM": figures}``. The figures of a
month equal those of the PC's own monthly report for that month
(``app.reports.figures.compute_report``, whose held activities are added up by
``app.core.activities.figures_of``), for every figure the wire carries; a test
(tests/sync/test_figures.py) holds the two together on a demo library.

Counting rules, as in the PC's report (``app.reports.model``):

- tombstoned (deleted) records count nowhere;
- only held activities (status ``terlaksana``) count; planned (``rencana``)
  and cancelled (``batal``) ones are only counted as such;
- times are counted in the library's local time zone (WIB, WITA, WIT): a visit
  at 00:30 local time on the 1st belongs to the new month, though in UTC it is
  still the last day of the old one; dates (registration, partnership start)
  are the library's own days.

Every leaf is an int and every figure is ADDITIVE, across libraries and across
months: a figure the PC takes "at the end of the period" (members, agreements
in force) is given as what came and went in each month, and
:func:`members_total` / :func:`agreements_in_force` add it up from the
beginning. The keys (``{code: n}`` maps hold only the codes found)::

    visits        the guestbook (a line is one member, one guest or one group)
      total         people visiting: men and women of every line added up
      male, female  of them, men and women
      unknown       of them, people whose age band was not recorded
      members       people who came as members
      guests        people who came as guests
      groups        people who came in groups (rombongan)
      lines         guestbook lines (the report's "visits")
      by_age_band   {age band: people} (the lines' age counts)
      by_purpose    {purpose: people}: each purpose of a line (once) counts the
                    line's people, so the purposes overlap
    members       membership
      new           members registered in the month
      new_by_gender {L, P: members registered}
      new_by_type   {member type: members registered}
      gone          members whose membership ended in the month (``active``
                    false, booked by ``deactivated_at``; a record without that
                    time, from an older PC, in its month of registration)
      gone_by_gender, gone_by_type   the same by gender and member type
    loans
      total         loans made in the month
      returns       loans returned in the month (a loan made in an earlier
                    month counts its return in the month it came back)
    activities    held activities
      total         held activities (kegiatan, meetings and trainings)
      by_category   {national category: held activities}
      by_strategy   {strategy: held activities}
      by_kind       {kegiatan, pertemuan, pelatihan: held activities}
      planned       activities still planned (shown, not counted)
      cancelled     cancelled activities (shown, not counted)
    people        people engaged in held activities
      total, male, female   participants, men and women
      unknown       participants whose age band was not recorded (the month's
                    participants minus those of the age grid, never below 0)
      by_age_band   {age band: participants}
      by_category   {national category: participants}
    meetings      held stakeholder meetings (kind ``pertemuan``)
      total, representatives (people who came), by_type {type: representatives}
    trainings     held trainings (kind ``pelatihan``)
      total, trainees (participants), trainee_libraries (the libraries the
      trainees came from), trainees_by_target_group {target group or
      "unknown": trainees}
    partnerships  by the day they start
      agreements    new agreements (MoU and PKS)
      ended         agreements whose last day (``end_on``) is in the month
      support       support received (kind ``dukungan``)
      rupiah        its value in rupiah
      rupiah_by_type {support type ("lainnya" when none): rupiah}
    stories       success stories, by the day consent was given
      total         stories
      publishable   stories that may be published with the teller's name
                    (only those carry their name, title and text to the server)

Left out of the PC's report: active members and borrowers (the wire never
says which member came or borrowed); loans overdue (a stock the PC takes at the end of a month, or
today in the current one); loans by DDC class and titles lent (the wire has
them only through a loan's copy and title: a join, not this one pass); the
collection (a copy without an acquisition day counts from the day it was
entered, which the payload does not carry); visits per day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from pydantic import TypeAdapter
from pydantic_core import from_json

ZONE_HOURS: Final = {"WIB": 7, "WITA": 8, "WIT": 9}
UNKNOWN: Final = "unknown"
OTHER_SUPPORT: Final = "lainnya"

Figures = dict[str, Any]


def empty() -> Figures:
    """The figures of a month with nothing in it (zeros and empty maps)."""
    return {
        "visits": {
            "total": 0,
            "male": 0,
            "female": 0,
            "unknown": 0,
            "members": 0,
            "guests": 0,
            "groups": 0,
            "lines": 0,
            "by_age_band": {},
            "by_purpose": {},
        },
        "members": {
            "new": 0,
            "new_by_gender": {},
            "new_by_type": {},
            "gone": 0,
            "gone_by_gender": {},
            "gone_by_type": {},
        },
        "loans": {"total": 0, "returns": 0},
        "activities": {
            "total": 0,
            "by_category": {},
            "by_strategy": {},
            "by_kind": {},
            "planned": 0,
            "cancelled": 0,
        },
        "people": {
            "total": 0,
            "male": 0,
            "female": 0,
            "unknown": 0,
            "by_age_band": {},
            "by_category": {},
        },
        "meetings": {"total": 0, "representatives": 0, "by_type": {}},
        "trainings": {
            "total": 0,
            "trainees": 0,
            "trainee_libraries": 0,
            "trainees_by_target_group": {},
        },
        "partnerships": {
            "agreements": 0,
            "ended": 0,
            "support": 0,
            "rupiah": 0,
            "rupiah_by_type": {},
        },
        "stories": {"total": 0, "publishable": 0},
    }


def add(total: dict[str, Any], part: Mapping[str, Any]) -> dict[str, Any]:
    """Add ``part`` into ``total`` in place (nested; keys missing in ``total`` are copied)."""
    for key, value in part.items():
        if type(value) is dict or isinstance(value, Mapping):  # the common case first: fast
            inner = total.get(key)
            if inner is None:
                inner = total[key] = {}
            add(inner, value)
        else:
            total[key] = total.get(key, 0) + value
    return total


def members_total(months: Mapping[str, Figures], last: str) -> int:
    """Members at the end of month ``last``: registered up to it and not gone (see ``gone``)."""
    return sum(
        f["members"]["new"] - f["members"]["gone"] for period, f in months.items() if period <= last
    )


def agreements_in_force(months: Mapping[str, Figures], first: str, last: str) -> int:
    """Agreements in force at some time from month ``first`` to ``last`` (as the PC counts).

    Started up to the end of ``last`` and not ended before ``first`` began.
    """
    started = sum(f["partnerships"]["agreements"] for p, f in months.items() if p <= last)
    ended = sum(f["partnerships"]["ended"] for p, f in months.items() if p < first)
    return started - ended


def months_between(months: Mapping[str, Figures], first: str, last: str) -> Figures:
    """The figures of months ``first`` to ``last`` (inclusive) added up."""
    total = empty()
    for period, figures in months.items():
        if first <= period <= last:
            add(total, figures)
    return total


# --- the one pass ---------------------------------------------------------------------------


def library_months(
    rows: Iterable[tuple[str, Any, datetime | str | None]], time_zone: str
) -> dict[str, Figures]:
    """{"YYYY-MM": figures} of one library's records, for each month with a figure.

    ``rows`` are ``(kind, data, deleted_at)``: ``data`` the stored payload (a
    dict, or its JSON text), times as ISO text or datetimes; tombstones count
    nowhere, kinds without figures are skipped. ``time_zone`` is the
    library's (WIB, WITA or WIT).
    """
    hours = ZONE_HOURS[time_zone]
    months: dict[str, Figures] = {}
    # The month's figures by UTC hour ("2026-11-30T16"): the zones are whole hours ahead.
    by_hour: dict[str, Figures] = {}

    def month_of(value: Any) -> Figures:
        if type(value) is str and value[-1:] == "Z" and len(value) >= 20 and value[10] == "T":
            found = by_hour.get(value[:13])
            if found is not None:
                return found
        period = _moment_month(value, hours)
        found = months.get(period)
        if found is None:
            found = months[period] = empty()
        if type(value) is str and value[-1:] == "Z" and len(value) >= 20 and value[10] == "T":
            by_hour[value[:13]] = found
        return found

    def day_of(value: Any) -> Figures:
        period = _date_month(value)
        found = months.get(period)
        if found is None:
            found = months[period] = empty()
        return found

    for kind, raw, deleted_at in rows:
        if deleted_at is not None:
            continue
        handler = _HANDLERS.get(kind)
        if handler is None:
            continue
        data = from_json(raw) if isinstance(raw, str | bytes) else raw
        handler(data, month_of, day_of)
    result: dict[str, Figures] = {}
    for period in sorted(months):
        figures = months[period]
        people = figures["people"]
        people["unknown"] = max(people["total"] - sum(people["by_age_band"].values()), 0)
        if _has_figure(figures):
            result[period] = figures
    return result


_Month = Callable[[Any], Figures]


def _visit(data: Mapping[str, Any], month_of: _Month, _day_of: _Month) -> None:
    v = month_of(data["visited_at"])["visits"]
    male = data.get("count_male") or 0
    female = data.get("count_female") or 0
    people = male + female
    v["total"] += people
    v["male"] += male
    v["female"] += female
    v["lines"] += 1
    kind = data.get("kind")
    if kind == "member":
        v["members"] += people
    elif kind == "group":
        v["groups"] += people
    else:
        v["guests"] += people
    ages = data.get("age_counts")
    banded = 0
    if ages:
        bands = v["by_age_band"]
        for band, n in ages.items():
            bands[band] = bands.get(band, 0) + n
            banded += n
    if people > banded:
        v["unknown"] += people - banded
    purposes = data.get("purposes")
    if purposes:
        by_purpose = v["by_purpose"]
        for purpose in purposes if len(purposes) == 1 else dict.fromkeys(purposes):
            by_purpose[purpose] = by_purpose.get(purpose, 0) + people


def _member(data: Mapping[str, Any], month_of: _Month, day_of: _Month) -> None:
    m = day_of(data["registered_on"])["members"]
    gender = data.get("gender") or UNKNOWN
    member_type = data.get("member_type") or UNKNOWN
    m["new"] += 1
    _bump(m["new_by_gender"], gender, 1)
    _bump(m["new_by_type"], member_type, 1)
    if data.get("active") is False:
        left = data.get("deactivated_at")
        if left is not None:
            m = month_of(left)["members"]
        m["gone"] += 1
        _bump(m["gone_by_gender"], gender, 1)
        _bump(m["gone_by_type"], member_type, 1)


def _loan(data: Mapping[str, Any], month_of: _Month, _day_of: _Month) -> None:
    month_of(data["loaned_at"])["loans"]["total"] += 1
    returned = data.get("returned_at")
    if returned is not None:
        month_of(returned)["loans"]["returns"] += 1


def _activity(data: Mapping[str, Any], month_of: _Month, _day_of: _Month) -> None:
    figures = month_of(data["starts_at"])
    status = data.get("status")
    a = figures["activities"]
    if status != "terlaksana":
        if status == "rencana":
            a["planned"] += 1
        elif status == "batal":
            a["cancelled"] += 1
        return
    kind = data.get("kind")
    category = data.get("category_code")
    male = data.get("participants_male") or 0
    female = data.get("participants_female") or 0
    people = male + female
    a["total"] += 1
    _bump(a["by_category"], category, 1)
    _bump(a["by_strategy"], data.get("strategy"), 1)
    _bump(a["by_kind"], kind, 1)
    p = figures["people"]
    p["total"] += people
    p["male"] += male
    p["female"] += female
    _bump(p["by_category"], category, people)
    grid = data.get("participants")
    if grid:
        by_band = p["by_age_band"]
        for bands in grid.values():
            for band, n in bands.items():
                by_band[band] = by_band.get(band, 0) + n
    if kind == "pertemuan":
        meetings = figures["meetings"]
        meetings["total"] += 1
        by_type = meetings["by_type"]
        for kind_of, n in (data.get("representatives") or {}).items():
            meetings["representatives"] += n
            by_type[kind_of] = by_type.get(kind_of, 0) + n
    elif kind == "pelatihan":
        trainings = figures["trainings"]
        trainings["total"] += 1
        trainings["trainees"] += people
        trainings["trainee_libraries"] += data.get("trainee_libraries") or 0
        _bump(trainings["trainees_by_target_group"], data.get("target_group") or UNKNOWN, people)


def _partnership(data: Mapping[str, Any], _month_of: _Month, day_of: _Month) -> None:
    start = data["start_on"]
    kind = data.get("kind")
    if kind in ("mou", "pks"):
        day_of(start)["partnerships"]["agreements"] += 1
        end = data.get("end_on")
        if end is not None:
            start_month, end_month = _date_month(start), _date_month(end)
            # An end before the start (the PC refuses one) is booked at the start.
            day_of(f"{max(start_month, end_month)}-01")["partnerships"]["ended"] += 1
    elif kind == "dukungan":
        s = day_of(start)["partnerships"]
        rupiah = data.get("value_rupiah") or 0
        s["support"] += 1
        s["rupiah"] += rupiah
        _bump(s["rupiah_by_type"], data.get("support_type") or OTHER_SUPPORT, rupiah)


def _story(data: Mapping[str, Any], month_of: _Month, _day_of: _Month) -> None:
    s = month_of(data["consent_at"])["stories"]
    s["total"] += 1
    if data.get("publish_with_name"):
        s["publishable"] += 1


_HANDLERS: Final[dict[str, Callable[[Mapping[str, Any], _Month, _Month], None]]] = {
    "visit": _visit,
    "member": _member,
    "loan": _loan,
    "activity": _activity,
    "partnership": _partnership,
    "story": _story,
}


def _bump(counts: dict[str, int], key: str | None, n: int) -> None:
    code = key or UNKNOWN
    counts[code] = counts.get(code, 0) + n


def _has_figure(figures: Mapping[str, Any]) -> bool:
    for value in figures.values():
        if isinstance(value, Mapping):
            if _has_figure(value):
                return True
        elif value:
            return True
    return False


# --- months of times and days -----------------------------------------------------------------

_DATETIME: Final = TypeAdapter(datetime)
_DATE: Final = TypeAdapter(date)
_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _moment_month(value: Any, hours: int) -> str:
    """The local month ("2026-11") of a time: UTC ISO text fast, anything pydantic reads else.

    A time without a zone is taken as UTC (as the server stores it).
    """
    if isinstance(value, str) and len(value) >= 20 and value[10] == "T" and value[-1] == "Z":
        if int(value[11:13]) + hours < 24:
            return value[:7]
        year, month, day = int(value[:4]), int(value[5:7]), int(value[8:10])
        last = 29 if month == 2 and _leap(year) else _DAYS[month]
        if day < last:
            return value[:7]
        return f"{year + 1:04d}-01" if month == 12 else f"{year:04d}-{month + 1:02d}"
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            moment = _DATETIME.validate_python(value)
    if moment.utcoffset() is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    local = moment + timedelta(hours=hours)
    return f"{local.year:04d}-{local.month:02d}"


def _date_month(value: Any) -> str:
    """The month ("2026-11") of a day: ISO text fast, anything pydantic reads else."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return value[:7]
    day = value if isinstance(value, date) else _DATE.validate_python(value)
    return f"{day.year:04d}-{day.month:02d}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
