"""The four-eyes switch and the margin around the income limit: register settings that an
administrator changes (audited), read by every decision."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpass.errors import InvalidInput
from kpass.models import DecisionApproval, RegisterSetting
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import format_euro

ENABLED_KEY = "four_eyes:enabled"
MARGIN_KEY = "four_eyes:margin"
MARGIN_UNITS = ("eur", "percent")
#: a margin beyond these would send nearly every decision to the supervisors
MAX_MARGIN_EUR = Decimal("10000.00")
MAX_MARGIN_PERCENT = Decimal("50")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class ApprovalSettings:
    """Whether decisions wait for a supervisor, and how close to the income limit counts as
    "close" (``margin_unit`` euro or percent of the household's limit). ``pending``: how many
    decisions wait right now (they keep waiting when the switch is turned off)."""

    enabled: bool = False
    margin_unit: str = "eur"
    margin_amount: Decimal = Decimal("0.00")
    pending: int = 0

    def margin_for(self, limit: Decimal) -> Decimal:
        """The margin in euro around a household's income limit ``limit``."""
        if self.margin_unit == "percent":
            return (limit * self.margin_amount / 100).quantize(_CENT)
        return self.margin_amount

    def margin_text_de(self) -> str:
        if self.margin_unit == "percent":
            return f"{_percent_de(self.margin_amount)} % der Einkommensgrenze"
        return format_euro(self.margin_amount)

    def margin_text_en(self) -> str:
        if self.margin_unit == "percent":
            return f"{self.margin_amount.normalize():f} % of the income limit"
        return f"{self.margin_amount:.2f} EUR"

    def as_json(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "margin_unit": self.margin_unit,
                "margin_amount": f"{self.margin_amount.normalize():f}"
                if self.margin_unit == "percent" else f"{self.margin_amount:.2f}",
                "pending": self.pending}


def _percent_de(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def _stored_margin(value: str | None) -> tuple[str, Decimal]:
    """The stored margin; a row that cannot be read counts as no margin (only rejections
    wait) rather than stopping every decision at the counter."""
    if value is None:
        return "eur", Decimal("0.00")
    try:
        data = json.loads(value)
        unit = str(data["unit"])
        amount = Decimal(str(data["amount"]))
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return "eur", Decimal("0.00")
    if unit not in MARGIN_UNITS or not amount.is_finite() or amount < 0:
        return "eur", Decimal("0.00")
    return unit, amount


def read_settings(session: Session) -> ApprovalSettings:
    """The settings as stored (inside the caller's transaction); off without a row."""
    rows = {row.key: row.value for row in session.scalars(
        select(RegisterSetting).where(RegisterSetting.key.in_((ENABLED_KEY, MARGIN_KEY))))}
    unit, amount = _stored_margin(rows.get(MARGIN_KEY))
    return ApprovalSettings(rows.get(ENABLED_KEY) == "on", unit, amount)


def _with_pending(session: Session, settings: ApprovalSettings) -> ApprovalSettings:
    pending = session.scalar(select(func.count()).select_from(DecisionApproval)
                             .where(DecisionApproval.state == "pending"))
    return replace(settings, pending=int(pending or 0))


@requires(Permission.READ_REGISTER)
def approval_settings(database: Database) -> ApprovalSettings:
    """Whether the four-eyes rule is on (the counter may see it: it says why a letter waits)."""
    with UnitOfWork(database, write=False) as uow:
        return _with_pending(uow.session, read_settings(uow.session))


def checked_margin(unit: str, amount: Decimal | str) -> Decimal:
    """``amount`` as the margin in ``unit``; :class:`InvalidInput` when out of range."""
    try:
        value = Decimal(str(amount).strip().replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if unit == "eur":
        ok = value.is_finite() and 0 <= value <= MAX_MARGIN_EUR and value == value.quantize(_CENT)
        if not ok:
            raise InvalidInput(
                f"The margin must be an amount from 0 to {MAX_MARGIN_EUR} euro with at most "
                "two decimals.",
                f"Die Spanne muss ein Betrag von 0 bis {format_euro(MAX_MARGIN_EUR)} mit "
                "höchstens zwei Nachkommastellen sein.",
            )
        return value.quantize(_CENT)
    if unit == "percent":
        ok = (value.is_finite() and 0 <= value <= MAX_MARGIN_PERCENT
              and value == value.quantize(_CENT))
        if not ok:
            raise InvalidInput(
                f"The margin must be a percentage from 0 to {MAX_MARGIN_PERCENT} with at most "
                "two decimals.",
                f"Die Spanne muss ein Prozentsatz von 0 bis {MAX_MARGIN_PERCENT} mit höchstens "
                "zwei Nachkommastellen sein.",
            )
        return value
    raise InvalidInput(f"Unknown margin unit {unit!r} (known: eur, percent).",
                       f"Unbekannte Einheit der Spanne {unit!r} (bekannt: eur, percent).")


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(RegisterSetting, key, with_for_update=True)
    if row is None:
        session.add(RegisterSetting(key=key, value=value))
    else:
        row.value = value


@requires(Permission.SETTINGS)
def set_approval_settings(
    database: Database,
    *,
    enabled: bool | None = None,
    margin_eur: Decimal | str | None = None,
    margin_percent: Decimal | str | None = None,
) -> ApprovalSettings:
    """Turn the four-eyes rule on or off and set the margin (what is None stays). Only new
    decisions are affected: those made before the switch was turned on never wait, and those
    waiting when it is turned off keep waiting until a supervisor has looked at them."""
    if margin_eur is not None and margin_percent is not None:
        raise InvalidInput("Give the margin either in euro or in percent, not both.",
                           "Die Spanne bitte entweder in Euro oder in Prozent angeben, "
                           "nicht beides.")
    margin: tuple[str, Decimal] | None = None
    if margin_eur is not None:
        margin = ("eur", checked_margin("eur", margin_eur))
    elif margin_percent is not None:
        margin = ("percent", checked_margin("percent", margin_percent))
    with UnitOfWork(database) as uow:
        # the switch's row, locked: two administrators at once change it one after the other
        uow.session.get(RegisterSetting, ENABLED_KEY, with_for_update=True)
        before = read_settings(uow.session)
        after = ApprovalSettings(
            before.enabled if enabled is None else enabled,
            margin[0] if margin else before.margin_unit,
            margin[1] if margin else before.margin_amount,
        )
        if after != before:
            _put(uow.session, ENABLED_KEY, "on" if after.enabled else "off")
            _put(uow.session, MARGIN_KEY, json.dumps(
                {"unit": after.margin_unit, "amount": str(after.margin_amount)}))
            uow.session.flush()
            uow.audit("set_four_eyes", "register_setting", None,
                      before=before.as_json(), after=after.as_json())
        result = _with_pending(uow.session, read_settings(uow.session))
        uow.commit()
    return result
