"""Einstellungen: the language of the interface, kept for the next start."""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kpass.languages import LANGUAGE_ENV, LANGUAGES
from kpass.ui.settings.preferences import save_language, saved_language
from kpass.ui.translation import QT_TRANSLATE_NOOP, current_language

#: each language in its own name, so that a person who cannot read the other finds theirs
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}
_RESTART = QT_TRANSLATE_NOOP("SettingsDialog", "Die Sprache wechselt beim nächsten Start von "
                             "kpass.")


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Einstellungen"))
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        self.language.setAccessibleName(self.tr("Sprache der Oberfläche"))
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        wanted = saved_language() or current_language()
        self.language.setCurrentIndex(max(0, self.language.findData(wanted)))
        form = QFormLayout()
        form.addRow(self.tr("&Sprache der Oberfläche:"), self.language)
        self.note = QLabel(self.tr(_RESTART))
        self.note.setObjectName("settingsNote")
        self.note.setWordWrap(True)
        if os.environ.get(LANGUAGE_ENV, "").strip():  # the environment wins over the setting
            self.note.setText(self.tr(_RESTART) + " " + self.tr(
                "Solange %1 gesetzt ist oder kpass mit --language gestartet wird, gilt "
                "diese Angabe.").replace("%1", LANGUAGE_ENV))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Ü&bernehmen"))
        ok.setAccessibleName(self.tr("Übernehmen"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Abbrechen"))
        cancel.setAccessibleName(self.tr("Abbrechen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.language.setFocus()

    def accept(self) -> None:
        save_language(str(self.language.currentData()))
        super().accept()

