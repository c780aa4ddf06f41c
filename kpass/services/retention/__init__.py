"""The Löschkonzept: deletion classes with their periods, the scheduled run, and erasure on a
person's request (Art. 17 DSGVO)."""

from kpass.services.retention.periods import retention_classes, set_retention_period
from kpass.services.retention.requests import ErasureRefused, ErasureResult, erase_person
from kpass.services.retention.runs import (
    ERASE_ACTION,
    ERASED_PASSES,
    RETENTION_ACTION,
    ClassResult,
    RetentionReport,
    run_retention,
)
from kpass.services.retention.schedule import CLASSES, RetentionClass

__all__ = [
    "CLASSES",
    "ERASED_PASSES",
    "ERASE_ACTION",
    "RETENTION_ACTION",
    "ClassResult",
    "ErasureRefused",
    "ErasureResult",
    "RetentionClass",
    "RetentionReport",
    "erase_person",
    "retention_classes",
    "run_retention",
    "set_retention_period",
]
