"""Code 128 for member cards: the bar/space pattern, Qt-free (the UI draws it).

The pattern comes from python-barcode (``barcode.get("code128", text).build()``),
a small, maintained, dependency-free library that picks the code sets itself:
runs of four or more digits go to set C (two digits a symbol), so a number
such as ``2026-0001`` stays short enough for a card. It returns the modules of
the symbol -- start code, data, checksum, stop -- as a string of ``1`` (bar)
and ``0`` (space), without the quiet zones; :func:`code128_modules` returns
exactly that and :func:`bar_runs` the bars as (first module, width) runs, which
the card printer turns into vector rectangles.

A scanner needs a quiet zone of at least ten modules of white on each side
(:data:`QUIET_ZONE_MODULES`); the drawing code leaves it.
"""

from __future__ import annotations

from app.core.errors import ValidationError
from app.core.text import QT_TRANSLATE_NOOP

QUIET_ZONE_MODULES = 10


def check_text(text: str) -> str:
    """``text`` if Code 128 can carry it (printable ASCII, not empty), else ValidationError."""
    if not text or not all(" " <= char <= "~" for char in text):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The member number {number} cannot be printed as a barcode: use only letters A to Z, digits and signs such as - or /.",
            ),
            field="member_no",
            number=text,
        )
    return text


def code128_modules(text: str) -> str:
    """The modules of the Code 128 symbol for ``text``: '1' a bar, '0' a space."""
    import barcode

    check_text(text)
    return "".join(barcode.get("code128", text).build())


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """The bars of a module string as (first module, width in modules)."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, module in enumerate(modules):
        if module == "1" and start < 0:
            start = index
        elif module != "1" and start >= 0:
            runs.append((start, index - start))
            start = -1
    if start >= 0:
        runs.append((start, len(modules) - start))
    return runs
