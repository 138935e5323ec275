"""Importing a MARC 21 file: records per second, reading and writing together.

Data: 10,000 book records built with pymarc (title and subtitle, one or two
authors, publisher, place, year, edition on some, a valid ISBN on nine in ten,
DDC, one or two subjects, language, one or two 952 $p barcodes on half of
them), written to one ISO 2709 file. The import is timed from the file on disk
to the committed transaction (``check_file`` + ``run_import``: parse, ISBN
check, duplicate check, titles, copies, audit and outbox rows) into a new
library database (first-run set-up only), durability as in the program (WAL,
``synchronous=FULL``).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from tests.benchmarks import figure

RECORDS = 10_000
TARGET_PER_S = 500.0


def _isbn13(n: int) -> str:
    body = f"978602{n:06d}"
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def _write_file(path: Path, count: int, seed: int) -> None:
    from pymarc import Field, Indicators, Record, Subfield

    rng = random.Random(seed)
    words = ("Kisah", "Panduan", "Belajar", "Cerita", "Budidaya", "Sejarah", "Tuntunan", "Ilmu")
    topics = ("Pertanian", "Peternakan", "Agama Islam", "Cerita anak", "Kesehatan", "Sejarah")
    names = ("Siti Aminah", "Budi Santoso", "Agus Wijaya", "Dewi Lestari", "Rina Handayani")
    places = (("Jakarta", "Gramedia"), ("Yogyakarta", "Kanisius"), ("Bandung", "Mizan"))
    blank = Indicators(" ", " ")
    with path.open("wb") as out:
        for n in range(count):
            record = Record(leader="00000nam a2200000   4500")
            record.add_field(Field(tag="001", data=f"BENCH{n:06d}"))
            record.add_field(Field(tag="008", data="240105s2019    io            000 0 ind  "))
            if rng.random() < 0.9:
                record.add_field(
                    Field(tag="020", indicators=blank, subfields=[Subfield("a", _isbn13(n))])
                )
            record.add_field(
                Field(
                    tag="082",
                    indicators=blank,
                    subfields=[Subfield("a", f"{rng.randint(0, 999):03d}")],
                )
            )
            authors = rng.sample(names, rng.randint(1, 2))
            record.add_field(
                Field(
                    tag="100",
                    indicators=Indicators("0", " "),
                    subfields=[Subfield("a", authors[0])],
                )
            )
            record.add_field(
                Field(
                    tag="245",
                    indicators=Indicators("1", "0"),
                    subfields=[
                        Subfield("a", f"{rng.choice(words)} {rng.choice(topics).lower()} {n} :"),
                        Subfield("b", "untuk masyarakat desa /"),
                        Subfield("c", authors[0]),
                    ],
                )
            )
            if rng.random() < 0.15:
                record.add_field(
                    Field(tag="250", indicators=blank, subfields=[Subfield("a", "Cet. 2")])
                )
            place, publisher = rng.choice(places)
            record.add_field(
                Field(
                    tag="260",
                    indicators=blank,
                    subfields=[
                        Subfield("a", place + " :"),
                        Subfield("b", publisher + ","),
                        Subfield("c", str(rng.randint(1990, 2025))),
                    ],
                )
            )
            for topic in rng.sample(topics, rng.randint(1, 2)):
                record.add_field(
                    Field(
                        tag="650", indicators=Indicators(" ", "4"), subfields=[Subfield("a", topic)]
                    )
                )
            for other in authors[1:]:
                record.add_field(
                    Field(
                        tag="700", indicators=Indicators("0", " "), subfields=[Subfield("a", other)]
                    )
                )
            if rng.random() < 0.5:
                for copy in range(rng.randint(1, 2)):
                    record.add_field(
                        Field(
                            tag="952",
                            indicators=blank,
                            subfields=[Subfield("p", f"P{n:06d}{copy}")],
                        )
                    )
            out.write(record.as_marc())


def run() -> list[dict[str, object]]:
    from app.core.auth import UserService
    from app.core.catalog_import import check_file, run_import
    from app.core.library import LibraryProfile
    from app.core.setup import FirstRun, run_first_run
    from app.db.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "katalog.mrc"
        _write_file(path, RECORDS, seed=4)
        db = Database(Path(tmp) / "library")
        run_first_run(
            db,
            FirstRun(
                profile=LibraryProfile(
                    name="Perpustakaan Desa Miroto",
                    library_type="desa",
                    region_code="33.74.01.1001",
                    address="Jl. Pemuda No. 1",
                    head_name="Sri Wahyuni",
                    village_head_name="Joko Santoso",
                ),
                language="id",
                admin_username="admin",
                admin_full_name="Admin",
                admin_password="rahasia123",
                admin_password_repeat="rahasia123",
            ),
        )
        conn = db.connect()
        admin = next(u for u in UserService(conn).list_users() if u.username == "admin")
        started = time.perf_counter()
        plan = check_file(path, "marc")
        checked = time.perf_counter()
        report = run_import(db, admin, plan)
        elapsed = time.perf_counter() - started
        titles = int(conn.execute("SELECT count(*) FROM title").fetchone()[0])
        conn.close()
        db.dispose()
    assert titles == report.imported == RECORDS, (titles, report)
    data = (
        f"{RECORDS} MARC 21 records built with pymarc ({path.name}), {report.copies} copies,"
        " into a new library database"
    )
    return [
        figure(
            "marc_import",
            "records_per_s",
            RECORDS / elapsed,
            "records/s",
            TARGET_PER_S,
            higher_is_better=True,
            data=data,
            seconds=round(elapsed, 2),
            check_seconds=round(checked - started, 2),
        )
    ]
