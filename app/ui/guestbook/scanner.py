"""A member card scanned anywhere on the guestbook page is a check-in.

A USB barcode scanner is a keyboard: it types the member number fast and
presses Enter, into whatever has the focus. While the page is shown, an
application event filter watches the page's key presses:

* on a widget that takes no text (a button, a check box, the table), a
  printable key goes to the scan box instead, so the number lands there
  (typed by hand or scanned) and Enter looks the member up;
* in a text field (a name, a number, a list), a burst of keys faster than
  any typist that ends in Enter and spells a member's number is taken back
  out of the field, which is left as it was, and becomes a check-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

BURST_GAP = 0.05  # seconds: a scanner types a key every few milliseconds; people do not
MIN_LENGTH = 3
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A scanner presses Shift for capitals: modifier keys alone neither start nor end a burst.
_MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
)
_TEXT_WIDGETS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)


def _restorer(widget: QWidget) -> Callable[[], None]:
    """A function that puts ``widget`` back as it is now."""
    if isinstance(widget, QLineEdit):
        text, cursor = widget.text(), widget.cursorPosition()

        def restore_line() -> None:
            widget.setText(text)
            widget.setCursorPosition(cursor)

        return restore_line
    if isinstance(widget, QSpinBox):
        value = widget.value()
        return lambda: widget.setValue(value)
    if isinstance(widget, QDateTimeEdit):
        moment = widget.dateTime()
        return lambda: widget.setDateTime(moment)
    if isinstance(widget, QComboBox):
        index, text = widget.currentIndex(), widget.currentText()

        def restore_combo() -> None:
            widget.setCurrentIndex(index)
            if widget.isEditable():
                widget.setEditText(text)

        return restore_combo
    return lambda: None


class ScanCatcher(QObject):
    """Emits ``scanned(number)`` for a card scanned into a text field of ``page``;
    calls ``redirect(text)`` for a key typed on a widget that takes no text."""

    scanned = Signal(str)

    def __init__(
        self,
        page: QWidget,
        scan_box: QLineEdit,
        is_member_number: Callable[[str], bool],
        redirect: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(page)
        self.page = page
        self.scan_box = scan_box
        self.is_member_number = is_member_number
        self.redirect = redirect
        self.clock = clock
        self._burst: list[str] = []
        self._last = float("-inf")
        self._widget: QWidget | None = None
        self._restore: Callable[[], None] = lambda: None
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._reset()

    def _reset(self) -> None:
        self._burst = []
        self._widget = None
        self._restore = lambda: None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not self.page.isAncestorOf(watched) or QApplication.activePopupWidget() is not None:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus and watched.isAncestorOf(focus):
            return False  # the same key passed on to a parent: seen already
        if watched is self.scan_box:
            self._reset()
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in _MODIFIER_KEYS:
            return False
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if modifiers != Qt.KeyboardModifier.NoModifier:
            self._reset()
            return False
        now = self.clock()
        if event.key() in _ENTER:
            burst = "".join(self._burst)
            fast = now - self._last <= BURST_GAP
            same = self._widget is watched
            restore = self._restore
            self._reset()
            if fast and same and len(burst) >= MIN_LENGTH and self.is_member_number(burst):
                restore()
                self.scanned.emit(burst)
                return True
            return False
        text = event.text()
        printable = bool(text) and text.isprintable()
        if not isinstance(watched, _TEXT_WIDGETS):
            self._reset()
            if printable and not text.isspace():
                self.redirect(text)
                return True
            return False
        if not printable:
            self._reset()  # arrows, Backspace, Tab: a person is typing
            return False
        if watched is not self._widget or now - self._last > BURST_GAP:
            self._burst = []
            self._widget = watched
            self._restore = _restorer(watched)
        self._burst.append(text)
        self._last = now
        return False
