"""``kpass apply|decide|issue|renew|replace|revoke``: the counter's steps, scriptable."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from kpass.cli.common import (
    database_from_args,
    date_arg,
    id_arg,
    pass_number_arg,
    print_json,
    shown,
    text_arg,
)


def register(commands: Any) -> None:
    apply = commands.add_parser("apply", help="record an application of a household")
    apply.add_argument("--household", type=id_arg, required=True, metavar="ID")
    apply.add_argument(
        "--date", type=date_arg, metavar="DATE", help="application date (default today)"
    )
    apply.add_argument(
        "--proofs",
        type=_proofs,
        default=(),
        metavar="P,P",
        help="proofs seen, comma-separated (e.g. personalausweis,lichtbild)",
    )
    apply.set_defaults(handler=_apply)

    decide = commands.add_parser("decide", help="decide an application by the rules")
    decide.add_argument("--application", type=id_arg, required=True, metavar="ID")
    decide.add_argument("--issue", action="store_true", help="issue the passes right away")
    decide.add_argument("--json", action="store_true", help="print the decision as JSON")
    decide.set_defaults(handler=_decide)

    issue = commands.add_parser("issue", help="issue the passes of a decision")
    issue.add_argument("--decision", type=id_arg, required=True, metavar="ID")
    issue.set_defaults(handler=_issue)

    renew = commands.add_parser("renew", help="renew a pass (new decision, same number)")
    renew.add_argument(
        "--pass", dest="number", type=pass_number_arg, required=True, metavar="NUMBER"
    )
    renew.add_argument(
        "--date", type=date_arg, metavar="DATE", help="day of the renewal (default today)"
    )
    renew.set_defaults(handler=_renew)

    for name, helptext, handler in (
        ("replace", "replace a lost or damaged pass (new number, same expiry)", _replace),
        ("revoke", "revoke a pass from a day on", _revoke),
    ):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument(
            "--pass", dest="number", type=pass_number_arg, required=True, metavar="NUMBER"
        )
        sub.add_argument("--reason", type=text_arg(500), required=True)
        sub.add_argument(
            "--date", type=date_arg, metavar="DATE", help="from this day (default today)"
        )
        sub.set_defaults(handler=handler)


def _proofs(text: str) -> tuple[str, ...]:
    """Proofs seen, each one of the known ones (``kpass.services.applications.deciding.PROOFS``)."""
    from kpass.services.applications import PROOFS

    text_arg(1000, required=False)(text)
    proofs = tuple(p.strip() for p in text.split(",") if p.strip())
    for proof in proofs:
        if proof not in PROOFS:
            raise argparse.ArgumentTypeError(
                f"{shown(proof)} is no proof kpass knows (known: {', '.join(PROOFS)}).\n"
                f"{shown(proof)} ist kein Nachweis, den kpass kennt (bekannt: "
                f"{', '.join(PROOFS)})."
            )
    return proofs


def _day(args: argparse.Namespace) -> date:
    day: date | None = args.date
    return day if day is not None else date.today()


def _print_issued(issued: list[Any]) -> None:
    for item in issued:
        if item.action == "none":
            print(
                f"person {item.person_id}: holds a pass valid until "
                f"{item.held_until:%d.%m.%Y}; nothing new issued"
            )
        else:
            verb = "extended" if item.action == "extend" else "issued"
            changed = (
                f"; new card type, was {item.previous_type} (the number stays)"
                if item.type_changed
                else ""
            )
            print(
                f"person {item.person_id}: {verb} {item.number} ({item.pass_type}) "
                f"{item.valid_from:%d.%m.%Y}–{item.valid_until:%d.%m.%Y}{changed}"
            )


def _apply(args: argparse.Namespace) -> int:
    from kpass.services.applications import apply

    result = apply(database_from_args(args), args.household, _day(args), proofs=args.proofs)
    print(
        f"Application {result.application_id} for household {result.household_id} "
        f"on {result.application_date.isoformat()}."
    )
    return 0


def _decide(args: argparse.Namespace) -> int:
    from kpass.services.applications import decide, render_reason
    from kpass.services.passes import decide_and_issue

    database = database_from_args(args)
    issued: list[Any] = []
    if args.issue:
        result, issued = decide_and_issue(database, args.application)
    else:
        result = decide(database, args.application)
    if args.json:
        print_json({"decision_id": result.decision_id, **result.output})
    else:
        print(f"Decision {result.decision_id} (rule set {result.decision.rule_set}):")
        for member in result.decision.members:
            verdict = (
                f"eligible, {member.pass_type}, {member.basis}"
                if member.eligible
                else "not eligible"
            )
            reasons = "; ".join(render_reason(r) for r in member.reasons)
            print(f"  {member.id}: {verdict} — {reasons}")
        if result.approval is not None:
            print("Waits for a supervisor's confirmation (four-eyes rule); nothing issued yet. / "
                  "Wartet auf Freigabe durch die Leitung; noch nichts ausgestellt.")
    if args.issue:
        _print_issued(issued)
    return 0


def _issue(args: argparse.Namespace) -> int:
    from kpass.services.passes import issue_passes

    _print_issued(issue_passes(database_from_args(args), args.decision))
    return 0


def _renew(args: argparse.Namespace) -> int:
    from kpass.services.passes import renew_pass

    result = renew_pass(database_from_args(args), args.number, _day(args))
    print(f"Decision {result.decision.decision_id}:")
    _print_issued(result.issued)
    if result.decision.approval is not None:
        print("Waits for a supervisor's confirmation (four-eyes rule); nothing issued yet. / "
              "Wartet auf Freigabe durch die Leitung; noch nichts ausgestellt.")
        return 0
    if result.holder_pass is None:
        print("The holder of the pass was not found eligible; the pass was not renewed.")
        return 3
    return 0


def _replace(args: argparse.Namespace) -> int:
    from kpass.services.passes import replace_pass

    new = replace_pass(database_from_args(args), args.number, _day(args), args.reason)
    print(f"Pass {args.number} replaced by {new.number}, valid until {new.valid_until:%d.%m.%Y}.")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from kpass.services.passes import revoke_pass

    day = _day(args)  # may lie in the future: the pass stays valid until the day before
    number = revoke_pass(database_from_args(args), args.number, day, args.reason)
    if day > date.today():
        print(f"Pass {number} will be revoked from {day:%d.%m.%Y}; valid until the day before.")
    else:
        print(f"Pass {number} revoked from {day:%d.%m.%Y}.")
    return 0
