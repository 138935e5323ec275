"""The ``perpusdesa`` command: the GUI by default, subcommands for work without a screen.

Exit codes: 0 success, 2 usage error, 1 any other error with a one-line message
on stderr in the user's language (never a traceback; a bug's traceback goes to
the log file in the data folder).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.core.text import QT_TRANSLATE_NOOP
from app.paths import default_data_dir


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("PerpusDesa", text)


def _setup_translations(data_dir: Path, gui: bool) -> None:
    """Messages in the library's language (Indonesian unless set otherwise)."""
    from PySide6.QtCore import QCoreApplication

    from app.ui import i18n

    language = os.environ.get("PERPUSDESA_LANG", "")
    if language not in i18n.LANGUAGES:
        language = "id"
        try:
            from app.core.settings import Settings
            from app.db.database import Database

            db = Database(data_dir)
            if db.revision() is not None:
                conn = db.connect()
                try:
                    language = str(Settings(conn).get("language"))
                finally:
                    conn.close()
        except Exception:
            language = "id"
    if QCoreApplication.instance() is None:
        if gui:
            from PySide6.QtWidgets import QApplication

            QApplication([sys.argv[0]])
        else:
            QCoreApplication([sys.argv[0]])
    i18n.install(language)


def build_parser() -> argparse.ArgumentParser:
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
    return parser


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


def _import_members(
    data_dir: Path, path: Path, skip_invalid: bool, consent_collected: bool, username: str | None
) -> int:
    from app.core.auth import Role, UserService
    from app.core.errors import KnownError
    from app.core.member_import import check_file, import_members
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
    user = chosen[0]
    try:
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


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Peek at --data-dir before parsing, so that help and errors use the library's language.
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--data-dir", type=Path, default=None)
    known, rest = peek.parse_known_args(args_list)
    data_dir = (known.data_dir or default_data_dir()).expanduser().resolve()
    words = [word for word in rest if not word.startswith("-")]
    _setup_translations(data_dir, gui=not words or words[0] == "gui")
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
    except UsageError as exc:
        print(f"perpusdesa: {exc}", file=sys.stderr)
        return 2
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
