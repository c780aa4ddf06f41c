"""The "Über kpass" dialog: version, licence, and every bundled library and font with its
version and licence text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass import __version__
from kpass.components import KPASS_LICENCE, Component, components
from kpass.ui.help.icon import application_icon


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("Über kpass"))
        self.components = components()
        logo = QLabel()
        logo.setPixmap(application_icon().pixmap(64, 64))
        logo.setAccessibleName(self.tr("Zeichen von kpass"))
        self.title = QLabel(self.tr("<b>kpass</b> Version %1").replace("%1", __version__))
        self.title.setObjectName("aboutVersion")
        purpose = QLabel(self.tr("Karlsruher Pass und Karlsruher Kinderpass: Anträge, "
                                 "Entscheidungen, Ausweise, Statistik.\nStadt Karlsruhe · "
                                 "Sozial- und Jugendbehörde. Lizenz: %1.")
                         .replace("%1", KPASS_LICENCE))
        purpose.setWordWrap(True)
        caption = QLabel(self.tr("&Bestandteile und ihre Lizenzen:"))
        self.table = QTableWidget(len(self.components), 3)
        self.table.setObjectName("aboutComponents")
        self.table.setAccessibleName(self.tr("Bestandteile und ihre Lizenzen"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bestandteil"), self.tr("Version"), self.tr("Lizenz")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version,
                                           component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        caption.setBuddy(self.table)
        text_caption = QLabel(self.tr("&Lizenztext:"))
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("aboutLicenceText")
        self.licence_text.setReadOnly(True)
        self.licence_text.setAccessibleName(self.tr("Lizenztext"))
        self.licence_text.setTabChangesFocus(True)
        text_caption.setBuddy(self.licence_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Schl&ießen"))
        close.setAccessibleName(self.tr("Schließen"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(logo, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
        layout.addWidget(purpose)
        layout.addWidget(caption)
        layout.addWidget(self.table, 2)
        layout.addWidget(text_caption)
        layout.addWidget(self.licence_text, 3)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        self.resize(760, 640)

    def show_licence(self, row: int) -> None:
        component: Component | None = (self.components[row]
                                       if 0 <= row < len(self.components) else None)
        self.licence_text.setPlainText(component.text if component else "")
