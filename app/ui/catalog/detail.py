"""The chosen title beside the list: its catalogue card and its copies.

The panel only shows; the buttons (change, delete, add a copy...) are wired by
the catalogue page, which knows the service and the user's role.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.catalog import ItemView, TitleView
from app.ui.catalog.format import (
    AUDIENCE_LABELS,
    LANGUAGE_LABELS,
    MATERIAL_LABELS,
    format_isbn,
    label,
)
from app.ui.catalog.model import ItemModel

DETAIL_KEYS = (
    "authors",
    "publication",
    "edition",
    "isbn",
    "ddc",
    "subjects",
    "language",
    "material_type",
    "audience",
)


class TitleDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title: TitleView | None = None
        self.heading = QLabel()
        self.heading.setObjectName("titleHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        captions = (
            self.tr("Authors"),
            self.tr("Published"),
            self.tr("Edition"),
            self.tr("ISBN"),
            self.tr("DDC class"),
            self.tr("Subjects"),
            self.tr("Language"),
            self.tr("Material"),
            self.tr("Readers"),
        )
        for key, caption in zip(DETAIL_KEYS, captions, strict=True):
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(caption, value)

        self.edit_title_button = QPushButton(self.tr("C&hange title…"))
        self.edit_title_button.setObjectName("editTitle")
        self.delete_title_button = QPushButton(self.tr("Delete title"))
        self.delete_title_button.setObjectName("deleteTitle")
        title_buttons = QHBoxLayout()
        title_buttons.addWidget(self.edit_title_button)
        title_buttons.addWidget(self.delete_title_button)
        title_buttons.addStretch(1)

        self.copies_label = QLabel()
        self.copies_label.setObjectName("copiesLabel")
        self.copies_label.setStyleSheet("font-weight: bold;")
        self.item_model = ItemModel(self)
        self.item_table = QTableView()
        self.item_table.setObjectName("itemTable")
        self.item_table.setModel(self.item_model)
        self.item_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.item_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.item_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.item_table.setAlternatingRowColors(True)
        self.item_table.setWordWrap(False)
        self.item_table.verticalHeader().hide()
        header = self.item_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the source: longest
        self.add_copy_button = QPushButton(self.tr("&Add copy…"))
        self.add_copy_button.setObjectName("addCopy")
        self.edit_copy_button = QPushButton(self.tr("Change c&opy…"))
        self.edit_copy_button.setObjectName("editCopy")
        self.delete_copy_button = QPushButton(self.tr("Delete copy"))
        self.delete_copy_button.setObjectName("deleteCopy")
        copy_buttons = QHBoxLayout()
        copy_buttons.addWidget(self.add_copy_button)
        copy_buttons.addWidget(self.edit_copy_button)
        copy_buttons.addWidget(self.delete_copy_button)
        copy_buttons.addStretch(1)

        self.empty_label = QLabel(self.tr("Choose a title in the list to see its copies."))
        self.empty_label.setObjectName("detailEmpty")
        self.empty_label.setWordWrap(True)
        self.card = QWidget()
        card = QVBoxLayout(self.card)
        card.setContentsMargins(0, 0, 0, 0)
        card.addWidget(self.heading)
        card.addLayout(form)
        card.addLayout(title_buttons)
        card.addSpacing(8)
        card.addWidget(self.copies_label)
        card.addWidget(self.item_table, 1)
        card.addLayout(copy_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.card, 1)
        self.show_title(None, [])

    def show_title(self, title: TitleView | None, items: list[ItemView]) -> None:
        self.title = title
        self.empty_label.setVisible(title is None)
        self.card.setVisible(title is not None)
        if title is None:
            self.item_model.set_rows([])
            return
        self.heading.setText(title.title)
        published = ", ".join(
            part
            for part in (
                title.publisher or "",
                title.place or "",
                "" if title.year is None else str(title.year),
            )
            if part
        )
        texts = {
            "authors": title.authors,
            "publication": published,
            "edition": title.edition or "",
            "isbn": format_isbn(title.isbn),
            "ddc": title.ddc or "",
            "subjects": title.subjects,
            "language": label(LANGUAGE_LABELS, title.language),
            "material_type": label(MATERIAL_LABELS, title.material_type),
            "audience": label(AUDIENCE_LABELS, title.audience),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.copies_label.setText(
            self.tr("Copies: {available} available of {copies}").format(
                available=title.available, copies=title.copies
            )
        )
        self.item_model.set_rows(items)

    def selected_item(self) -> ItemView | None:
        rows = self.item_table.selectionModel().selectedRows()
        return self.item_model.item(rows[0].row()) if rows else None
