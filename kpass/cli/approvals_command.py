"""``kpass approvals list|confirm|return|status|settings``: the four-eyes rule from the
command line. ``list``, ``confirm`` and ``return`` are the supervisors'; ``settings`` with an
option is the administrators' (without one it shows the settings to everyone logged in).
Exit 1 when somebody else was first, 3 for one's own decision."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kpass.cli.common import database_from_args, id_arg, print_json, text_arg
from kpass.errors import InvalidInput

if TYPE_CHECKING:
    from kpass.services import Database
    from kpass.services.approvals import ApprovalSettings, ApprovalView


def register(commands: Any) -> None:
    approvals = commands.add_parser(
        "approvals", help="four-eyes rule: decisions waiting for a supervisor's confirmation")
    actions = approvals.add_subparsers(dest="approvals_command", metavar="ACTION",
                                       required=True)

    listing = actions.add_parser("list", help="the decisions waiting, oldest first "
                                 "(supervisors)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)

    confirm = actions.add_parser("confirm", help="confirm a waiting decision: its letter and "
                                 "passes may go out (supervisors; not one's own decision)")
    _which(confirm)
    confirm.set_defaults(handler=_confirm)

    give_back = actions.add_parser("return", help="send a waiting decision back to the "
                                   "caseworker with a reason (supervisors)")
    _which(give_back)
    give_back.add_argument("--reason", type=text_arg(1000), required=True, metavar="TEXT")
    give_back.set_defaults(handler=_return)

    status = actions.add_parser("status", help="whether a decision waits, was confirmed or "
                                "returned")
    status.add_argument("--decision", type=id_arg, required=True, metavar="ID")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=_status)

    settings = actions.add_parser(
        "settings", help="show the switch and the margin; change them with an option (admins)")
    switch = settings.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="enabled", action="store_const", const=True,
                        help="new refusals and decisions close to the income limit wait")
    switch.add_argument("--off", dest="enabled", action="store_const", const=False,
                        help="new decisions go out at once (waiting ones keep waiting)")
    margin = settings.add_mutually_exclusive_group()
    margin.add_argument("--margin-eur", type=text_arg(20), metavar="N",
                        help="close = household income within N euro of the income limit")
    margin.add_argument("--margin-percent", type=text_arg(20), metavar="P",
                        help="close = within P percent of the household's income limit")
    settings.add_argument("--json", action="store_true", help="print JSON")
    settings.set_defaults(handler=_settings)


def _which(parser: argparse.ArgumentParser) -> None:
    """The approval by its own number (from 'list') or by its decision's number, the one
    the app's Freigaben page shows."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("approval", type=id_arg, metavar="ID", nargs="?",
                       help="the approval id from 'list'")
    group.add_argument("--decision", type=id_arg, metavar="ID",
                       help="the decision's number instead, as the app shows it")


def _approval_id(args: argparse.Namespace, database: Database) -> int:
    if args.approval is not None:
        return int(args.approval)
    from kpass.services.approvals import decision_approval

    view = decision_approval(database, args.decision)
    if view is None:
        raise InvalidInput(
            f"Decision {args.decision} did not have to wait for approval.",
            f"Entscheidung {args.decision} musste nicht auf eine Freigabe warten.")
    return view.id


def _line(view: ApprovalView) -> str:
    return (f"approval {view.id}: decision {view.decision_id} of {view.decided_on:%d.%m.%Y}, "
            f"household {view.household_id} ({view.applicant}), by {view.caseworker}, "
            f"{view.reason_en} / {view.reason_de}")


def _outcome(view: ApprovalView) -> str:
    if view.state == "returned":
        return f"{_line(view)}\n  returned / zurückgegeben: {view.return_reason}"
    return f"{_line(view)}\n  {view.state} / {view.state_de}"


def _list(args: argparse.Namespace) -> int:
    from kpass.services.approvals import approval_queue

    rows = approval_queue(database_from_args(args))
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        own = " [own decision / eigene Entscheidung]" if row.own else ""
        print(f"{row.requested_at.astimezone():%d.%m.%Y %H:%M}  {_line(row)}{own}")
    if not rows:
        print("nothing waits for approval / nichts wartet auf Freigabe")
    return 0


def _confirm(args: argparse.Namespace) -> int:
    from kpass.services.approvals import confirm_approval

    database = database_from_args(args)
    print(_outcome(confirm_approval(database, _approval_id(args, database))))
    return 0


def _return(args: argparse.Namespace) -> int:
    from kpass.services.approvals import return_approval

    database = database_from_args(args)
    print(_outcome(return_approval(database, _approval_id(args, database), args.reason)))
    return 0


def _status(args: argparse.Namespace) -> int:
    from kpass.services.approvals import decision_approval

    view = decision_approval(database_from_args(args), args.decision)
    if args.json:
        print_json(view.as_json() if view else None)
    elif view is None:
        print(f"decision {args.decision} did not have to wait / "
              f"Entscheidung {args.decision} musste nicht warten")
    else:
        print(_outcome(view))
    return 0


def _print_settings(settings: ApprovalSettings) -> None:
    print(f"four-eyes rule / Vier-Augen-Prinzip: {'on / an' if settings.enabled else 'off / aus'}")
    if settings.margin_amount == 0:
        print("  waits: every refusal (no margin around the income limit set)")
        print("  wartet: jede Ablehnung (keine Spanne um die Einkommensgrenze eingestellt)")
    else:
        print(f"  waits: every refusal, and decisions by income within "
              f"{settings.margin_text_en()} of the income limit")
        print(f"  wartet: jede Ablehnung und Entscheidungen nach Einkommen, die höchstens "
              f"{settings.margin_text_de()} von der Einkommensgrenze entfernt sind")
    print(f"  waiting now / wartend: {settings.pending}")


def _settings(args: argparse.Namespace) -> int:
    from kpass.services.approvals import approval_settings, set_approval_settings

    database = database_from_args(args)
    if args.enabled is None and args.margin_eur is None and args.margin_percent is None:
        settings = approval_settings(database)
    else:
        settings = set_approval_settings(database, enabled=args.enabled,
                                         margin_eur=args.margin_eur,
                                         margin_percent=args.margin_percent)
    if args.json:
        print_json(settings.as_json())
    else:
        _print_settings(settings)
    return 0
