"""A printed PDF shown as page images, with its place in the outbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kpass.ui.print_outbox import render_pages


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreviewDialog", text)


class PreviewDialog(QDialog):
    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setObjectName("printPreview")
        self.setWindowTitle(_tr("Vorschau: %1").replace("%1", title))
        self.resize(1000, 760)
        self.path_label = QLabel(_tr("Gespeichert als %1").replace("%1", str(pdf)))
        self.path_label.setWordWrap(True)
        self.path_label.setAccessibleName(_tr("Speicherort der PDF-Datei"))
        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(render_pages(pdf), 1):
            label = QLabel()
            label.setPixmap(QPixmap(str(image)))
            label.setAccessibleName(_tr("Seite %1").replace("%1", str(number)))
            label.setObjectName("previewPage")
            pages_layout.addWidget(label)
            self.page_labels.append(label)
        if not self.page_labels:
            pages_layout.addWidget(QLabel(_tr("Keine Vorschau möglich (pdftoppm fehlt).")))
        self.pages_scroll = QScrollArea()
        self.pages_scroll.setWidget(pages)
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setAccessibleName(_tr("Seiten des Dokuments"))
        self.folder_button = QPushButton(_tr("&Ordner öffnen"))
        self.folder_button.setAccessibleName(_tr("Ausgabeordner öffnen"))
        self.open_button = QPushButton(_tr("PDF ö&ffnen"))
        self.open_button.setAccessibleName(_tr("PDF im Standardprogramm öffnen"))
        self.close_button = QPushButton(_tr("&Schließen"))
        self.close_button.setAccessibleName(_tr("Vorschau schließen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.path_label, 1)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages_scroll, 1)
        layout.addLayout(buttons)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf.parent))))
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))))
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
