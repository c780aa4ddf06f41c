"""Validation messages next to the field they are about, with the cursor put there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget


class ErrorLabel(QLabel):
    """A message in dark red under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate("InlineErrors", "Fehlerhinweis"))
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self.setAccessibleDescription(text)


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
        self.clear()
        name = field.rsplit(".", 1)[-1]
        entry = self._fields.get(name)
        if entry is None:
            self.fallback.say(message)
            return None
        widget, label = entry
        label.say(message)
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
