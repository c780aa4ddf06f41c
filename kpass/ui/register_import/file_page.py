"""Page 1, "Datei wählen": the office's list, the mapping file and all or nothing vs. per
household. "Weiter" reads both files in the background; a file that cannot be read is
explained here, and the page stays."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from kpass.services.register_import import (
    Mapping,
    Table,
    load_mapping,
    read_table,
    sample_mapping_path,
)
from kpass.ui.common.background import BackgroundJobs
from kpass.ui.common.style import MessageBar
from kpass.ui.register_import.texts import tr
from kpass.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kpass.ui.register_import.wizard import ImportWizard

#: (separator, label): None keeps the mapping file's (or detects it), "" detects it always
SEPARATORS: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("RegisterImport", "wie in der Zuordnungsdatei")),
    ("", QT_TRANSLATE_NOOP("RegisterImport", "aus der Kopfzeile erkennen")),
    (";", QT_TRANSLATE_NOOP("RegisterImport", "Semikolon (;)")),
    (",", QT_TRANSLATE_NOOP("RegisterImport", "Komma (,)")),
    ("\t", QT_TRANSLATE_NOOP("RegisterImport", "Tabulator")),
    ("|", QT_TRANSLATE_NOOP("RegisterImport", "senkrechter Strich (|)")),
)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importFilePage")
        self.owner = wizard
        self.setTitle(tr("Datei wählen"))
        self.setSubTitle(tr("Die bisherige Liste als CSV- oder XLSX-Datei (eine Zeile je "
                            "Person) und die Zuordnung ihrer Spalten."))
        self.path = QLineEdit()
        self.path.setObjectName("importFilePath")
        self.path.setAccessibleName(tr("Datei (CSV oder XLSX)"))
        self.path.setPlaceholderText(tr("Pfad der CSV- oder XLSX-Datei"))
        path_label = QLabel(tr("&Datei (CSV oder XLSX):"))
        path_label.setBuddy(self.path)
        self.browse = QPushButton(tr("Datei &suchen …"))
        self.browse.setAccessibleName(tr("Datei suchen …"))
        self.mapping_path = QLineEdit()
        self.mapping_path.setObjectName("importMappingPath")
        self.mapping_path.setAccessibleName(tr("Zuordnungsdatei (TOML)"))
        self.mapping_path.setPlaceholderText(
            tr("leer: Beispielzuordnung von kpass (%1)").replace("%1", sample_mapping_path().name))
        mapping_label = QLabel(tr("&Zuordnungsdatei (TOML):"))
        mapping_label.setBuddy(self.mapping_path)
        self.browse_mapping = QPushButton(tr("Z&uordnung suchen …"))
        self.browse_mapping.setAccessibleName(tr("Zuordnung suchen …"))
        self.separator = QComboBox()
        self.separator.setObjectName("importSeparator")
        for value, text in SEPARATORS:
            self.separator.addItem(tr(text), value)
        self.separator.setAccessibleName(tr("Trennzeichen der CSV-Datei"))
        separator_label = QLabel(tr("&Trennzeichen der CSV-Datei:"))
        separator_label.setBuddy(self.separator)

        self.all_or_nothing = QRadioButton(tr("&Alles oder nichts: nur speichern, wenn jeder "
                                              "Haushalt in Ordnung ist"))
        self.all_or_nothing.setAccessibleName(tr("Alles oder nichts: nur speichern, wenn "
                                                 "jeder Haushalt in Ordnung ist"))
        self.partial = QRadioButton(tr("Je &Haushalt: die guten Haushalte speichern, die "
                                       "anderen im Bericht nennen"))
        self.partial.setAccessibleName(tr("Je Haushalt: die guten Haushalte speichern, die "
                                          "anderen im Bericht nennen"))
        self.all_or_nothing.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.all_or_nothing)
        self.mode.addButton(self.partial)
        mode_label = QLabel(tr("Speichern:"))
        self.message = MessageBar("importFileMessage")

        grid = QGridLayout()
        grid.addWidget(path_label, 0, 0)
        grid.addWidget(self.path, 0, 1)
        grid.addWidget(self.browse, 0, 2)
        grid.addWidget(mapping_label, 1, 0)
        grid.addWidget(self.mapping_path, 1, 1)
        grid.addWidget(self.browse_mapping, 1, 2)
        grid.addWidget(separator_label, 2, 0)
        grid.addWidget(self.separator, 2, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(mode_label)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.partial)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setTabOrder(self.path, self.browse)
        self.setTabOrder(self.browse, self.mapping_path)
        self.setTabOrder(self.mapping_path, self.browse_mapping)
        self.setTabOrder(self.browse_mapping, self.separator)
        self.setTabOrder(self.separator, self.all_or_nothing)
        self.setTabOrder(self.all_or_nothing, self.partial)

        self.jobs = BackgroundJobs(self)
        self._read_for: tuple[str, str, int] | None = None  # what table and mapping are of
        self._reading = False
        self.browse.clicked.connect(self.ask_file)
        self.browse_mapping.clicked.connect(self.ask_mapping)
        self.path.textChanged.connect(self.completeChanged)

    # -- choosing --------------------------------------------------------------------------
    def ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Liste zum Übernehmen wählen"), self.path.text(),
            tr("Listen (*.csv *.xlsx);;Alle Dateien (*)"))
        if name:
            self.path.setText(name)
            self.path.setFocus()

    def ask_mapping(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Zuordnungsdatei wählen"),
            self.mapping_path.text() or str(sample_mapping_path().parent),
            tr("Zuordnungsdateien (*.toml);;Alle Dateien (*)"))
        if name:
            self.mapping_path.setText(name)
            self.mapping_path.setFocus()

    @property
    def partial_mode(self) -> bool:
        return self.partial.isChecked()

    def chosen_separator(self) -> str | None:
        value = self.separator.currentData()
        return None if value is None else str(value)

    # -- reading ---------------------------------------------------------------------------
    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self._reading

    def _key(self) -> tuple[str, str, int]:
        return (self.path.text().strip(), self.mapping_path.text().strip(),
                self.separator.currentIndex())

    def validatePage(self) -> bool:
        """Read the files (in the background) before leaving; the page moves on by itself
        once they are read."""
        if self._read_for == self._key() and self.owner.table is not None:
            return True
        if self._reading:
            return False
        self.start_reading()
        return False

    def start_reading(self) -> None:
        path_text, mapping_text, _ = key = self._key()
        path = Path(path_text)
        mapping_file = Path(mapping_text) if mapping_text else None
        separator = self.chosen_separator()

        def read() -> tuple[Table, Mapping]:
            mapping = load_mapping(mapping_file)
            used = mapping.separator if separator is None else (separator or None)
            return read_table(path, separator=used, sheet=mapping.sheet), mapping

        def done(result: tuple[Table, Mapping]) -> None:
            self._finish_reading()
            table, mapping = result
            self.owner.use_file(path, table, mapping, separator)
            self._read_for = key
            self.message.say("")
            self.owner.next()

        def failed(message: str) -> None:
            self._finish_reading()
            self._read_for = None
            self.message.show_error(message)
            self.path.setFocus()

        self._reading = True
        self.completeChanged.emit()
        self.message.say(tr("Die Datei wird gelesen …"), "info")
        self.jobs.call(read, done, failed)

    def _finish_reading(self) -> None:
        self._reading = False
        self.completeChanged.emit()

    def wait(self) -> bool:
        """Until the files are read (tests)."""
        return self.jobs.wait()
