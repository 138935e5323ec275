"""Translations: Qt's ``tr()`` everywhere, catalogues in ``resources/translations``.

Source strings are English; ``perpusdesa_id.ts`` holds the Indonesian, and
``qtbase_id.ts`` Qt's own strings (standard buttons, the wizard's, the line
edit's context menu), since Qt ships no Indonesian catalogue. The ``.ts``
sources are compiled with the ``lrelease`` that comes with PySide6 the first
time they are needed (and whenever they change), into the user's cache folder,
so a fresh clone needs no manual step. A packaged program ships ``.qm`` files
next to the sources, which are then used as they are.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTranslator

from app.core.errors import KnownError
from app.paths import resources_dir

CATALOGUES = ("perpusdesa", "qtbase")
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

_installed: list[QTranslator] = []
_current: list[str] = []  # the language installed now, if any


def _lrelease() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/bin/lrelease", "Qt/bin/lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError("lrelease not found in the PySide6 package")


def _cache_dir() -> Path:
    """Where compiled catalogues are kept (Qt's own answer: platformdirs costs start-up ~10 ms)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(base) / "PerpusDesa" / "translations"


def compiled_catalogue(catalogue: str, language: str) -> Path | None:
    """The ``.qm`` for a catalogue and language, compiling the ``.ts`` if needed."""
    folder = resources_dir() / "translations"
    source = folder / f"{catalogue}_{language}.ts"
    shipped = folder / f"{catalogue}_{language}.qm"
    if not source.is_file():
        return shipped if shipped.is_file() else None
    if shipped.is_file() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    import zlib  # not hashlib: loading OpenSSL costs start-up a few ms; a cache key needs no more

    data = source.read_bytes()
    digest = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    target = _cache_dir() / f"{catalogue}_{language}-{digest}.qm"
    if not target.is_file():
        import subprocess  # only to compile: ~10 ms to import on an old PC

        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        subprocess.run(
            [str(_lrelease()), "-silent", str(source), "-qm", str(partial)],
            check=True,
            stdin=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
            if sys.platform == "win32"
            else 0,
        )
        os.replace(partial, target)
    return target


def current_language() -> str | None:
    return _current[0] if _current else None


def install(language: str) -> None:
    """Replace the installed translators by those of ``language`` ('id' or 'en')."""
    if current_language() == language and _installed:
        return
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _current[:] = [language]
    for catalogue in CATALOGUES:
        path = compiled_catalogue(catalogue, language)
        if path is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if language == "id" else QLocale.Language.English,
            QLocale.Country.Indonesia,
        )
    )


def tr(text: str) -> str:
    """Translate a message marked in Qt-free code (context 'PerpusDesa')."""
    return QCoreApplication.translate("PerpusDesa", text)


def show_value(value: object) -> object:
    """A message parameter as the librarian reads it: a date as "30 November 2026"."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")
    return value


def error_text(error: KnownError) -> str:
    """A KnownError as one translated sentence with its placeholders filled."""
    return error.render(QCoreApplication.translate, show_value)
