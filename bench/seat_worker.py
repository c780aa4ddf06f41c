"""One counter seat of bench/seats_20.py, in a process of its own.

``python -m bench.seat_worker`` reads JSON commands, one a line, on stdin and answers each
with one JSON line on stdout (everything else the process prints goes to stderr):

* ``{"url", "username", "password", "warm_up"}`` (the first line): open the register under
  the seat's database role, log the caseworker in, and warm up (a search, a household, one
  card printed), then answer ``{"ready": true}`` — the parent's barrier.
* ``{"cmd": "run", "until", "think", "households", "seed", "out"}``: the counter path for
  each household in turn until the wall-clock time ``until``: search → open → decide →
  issue → print, with a random pause of ``think`` = [low, high] seconds before each action
  (``null``: none, the stress case). Answers with every action's time, the errors, and
  what the seat saw committed (decisions, pass numbers, print files) for the parent's check.
* ``{"cmd": "quit"}``.

A household is ``[household_id, family_name, given_names]`` of its applicant. A refusal by
the rules (nobody eligible) or a decision that waits for a supervisor is no error: the
cycle ends after the decision, as at the counter. Any exception is an error.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any, TextIO


def _answer(channel: TextIO, message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


class Seat:
    def __init__(self, url: str, username: str, password: str) -> None:
        from kpass.models.engine import open_database
        from kpass.services.access import log_in

        self.database = open_database(url)
        log_in(self.database, username, password)
        self.username = username

    # -- the five actions --------------------------------------------------------------
    def search(self, household_id: int, family: str, given: str) -> bool:
        """Type a prefix of the family and given name, as at the counter; whether the
        household is on the first page of hits."""
        from kpass.services.search.persons import search_persons

        page = search_persons(self.database, f"{family[:4]} {given[:3]}")
        return any(hit.household_id == household_id for hit in page.hits)

    def open(self, household_id: int) -> None:
        from kpass.services.household import household_details

        household_details(self.database, household_id, date.today())

    def decide(self, household_id: int) -> tuple[int, bool]:
        """Apply for today and decide, as the household page's "Entscheiden" does: the
        decision's id and whether passes may be issued now."""
        from kpass.services.applications import apply, decide

        today = date.today()
        application = apply(self.database, household_id, today, proofs=("personalausweis",),
                            today=today)
        decided = decide(self.database, application.application_id)
        return decided.decision_id, decided.approval is None and decided.decision.any_eligible

    def issue(self, decision_id: int) -> tuple[list[str], int | None]:
        """The new (or extended) pass numbers, and whose pass the card is printed of."""
        from kpass.services.passes import issue_passes

        issued = issue_passes(self.database, decision_id)
        numbers = [i.number for i in issued if i.number is not None and i.action != "none"]
        return numbers, issued[0].person_id if issued else None

    def card_number(self, household_id: int, person_id: int | None) -> str | None:
        """The pass whose card is printed when issuing made none (another seat issued for
        the household first): the active one in the household's history, as the page shows
        after issuing."""
        from kpass.services.household import household_history

        passes = household_history(self.database, household_id, date.today()).passes
        active = [p for p in passes if p.status == "active"]
        chosen = [p for p in active if p.person_id == person_id] or active
        return chosen[0].number if chosen else None

    def print_card(self, number: str, out: Path) -> None:
        from kpass.services.printing import print_cards

        print_cards(self.database, [number], out)


def _warm_up(seat: Seat, warm_up: dict[str, Any], out: Path) -> None:
    """The first call of each kind pays for imports, plans and fonts: not measured."""
    seat.search(0, warm_up["family"], warm_up["given"])
    seat.open(warm_up["household_id"])
    seat.print_card(warm_up["number"], out / f"warm-{seat.username}.pdf")


def _database_cause(exc: BaseException) -> str:
    """The driver's own words (SQLSTATE and message) behind kpass's clear message: which
    lock, which constraint."""
    seen: BaseException | None = exc
    while seen is not None:
        orig = getattr(seen, "orig", None)
        if orig is not None:
            state = getattr(orig, "sqlstate", None)
            return f"{state}: {orig}"[:1500]
        seen = seen.__cause__ or seen.__context__
    return ""


class Run:
    def __init__(self, seat: Seat, command: dict[str, Any]) -> None:
        self.seat = seat
        self.until = float(command["until"])
        self.think = command["think"]
        self.random = random.Random(command["seed"])
        self.out = Path(command["out"])
        self.households = [tuple(h) for h in command["households"]]
        self.samples: list[tuple[str, float]] = []
        self.errors: list[dict[str, str]] = []
        self.decisions: list[int] = []
        self.passes: list[str] = []
        self.prints: list[str] = []
        self.outcomes: dict[str, int] = {}

    def _count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def _step(self, action: str, call: Any) -> Any:
        """Think, then time one action; ``StopIteration`` when the run's time is up."""
        if self.think is not None:
            time.sleep(self.random.uniform(*self.think))
        if time.time() >= self.until:
            raise StopIteration
        started = time.perf_counter()
        value = call()
        self.samples.append((action, (time.perf_counter() - started) * 1000))
        return value

    def cycle(self, number: int, household: tuple[Any, ...]) -> None:
        household_id, family, given = int(household[0]), str(household[1]), str(household[2])
        seat = self.seat
        if not self._step("search", lambda: seat.search(household_id, family, given)):
            self._count("not_on_first_page")
        self._step("open", lambda: seat.open(household_id))
        decision_id, issuable = self._step("decide", lambda: seat.decide(household_id))
        self.decisions.append(decision_id)
        if not issuable:
            self._count("not_issuable")
            return
        numbers, holder = self._step("issue", lambda: seat.issue(decision_id))
        self.passes.extend(numbers)
        card = numbers[0] if numbers else seat.card_number(household_id, holder)
        if not numbers:
            self._count("issued_by_another_seat")
        if card is None:
            self._count("no_card")
            return
        out = self.out / f"karte-{seat.username}-{os.getpid()}-{number}.pdf"
        self._step("print", lambda: seat.print_card(card, out))
        self.prints.append(out.name)
        out.unlink(missing_ok=True)

    def run(self) -> dict[str, Any]:
        for number, household in enumerate(self.households):
            if time.time() >= self.until:
                break
            try:
                self.cycle(number, household)
                self._count("cycles")
            except StopIteration:
                break
            except Exception as exc:  # every exception at a seat is counted and shown
                self.errors.append({
                    "household": str(household[0]),
                    "error": f"{type(exc).__name__}: {exc}"[:500],
                    "cause": _database_cause(exc),
                    "trace": traceback.format_exc()[-3000:],
                })
        else:
            self._count("households_exhausted")
        return {
            "samples": self.samples, "errors": self.errors, "decisions": self.decisions,
            "passes": self.passes, "prints": self.prints, "outcomes": self.outcomes,
        }


def main() -> int:
    channel = sys.stdout
    sys.stdout = sys.stderr  # only the answers go to the parent's pipe
    setup = json.loads(sys.stdin.readline())
    out = Path(setup["out"])
    seat = Seat(setup["url"], setup["username"], setup["password"])
    _warm_up(seat, setup["warm_up"], out)
    _answer(channel, {"ready": True, "pid": os.getpid()})
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "quit":
            break
        _answer(channel, Run(seat, command).run())
    seat.database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
