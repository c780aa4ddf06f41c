"""``kpass audit verify|anchor|list``: the tamper-evident audit trail (supervisors, admins).

``verify`` exits 0 when the chain, the anchor (if given) and the register agree, 1 when
not, and says where: the seq and id of each event, the number of each pass. ``anchor``
prints the newest link of the chain for a paper log (docs/audit-trail.md).
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kpass.cli.common import (
    MAX_ID,
    database_from_args,
    date_arg,
    id_arg,
    number_arg,
    print_json,
    text_arg,
)

if TYPE_CHECKING:
    from kpass.services.audit import TrailReport

LIST_LIMIT = 10_000


def register(commands: Any) -> None:
    audit = commands.add_parser(
        "audit", help="verify the tamper-evident audit trail, take an anchor, list events"
    )
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    verify = actions.add_parser(
        "verify",
        help="recompute the hash chain and compare every pass with the trail (exit 0 "
        "intact, 1 broken)",
    )
    verify.add_argument("--anchor", metavar="HASH", type=text_arg(200),
                        help="a hash noted earlier with 'kpass audit anchor': prove it is "
                        "in the chain and nothing up to it changed")
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.set_defaults(handler=_verify)

    anchor = actions.add_parser(
        "anchor", help="record and print the newest link (seq, hash, time) for a paper log"
    )
    anchor.add_argument("--json", action="store_true", help="print JSON")
    anchor.set_defaults(handler=_anchor)

    listing = actions.add_parser("list", help="events, newest first (recorded as a read)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--limit", type=number_arg(1, LIST_LIMIT), default=100, metavar="N")
    listing.add_argument("--entity", type=text_arg(40), metavar="E",
                         help="only events about this (pass, household, decision, …)")
    listing.add_argument("--entity-id", type=id_arg, metavar="ID")
    # --by, not --user: --user is the login of every command (kpass --user NAME …)
    listing.add_argument("--by", dest="by_user", type=text_arg(80), metavar="NAME",
                         help="only events of this user")
    listing.add_argument("--from", dest="date_from", type=date_arg, metavar="DATE")
    listing.add_argument("--to", dest="date_to", type=date_arg, metavar="DATE")
    listing.add_argument("--text", type=text_arg(200), metavar="TEXT",
                         help="in the action or the details")
    listing.add_argument("--before", type=number_arg(1, MAX_ID), metavar="SEQ",
                         help="the next page: events before this seq")
    listing.set_defaults(handler=_list)


def _verify(args: argparse.Namespace) -> int:
    from kpass.services.audit import verify_trail

    report = verify_trail(database_from_args(args), anchor=args.anchor)
    if args.json:
        print_json(report.as_json())
    else:
        for line in report_lines(report):
            print(line)
    return 0 if report.intact else 1


def report_lines(report: TrailReport) -> list[str]:
    lines = [f"Audit trail: {report.events} events, head seq {report.head_seq}, "
             f"hash {report.head_hash}."]
    if report.chain_problem_count == 0:
        lines.append("Chain: intact (every event matches its hash and links to the one "
                     "before).")
    else:
        lines.append(f"Chain: BROKEN at seq {report.first_break} "
                     f"({report.chain_problem_count} problem(s)):")
        lines += [f"  seq {p.seq if p.seq is not None else '-'}, event id "
                  f"{p.event_id if p.event_id is not None else '-'}, {p.kind}: {p.message_en}"
                  for p in report.chain_problems]
        lines += _more(report.chain_problem_count, len(report.chain_problems))
    if report.anchor is not None:
        if report.anchor_proven:
            lines.append(f"Anchor: proven, seq {report.anchor_seq}; nothing up to it changed.")
        elif report.anchor_seq is not None:
            lines.append(f"Anchor: found at seq {report.anchor_seq}, but the chain up to it "
                         "is broken: NOT proven.")
        else:
            lines.append("Anchor: NOT in the chain (the trail was rewritten, or the hash was "
                         "mistyped).")
    lines.append(f"Passes: {report.passes_checked} checked against the trail, "
                 f"{report.passes_not_checkable} not checkable (written before passes were "
                 "recorded in the trail).")
    if report.pass_problem_count:
        lines.append(f"Passes differing from the trail: {report.pass_problem_count}:")
        lines += [f"  {p.number}: {p.message_en}" for p in report.pass_problems]
        lines += _more(report.pass_problem_count, len(report.pass_problems))
    lines.append("Result: intact." if report.intact else "Result: BROKEN.")
    return lines


def _more(total: int, shown: int) -> list[str]:
    return [f"  … and {total - shown} more."] if total > shown else []


def _local(at: datetime) -> str:
    return at.astimezone().isoformat(sep=" ", timespec="seconds")


def _anchor(args: argparse.Namespace) -> int:
    from kpass.services.audit import anchor_head

    anchor = anchor_head(database_from_args(args))
    if args.json:
        print_json({"seq": anchor.seq, "hash": anchor.hash, "at": anchor.at.isoformat()})
        return 0
    print(f"seq:  {anchor.seq}")
    print(f"hash: {anchor.hash}")
    print(f"time: {_local(anchor.at)}")
    print("Write these into the paper log (or mail them to the supervisor); later "
          "'kpass audit verify --anchor HASH' proves the trail up to here is unchanged.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from kpass.services.audit import list_events

    entries = list_events(
        database_from_args(args), args.limit, entity=args.entity, entity_id=args.entity_id,
        user=args.by_user, date_from=args.date_from, date_to=args.date_to, text=args.text,
        before_seq=args.before,
    )
    if args.json:
        print_json([
            {"seq": e.seq, "id": e.event_id, "at": e.at.isoformat(), "user": e.username,
             "action": e.action, "entity": e.entity, "entity_id": e.entity_id,
             "details": e.details}
            for e in entries
        ])
        return 0
    for e in entries:
        # JSON writes control characters in the details as escapes: one line per event
        details = json.dumps(e.details, ensure_ascii=False, sort_keys=True)
        entity = e.entity if e.entity_id is None else f"{e.entity} {e.entity_id}"
        print(f"{e.seq:>8}  {_local(e.at)}  {e.username:<12}  {e.action:<18}  {entity:<16}  "
              f"{details}")
    return 0
