"""Errors the user can act on, as opposed to bugs.

A ``KnownError`` carries an English message marked for translation and named
placeholders. The UI and the command line translate it and show it as one clear
sentence; anything else that escapes is a bug, logged with its traceback and
shown as a short apology (see ``app.ui.errors``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.text import CONTEXT, Label


class KnownError(Exception):
    """An error with a message meant for the librarian."""

    context = CONTEXT

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def render(self, translate: Any = None, show: Any = None) -> str:
        """The message with its placeholders filled, translated if given a function.

        ``show`` turns a parameter into text (the UI shows dates in its
        language); a :class:`~app.core.text.Label` parameter is translated too.
        """
        text = translate(self.context, self.message) if translate else self.message
        params = dict(self.params)
        for key, value in params.items():
            if translate and isinstance(value, Label):
                params[key] = translate(CONTEXT, value)
            elif show is not None:
                params[key] = show(value)
        try:
            return str(text).format(**params)
        except (KeyError, IndexError, ValueError):
            return str(text)

    def __str__(self) -> str:
        return self.render()


class ValidationError(KnownError):
    """Bad input: nothing was written. ``field`` names the offending form field."""

    def __init__(self, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field


class PermissionDenied(KnownError):
    """The logged-in user's role does not allow this."""


class StorageError(KnownError):
    """The database or the disk refused: full, read-only, locked or damaged."""


class DiskFull(StorageError):
    """The disk is full (SQLite's ``SQLITE_FULL``, ``ENOSPC``): nothing was written."""


class StorageReadOnly(StorageError):
    """The database or its folder cannot be written to (``SQLITE_READONLY``, EACCES, EROFS)."""


class DatabaseBusy(StorageError):
    """Another connection kept the database locked past the busy timeout (``SQLITE_BUSY``)."""


class DiskIOError(StorageError):
    """The disk failed to read or write (``SQLITE_IOERR``, EIO): the drive may be failing or gone."""


_storage_listeners: list[Callable[[StorageError], None]] = []


def on_storage_error(listener: Callable[[StorageError], None]) -> Callable[[], None]:
    """Call ``listener`` with every storage error a save of the running program meets.

    The UI listens so that a full disk is never a quiet line under a form; the
    returned function stops the listening.
    """
    _storage_listeners.append(listener)
    return lambda: _storage_listeners.remove(listener) if listener in _storage_listeners else None


def announce(error: StorageError) -> StorageError:
    """Tell the listeners about ``error`` (a failed save), then hand it back to be raised."""
    for listener in list(_storage_listeners):
        listener(error)
    return error
