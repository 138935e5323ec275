"""What each kind of synced record (the PC's table) is called on screen and by the
command line (Qt-free: marked for translation, translated where shown)."""

from __future__ import annotations

from typing import Final

from app.core.text import QT_TRANSLATE_NOOP

RECORD_KIND_LABELS: Final = {
    "library": QT_TRANSLATE_NOOP("PerpusDesa", "Library profile"),
    "partner": QT_TRANSLATE_NOOP("PerpusDesa", "Partner"),
    "member": QT_TRANSLATE_NOOP("PerpusDesa", "Member"),
    "title": QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
    "item": QT_TRANSLATE_NOOP("PerpusDesa", "Copy"),
    "visit": QT_TRANSLATE_NOOP("PerpusDesa", "Visit"),
    "loan": QT_TRANSLATE_NOOP("PerpusDesa", "Loan"),
    "activity": QT_TRANSLATE_NOOP("PerpusDesa", "Activity"),
    "partnership": QT_TRANSLATE_NOOP("PerpusDesa", "Partnership"),
    "story": QT_TRANSLATE_NOOP("PerpusDesa", "Success story"),
}
