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

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str]]:
        # Raised in a worker process of a whole-register what-if, it travels back pickled.
        return (InputError, (self.field, self.message, self.message_de))


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

    def __reduce__(self) -> tuple[type[ParameterError], tuple[str, str | None, str]]:
        return (ParameterError, (self.file, self.key, self.problem))


#: How many characters of a value typed by somebody an error message or reason repeats.
SHOWN_CHARACTERS = 80


def shorten(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """``text`` made safe to repeat in a message: cut to ``limit`` characters (ending in "…"
    when cut), characters that are not printable written as escapes (``\\x1b``, ``\\ud800``).

    Messages repeat what was typed, so that the person sees what is wrong; a value of
    megabytes must not be repeated whole (on the terminal, in a log), and a control character
    must not break a line or steer the terminal.
    """
    head = text[: limit + 1]
    if not head.isprintable():
        head = "".join(char if char.isprintable() else _escape(char) for char in head)
    if len(head) <= limit and len(text) <= limit:
        return head
    return head[: max(limit - 1, 0)] + "…"


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
