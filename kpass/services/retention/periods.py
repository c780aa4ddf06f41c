"""Reading the Löschkonzept and changing one of its periods (administrators, audited)."""

from __future__ import annotations

import json

from kpass.errors import InvalidInput
from kpass.models import RegisterSetting
from kpass.models.engine import Database
from kpass.services.access import Permission, requires
from kpass.services.retention.schedule import (
    CLASSES,
    RetentionClass,
    check_period,
    current_classes,
    default_classes,
    setting_key,
)
from kpass.services.uow import UnitOfWork

MAX_REASON = 500


@requires(Permission.READ_REGISTER)
def retention_classes(database: Database) -> list[RetentionClass]:
    """The deletion classes as they apply in this register (everyone at the counter may
    tell an applicant how long their data is kept)."""
    with UnitOfWork(database, write=False) as uow:
        classes = current_classes(uow.session)
    return [classes[key] for key in CLASSES]


@requires(Permission.RETENTION)
def set_retention_period(
    database: Database, key: str, unit: str, amount: int, reason: str
) -> RetentionClass:
    """Change the period of one class; ``reason`` (the legal reason or the decision behind
    the new period) is kept with it and shown wherever the period is."""
    if key not in CLASSES:
        raise InvalidInput(
            f"Unknown deletion class {key!r} (known: {', '.join(CLASSES)}).",
            f"Unbekannte Löschklasse {key!r} (bekannt: {', '.join(CLASSES)}).",
        )
    check_period(unit, amount)
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(
            f"Give the reason for the period (1 to {MAX_REASON} characters).",
            f"Bitte den Grund für die Frist angeben (1 bis {MAX_REASON} Zeichen).",
        )
    with UnitOfWork(database) as uow:
        before = current_classes(uow.session)[key]
        value = json.dumps({"unit": unit, "amount": amount, "reason": reason},
                           ensure_ascii=False)
        row = uow.session.get(RegisterSetting, setting_key(key), with_for_update=True)
        if row is None:
            uow.session.add(RegisterSetting(key=setting_key(key), value=value))
        else:
            row.value = value
        uow.session.flush()
        uow.audit("set_retention", "register_setting", None, retention_class=key,
                  before={before.unit: before.amount}, after={unit: amount}, reason=reason,
                  default={default_classes()[key].unit: default_classes()[key].amount})
        changed = current_classes(uow.session)[key]
        uow.commit()
    return changed
