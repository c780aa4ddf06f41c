"""What the voucher use cases hand back: plain, frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class VoucherIssued:
    """One hand-out of the yearly 60plus vouchers (what the receipt shows)."""

    id: int
    person_id: int
    person_name: str
    birth_date: date
    pass_number: str
    year: int
    amount: Decimal
    handed_out_on: date
    decision_id: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person_id": self.person_id,
            "person_name": self.person_name,
            "pass_number": self.pass_number,
            "year": self.year,
            "amount": f"{self.amount:.2f}",
            "handed_out_on": self.handed_out_on.isoformat(),
            "decision_id": self.decision_id,
        }


@dataclass(frozen=True, slots=True)
class VoucherOffer:
    """What a hand-out on ``on`` would give (asked before handing out; nothing stored)."""

    person_id: int
    person_name: str
    year: int
    amount: Decimal
    pass_number: str
    on: date


@dataclass(frozen=True, slots=True)
class VoucherReceipt:
    """The printed Empfangsbestätigung of one hand-out."""

    path: Path
    pages: int
    voucher_id: int


@dataclass(frozen=True, slots=True)
class VoucherRow:
    """One line of the accounting department's monthly list (``id``: the hand-out, for
    ``kpass vouchers receipt --voucher``; not in the list itself)."""

    handed_out_on: date
    pass_number: str
    person_name: str
    amount: Decimal
    id: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "handed_out_on": self.handed_out_on.isoformat(),
            "pass_number": self.pass_number,
            "person_name": self.person_name,
            "amount": f"{self.amount:.2f}",
        }
