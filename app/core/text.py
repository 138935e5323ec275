"""Marking user-visible text in Qt-free code.

Core code cannot call Qt's ``tr()``. It marks its messages with
``QT_TRANSLATE_NOOP`` (the name ``pyside6-lupdate`` looks for), so that they are
extracted into the translation files, and the UI translates them when it shows
them. Messages are English in the source; Indonesian comes from the catalogue.
"""

from __future__ import annotations

CONTEXT = "PerpusDesa"


class Label(str):
    """A message parameter that is itself marked text (a status, a type...).

    The UI translates it (context ``PerpusDesa``) before filling it into the
    translated message, so "marked {status}" reads "berstatus Hilang".
    """

    __slots__ = ()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; only marks it for extraction."""
    del context
    return text
