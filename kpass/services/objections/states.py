"""The states of an objection and which step may follow which.

eingegangen (received) → in Prüfung (in_review) → abgeholfen (remedied) /
zurückgewiesen (rejected); zurückgenommen (withdrawn) from either open state.
"""

from __future__ import annotations

from kpass.errors import InvalidInput

STATE_DE = {
    "received": "eingegangen",
    "in_review": "in Prüfung",
    "remedied": "abgeholfen",
    "rejected": "zurückgewiesen",
    "withdrawn": "zurückgenommen",
}
STATE_EN = {
    "received": "received",
    "in_review": "under review",
    "remedied": "remedied",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
}

#: step → (the states it may start from, the state it leads to, its English and German verb)
STEPS: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    "start_review": (("received",), "in_review", "taken into review", "in Prüfung genommen"),
    "withdraw": (("received", "in_review"), "withdrawn", "withdrawn", "zurückgenommen"),
    "reject": (("in_review",), "rejected", "rejected", "zurückgewiesen"),
    "remedy": (("in_review",), "remedied", "remedied", "abgeholfen"),
    "follow_up": (("received", "in_review"), "", "given a follow-up date",
                  "auf Wiedervorlage gelegt"),
}


def next_state(objection_id: int, state: str, step: str) -> str:
    """The state after ``step``; refuses a step the current state does not allow."""
    allowed, target, verb_en, verb_de = STEPS[step]
    if state not in allowed:
        hint_en = hint_de = ""
        if step in ("reject", "remedy") and state == "received":
            hint_en = " Take it into review first."
            hint_de = " Bitte zuerst in Prüfung nehmen."
        raise InvalidInput(
            f"Objection {objection_id} is {STATE_EN[state]}; it cannot be {verb_en}.{hint_en}",
            f"Der Widerspruch {objection_id} ist {STATE_DE[state]}; er kann nicht "
            f"{verb_de} werden.{hint_de}",
        )
    return target or state
