"""Validation messages next to the field they are about, with the cursor put there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

# kpass.ui.common.style colours errors by the object name "fieldError"; a warning keeps its own look
_WARNING_STYLE = (
    "QLabel { color: #5c4300; background: #fff4ce; border: 1px solid #8a6d00; "
    "padding: 2px 4px; font-weight: bold; }"
)


class ErrorLabel(QLabel):
    """A message in dark red under a field, or a warning to confirm; hidden while there is
    nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate("InlineErrors", "Fehlerhinweis"))
        self.hide()

    def say(self, text: str) -> None:
        self._show(text, warning=False)

    def warn(self, text: str) -> None:
        """A warning: the input can be taken, but the caseworker has to confirm it first;
        dark amber on light yellow (contrast 8.4:1), not the red of an error."""
        self._show(text, warning=True)

    def _show(self, text: str, *, warning: bool) -> None:
        self._look(warning=warning and bool(text))
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self.setAccessibleDescription(text)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped message needs at the label's width: a layout asks a
        label for its size at a guessed width, and a message of three lines under a field
        in a form was cut after the first two."""
        needed = self.heightForWidth(self.width()) if self.text() else 0
        if needed != self.minimumHeight() and needed >= 0:
            self.setMinimumHeight(needed)

    @property
    def is_warning(self) -> bool:
        return self.objectName() == "fieldWarning"

    def _look(self, *, warning: bool) -> None:
        if warning == self.is_warning:
            return
        self.setObjectName("fieldWarning" if warning else "fieldError")
        self.setStyleSheet(_WARNING_STYLE if warning else "")
        if warning:
            self.setAccessibleName(QCoreApplication.translate("InlineErrors", "Warnhinweis"))
        else:
            self.setAccessibleName(QCoreApplication.translate("InlineErrors", "Fehlerhinweis"))


class InlineErrors:
    """The fields of one form by the names the services use in ``InvalidField.field``."""

    def __init__(self, fallback: ErrorLabel) -> None:
        self.fallback = fallback
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}

    def wrap(self, name: str, widget: QWidget) -> QWidget:
        """``widget`` with its error label below it, to put into a form layout."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = ErrorLabel(box)
        layout.addWidget(widget)
        layout.addWidget(label)
        self._fields[name] = (widget, label)
        return box

    def label_for(self, name: str) -> ErrorLabel | None:
        entry = self._fields.get(name)
        return entry[1] if entry else None

    def show(self, field: str, message: str) -> QWidget | None:
        """Show ``message`` at the field named by the end of the path ``field`` (e.g.
        ``members[1].birth_date`` → ``birth_date``) and focus it; else in the fallback label."""
        return self._show(field, message, warning=False)

    def warn(self, field: str, message: str) -> QWidget | None:
        """Like :meth:`show`, but a warning the caseworker may confirm, not an error."""
        return self._show(field, message, warning=True)

    def _show(self, field: str, message: str, *, warning: bool) -> QWidget | None:
        self.clear()
        name = field.rsplit(".", 1)[-1]
        entry = self._fields.get(name)
        if entry is None:
            (self.fallback.warn if warning else self.fallback.say)(message)
            return None
        widget, label = entry
        (label.warn if warning else label.say)(message)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return widget

    def clear(self) -> None:
        self.fallback.say("")
        for _, label in self._fields.values():
            label.say("")

    def messages(self) -> list[str]:
        shown = [label.text() for _, label in self._fields.values() if label.isVisible()]
        if self.fallback.isVisible():
            shown.append(self.fallback.text())
        return shown
