"""Messages from the core read naturally: dates in words, code labels translated."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from app.core.errors import KnownError
from app.core.text import QT_TRANSLATE_NOOP, Label
from app.ui import i18n
from app.ui.i18n import error_text


def test_dates_are_written_out_and_labels_translated(qapp: QApplication) -> None:
    i18n.install("id")  # the conftest removes it after the test
    error = KnownError(
        QT_TRANSLATE_NOOP(
            "PerpusDesa", "The item {barcode} is marked {status} and cannot be lent."
        ),
        barcode="B000001",
        status=Label(QT_TRANSLATE_NOOP("PerpusDesa", "Lost")),
    )
    text = error_text(error)
    assert "B000001" in text and "Hilang" in text and "Lost" not in text
    ended = KnownError(
        QT_TRANSLATE_NOOP(
            "PerpusDesa", "The membership of {name} ({number}) ended on {date}. Renew it first."
        ),
        name="Siti",
        number="2026-0001",
        date=date(2026, 8, 17),
    )
    assert "17 Agustus 2026" in error_text(ended)
    # Without the UI (the command line, logs) the date stays unambiguous.
    assert "2026-08-17" in str(ended)
