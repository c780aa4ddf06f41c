"""The error of the documents package: a document could not be made or written."""

from __future__ import annotations

from kpass.errors import KpassError


class DocumentError(KpassError):
    """A document cannot be written (path, permissions) or its settings are wrong.

    ``message_en`` and ``message_de`` say what happened and where; nothing partial is left.
    """
