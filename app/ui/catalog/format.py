"""How catalogue data read on screen: code lists as labels, ISBNs with hyphens."""

from __future__ import annotations

from app.core.catalog import (
    AUDIENCES,
    CONDITIONS,
    MATERIAL_TYPES,
    SOURCES,
    STATUS_LABELS,
    STATUSES,
)
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import tr

MATERIAL_LABELS = {
    "buku": QT_TRANSLATE_NOOP("PerpusDesa", "Book"),
    "majalah": QT_TRANSLATE_NOOP("PerpusDesa", "Magazine"),
    "surat_kabar": QT_TRANSLATE_NOOP("PerpusDesa", "Newspaper"),
    "audio_visual": QT_TRANSLATE_NOOP("PerpusDesa", "Audio-visual"),
    "lainnya": QT_TRANSLATE_NOOP("PerpusDesa", "Other material"),
}
AUDIENCE_LABELS = {
    "anak": QT_TRANSLATE_NOOP("PerpusDesa", "Children"),
    "remaja": QT_TRANSLATE_NOOP("PerpusDesa", "Teens"),
    "dewasa": QT_TRANSLATE_NOOP("PerpusDesa", "Adults"),
}
SOURCE_LABELS = {
    "perpusnas": QT_TRANSLATE_NOOP("PerpusDesa", "Perpusnas aid"),
    "hibah": QT_TRANSLATE_NOOP("PerpusDesa", "Donation"),
    "pembelian": QT_TRANSLATE_NOOP("PerpusDesa", "Purchase"),
    "swadaya": QT_TRANSLATE_NOOP("PerpusDesa", "Self-funded"),
}
CONDITION_LABELS = {
    "baik": QT_TRANSLATE_NOOP("PerpusDesa", "Good"),
    "sedang": QT_TRANSLATE_NOOP("PerpusDesa", "Fair"),
    "buruk": QT_TRANSLATE_NOOP("PerpusDesa", "Poor"),
}
LANGUAGE_LABELS = {
    "ind": QT_TRANSLATE_NOOP("PerpusDesa", "Indonesian"),
    "eng": QT_TRANSLATE_NOOP("PerpusDesa", "English"),
    "ara": QT_TRANSLATE_NOOP("PerpusDesa", "Arabic"),
    "jav": QT_TRANSLATE_NOOP("PerpusDesa", "Javanese"),
    "sun": QT_TRANSLATE_NOOP("PerpusDesa", "Sundanese"),
    "msa": QT_TRANSLATE_NOOP("PerpusDesa", "Malay"),
}

# Every code of the core's lists has a label here (a test checks it).
CODE_LISTS = (
    (MATERIAL_TYPES, MATERIAL_LABELS),
    (AUDIENCES, AUDIENCE_LABELS),
    (SOURCES, SOURCE_LABELS),
    (CONDITIONS, CONDITION_LABELS),
    (STATUSES, STATUS_LABELS),
)


def label(labels: dict[str, str], code: str | None) -> str:
    """The translated label of a code; an unknown code (from an import) as it is."""
    if code is None:
        return ""
    source = labels.get(code)
    return tr(source) if source is not None else code


def format_isbn(isbn: str | None) -> str:
    """A stored (compact) ISBN with its hyphens, as printed on books: 978-602-03-1234-5."""
    if not isbn:
        return ""
    from stdnum import isbn as stdnum_isbn

    try:
        return str(stdnum_isbn.format(isbn))
    except Exception:  # stdnum raises several kinds for what it cannot split
        return isbn
