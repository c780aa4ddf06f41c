"""What the pass use cases return: a pass issued (or not), and a renewal's outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpass.services.applications.deciding import DecisionResult


@dataclass(frozen=True)
class IssuedPass:
    person_id: int
    action: str  # new_pass | extend | none
    number: str | None
    pass_type: str
    valid_from: date | None
    valid_until: date | None
    held_until: date | None = None  # for "none": until when the running pass is valid
    # For "extend": the card's type before this period when it changed (a Kinderpass holder
    # turned 18: "Die Passnummer bleibt", only the card is new); None when it did not.
    previous_type: str | None = None

    @property
    def type_changed(self) -> bool:
        return self.previous_type is not None and self.previous_type != self.pass_type


@dataclass(frozen=True)
class RenewalResult:
    decision: DecisionResult
    issued: list[IssuedPass]
    holder_pass: IssuedPass | None  # what happened to the pass that was renewed
