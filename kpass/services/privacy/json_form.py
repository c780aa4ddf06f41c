"""The Art. 15 report in machine-readable form (JSON; Art. 15 Abs. 3 DSGVO: a copy in a
commonly used electronic form).

Stable English keys, dates and times in ISO 8601 (times in UTC with their offset), money and
weights as decimal strings ("520.00"), codes as stored (their German label beside them where
a reader needs it), the photo as base64. ``format`` names this layout and its version: a
change of a key's meaning gets a new version.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kpass.documents.subject_report import (
    NOTES,
    OBJECTION_STATES,
    DecisionInput,
    HouseholdFigures,
    SubjectAccessReport,
    SubjectApplication,
    SubjectDecision,
    SubjectMembership,
    SubjectObjection,
)
from kpass.vocabulary import BENEFITS, INCOME_KINDS, label

FORMAT = "kpass-subject-access/1"


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _moment(value: datetime) -> str:
    return value.isoformat()


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _membership(membership: SubjectMembership) -> dict[str, Any]:
    return {
        "household_id": membership.household_id,
        "role": membership.role,
        "valid_from": _day(membership.valid_from),
        "valid_until": _day(membership.valid_until),
        "addresses": [
            {"street": a.street, "house_number": a.house_number, "postcode": a.postcode,
             "municipality": a.municipality, "stadtteil_code": a.stadtteil_code,
             "stadtteil": a.stadtteil, "valid_from": _day(a.valid_from),
             "valid_until": _day(a.valid_until)}
            for a in membership.addresses
        ],
        # other members by role and shared period only (third-party data)
        "other_members": [
            {"role": c.role, "valid_from": _day(c.valid_from), "valid_until": _day(c.valid_until)}
            for c in membership.co_members
        ],
    }


def _input(own: DecisionInput | None) -> dict[str, Any] | None:
    """The person's entry of the decision's input: their data as it was taken then."""
    if own is None:
        return None
    return {
        "birth_date": _day(own.birth_date),
        "flags": list(own.flags),
        "incomes": [{"kind": i.kind, "kind_label": label(INCOME_KINDS, i.kind),
                     "amount": _money(i.amount), "period": i.period} for i in own.incomes],
    }


def _decision(decision: SubjectDecision) -> dict[str, Any]:
    figures = decision.household
    return {
        "decision_id": decision.decision_id,
        "decided_on": _day(decision.decided_on),
        "rule_set": decision.rule_set,
        "eligible": decision.eligible,
        "pass_type": decision.pass_type,
        "basis": decision.basis,
        "valid_from": _day(decision.valid_from),
        "valid_until": _day(decision.valid_until),
        "reasons": list(decision.reasons),
        "extras": list(decision.extras),
        # null where the income test did not decide about the person (see subject_access)
        "household_income_test": None if figures == HouseholdFigures() else {
            "net_income": _money(figures.net_income),
            "weights": None if figures.weights is None else str(figures.weights),
            "equivalised_income": _money(figures.equivalised_income),
            "threshold": _money(figures.threshold),
            "highest_eligible_income": _money(figures.highest_eligible_income),
        },
        # the person's own entry of the decision's stored input (others' entries left out)
        "data_subject_input": _input(decision.own_input),
    }


def _application(application: SubjectApplication) -> dict[str, Any]:
    return {
        "application_id": application.application_id,
        "household_id": application.household_id,
        "application_date": _day(application.application_date),
        "kind": application.kind,
        "status": application.status,
        "made_by_data_subject": application.is_applicant,
        "proofs": list(application.proofs),
        "decisions": [_decision(d) for d in application.decisions],
    }


def _objection(objection: SubjectObjection) -> dict[str, Any]:
    return {
        "objection_id": objection.objection_id,
        "decision_id": objection.decision_id,
        "household_id": objection.household_id,
        "received_on": _day(objection.received_on),
        "bekanntgabe_on": _day(objection.bekanntgabe_on),
        "deadline": _day(objection.deadline),
        "in_time": objection.in_time,
        "state": objection.state,
        "state_label": OBJECTION_STATES.get(objection.state, objection.state),
        "outcome_on": _day(objection.outcome_on),
        "outcome_reason": objection.outcome_reason,
        "follow_up_on": _day(objection.follow_up_on),
        "follow_up_note": objection.follow_up_note,
        "remedial_decision_id": objection.remedial_decision_id,
        # the representative and the objection's reasons only where the person lodged it
        "lodged_by_data_subject": objection.lodged_by_subject,
        "representative": objection.representative,
        "reason": objection.reason,
    }


def report_json(report: SubjectAccessReport) -> dict[str, Any]:
    """The report as JSON values (see the module's docstring)."""
    person, photo = report.person, report.photo
    return {
        "format": FORMAT,
        "created_at": _moment(report.created_at),
        "about": {key: text for key, (_title, text) in NOTES.items()},
        "person": {
            "person_id": person.person_id,
            "family_name": person.family_name,
            "given_names": person.given_names,
            "birth_date": _day(person.birth_date),
            "sex": person.sex,
            "salutation": person.salutation,
            "disability": person.disability,
            "foster_child": person.foster_child,
            "died_on": _day(person.died_on),
            "created_at": _moment(person.created_at),
        },
        "photo": None if photo is None else {
            "media_type": photo.media_type,
            "width": photo.width,
            "height": photo.height,
            "size_bytes": len(photo.image),
            "updated_at": _moment(photo.updated_at),
            "data_base64": base64.b64encode(photo.image).decode("ascii"),
        },
        "households": [_membership(m) for m in report.memberships],
        "incomes": [
            {"income_id": i.income_id, "kind": i.kind, "kind_label": label(INCOME_KINDS, i.kind),
             "amount": _money(i.amount), "period": i.period, "valid_from": _day(i.valid_from),
             "valid_until": _day(i.valid_until), "evidence": i.evidence}
            for i in report.incomes
        ],
        "benefit_notices": [
            {"notice_id": n.notice_id, "household_id": n.household_id, "kind": n.kind,
             "kind_label": label(BENEFITS, n.kind), "valid_from": _day(n.valid_from),
             "valid_until": _day(n.valid_until), "reference": n.reference, "covers": n.covers,
             "recorded_at": _moment(n.recorded_at)}
            for n in report.notices
        ],
        "applications": [_application(a) for a in report.applications],
        "objections": [_objection(o) for o in report.objections],
        "passes": [
            {"number": p.number, "pass_type": p.pass_type, "status": p.status,
             "revoked_on": _day(p.revoked_on), "revocation_reason": p.revocation_reason,
             "replaces": p.replaces, "created_at": _moment(p.created_at),
             "validities": [{"kind": v.kind, "valid_from": _day(v.valid_from),
                             "valid_until": _day(v.valid_until), "decision_id": v.decision_id}
                            for v in p.validities]}
            for p in report.passes
        ],
        "vouchers": [
            {"year": v.year, "amount": _money(v.amount), "handed_out_on": _day(v.handed_out_on),
             "pass_number": v.pass_number}
            for v in report.vouchers
        ],
        "prints": [
            {"printed_at": _moment(p.printed_at), "kind": p.kind, "pages": p.pages,
             "passes": list(p.passes), "decision_id": p.decision_id,
             "application_id": p.application_id}
            for p in report.prints
        ],
        "identity_notes": [
            {"recorded_at": _moment(d.recorded_at), "reason": d.reason}
            for d in report.distinctions
        ],
        "audit_events": [
            {"at": _moment(e.at), "action": e.action, "entity": e.entity,
             "entity_id": e.entity_id, "details": dict(e.details)}
            for e in report.events
        ],
    }


def dumps_report(report: SubjectAccessReport) -> bytes:
    """The JSON file's bytes: UTF-8, umlauts kept, two-space indent, a final newline."""
    return (json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
