"""Ending a pass before its time: replacing a lost or damaged one, revoking one.

Both end the pass from a day on (which may lie in the future for a revocation) and take the
statistics back from that day; apart from :mod:`~kpass.services.passes.actions`, whose use
cases start or continue validity through a decision.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import Pass, PassValidity, StatRecord
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.applications.deciding import check_application_date
from kpass.services.audit.pass_records import pass_state
from kpass.services.household.facts import member_key
from kpass.services.passes.pass_numbers import next_pass_number
from kpass.services.passes.pass_results import IssuedPass
from kpass.services.passes.pass_state import covered, latest_validity, refuse_ended, status_de
from kpass.services.passes.row_locks import locked_pass
from kpass.services.statistics.writes import take_back_from, validity_stat_row
from kpass.services.uow import UnitOfWork


def _end_pass(uow: UnitOfWork, card: Pass, status: str, on: date, reason: str) -> None:
    """The pass is not valid from ``on`` (which may lie in the future) on."""
    card.status = status
    card.revoked_on = on
    card.revocation_reason = reason
    take_back_from(uow, card, on)


def _check_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise InvalidInput("A reason is required.", "Bitte einen Grund angeben.")
    return reason


@requires(Permission.REPLACE)
def replace_pass(
    database: Database, number: str, on: date, reason: str, *, today: date | None = None
) -> IssuedPass:
    """A lost or damaged pass: a new number with the same expiry; the old number is revoked.

    A pass whose revocation is dated in the future is not replaced: the new card would have
    to carry that revocation too (the holder keeps the old card until then).
    """
    check_application_date(on, today, what=("The replacement date", "Das Datum des Ersatzes"))
    reason = _check_reason(reason)
    with UnitOfWork(database) as uow:
        card = locked_pass(uow, number)
        if card.revoked_on is not None and card.revoked_on > on:
            refuse_ended(card, on, "replaced", "ersetzt")
        # A renewed pass is valid through its old period too: any period may cover the day.
        if card.revoked_on is not None or not covered(uow, card, on):
            raise InvalidInput(
                f"Pass {card.number} is not valid on {on:%d.%m.%Y}; only a valid pass can be "
                "replaced (otherwise apply anew).",
                f"Der Pass {card.number} ist am {on:%d.%m.%Y} nicht gültig; ersetzt werden kann "
                "nur ein gültiger Pass (sonst neu beantragen).",
            )
        validity = latest_validity(uow, card)
        _end_pass(uow, card, "replaced", on, reason)
        new = Pass(
            number=next_pass_number(uow, card.issuer),
            issuer=card.issuer,
            person_id=card.person_id,
            pass_type=card.pass_type,
            replaces_pass_id=card.id,
        )
        new.validities.append(
            PassValidity(
                decision_id=validity.decision_id,
                kind="replacement",
                valid_from=on,
                valid_until=validity.valid_until,
            )
        )
        uow.session.add(new)
        uow.session.flush()
        replacement = new.validities[0]
        row = validity_stat_row(uow, replacement, member_key(card.person_id))
        uow.session.add(StatRecord(**{**row, "decided_on": on}))
        uow.audit("replace", "pass", card.id, old=card.number, new=new.number, reason=reason,
                  on=on.isoformat(), state=pass_state(card))
        uow.audit("issue_replacement", "pass", new.id, replaces=card.number,
                  state=pass_state(new))
        result = IssuedPass(
            new.person_id, "new_pass", new.number, new.pass_type, on, validity.valid_until
        )
        uow.commit()
    return result


@requires(Permission.REVOKE)
def revoke_pass(
    database: Database, number: str, on: date, reason: str, *, today: date | None = None
) -> str:
    """Revoke a pass from a date on (it is not valid from that day).

    The day must lie within the pass's validity; it may lie in the future (a known move-out
    on the 1st of next month, spec 5): until then the pass stays valid in every list, count
    and check, but it can no longer be renewed or replaced.
    """
    reason = _check_reason(reason)
    with UnitOfWork(database) as uow:
        card = locked_pass(uow, number)
        if card.revoked_on is not None:
            when = "from" if card.revoked_on > (today or date.today()) else "since"
            raise InvalidInput(
                f"Pass {card.number} is already {card.status} ({when} "
                f"{card.revoked_on:%d.%m.%Y}).",
                f"Der Pass {card.number} ist bereits {status_de(card)} "
                f"({'ab' if when == 'from' else 'seit'} {card.revoked_on:%d.%m.%Y}).",
            )
        first = uow.session.scalar(
            select(func.min(PassValidity.valid_from)).where(PassValidity.pass_id == card.id)
        )
        until = latest_validity(uow, card).valid_until
        if first is None or on < first or on > until:
            raise InvalidInput(
                f"Pass {card.number} is valid only from {first:%d.%m.%Y} to {until:%d.%m.%Y}.",
                f"Der Pass {card.number} gilt nur vom {first:%d.%m.%Y} bis {until:%d.%m.%Y}.",
            )
        _end_pass(uow, card, "revoked", on, reason)
        uow.audit(
            "revoke",
            "pass",
            card.id,
            number=card.number,
            on=on.isoformat(),
            reason=reason,
            future=on > (today or date.today()),
            state=pass_state(card),
        )
        uow.commit()
        return card.number
