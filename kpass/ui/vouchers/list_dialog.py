""""Gutscheinliste für die Buchhaltung …": the 60plus vouchers handed out in one month as a
CSV or XLSX file for the accounting department (Ausgabetag, Passnummer, Name, Betrag).

A month and a format are chosen, then where the file goes; the service
(:func:`kpass.services.vouchers.export_voucher_list`) writes it and records the bulk read.
It names persons, so only those who may read in bulk (supervisors) are offered the dialog;
the service refuses everybody else anyway. The month proposed is the last one that is over:
a list of a month still running would be incomplete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.vouchers import export_voucher_list
from kpass.ui.common.form_widgets import ignore_wheel_unless_focused
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar
from kpass.ui.renewals.page import MONTH_NAMES

_CONTEXT = "VoucherListDialog"
_FOLDER_KEY = "voucherList/folder"
KINDS = ("xlsx", "csv")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _month_name(month: int) -> str:
    return QCoreApplication.translate("RenewalsPage", MONTH_NAMES[month - 1])


def last_month_over(today: date) -> tuple[int, int]:
    """(year, month) of the month before ``today``'s."""
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def suggested_name(year: int, month: int, kind: str) -> str:
    return f"60plus-gutscheine-{year:04d}-{month:02d}.{kind}"


def ask_list_path(parent: QWidget, suggested: Path, kind: str) -> Path | None:
    """Where the list goes (the file ending added if missing); None when cancelled.

    Tests replace this function: a modal file dialog would wait for ever offscreen."""
    filters = {"csv": _tr("CSV-Dateien (*.csv)"), "xlsx": _tr("Excel-Arbeitsmappen (*.xlsx)")}
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Gutscheinliste speichern"),
                                          str(suggested), filters[kind])
    if not name:
        return None
    chosen = Path(name)
    return chosen if chosen.suffix.lower() == f".{kind}" else chosen.with_name(
        f"{chosen.name}.{kind}")


class VoucherListDialog(QDialog):
    """Month, format, "Speichern unter …"; the message says where the file went."""

    def __init__(self, database: Database, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today or date.today()
        self.written: Path | None = None
        self.setObjectName("voucherListDialog")
        self.setWindowTitle(_tr("Gutscheinliste für die Buchhaltung"))
        self.intro = QLabel(_tr("Die 60plus-Gutscheine, die in einem Monat ausgegeben wurden: "
                                "Ausgabetag, Passnummer, Name und Betrag, als Datei für die "
                                "Buchhaltung. Das Speichern wird im Protokoll vermerkt."))
        self.intro.setWordWrap(True)
        year, month = last_month_over(self.today)
        self.month = QComboBox()
        self.month.setObjectName("voucherListMonth")
        self.month.setAccessibleName(_tr("Monat"))
        for number in range(1, 13):
            self.month.addItem(_month_name(number), number)
        self.month.setCurrentIndex(month - 1)
        self.year = QSpinBox()
        self.year.setObjectName("voucherListYear")
        self.year.setAccessibleName(_tr("Jahr"))
        self.year.setRange(2000, self.today.year + 1)
        self.year.setValue(year)
        self.year.setGroupSeparatorShown(False)
        self.xlsx = QRadioButton(_tr("&XLSX (Excel-Arbeitsmappe)"))
        self.xlsx.setObjectName("voucherListXlsx")
        self.xlsx.setAccessibleName(_tr("XLSX (Excel-Arbeitsmappe)"))
        self.csv = QRadioButton(_tr("&CSV (Semikolon, für Excel)"))
        self.csv.setObjectName("voucherListCsv")
        self.csv.setAccessibleName(_tr("CSV (Semikolon, für Excel)"))
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.xlsx)
        self.kinds.addButton(self.csv)
        self.xlsx.setChecked(True)
        self.message = MessageBar("voucherListMessage")
        self.message.label.setAccessibleName(_tr("Meldung zur Gutscheinliste"))
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(_tr("&Speichern unter …"))
        self.save_button.setObjectName("voucherListSave")
        self.save_button.setAccessibleName(_tr("Speichern unter … (Liste des gewählten Monats)"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(_tr("Schl&ießen"))
        self.close_button.setObjectName("voucherListClose")
        self.close_button.setAccessibleName(_tr("Schließen"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        month_label = QLabel(_tr("&Monat:"))
        month_label.setBuddy(self.month)
        year_label = QLabel(_tr("&Jahr:"))
        year_label.setBuddy(self.year)
        when = QHBoxLayout()
        when.addWidget(self.month, 2)
        when.addWidget(year_label)
        when.addWidget(self.year, 1)
        kinds = QVBoxLayout()
        kinds.addWidget(self.xlsx)
        kinds.addWidget(self.csv)
        form = QFormLayout()
        form.addRow(month_label, when)
        form.addRow(QLabel(_tr("Format:")), kinds)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.save_button.clicked.connect(self.ask_and_save)
        self.close_button.clicked.connect(self.reject)
        for first, second in ((self.month, self.year), (self.year, self.xlsx),
                              (self.xlsx, self.csv), (self.csv, self.save_button),
                              (self.save_button, self.close_button)):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        ignore_wheel_unless_focused(self)
        self.month.setFocus()

    def chosen(self) -> tuple[int, int, str]:
        """(year, month, kind) as chosen."""
        return (self.year.value(), int(self.month.currentData()),
                "csv" if self.csv.isChecked() else "xlsx")

    def _folder(self) -> Path:
        stored = QSettings().value(_FOLDER_KEY)
        folder = Path(str(stored)) if stored else Path.home()
        return folder if folder.is_dir() else Path.home()

    def ask_and_save(self) -> bool:
        """The button: ask where, then write."""
        year, month, kind = self.chosen()
        path = ask_list_path(self, self._folder() / suggested_name(year, month, kind), kind)
        if path is None:
            return False
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the chosen month's list to ``path`` (CSV or XLSX by its ending)."""
        year, month, _kind = self.chosen()
        done = run_service(lambda: export_voucher_list(self.database, year, month, path),
                           self.message.show_error)
        if not done:
            return False
        self.written = done.result()
        QSettings().setValue(_FOLDER_KEY, str(self.written.parent))
        self.message.say(_tr("Liste für %1 %2 gespeichert: %3")
                         .replace("%1", _month_name(month)).replace("%2", str(year))
                         .replace("%3", str(self.written)), "success")
        return True


def open_voucher_list(database: Database, today: date | None = None,
                      parent: QWidget | None = None) -> VoucherListDialog:
    """Show the dialog (modal to ``parent``) and return it once closed."""
    dialog = VoucherListDialog(database, today, parent)
    dialog.exec()
    return dialog
