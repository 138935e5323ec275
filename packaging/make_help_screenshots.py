"""Takes the screenshots of the user guide (resources/help/id/img/*.png) from the program itself.

Run ``python packaging/make_help_screenshots.py`` after a change to a screen the
guide shows. It builds a one-year demo library in a temporary folder, starts
the program offscreen in Indonesian at 1024 x 700 (the smallest screen to
expect), records a few of today's visits, and saves the set-up wizard and the
login screen (at 720 x 480: at full size they are mostly empty), the Beranda
as the whole window and the other pages on their own (larger letters in the
guide), at most 800 pixels wide and reduced to 256 colours so that the guide
stays small (the whole set well under 2 MB). The demo library is thrown away
afterwards; the user's own data folder is never touched.

``--out DIR`` writes somewhere else (to look at them first).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "resources" / "help" / "id" / "img"
SIZE = (1024, 700)
SMALL = (720, 480)  # the wizard and the login screen: mostly empty at full size
WIDTH = 800  # pixels in the guide


def pump(app: object, msecs: int = 150, until: Callable[[], bool] | None = None) -> None:
    """Let Qt paint (and background tasks finish) for a while, or until ``until()``."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    end = time.monotonic() + msecs / 1000
    deadline = time.monotonic() + 30
    while time.monotonic() < end or (until is not None and not until()):
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready in 30 seconds")


def save(widget: object, path: Path) -> None:
    """Grab ``widget``, scale it to the guide's width and write a small PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")
    try:  # 256 colours: a third of the size, and screens have few colours anyway
        from PIL import Image

        with Image.open(path) as picture:
            small = picture.convert("RGB").quantize(
                colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
            )
        small.save(path, "PNG", optimize=True)
    except ImportError:  # Pillow is a dev dependency; a plain PNG is fine too
        pass
    data = path.read_bytes()
    print(f"{path.name}: {len(data) // 1024} KB")


def wizard_shots(app: object, data_dir: Path, out: Path) -> None:
    from PySide6.QtWidgets import QLineEdit

    from app.ui.app import Controller

    controller = Controller(data_dir)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    wizard.resize(*SMALL)
    pump(app)
    save(wizard, out / "wizard-bahasa.png")
    wizard.next()  # type: ignore[attr-defined]
    name = wizard.findChild(QLineEdit, "name")
    if name is not None:
        name.setText("Perpustakaan Desa Sukamaju")
    pump(app)
    save(wizard, out / "wizard-perpustakaan.png")
    wizard.hide()
    wizard.deleteLater()
    controller.window.deleteLater()
    pump(app)


def program_shots(app: object, data_dir: Path, out: Path) -> None:
    from app.core.auth import UserService
    from app.core.demo import DEMO_PASSWORD, generate_demo
    from app.db.database import Database
    from app.ui.app import Controller

    print("building the demo library...")
    db = Database(data_dir)
    generate_demo(db, years=1, seed=1)
    todays_visits(db)
    db.dispose()

    controller = Controller(data_dir)
    controller.start()
    window = controller.window
    window.resize(*SMALL)
    pump(app, 300)
    save(window, out / "masuk.png")

    assert controller.conn is not None
    user = UserService(controller.conn).login("admin", DEMO_PASSWORD)
    controller.on_logged_in(user)
    workspace = window.workspace
    assert workspace is not None
    window.resize(*SIZE)

    def page(key: str, name: str, ready: Callable[[object], bool] | None = None) -> None:
        """The page alone (larger letters in the guide than the whole window)."""
        widget = workspace.open_page(key)
        pump(app, 400, None if ready is None else lambda: ready(widget))
        pump(app, 200)
        save(workspace.stack, out / f"{name}.png")

    workspace.open_page("beranda")
    pump(app, 600)
    save(window, out / "beranda.png")  # the whole window once: where the pages are
    page("bukutamu", "buku-tamu")
    page("sirkulasi", "sirkulasi")
    page("anggota", "anggota")
    page("kegiatan", "kegiatan")
    page("kisah", "kisah")
    page("laporan", "laporan", _report_ready)
    page("pengaturan", "pengaturan")
    backups_box(app, workspace, out)
    sync_shots(app, workspace, data_dir.parent, out)

    controller.idle.stop()
    app.removeEventFilter(controller.idle)  # type: ignore[attr-defined]
    controller.closing = True  # no backup of a demo that is thrown away
    window.hide()
    from app.ui.tasks import wait_all

    wait_all(30_000)
    if controller.conn is not None:
        controller.conn.close()
    controller.db.dispose()


def sync_shots(app: object, workspace: object, temp: Path, out: Path) -> None:
    """The Sinkronisasi page: before enrolment, after a sync, after a USB export.

    A national server is started for it on 127.0.0.1 (``python -m sync.server``,
    an SQLite file in the temp folder) and stopped afterwards.
    """
    import socket
    import subprocess
    import urllib.request

    from app.core.demo import DEMO_REGION

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    database = f"sqlite:///{temp / 'server.sqlite3'}"
    command = [sys.executable, "-m", "sync.server", "--database-url", database]

    def admin(*args: str) -> str:
        done = subprocess.run([*command, *args], capture_output=True, text=True, check=True)
        return done.stdout.strip().splitlines()[-1]

    library = admin("add-library", "--region", DEMO_REGION, "--name", "Perpustakaan Desa Kalisari")
    code = admin("issue-code", library)
    server = subprocess.Popen(
        [*command, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/api/v1/info", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        page = workspace.open_page("sinkronisasi")  # type: ignore[attr-defined]
        stack = workspace.stack  # type: ignore[attr-defined]
        pump(app, 400)
        save(stack, out / "sinkronisasi-daftar.png")
        page.server_edit.setText(url)
        page.code_edit.setText(code)
        page.on_enrol_clicked()
        pump(app, 200, lambda: page.status_box.isVisible() or page.enrol_error.isVisible())
        assert page.status_box.isVisible(), page.enrol_error.text()
        page.export_bundle(temp / "perpusdesa.pdsync")  # while everything is still waiting
        pump(app, 200, lambda: page.usb_result.isVisible())
        pump(app, 300)
        save(stack, out / "sinkronisasi-bundel.png")
        page.usb_result.hide()
        page.on_sync_clicked()
        pump(app, 200, lambda: page.sync_task is None)
        pump(app, 300)
        save(stack, out / "sinkronisasi-hasil.png")
    finally:
        server.terminate()
        server.wait(30)


def backups_box(app: object, workspace: object, out: Path) -> None:
    """The Backups group of the settings page on its own (the guide's backup chapter)."""
    from PySide6.QtWidgets import QGroupBox, QPushButton, QScrollArea, QWidget

    assert isinstance(workspace, QWidget)
    button = workspace.findChild(QPushButton, "backupNow")
    box = button.parentWidget() if button is not None else None
    if not isinstance(box, QGroupBox):
        raise RuntimeError("the settings page has no Backups group (button 'backupNow')")
    for area in workspace.findChildren(QScrollArea):
        if area.isAncestorOf(box):
            area.ensureWidgetVisible(box)
    pump(app, 300)
    save(box, out / "pengaturan-cadangan.png")


def todays_visits(db: object) -> None:
    """A few guests this morning, so that the guestbook's list is not empty."""
    from datetime import UTC, datetime, timedelta

    from app.core import codes
    from app.core.auth import UserService
    from app.core.demo import DEMO_PASSWORD
    from app.core.visits import VisitInput, VisitService
    from app.db.database import Database

    assert isinstance(db, Database)
    conn = db.connect()
    try:
        admin = UserService(conn).login("admin", DEMO_PASSWORD)
    finally:
        conn.close()
    now = datetime.now(UTC)
    bands = [band.code for band in codes.DEFAULT_AGE_BANDS]
    purposes = [purpose.code for purpose in codes.DEFAULT_PURPOSES]
    guests = (("Siti Aminah", "P", 2), ("Agus Prasetyo", "L", 1), ("Rina Marlina", "P", 0))
    with VisitService(db, admin) as visits:
        for minutes, (name, gender, band) in enumerate(guests):
            visits.record(
                VisitInput(
                    kind="guest",
                    visited_at=now - timedelta(minutes=40 - 15 * minutes),
                    guest_name=name,
                    gender=gender,
                    age_band=bands[min(band, len(bands) - 1)],
                    origin_other="Sukamaju",
                    purposes=(purposes[minutes % len(purposes)],),
                ),
                allow_repeat=True,
            )


def _report_ready(widget: object) -> bool:
    """The report page has computed its figures (its status line says when)."""
    from PySide6.QtWidgets import QLabel, QWidget

    assert isinstance(widget, QWidget)
    from app.ui.tasks import pool

    return pool("db").activeThreadCount() == 0 and any(
        label.isVisible() and ":" in label.text() for label in widget.findChildren(QLabel)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from app.ui import i18n

    with tempfile.TemporaryDirectory(prefix="perpusdesa-help-") as temp:
        # Nothing of the user's: home, cache and data all inside the temp folder.
        for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
            os.environ[name] = str(Path(temp) / "home")
        i18n.install("id")
        wizard_shots(app, Path(temp) / "wizard", out)
        program_shots(app, Path(temp) / "demo", out)
    total = sum(path.stat().st_size for path in out.glob("*.png"))
    print(f"total: {total / 1024 / 1024:.2f} MB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
