"""The ``perpusdesa`` command: the GUI by default, subcommands for work without a screen.

Exit codes: 0 success, 2 usage error, 1 any other error with a one-line message
on stderr in the user's language (never a traceback; a bug's traceback goes to
the log file in the data folder).

``import marc|marcxml|slims-csv|template FILE`` checks the whole file first
(``app.core.catalog_import``): a file that cannot be imported at all, or one
with broken records when ``--skip-invalid`` is not given, exits 1 with nothing
written (the broken records are listed on stdout); with ``--skip-invalid`` the
good records are imported in one transaction and the broken ones reported. The
report (one line per skipped record and per warning, then a summary) goes to
stdout; progress goes to stderr only for files of 500 records or more.

``report (--month YYYY-MM | --year YYYY) [--pdf FILE] [--xlsx FILE]`` computes
the monthly or annual report (``app.reports.figures``) and writes it as a PDF
(printed through Qt on an offscreen platform when there is no screen) and/or a
workbook; with neither file it prints the headline figures. A badly written
period is a usage error (exit 2).

``enroll --server URL --code CODE`` enrols this PC with the national server
(``sync.client``; the token goes to the keyring or a private file, never into
the database); ``sync`` sends the changes not yet on the server and prints how
many were sent, already there and refused; ``bundle export FILE`` writes them
into a signed file for a USB stick instead, ``bundle receipt FILE`` reads the
server's receipt for it. A failure is one line and exit 1.

``backup [--to DIR]`` backs the library up (``app.core.backup``) into DIR, else
into the data folder's ``backups`` and the second folder set in Settings;
``restore FILE`` checks FILE, backs up the current database, then puts the
backup's library in its place. ``restore`` and ``demo`` refuse while a PerpusDesa
window has the data folder (``app.ui.single_instance``); ``backup`` and the
imports may run beside it (SQLite transactions keep them apart).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.core.text import QT_TRANSLATE_NOOP
from app.paths import default_data_dir

if TYPE_CHECKING:
    import argparse

    from app.core.auth import User
    from app.db.database import Database


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("PerpusDesa", text)


def _setup_translations(data_dir: Path, gui: bool, painting: bool = False) -> None:
    """Messages in the library's language (Indonesian unless set otherwise)."""
    from PySide6.QtCore import QCoreApplication

    _known_to_pyside()
    from app.ui import i18n

    language = os.environ.get("PERPUSDESA_LANG", "")
    if language not in i18n.LANGUAGES:
        language = "id"
        try:
            from app.core.settings import Settings
            from app.db.database import Database

            db = Database(data_dir)
            if db.exists():
                conn = db.connect()  # one connection for both reads: start-up opens fewer
                try:
                    if db.revision(conn) is not None:
                        language = str(Settings(conn).get("language"))
                finally:
                    conn.close()
        except Exception:
            language = "id"
    if QCoreApplication.instance() is None:
        if gui:
            from PySide6.QtWidgets import QApplication

            QApplication([sys.argv[0]])
        elif painting:
            # Printing needs fonts, hence a QGuiApplication; without a screen, Qt's offscreen one.
            if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            ):
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtGui import QGuiApplication

            QGuiApplication([sys.argv[0]])
        else:
            QCoreApplication([sys.argv[0]])
    i18n.install(language)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    t = _translate
    parser = argparse.ArgumentParser(
        prog="perpusdesa",
        description=t(
            QT_TRANSLATE_NOOP("PerpusDesa", "PerpusDesa: the program of the village library.")
        ),
    )
    parser.add_argument("--version", action="version", version=f"PerpusDesa {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "data folder (default: the user's data folder, or PERPUSDESA_DATA_DIR)",
            )
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "gui", help=t(QT_TRANSLATE_NOOP("PerpusDesa", "open the program (the default)"))
    )
    demo = commands.add_parser(
        "demo", help=t(QT_TRANSLATE_NOOP("PerpusDesa", "create a demo library with realistic data"))
    )
    demo.add_argument(
        "--years",
        type=int,
        default=2,
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "years of data (1 to 10)")),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "seed; the same seed gives the same library")),
    )
    imports = commands.add_parser(
        "import", help=t(QT_TRANSLATE_NOOP("PerpusDesa", "import records from a file"))
    )
    kinds = imports.add_subparsers(dest="kind", metavar="KIND", required=True)
    members = kinds.add_parser(
        "members",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "members from a CSV or XLSX file: the PerpusDesa template or a SLiMS export",
            )
        ),
    )
    members.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the .csv or .xlsx file")),
    )
    members.add_argument(
        "--skip-invalid",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "import the valid rows and leave out the rows with problems"
            )
        ),
    )
    members.add_argument(
        "--consent-collected",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "for a SLiMS export: every member in it agreed on paper to how their data are kept",
            )
        ),
    )
    members.add_argument(
        "--user",
        metavar="USERNAME",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "the staff member recorded as having collected the consent "
                "(default: the first administrator)",
            )
        ),
    )
    _add_catalog_imports(kinds, t)
    _add_report(commands, t)
    _add_backup(commands, t)
    _add_sync(commands, t)
    return parser


def _add_backup(commands: Any, t: Callable[[str], str]) -> None:
    backup = commands.add_parser(
        "backup",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "back up the library (database and photos)")),
    )
    backup.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "write the backup into this folder (default: the data folder's backups folder"
                " and the second folder chosen in Settings)",
            )
        ),
    )
    restore = commands.add_parser(
        "restore",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "put a backup's library in place of this one (the current one is backed up"
                " first); close PerpusDesa first",
            )
        ),
    )
    restore.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the backup file (.pdbak)")),
    )


def _add_sync(commands: Any, t: Callable[[str], str]) -> None:
    enroll = commands.add_parser(
        "enroll",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "enrol this PC with the national server (once, with a code)"
            )
        ),
    )
    enroll.add_argument(
        "--server",
        required=True,
        metavar="URL",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the national server's address")),
    )
    enroll.add_argument(
        "--code",
        required=True,
        metavar="CODE",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the enrolment code from your facilitator")),
    )
    commands.add_parser(
        "sync",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "send the changes to the national server")),
    )
    bundle = commands.add_parser(
        "bundle",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "send the changes on a USB stick instead of over the internet"
            )
        ),
    )
    actions = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "write the changes not yet sent into a file")),
    )
    export.add_argument("file", type=Path, metavar="FILE")
    receipt = actions.add_parser(
        "receipt",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "read the server's receipt for a bundle")),
    )
    receipt.add_argument("file", type=Path, metavar="FILE")


CATALOG_KINDS = ("marc", "marcxml", "slims-csv", "template")
PROGRESS_FROM = 500  # records; smaller files import in about a second


# app.core.catalog.SOURCES, written out: importing the catalogue here would slow the GUI's start.
SOURCES = ("perpusnas", "hibah", "pembelian", "swadaya")


def _add_catalog_imports(kinds: Any, t: Callable[[str], str]) -> None:
    helps = {
        "marc": QT_TRANSLATE_NOOP(
            "PerpusDesa", "catalogue records in MARC 21 (.mrc), e.g. from INLISLite"
        ),
        "marcxml": QT_TRANSLATE_NOOP("PerpusDesa", "catalogue records in MARCXML (.xml)"),
        "slims-csv": QT_TRANSLATE_NOOP("PerpusDesa", "a SLiMS bibliography export (.csv)"),
        "template": QT_TRANSLATE_NOOP(
            "PerpusDesa", "the PerpusDesa catalogue template (.xlsx or .csv)"
        ),
    }
    for kind in CATALOG_KINDS:
        command = kinds.add_parser(
            kind,
            help=t(helps[kind]),
            description=t(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The whole file is checked first. A file that cannot be read is refused and"
                    " nothing is imported; so is a file with broken records, unless"
                    " --skip-invalid is given. A title already in the catalogue (the same ISBN,"
                    " else the same title, first author and year) gets the new copies.",
                )
            ),
        )
        command.add_argument(
            "file",
            type=Path,
            metavar="FILE",
            help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the file to import")),
        )
        command.add_argument(
            "--skip-invalid",
            action="store_true",
            help=t(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "import the good records and leave out the broken ones (they are listed)",
                )
            ),
        )
        command.add_argument(
            "--source",
            choices=SOURCES,
            default="perpusnas",
            help=t(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "where the copies came from (default: perpusnas; a template row may say"
                    " otherwise)",
                )
            ),
        )
        command.add_argument(
            "--user",
            metavar="USERNAME",
            help=t(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "the staff member recorded as having imported (default: the first"
                    " administrator)",
                )
            ),
        )


def _add_report(commands: Any, t: Callable[[str], str]) -> None:
    report = commands.add_parser(
        "report",
        help=t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "the monthly or annual report of the library, as PDF and XLSX"
            )
        ),
    )
    period = report.add_mutually_exclusive_group(required=True)
    period.add_argument(
        "--month",
        metavar="YYYY-MM",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the month of the report, e.g. 2026-11")),
    )
    period.add_argument(
        "--year",
        metavar="YYYY",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "the year of an annual report, e.g. 2026")),
    )
    report.add_argument(
        "--pdf",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "write the printable report to this PDF file")),
    )
    report.add_argument(
        "--xlsx",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("PerpusDesa", "write the figures to this workbook (.xlsx)")),
    )


class UsageError(Exception):
    pass


def _demo(data_dir: Path, years: int, seed: int) -> int:
    from app.core.demo import generate_demo
    from app.core.errors import KnownError
    from app.core.settings import Settings
    from app.core.setup import is_set_up
    from app.db.database import Database

    if not 1 <= years <= 10:
        raise UsageError(
            _translate(QT_TRANSLATE_NOOP("PerpusDesa", "--years must be between 1 and 10."))
        )
    db = Database(data_dir)
    if is_set_up(db):
        conn = db.connect()
        try:
            is_demo = bool(Settings(conn).get("demo"))
        finally:
            conn.close()
        if is_demo:
            print(
                _translate(
                    QT_TRANSLATE_NOOP("PerpusDesa", "The demo library is already in {path}.")
                ).format(path=data_dir)
            )
            return 0
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "{path} already holds a real library; the demo needs an empty folder.",
            ),
            path=str(data_dir),
        )
    last = [-1]

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != last[0] and percent % 10 == 0:
            last[0] = percent
            print(
                _translate(
                    QT_TRANSLATE_NOOP("PerpusDesa", "Creating the demo library... {percent}%")
                ).format(percent=percent),
                file=sys.stderr,
            )

    from app.ui.single_instance import hold_folder

    with hold_folder(data_dir):  # not under a window showing the first-run set-up
        summary = generate_demo(db, years=years, seed=seed, progress=progress)
    print(
        _translate(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Demo library created in {path}: {members} members, {titles} titles, {visits} visits.",
            )
        ).format(
            path=data_dir, members=summary.members, titles=summary.titles, visits=summary.visits
        )
    )
    print(
        _translate(QT_TRANSLATE_NOOP("PerpusDesa", "Log in as admin with the password perpusdesa."))
    )
    return 0


def _library(data_dir: Path) -> Database:
    """The set-up library in ``data_dir`` (its schema brought up to date)."""
    from app.core.errors import KnownError
    from app.core.setup import is_set_up
    from app.db.database import Database

    db = Database(data_dir)
    if db.exists():
        db.ensure_schema()
    if not is_set_up(db):
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "There is no library in {path} yet. Open PerpusDesa once to set it up.",
            ),
            path=str(data_dir),
        )
    return db


def _staff(db: Database, username: str | None) -> User:
    """The staff member ``username``, or the first administrator."""
    from app.core.auth import Role, UserService

    conn = db.connect()
    try:
        users = UserService(conn).list_users()
    finally:
        conn.close()
    if username is not None:
        chosen = [user for user in users if user.username == username.strip().lower()]
        if not chosen:
            raise UsageError(
                _translate(
                    QT_TRANSLATE_NOOP("PerpusDesa", "There is no active staff member {username}.")
                ).format(username=username)
            )
    else:
        chosen = [user for user in users if user.role is Role.ADMIN] or users
    return chosen[0]


def _import_members(
    data_dir: Path, path: Path, skip_invalid: bool, consent_collected: bool, username: str | None
) -> int:
    from app.core.member_import import check_file, import_members

    db = _library(data_dir)
    try:
        user = _staff(db, username)
        report = check_file(db, user, path)
        for problem in report.problems:
            print(problem.line(lambda _context, text: _translate(text)))
        result = import_members(
            db, user, report, skip_invalid=skip_invalid, consent_collected=consent_collected
        )
    finally:
        db.dispose()
    print(
        _translate(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Members imported from {file}: {count}; consent recorded by {name}.",
            )
        ).format(count=result.imported, file=path.name, name=user.full_name)
    )
    if result.skipped:
        print(
            _translate(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Rows with problems left out (listed above): {count}."
                )
            ).format(count=result.skipped)
        )
    return 0


def _import_catalog(
    data_dir: Path, kind: str, path: Path, skip_invalid: bool, source: str, username: str | None
) -> int:
    from app.core import catalog_import
    from app.core.errors import KnownError
    from app.core.tasks import Progress

    def translate(_context: str, text: str) -> str:
        return _translate(text)

    db = _library(data_dir)
    try:
        user = _staff(db, username)
        plan = catalog_import.check_file(path, kind)
        total = len(plan.records)
        if plan.skipped and not skip_invalid:
            for line in plan.lines(translate, warnings=False):
                print(line)
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Nothing was imported: {count} of the {total} records in {file} cannot be"
                    " imported (listed above). Correct them, or add --skip-invalid to import"
                    " the others.",
                ),
                count=len(plan.skipped),
                total=total,
                file=path.name,
            )
        if not plan.good:
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Nothing was imported: {file} holds no record that can be imported.",
                ),
                file=path.name,
            )
        last = [-1]

        def progress(done: int, total: int, _text: str) -> None:
            percent = 100 * done // max(total, 1)
            if total >= PROGRESS_FROM and percent // 10 != last[0]:
                last[0] = percent // 10
                print(
                    _translate(
                        QT_TRANSLATE_NOOP("PerpusDesa", "Importing the catalogue... {percent}%")
                    ).format(percent=percent),
                    file=sys.stderr,
                )

        report = catalog_import.run_import(db, user, plan, Progress(progress), source=source)
    finally:
        db.dispose()
    for line in report.lines(translate):
        print(line)
    print(
        _translate(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Imported from {file}. New titles: {imported}; merged into titles already in the"
                " catalogue: {merged}; copies: {copies}.",
            )
        ).format(
            file=path.name,
            imported=report.imported,
            merged=report.merged_as_duplicates,
            copies=report.copies,
        )
    )
    if report.skipped:
        print(
            _translate(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Records left out because they cannot be imported: {count}."
                )
            ).format(count=len(report.skipped))
        )
    return 0


def _backup(data_dir: Path, to_dir: Path | None) -> int:
    from app.core.backup import make_backup

    db = _library(data_dir)
    try:
        info = make_backup(db, to_dir=to_dir)
    finally:
        db.dispose()
    print(
        _translate(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Backup written: {path} ({size} MB, database check: {check})."
            )
        ).format(path=info.path, size=f"{info.size / 1e6:.1f}", check=info.integrity)
    )
    if info.second_copy is not None:
        print(
            _translate(QT_TRANSLATE_NOOP("PerpusDesa", "Second copy written: {path}")).format(
                path=info.second_copy
            )
        )
    if info.second_error is not None:
        print(
            _translate(
                QT_TRANSLATE_NOOP("PerpusDesa", "The second copy was not written: {reason}")
            ).format(reason=info.second_error.render(lambda _context, text: _translate(text))),
            file=sys.stderr,
        )
    return 0


def _restore(data_dir: Path, path: Path) -> int:
    from app.core.backup import restore_backup
    from app.db.database import Database
    from app.ui.single_instance import hold_folder

    db = Database(data_dir)
    try:
        with hold_folder(data_dir):  # never under an open window
            result = restore_backup(db, path)
    finally:
        db.dispose()
    print(
        _translate(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Restored {library} from {file}, a backup made on {date} (UTC)."
            )
        ).format(
            library=result.restored.library_name,
            file=path.name,
            date=result.restored.created_at.strftime("%Y-%m-%d %H:%M"),
        )
    )
    if result.safety_copy is not None:
        print(
            _translate(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "The database as it was before the restore is kept in {path}."
                )
            ).format(path=result.safety_copy)
        )
    return 0


def _report_period(month: str | None, year: str | None) -> Any:
    import re

    from app.reports.model import Period

    try:
        if month is not None:
            if re.fullmatch(r"\d{4}-\d{2}", month.strip()) is None:
                raise ValueError(month)
            return Period.parse(month)
        if year is None or re.fullmatch(r"\d{4}", year.strip()) is None:
            raise ValueError(year)
        return Period.parse(year)
    except ValueError:
        if month is not None:
            message = QT_TRANSLATE_NOOP(
                "PerpusDesa", "Write the month as YYYY-MM, for example 2026-11 (not {text})."
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "PerpusDesa", "Write the year as YYYY, for example 2026 (not {text})."
            )
        raise UsageError(
            _translate(message).format(text=month if month is not None else year)
        ) from None


def _report(
    data_dir: Path, month: str | None, year: str | None, pdf: Path | None, xlsx: Path | None
) -> int:
    from app.reports.figures import compute_report
    from app.reports.render import report_content

    period = _report_period(month, year)
    for path in (pdf, xlsx):
        if path is not None and path.is_dir():
            raise UsageError(
                _translate(
                    QT_TRANSLATE_NOOP("PerpusDesa", "{path} is a folder; give a file name.")
                ).format(path=path)
            )
    db = _library(data_dir)
    try:
        conn = db.connect()
        try:
            report = compute_report(conn, period)
        finally:
            conn.close()
    finally:
        db.dispose()
    if xlsx is not None:
        from app.reports.xlsx import write_xlsx

        write_xlsx(xlsx, report, _translate)
        print(
            _translate(QT_TRANSLATE_NOOP("PerpusDesa", "Workbook written: {path}")).format(
                path=xlsx
            )
        )
    if pdf is not None:
        from app.ui.report_print import render_pdf

        render_pdf(pdf, report, translate=_translate, data_dir=data_dir)
        print(_translate(QT_TRANSLATE_NOOP("PerpusDesa", "PDF written: {path}")).format(path=pdf))
    if pdf is None and xlsx is None:
        content = report_content(report, _translate)
        print(f"{content.title}: {content.library_name}. {content.period_line}")
        for section in content.sections:
            for block in section.blocks:
                for line in getattr(block, "lines", ()):
                    if line.bold and line.value is not None:
                        print(f"{section.title} - {line.label}: {_number(line, 0)}")
    return 0


def _number(line: Any, which: int) -> str:
    from app.reports.render import number, rupiah

    value = (line.value.current, line.value.previous, line.value.last_year)[which]
    return rupiah(value) if line.rupiah else number(value)


def _import_before_qt() -> None:
    """Import the Qt-free modules the window's start needs, before PySide6 is loaded.

    Once loaded, PySide6 reads the source of every module imported after it (to
    look for ``from __feature__ import``): ~0.25 ms a module, some 60 modules on
    the way to the window. Imported first, they are not read. Only a matter of
    speed: a module missing here is read, not broken.
    """
    import dataclasses  # noqa: F401
    import json  # noqa: F401
    import logging  # noqa: F401
    import pkgutil  # noqa: F401
    import sqlite3  # noqa: F401

    import app.core.auth
    import app.core.clock
    import app.core.library
    import app.core.settings
    import app.core.setup
    import app.db.database  # noqa: F401


def _known_to_pyside() -> None:
    """Tell PySide6 the modules loaded before it, so that it need not read their source.

    PySide6 reads the source of every module named in an import statement run after it
    is loaded (``shibokensupport.feature``: does the module say "PySide6", i.e. could
    it use ``from __feature__ import``?), once per module: the standard library modules
    start-up names again cost ~4 ms. Those loaded before PySide6 are entered here as it
    would enter them: -1 (no Qt), 0 for PerpusDesa's own (they may use Qt, never a
    ``__feature__``). Only a matter of speed: without that dictionary (another PySide6
    version), nothing is done.
    """
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if isinstance(known, dict):
        for name in list(sys.modules):
            known.setdefault(name, 0 if name == "app" or name.startswith("app.") else -1)


def _sync_command(data_dir: Path, args: argparse.Namespace) -> int:
    """``enroll``, ``sync``, ``bundle export`` and ``bundle receipt`` (``sync.client``)."""
    from app.core.kinds import RECORD_KIND_LABELS
    from sync.client import SyncClient

    db = _library(data_dir)
    try:
        client = SyncClient(db)
        if args.command == "enroll":
            enrolled = client.enroll(args.server, args.code)
            print(
                _translate(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa", "This PC is enrolled with {server} (library {library})."
                    )
                ).format(server=enrolled.server_url, library=enrolled.library_id)
            )
            if enrolled.new_device:
                print(
                    _translate(
                        QT_TRANSLATE_NOOP(
                            "PerpusDesa",
                            "Another PC with this library's data is enrolled already (this is a"
                            " copy, or a restored backup): this PC is enrolled as a PC of its own,"
                            " and everything will be sent again, without doubles.",
                        )
                    )
                )
            _clock_warning(enrolled.clock_warning, enrolled.clock_skew_seconds)
        elif args.command == "sync":
            result = client.sync()
            print(
                _translate(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "Sync finished: {sent} sent, {already} already on the server,"
                        " {refused} refused.",
                    )
                ).format(sent=result.sent, already=result.already_there, refused=result.refused)
            )
            for record in result.rejected_records:
                kind = RECORD_KIND_LABELS.get(record.kind)
                kind_text = _translate(kind) if kind else record.kind
                print(f"  {kind_text} {record.id}: {_translate(record.message)}")
            _clock_warning(result.clock_warning, result.clock_skew_seconds)
        elif args.action == "export":
            written = client.export_bundle(args.file)
            print(
                _translate(
                    QT_TRANSLATE_NOOP("PerpusDesa", "Bundle written: {path} ({records} records).")
                ).format(path=written.path, records=written.records)
            )
        else:
            read = client.import_receipt(args.file)
            print(
                _translate(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "Receipt read: {synced} changes on the server, {rejected} refused.",
                    )
                ).format(synced=read.synced, rejected=read.rejected)
            )
    finally:
        db.dispose()
    return 0


def _clock_warning(warning: bool, skew: float | None) -> None:
    if warning and skew is not None:
        print(
            _translate(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Warning: this PC's clock differs from the server's by {minutes} minutes."
                    " Set the date and time of the PC.",
                )
            ).format(minutes=round(abs(skew) / 60)),
            file=sys.stderr,
        )


def _plain_start(args_list: list[str]) -> tuple[Path | None, list[str]] | None:
    """(``--data-dir``, the other arguments) of a plain start, ``perpusdesa [gui]
    [--data-dir DIR]``, read without argparse (its parser costs the window ~2 ms);
    None for any other command line, which argparse reads."""
    data_dir: Path | None = None
    rest: list[str] = []
    words = iter(args_list)
    for word in words:
        if word == "gui" and not rest:
            rest.append(word)
        elif word == "--data-dir" and data_dir is None:
            value = next(words, "")
            if not value or value.startswith("-"):
                return None
            data_dir = Path(value)
        elif word.startswith("--data-dir=") and data_dir is None and word != "--data-dir=":
            data_dir = Path(word.removeprefix("--data-dir="))
        else:
            return None
    return data_dir, rest


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Peek at --data-dir before parsing, so that help and errors use the library's language.
    plain = _plain_start(args_list)
    if plain is None:
        import argparse

        peek = argparse.ArgumentParser(add_help=False)
        peek.add_argument("--data-dir", type=Path, default=None)
        known, rest = peek.parse_known_args(args_list)
        chosen: Path | None = known.data_dir
    else:
        chosen, rest = plain
    data_dir = (chosen or default_data_dir()).expanduser().resolve()
    words = [word for word in rest if not word.startswith("-")]
    gui = not words or words[0] == "gui"
    if not gui:
        return _main(args_list, data_dir, rest)
    # Start-up builds much and frees little: no garbage collection until the window
    # is built (run_gui turns it on again then).
    gc.disable()
    try:
        _import_before_qt()
        return _main(args_list, data_dir, rest)
    finally:
        gc.enable()


def _main(args_list: list[str], data_dir: Path, rest: list[str]) -> int:
    """``rest``: the arguments besides ``--data-dir``."""
    words = [word for word in rest if not word.startswith("-")]
    _setup_translations(
        data_dir, gui=not words or words[0] == "gui", painting=bool(words) and words[0] == "report"
    )
    if rest in ([], ["gui"]):
        # The window and nothing else on the command line: the full parser (every
        # subcommand's help translated) need not be built.
        command = "gui"
    else:
        parser = build_parser()
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_:
            return int(exit_.code or 0)
        command = args.command or "gui"
    try:
        if command == "gui":
            from app.ui.app import run_gui

            return run_gui(data_dir)
        if command == "demo":
            return _demo(data_dir, args.years, args.seed)
        if command == "import" and args.kind == "members":
            return _import_members(
                data_dir, args.file, args.skip_invalid, args.consent_collected, args.user
            )
        if command == "report":
            return _report(data_dir, args.month, args.year, args.pdf, args.xlsx)
        if command == "backup":
            return _backup(data_dir, args.to)
        if command == "restore":
            return _restore(data_dir, args.file)
        if command in ("enroll", "sync", "bundle"):
            return _sync_command(data_dir, args)
        if command == "import" and args.kind in CATALOG_KINDS:
            return _import_catalog(
                data_dir, args.kind, args.file, args.skip_invalid, args.source, args.user
            )
    except UsageError as exc:
        print(f"perpusdesa: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl+C: the work in hand was one transaction at a time
        message = QT_TRANSLATE_NOOP("PerpusDesa", "Stopped at your request (Ctrl+C).")
        print(f"perpusdesa: {_translate(message)}", file=sys.stderr)
        return 130
    except Exception as exc:  # one line for the user, the traceback to the log
        return _fail(exc, data_dir)
    parser.print_usage(sys.stderr)
    return 2


def _fail(exc: BaseException, data_dir: Path) -> int:
    from app.core.errors import KnownError

    if isinstance(exc, KnownError):
        message = exc.render(lambda context, text: _translate(text))
    else:
        import logging
        import traceback

        from app.ui.errors import setup_logging

        log_file = setup_logging(data_dir)
        logging.getLogger("perpusdesa").error(
            "unexpected error in the command line\n%s", "".join(traceback.format_exception(exc))
        )
        message = _translate(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Sorry, something went wrong inside PerpusDesa. The details were written to {log}.",
            )
        ).format(log=str(log_file) if log_file else "-")
    print(f"perpusdesa: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
