"""Errors raised by the rules package for bad input and bad parameter files."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Invalid input to a rule check.

    ``field`` is a JSON path such as ``members[1].birth_date`` (empty for the document as a
    whole). ``message`` (English, also ``str(error)``) and ``message_de`` (German, for the
    counter) both name the field, so the command line can print them unchanged.
    """

    def __init__(self, field: str, message: str, message_de: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.message_de = message_de


class ParameterError(ValueError):
    """A rule parameter file is missing, unreadable or inconsistent.

    The message always names the file and, where one is to blame, the key.
    """

    def __init__(self, file: Path | str, key: str | None, problem: str) -> None:
        where = f"{file}" if key is None else f"{file}: [{key}]"
        super().__init__(f"{where}: {problem}")
        self.file = str(file)
        self.key = key
        self.problem = problem
