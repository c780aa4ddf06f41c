"""Saving a stored household's changes together: all or nothing, corrections with a reason,
entries removed when entered by mistake — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from kpass.errors import ConcurrentChange
from kpass.models import AuditEvent, BenefitNotice, Income
from kpass.models.engine import Database
from kpass.services.household import household_details
from kpass.services.household.changes import (
    AddIncome,
    AddMember,
    AddNotice,
    ChangeRole,
    CorrectIncome,
    CorrectNotice,
    EndIncome,
    EndMembership,
    RemoveIncome,
    RemoveNotice,
    correct_income,
    remove_income,
    save_household_changes,
)
from kpass.services.household.history import household_data_changes
from kpass.services.household.validation import (
    IncomeInput,
    InvalidField,
    MemberInput,
    NoticeInput,
    PersonInput,
)
from kpass.services.uow import UnitOfWork
from tests.services.household.test_household_editing import TODAY, counts, family

BABY = PersonInput("Weiß", "Lina", date(2026, 2, 1), "f")


def _audit(database: Database, action: str) -> list[dict[str, Any]]:
    """The details of the audit events ``action``, oldest first."""
    with UnitOfWork(database, write=False) as uow:
        return list(uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == action)
            .order_by(AuditEvent.id)))


def test_changes_saved_together_with_one_version_step(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    wages = next(i for i in details.incomes if i.kind == "wages")
    notice = details.notices[0]
    jurgen = created.person_ids[0]
    saved = save_household_changes(database, created.household_id, details.version, [
        AddMember(-1, MemberInput.new(BABY, "child"), TODAY),
        AddIncome(-2, IncomeInput(-1, "kindergeld", Decimal("255"), "month", TODAY)),
        CorrectIncome(wages.income_id, IncomeInput(jurgen, "wages", Decimal("2130.00"),
                                                   "month", wages.valid_from),
                      "Zahlendreher im Lohnzettel"),
        RemoveNotice(notice.notice_id, "Bescheid gehört zu einem anderen Haushalt"),
    ], today=TODAY)

    assert saved.version == details.version + 1  # one step, however many changes
    after = household_details(database, created.household_id, TODAY)
    lina = saved.persons[-1]
    assert [m.given_names for m in after.members if m.person_id == lina] == ["Lina"]
    amounts = {(i.person_id, i.kind): i.amount for i in after.incomes}
    assert amounts[(lina, "kindergeld")] == Decimal("255.00")
    assert amounts[(jurgen, "wages")] == Decimal("2130.00")
    assert after.notices == ()
    [summary] = _audit(database, "save_household_changes")
    kinds = [c["change"] for c in summary["changes"]]
    assert kinds == ["add_member", "add_income", "correct_income", "remove_notice"]
    assert summary["changes"][2]["reason"] == "Zahlendreher im Lohnzettel"
    [corrected] = _audit(database, "correct_income")
    assert corrected["before"]["amount"] == "2310.00"
    assert corrected["after"]["amount"] == "2130.00"


def test_a_refused_change_keeps_nothing_and_names_the_change(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    before = counts(database)
    gulsen = created.person_ids[1]
    with pytest.raises(InvalidField) as refused:
        save_household_changes(database, created.household_id, details.version, [
            AddIncome(-1, IncomeInput(gulsen, "minijob", Decimal("520"), "month", TODAY)),
            ChangeRole(gulsen, "partner", TODAY),  # she is the partner already
            EndMembership(gulsen, TODAY, "moved_out"),
        ], today=TODAY)
    assert refused.value.change_index == 1
    assert "bereits" in refused.value.message_de
    assert counts(database) == before
    assert household_details(database, created.household_id, TODAY).version == details.version


def test_a_stale_screen_saves_nothing(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    wages = next(i for i in details.incomes if i.kind == "wages")
    save_household_changes(database, created.household_id, details.version,
                           [EndIncome(wages.income_id, date(2026, 2, 28))], today=TODAY)
    with pytest.raises(ConcurrentChange):
        save_household_changes(database, created.household_id, details.version,
                               [RemoveIncome(wages.income_id, "irrtümlich")], today=TODAY)
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.get(Income, wages.income_id) is not None


def test_correction_needs_a_reason_and_keeps_the_recorded_end(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    wages = next(i for i in details.incomes if i.kind == "wages")
    jurgen = created.person_ids[0]
    fixed = IncomeInput(jurgen, "wages", Decimal("2400"), "month", wages.valid_from)
    with pytest.raises(InvalidField, match="reason"):
        correct_income(database, created.household_id, details.version, wages.income_id,
                       fixed, "   ")
    version = save_household_changes(database, created.household_id, details.version,
                                     [EndIncome(wages.income_id, date(2026, 1, 31))],
                                     today=TODAY).version
    late_start = IncomeInput(jurgen, "wages", Decimal("2400"), "month", date(2026, 3, 1))
    with pytest.raises(InvalidField) as refused:
        correct_income(database, created.household_id, version, wages.income_id, late_start,
                       "Beginn falsch")
    assert "nach dem erfassten Ende (31.01.2026)" in refused.value.message_de
    saved = correct_income(database, created.household_id, version, wages.income_id, fixed,
                           "Betrag falsch abgelesen")
    with UnitOfWork(database, write=False) as uow:
        income = uow.session.get(Income, wages.income_id)
        assert income is not None
        assert (income.amount, income.valid_until) == (Decimal("2400.00"), date(2026, 1, 31))
    assert saved.version == version + 1


def test_an_income_entered_by_mistake_is_removed_and_stays_in_the_audit(
    database: Database,
) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    kindergeld = next(i for i in details.incomes if i.kind == "kindergeld")
    remove_income(database, created.household_id, details.version, kindergeld.income_id,
                  "beim falschen Kind erfasst")
    after = household_details(database, created.household_id, TODAY)
    assert [i.kind for i in after.incomes] == ["wages"]
    [removed] = _audit(database, "remove_income")
    assert removed["reason"] == "beim falschen Kind erfasst"
    assert removed["before"]["amount"] == "255.00"


def test_a_notice_corrected_covers_other_persons(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    notice = details.notices[0]
    jurgen, gulsen, _max = created.person_ids
    save_household_changes(database, created.household_id, details.version, [
        CorrectNotice(notice.notice_id, NoticeInput("wohngeld", date(2026, 1, 1), None,
                                                    "WG-4711", (jurgen, gulsen)),
                      "bis auf Weiteres bewilligt, beide Eltern"),
        AddNotice(-1, NoticeInput("kinderzuschlag", date(2026, 1, 1), date(2026, 12, 31),
                                  "KiZ-1", (_max,))),
    ], today=TODAY)
    with UnitOfWork(database, write=False) as uow:
        stored = uow.session.get(BenefitNotice, notice.notice_id)
        assert stored is not None
        assert stored.valid_until is None
        assert sorted(c.person_id for c in stored.covered) == sorted([jurgen, gulsen])
    [corrected] = _audit(database, "correct_notice")
    assert corrected["before"]["valid_until"] == "2026-06-30"


def test_a_later_change_names_a_person_added_before_it(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    with pytest.raises(InvalidField) as refused:
        save_household_changes(database, created.household_id, details.version, [
            AddIncome(-2, IncomeInput(-7, "kindergeld", Decimal("255"), "month", TODAY)),
        ], today=TODAY)
    assert refused.value.change_index == 0
    with pytest.raises(InvalidField, match="nothing to save"):
        save_household_changes(database, created.household_id, details.version, [],
                               today=TODAY)


def test_the_history_lists_each_save_with_its_reasons(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    wages = next(i for i in details.incomes if i.kind == "wages")
    jurgen = created.person_ids[0]
    version = save_household_changes(database, created.household_id, details.version, [
        EndIncome(wages.income_id, date(2026, 2, 28)),
    ], today=TODAY).version
    save_household_changes(database, created.household_id, version, [
        CorrectIncome(wages.income_id, IncomeInput(jurgen, "wages", Decimal("2300"), "month",
                                                   wages.valid_from), "Tippfehler"),
        AddIncome(-1, IncomeInput(jurgen, "alg1", Decimal("1200"), "month",
                                  date(2026, 3, 1))),
    ], today=TODAY)
    saves = household_data_changes(database, created.household_id)
    assert [[c["change"] for c in s.changes] for s in saves] == [
        ["correct_income", "add_income"], ["end_income"], ["create_household"]]
    assert {s.user for s in saves} == {"testerin"}
    corrected = saves[0].changes[0]
    assert corrected["reason"] == "Tippfehler"
    assert corrected["before"]["amount"] == "2310.00" and corrected["amount"] == "2300.00"
    ended = saves[1].changes[0]
    assert ended["before"]["kind"] == "wages" and ended["until"] == "2026-02-28"
