"""Beranda: the home page, the library at a glance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.core.home import home_figures
from app.core.library import region_path
from app.ui.context import AppContext
from app.ui.pages import PageSpec

# setAlignment(Qt.AlignmentFlag.AlignCenter) by name: naming Qt builds all its ~90 enums
# (~30 ms), which the first page shown at start-up can do without.
CENTRE = "AlignCenter"


class BerandaPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.region = QLabel()
        self.region.setWordWrap(True)
        self.region.setObjectName("regionPath")
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.cards: dict[str, QLabel] = {}
        captions = {
            "members": self.tr("Active members"),
            "titles": self.tr("Titles in the catalogue"),
            "items": self.tr("Copies in the collection"),
            "visitors_this_month": self.tr("Visitors this month"),
            "activities": self.tr("Activities"),
            "pending_sync": self.tr("Changes waiting to be synced"),
        }
        for index, (key, caption) in enumerate(captions.items()):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            value = QLabel("0")
            value.setObjectName(f"figure_{key}")
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            value.setProperty("alignment", CENTRE)
            label = QLabel(caption)
            label.setProperty("alignment", CENTRE)
            label.setWordWrap(True)
            inner = QVBoxLayout(card)
            inner.addWidget(value)
            inner.addWidget(label)
            self.grid.addWidget(card, index // 3, index % 3)
            self.cards[key] = value
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.region)
        layout.addSpacing(12)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        context.signals.profile_changed.connect(self.on_context_changed)
        context.signals.data_changed.connect(self.on_context_changed)
        self.refresh()

    def on_context_changed(self, _what: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        profile = self.context.profile
        self.title.setText(profile.name)
        self.region.setText(region_path(self.context.conn, profile.region_code))
        figures = home_figures(self.context.conn, profile.time_zone)
        locale = QLocale()
        for key, label in self.cards.items():
            label.setText(locale.toString(getattr(figures, key)))


PAGE = PageSpec(
    key="beranda",
    order=0,
    title=lambda: QCoreApplication.translate("Pages", "Home"),
    factory=BerandaPage,
)
