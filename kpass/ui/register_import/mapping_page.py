"""Page 2, "Spalten zuordnen": for each fact the import knows, the column of the file that
holds it (pre-filled from the mapping file and by the headers' names), the first rows as
they will be read, and saving the mapping for the next time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kpass.errors import KpassError
from kpass.services.register_import import (
    FIELDS,
    Mapping,
    guess_columns,
    mapping_with,
    save_mapping,
)
from kpass.ui.common.form_widgets import fit_rows, ignore_wheel_unless_focused
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar
from kpass.ui.register_import.texts import field_label, in_language, tr
from kpass.ui.translation import user_message

if TYPE_CHECKING:
    from kpass.ui.register_import.wizard import ImportWizard

PREVIEW_ROWS = 5


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importMappingPage")
        self.owner = wizard
        self.setTitle(tr("Spalten zuordnen"))
        self.setSubTitle(tr("Welche Spalte der Datei enthält was? Pflichtfelder sind mit "
                            "„(Pflicht)“ bezeichnet."))
        self.file_info = QLabel()
        self.file_info.setObjectName("importFileInfo")
        self.file_info.setWordWrap(True)
        self.boxes: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for fld in FIELDS:
            text = field_label(fld.name)
            if fld.required:
                text = tr("%1 (Pflicht)").replace("%1", text)
            box = QComboBox()
            box.setObjectName(f"importColumn_{fld.name}")
            box.setAccessibleName(text)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
            label = QLabel(text + ":")
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes[fld.name] = box
            self.labels[fld.name] = label
            box.currentIndexChanged.connect(self._changed)
        self.columns_scroll = QScrollArea()
        self.columns_scroll.setObjectName("importColumnsScroll")
        self.columns_scroll.setWidgetResizable(True)
        self.columns_scroll.setWidget(form_widget)
        self.columns_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the boxes

        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setTabKeyNavigation(False)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.preview.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.preview.setAccessibleName(tr("Vorschau der ersten Zeilen, wie sie gelesen werden"))
        fit_rows(self.preview, 2)
        preview_label = QLabel(tr("&Vorschau der ersten Zeilen, wie sie gelesen werden:"))
        preview_label.setBuddy(self.preview)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(preview_label)
        preview_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.columns_scroll)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.save_button = QPushButton(tr("Zuordnung &speichern …"))
        self.save_button.setAccessibleName(tr("Zuordnung speichern …"))
        self.message = MessageBar("importMappingMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_info)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        ignore_wheel_unless_focused(self)
        self.save_button.clicked.connect(self.ask_and_save)
        self._filling = False
        self._mapping: Mapping | None = None

    # -- filling ---------------------------------------------------------------------------
    def initializePage(self) -> None:
        table, mapping = self.owner.table, self.owner.base_mapping
        assert table is not None and mapping is not None
        self.file_info.setText(
            tr("„%1“: %2 Zeilen unter der Kopfzeile, %3 Spalten, gelesen als %4. "
               "Zuordnung aus „%5“.")
            .replace("%1", table.name).replace("%2", str(len(table.rows)))
            .replace("%3", str(len(table.headers)))
            .replace("%4", in_language(table.encoding_de, table.encoding_en))
            .replace("%5", mapping.name or tr("Beispielzuordnung")))
        guessed = guess_columns(mapping, table.headers)
        self._filling = True
        for name, box in self.boxes.items():
            box.clear()
            box.addItem(tr("— nicht in der Datei —"), "")
            for header in table.headers:
                box.addItem(header, header)
            box.setCurrentIndex(max(box.findData(guessed.get(name, "")), 0))
        self._filling = False
        self._changed()
        self.boxes[FIELDS[0].name].setFocus()

    def chosen_columns(self) -> dict[str, str]:
        return {name: str(box.currentData() or "") for name, box in self.boxes.items()}

    def mapping(self) -> Mapping | None:
        """The mapping as chosen on the page (None while a required field has no column)."""
        return self._mapping

    def _changed(self) -> None:
        if self._filling:
            return
        self._mapping = None
        base = self.owner.base_mapping
        if base is None:
            return
        try:
            self._mapping = mapping_with(base, self.chosen_columns(),
                                         separator=self.owner.separator)
        except KpassError as exc:
            self.message.show_error(user_message(exc))
        else:
            twice = self._used_twice()
            if twice:
                self.message.say(tr("Dieselbe Spalte ist mehreren Feldern zugeordnet: %1. "
                                    "Bitte prüfen.").replace("%1", twice), "warning")
            else:
                self.message.say("")
        self._fill_preview()
        self.completeChanged.emit()

    def _used_twice(self) -> str:
        fields_of: dict[str, list[str]] = {}
        for name, header in self.chosen_columns().items():
            if header:
                fields_of.setdefault(header, []).append(field_label(name))
        return "; ".join(f"„{header}“ ({', '.join(names)})"
                         for header, names in fields_of.items() if len(names) > 1)

    def _fill_preview(self) -> None:
        table = self.owner.table
        if table is None:
            return
        chosen = [(name, header) for name, header in self.chosen_columns().items() if header]
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(chosen) + 1)
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(
            [tr("Zeile")] + [field_label(name) if header == field_label(name)
                             else f"{field_label(name)}\n({header})" for name, header in chosen])
        for r, row in enumerate(rows):
            self.preview.setItem(r, 0, QTableWidgetItem(str(row.number)))
            for c, (_name, header) in enumerate(chosen, start=1):
                self.preview.setItem(r, c, QTableWidgetItem(row.cells.get(header, "")))

    def isComplete(self) -> bool:
        return self._mapping is not None

    def validatePage(self) -> bool:
        if self._mapping is None:
            return False
        self.owner.mapping = self._mapping
        return True

    # -- saving ----------------------------------------------------------------------------
    def ask_and_save(self) -> None:
        if self._mapping is None:
            self.message.show_error(tr("Erst jedem Pflichtfeld eine Spalte zuordnen, dann "
                                       "speichern."))
            return
        suggested = Path(self.owner.file_path or "liste").stem + "-" + tr("zuordnung") + ".toml"
        name, _ = QFileDialog.getSaveFileName(self, tr("Zuordnung speichern"), suggested,
                                              tr("Zuordnungsdateien (*.toml)"))
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> bool:
        mapping = self._mapping
        if mapping is None:
            return False
        if path.suffix.lower() != ".toml":
            path = path.with_name(path.name + ".toml")
        done = run_service(lambda: save_mapping(path, mapping), self.message.show_error)
        if done:
            self.message.say(tr("Zuordnung gespeichert: %1. Beim nächsten Mal auf Seite 1 "
                                "als Zuordnungsdatei wählen.").replace("%1", str(path)))
        return bool(done)
