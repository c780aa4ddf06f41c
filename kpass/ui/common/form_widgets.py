"""Small input widgets of the household editor: German dates, euro amounts, Stadtteile."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTableWidget,
    QWidget,
)

from kpass.services.applications import completed_years, configured_issuers
from kpass.ui.common.german_input import parse_date
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormWidgets", text)


def label_for(text: str, buddy: QWidget) -> QLabel:
    """A form label with a mnemonic (``&``) that moves the focus to ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class DateField(QLineEdit):
    """A date typed as TT.MM.JJJJ (or 8 digits)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.setAccessibleName(accessible_name)
        self.setMaxLength(10)

    def value(self) -> date | None:
        return parse_date(self.text())

    def set_value(self, day: date | None) -> None:
        self.setText(format_date(day))


def age_text(birth: date | None, on: date) -> str:
    if birth is None or birth > on:
        return ""
    years = completed_years(birth, on)
    return _tr("%1 Jahr") .replace("%1", "1") if years == 1 else _tr("%1 Jahre").replace(
        "%1", str(years))


class StadtteilBox(QComboBox):
    """The 27 Stadtteile of Karlsruhe; typing any part of the name or the number filters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for issuer in configured_issuers():
            if issuer.stadtteile is not None and issuer.municipality == "Karlsruhe":
                for code, name in issuer.stadtteile:
                    self.addItem(f"{code} {name}", code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(_tr("Name oder Nummer"))

    def code(self) -> str | None:
        """The code of the Stadtteil typed or chosen; None when the text names none."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            folded = text.casefold()
            matches = [i for i in range(1, self.count())
                       if folded in self.itemText(i).casefold()
                       or self.itemData(i) == text.zfill(2)]
            if len(matches) != 1:
                return text  # the service names what is wrong with it
            index = matches[0]
        data = self.itemData(index)
        return str(data) if data is not None else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        self.setCurrentIndex(max(index, 0))
        if index < 0 and code:
            self.setEditText(code)


def record_table(object_name: str, columns: int,
                 wrap_columns: tuple[int, ...] = ()) -> QTableWidget:
    """A read-only list of a household's records: whole rows are chosen, one at a time, and
    Tab leaves the table (the arrow keys move within it). ``wrap_columns`` share the width
    left and wrap their long texts (rows grow) instead of widening the table."""
    table = QTableWidget(0, columns)
    table.setObjectName(object_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setTabKeyNavigation(False)
    # Every column as wide as its contents: at a large font the table scrolls sideways
    # instead of cutting a name or a date (a stretched column would be squeezed).
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    if wrap_columns:
        table.setWordWrap(True)
        for column in wrap_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # the rows' heights follow the wrapped texts, whenever widths or contents change
        timer = QTimer(table)
        timer.setSingleShot(True)
        timer.timeout.connect(table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: timer.start(0))
        model = table.model()
        model.rowsInserted.connect(lambda *_: timer.start(0))
        model.dataChanged.connect(lambda *_: timer.start(0))
    return table


def column_width(table: QTableView, texts: list[str], header: str) -> int:
    """A column wide enough for ``texts`` in the table's font and for ``header`` in the
    header's (bold) font, with room for the style's item padding (6 px each side), the text
    margins and the grid: measured, so it scales with the system's font size."""
    metrics = table.fontMetrics()
    header_metrics = table.horizontalHeader().fontMetrics()
    width = max([metrics.horizontalAdvance(text) for text in texts]
                + [int(header_metrics.horizontalAdvance(header) * 1.1)])
    return width + metrics.averageCharWidth() + 16


def fit_rows(table: QTableWidget, rows: int) -> None:
    """Tall enough for ``rows`` rows at the current font (no fixed pixel heights)."""
    row = table.fontMetrics().height() + 12
    header = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(header + rows * row + 2 * table.frameWidth() + 4)


def combo_with(items: dict[str, str], accessible_name: str) -> QComboBox:
    """A combo box of German ``items`` (code → label) that returns codes."""
    box = QComboBox()
    for code, text in items.items():
        box.addItem(text, code)
    box.setAccessibleName(accessible_name)
    # the longest label ("Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)") must
    # not set the form's minimum width; the field is wide enough for it in the form, and
    # the open list shows every label whole
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(24)
    return box


def current_code(box: QComboBox) -> str:
    return str(box.currentData())


class _WheelGuard(QObject):
    """Passes a wheel event over a choice box that has no focus on to the widgets behind it
    (the form scrolls) instead of letting it change the value unseen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            event.ignore()  # not accepted: Qt offers it to the parents, up to the scroll area
            return True
        return super().eventFilter(watched, event)


_wheel_guard = _WheelGuard()


def ignore_wheel_unless_focused(root: QWidget) -> None:
    """Every combo, spin and date box in ``root`` (and ``root`` itself) changes with the mouse
    wheel only while it has the keyboard focus, and the wheel gives it none; elsewhere the
    wheel scrolls the form. (A value changed by a wheel turn meant for the form was carried
    into the next household unnoticed.)"""
    boxes: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    if isinstance(root, QComboBox | QAbstractSpinBox):
        boxes.append(root)
    for box in boxes:
        if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.removeEventFilter(_wheel_guard)  # installed once, however often it is asked
        box.installEventFilter(_wheel_guard)
