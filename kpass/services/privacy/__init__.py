"""Data protection use cases: the information to a data subject (Art. 15 DSGVO).

:func:`export_person` writes everything the register stores about one person — gathered in
:mod:`~kpass.services.privacy.subject_access` (own data only; the trail's entries in
:mod:`~kpass.services.privacy.trail`) — as a readable German PDF
(:mod:`kpass.documents.subject_report`) or as JSON
(:mod:`~kpass.services.privacy.json_form`), and records the export in the audit trail.
"""

from kpass.services.privacy.export import (
    EXPORT_ACTION,
    EXPORT_FORMATS,
    ExportFormat,
    SubjectExport,
    export_format,
    export_person,
)
from kpass.services.privacy.json_form import FORMAT as JSON_FORMAT
from kpass.services.privacy.subject_access import UnknownPerson

__all__ = [
    "EXPORT_ACTION",
    "EXPORT_FORMATS",
    "JSON_FORMAT",
    "ExportFormat",
    "SubjectExport",
    "UnknownPerson",
    "export_format",
    "export_person",
]
