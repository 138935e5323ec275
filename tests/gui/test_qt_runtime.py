"""The Qt runtime the program stands on: fonts present, no reference leaks."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel


def test_fonts_are_installed(qapp: QApplication) -> None:
    # Without fonts Qt draws empty boxes in windows and PDFs and says nothing.
    assert QFontDatabase.families()


class _Emitter(QObject):
    fired = Signal()


def test_qt_calls_do_not_leak_references_to_none_or_true(qapp: QApplication) -> None:
    """PySide6 6.12.0 lost one reference to None per void call and to True per emit,
    and aborted the program ("none_dealloc") after a few thousand clicks."""
    label = QLabel()
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("x")
        emitter.fired.emit()
    assert sys.getrefcount(None) - none_before > -50
    assert sys.getrefcount(True) - true_before > -50
