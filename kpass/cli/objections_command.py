"""``kpass objection lodge|list|show|review|withdraw|reject|remedy|follow-up``: the
objections (Widerspruch) register from the command line. ``reject`` and ``remedy`` are the
supervisor's; exit 2 for a step the objection's state does not allow.

The forms the issue names are aliases over the same services: ``kpass objection add``
(lodge; without ``--person`` or ``--representative`` the applicant lodged it),
``kpass objection decide ID --outcome abgeholfen|zurueckgewiesen|zurueckgenommen`` and
``kpass objections list [--open] [--json]`` (every objection, or only the open ones)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from kpass.cli.common import database_from_args, date_arg, id_arg, print_json, text_arg
from kpass.errors import InvalidInput

if TYPE_CHECKING:
    from kpass.services.objections import ObjectionView, RemedyResult

_TEXT = 5000


def register(commands: Any) -> None:
    objection = commands.add_parser("objection", help="objections (Widerspruch) to decisions")
    actions = objection.add_subparsers(dest="objection_command", metavar="ACTION",
                                       required=True)

    lodge = actions.add_parser("lodge", help="record an objection received against a decision")
    lodge.add_argument("--decision", type=id_arg, required=True, metavar="ID")
    lodge.add_argument("--received", type=date_arg, required=True, metavar="DATE",
                       help="the day it came in (Eingang)")
    who = lodge.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", type=id_arg, metavar="ID", help="a member of the household")
    who.add_argument("--representative", type=text_arg(200), metavar="NAME",
                     help="someone else lodging it (Betreuer/in, lawyer)")
    lodge.add_argument("--reason", type=text_arg(_TEXT, required=False), default="",
                       metavar="TEXT")
    lodge.add_argument("--follow-up", type=date_arg, metavar="DATE", help="Wiedervorlage")
    lodge.add_argument("--json", action="store_true", help="print JSON")
    lodge.set_defaults(handler=_lodge)

    listing = actions.add_parser("list", help="open objections by due day (Wiedervorlage, "
                                 "else deadline)")
    listing.add_argument("--today", type=date_arg, metavar="DATE",
                         help="the day the flags refer to (default: today)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="one objection")
    show.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)

    review = actions.add_parser("review", help="take an objection into review")
    review.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    review.set_defaults(handler=_review)

    withdraw = actions.add_parser("withdraw", help="the objector took it back")
    withdraw.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    withdraw.add_argument("--on", type=date_arg, metavar="DATE")
    withdraw.add_argument("--note", type=text_arg(_TEXT, required=False), default="",
                          metavar="TEXT")
    withdraw.set_defaults(handler=_withdraw)

    reject = actions.add_parser("reject", help="reject it (supervisors): the decision stands")
    reject.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    reject.add_argument("--reasons", type=text_arg(_TEXT), required=True, metavar="TEXT",
                        help="the reasons of the Widerspruchsbescheid")
    reject.add_argument("--on", type=date_arg, metavar="DATE")
    reject.set_defaults(handler=_reject)

    remedy = actions.add_parser(
        "remedy", help="remedy it (Abhilfe, supervisors): decide again with the data as now "
        "recorded and issue the passes that follow")
    remedy.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    remedy.add_argument("--note", type=text_arg(_TEXT, required=False), default="",
                        metavar="TEXT")
    remedy.add_argument("--on", type=date_arg, metavar="DATE")
    remedy.add_argument("--json", action="store_true", help="print JSON")
    remedy.set_defaults(handler=_remedy)

    follow_up = actions.add_parser("follow-up", help="set or clear the Wiedervorlage")
    follow_up.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    day = follow_up.add_mutually_exclusive_group(required=True)
    day.add_argument("--on", type=date_arg, metavar="DATE")
    day.add_argument("--clear", action="store_true")
    follow_up.add_argument("--note", type=text_arg(500, required=False), default="",
                           metavar="TEXT", help="what to look at on that day")
    follow_up.set_defaults(handler=_follow_up)

    _register_add(actions)
    _register_decide(actions)
    _register_objections(commands)


def _register_add(actions: Any) -> None:
    add = actions.add_parser("add", help="record an objection (as lodge; without --person or "
                             "--representative the objected application's applicant)")
    add.add_argument("--decision", type=id_arg, required=True, metavar="ID")
    add.add_argument("--received", type=date_arg, required=True, metavar="DATE",
                     help="the day it came in (Eingang)")
    who = add.add_mutually_exclusive_group()
    who.add_argument("--person", type=id_arg, metavar="ID", help="a member of the household "
                     "(default: the applicant)")
    who.add_argument("--representative", type=text_arg(200), metavar="NAME",
                     help="someone else lodging it (Betreuer/in, lawyer)")
    add.add_argument("--reason", type=text_arg(_TEXT, required=False), default="",
                     metavar="TEXT")
    add.add_argument("--follow-up", type=date_arg, metavar="DATE", help="Wiedervorlage")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(handler=_add)


#: ``--outcome`` of ``decide``: the German word (umlauts may be written ue) → the step
OUTCOMES = {"abgeholfen": "remedy", "zurueckgewiesen": "reject", "zurueckgenommen": "withdraw"}


def outcome_arg(text: str) -> str:
    word = text.strip().lower().replace("ü", "ue")
    if word not in OUTCOMES:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not an outcome (abgeholfen, zurueckgewiesen, zurueckgenommen)."
            f"\n{text[:40]!r} ist kein Ergebnis (abgeholfen, zurueckgewiesen, zurueckgenommen).")
    return word


def _register_decide(actions: Any) -> None:
    decide = actions.add_parser(
        "decide", help="end an objection: abgeholfen (remedy, supervisors: decide again with "
        "the data as now recorded and issue), zurueckgewiesen (reject, supervisors: "
        "--reasons), zurueckgenommen (withdrawn by the objector)")
    decide.add_argument("objection", type=id_arg, metavar="ID")
    decide.add_argument("--outcome", type=outcome_arg, required=True,
                        metavar="abgeholfen|zurueckgewiesen|zurueckgenommen")
    decide.add_argument("--reasons", type=text_arg(_TEXT), metavar="TEXT",
                        help="zurueckgewiesen: the reasons of the Widerspruchsbescheid")
    decide.add_argument("--note", type=text_arg(_TEXT, required=False), default="",
                        metavar="TEXT", help="abgeholfen, zurueckgenommen: a note")
    decide.add_argument("--on", type=date_arg, metavar="DATE", help="the day (default today)")
    decide.add_argument("--json", action="store_true", help="print JSON")
    decide.set_defaults(handler=_decide)


def _register_objections(commands: Any) -> None:
    objections = commands.add_parser("objections", help="the objections register as a list")
    actions = objections.add_subparsers(dest="objections_command", metavar="ACTION",
                                        required=True)
    listing = actions.add_parser("list", help="every objection (open ones first, by due "
                                 "day), or only the open ones")
    listing.add_argument("--open", action="store_true", help="only those not yet decided")
    listing.add_argument("--today", type=date_arg, metavar="DATE",
                         help="the day the flags refer to (default: today)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_objections_list)


def _line(view: ObjectionView) -> str:
    timely = "in time" if view.in_time else "LATE"
    follow = f", follow-up {view.follow_up_on:%d.%m.%Y}" if view.follow_up_on else ""
    if view.follow_up_note:
        follow += f" ({view.follow_up_note})"
    return (f"objection {view.id}: decision {view.decision_id}, household {view.household_id}, "
            f"{view.lodged_by}, received {view.received_on:%d.%m.%Y}, deadline "
            f"{view.deadline:%d.%m.%Y} ({timely}), {view.state_de}{follow}")


def _lodge(args: argparse.Namespace, *, applicant_if_unnamed: bool = False) -> int:
    from kpass.services.objections import lodge_objection

    view = lodge_objection(database_from_args(args), args.decision, args.received,
                           lodged_by_person_id=args.person, representative=args.representative,
                           reason=args.reason, follow_up_on=args.follow_up,
                           applicant_if_unnamed=applicant_if_unnamed)
    if args.json:
        print_json(view.as_json())
    else:
        print(_line(view))
    return 0


def _list(args: argparse.Namespace) -> int:
    from kpass.services.objections import open_objections

    rows = open_objections(database_from_args(args), today=args.today or date.today())
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        flags = "".join((" [Wiedervorlage fällig]" if row.follow_up_due else "",
                         " [über 3 Monate offen]" if row.overdue else ""))
        print(f"{row.due_on:%d.%m.%Y}  {_line(row.objection)}{flags}")
    if not rows:
        print("no open objections / keine offenen Widersprüche")
    return 0


def _add(args: argparse.Namespace) -> int:
    """The issue's form: with nobody named, the applicant lodged it."""
    return _lodge(args, applicant_if_unnamed=True)


def _decide(args: argparse.Namespace) -> int:
    from kpass.services.objections import reject_objection, remedy_objection, withdraw_objection

    step = OUTCOMES[args.outcome]
    if step == "reject" and args.reasons is None:
        raise InvalidInput("zurueckgewiesen needs --reasons (the Widerspruchsbescheid's).",
                           "zurueckgewiesen braucht --reasons (die Begründung des "
                           "Widerspruchsbescheids).")
    if step != "reject" and args.reasons is not None:
        raise InvalidInput(f"--reasons is for zurueckgewiesen; for {args.outcome} use --note.",
                           f"--reasons gilt für zurueckgewiesen; für {args.outcome} bitte "
                           "--note angeben.")
    if step == "reject" and args.note:
        raise InvalidInput("zurueckgewiesen takes --reasons, not --note.",
                           "zurueckgewiesen nimmt --reasons, nicht --note.")
    database = database_from_args(args)
    if step == "remedy":
        result = remedy_objection(database, args.objection, note=args.note, on=args.on)
        if args.json:
            print_json(result.as_json())
        else:
            _print_remedy(result)
        return 0
    if step == "reject":
        view = reject_objection(database, args.objection, args.reasons, on=args.on)
    else:
        view = withdraw_objection(database, args.objection, on=args.on, note=args.note)
    if args.json:
        print_json(view.as_json())
    else:
        print(_line(view))
    return 0


def _objections_list(args: argparse.Namespace) -> int:
    from kpass.services.objections import objection_register

    rows = objection_register(database_from_args(args), include_closed=not args.open,
                              today=args.today or date.today())
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        flags = "".join((" [Wiedervorlage fällig]" if row.follow_up_due else "",
                         " [über 3 Monate offen]" if row.overdue else ""))
        due = f"{row.due_on:%d.%m.%Y}" if row.due_on else "erledigt  "
        print(f"{due}  {_line(row.objection)}, {row.applicant}{flags}")
    if not rows:
        print("no open objections / keine offenen Widersprüche" if args.open
              else "no objections / keine Widersprüche")
    return 0


def _show(args: argparse.Namespace) -> int:
    from kpass.services.objections import objection_details

    view = objection_details(database_from_args(args), args.objection)
    if args.json:
        print_json(view.as_json())
    else:
        print(_line(view))
        if view.reason:
            print(f"  reason:  {view.reason}")
        if view.outcome_on:
            print(f"  outcome: {view.state_de} on {view.outcome_on:%d.%m.%Y}"
                  + (f": {view.outcome_reason}" if view.outcome_reason else ""))
    return 0


def _review(args: argparse.Namespace) -> int:
    from kpass.services.objections import start_review

    print(_line(start_review(database_from_args(args), args.objection)))
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    from kpass.services.objections import withdraw_objection

    print(_line(withdraw_objection(database_from_args(args), args.objection, on=args.on,
                                   note=args.note)))
    return 0


def _reject(args: argparse.Namespace) -> int:
    from kpass.services.objections import reject_objection

    print(_line(reject_objection(database_from_args(args), args.objection, args.reasons,
                                 on=args.on)))
    return 0


def _remedy(args: argparse.Namespace) -> int:
    from kpass.services.objections import remedy_objection

    result = remedy_objection(database_from_args(args), args.objection, note=args.note,
                              on=args.on)
    if args.json:
        print_json(result.as_json())
        return 0
    _print_remedy(result)
    return 0


def _print_remedy(result: RemedyResult) -> None:
    print(_line(result.objection))
    print(f"  new decision {result.decision_id}")
    for issued in result.issued:
        if issued.action != "none":
            print(f"  pass {issued.number} ({issued.action}) {issued.valid_from:%d.%m.%Y}–"
                  f"{issued.valid_until:%d.%m.%Y}")


def _follow_up(args: argparse.Namespace) -> int:
    from kpass.services.objections import set_follow_up

    print(_line(set_follow_up(database_from_args(args), args.objection,
                              None if args.clear else args.on, note=args.note)))
    return 0
