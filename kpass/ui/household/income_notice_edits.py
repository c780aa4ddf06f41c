"""The household editor's actions on incomes and benefit notices: add, end, correct, remove.

Mixed into :class:`~kpass.ui.household.editor.HouseholdEditor`; incomes and notices are
edited alike (in the draft while the household is new, else as checked changes), apart from
the persons, whose edits touch the other entries too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from kpass.services.household import (
    INCOME,
    NOTICE,
    AddIncome,
    AddNotice,
    CorrectIncome,
    CorrectNotice,
    EndIncome,
    HouseholdChange,
    IncomeInput,
    NoticeInput,
    RemoveIncome,
    RemoveNotice,
    check_date,
    check_income,
    check_notice,
    check_reason,
)
from kpass.ui.household import pending
from kpass.ui.household.draft import DraftIncome, DraftNotice

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from kpass.ui.household.draft import HouseholdDraft


class IncomeNoticeEdits:
    """Mixed into :class:`~kpass.ui.household.editor.HouseholdEditor` (a ``QObject``)."""

    if TYPE_CHECKING:
        draft: HouseholdDraft
        changes: list[HouseholdChange]
        changed: SignalInstance

        def new_key(self) -> int: ...
        def _propose(self, changes: list[HouseholdChange], why: str | None = None) -> None: ...
        def _record(self, change: HouseholdChange, why: str | None = None) -> None: ...
        def _replace_change(self, old: HouseholdChange, new: HouseholdChange | None,
                            why: str | None = None) -> None: ...

    # -- incomes ---------------------------------------------------------------------------
    def add_income(self, person_key: int, kind: str, amount: Decimal, period: str,
                   valid_from: date) -> None:
        income = check_income(INCOME, IncomeInput(person_key, kind, amount, period, valid_from))
        if self.draft.is_new:
            self.draft.incomes.append(DraftIncome(self.draft.new_key(), person_key, income.kind,
                                                  income.amount, income.period,
                                                  income.valid_from))
            self.changed.emit()
            return
        self._record(AddIncome(self.new_key(), income))

    def end_income(self, key: int, until: date) -> None:
        """The income is paid until ``until``; one not saved yet is just taken away."""
        if key < 0:
            self.remove_income(key, "")
            return
        until = check_date(INCOME, "valid_until", until)
        income = self.draft_income(key)
        if until < income.valid_from:
            raise INCOME.fail("valid_until", "lies before valid from",
                              f"liegt vor „Gültig ab“ ({income.valid_from:%d.%m.%Y})")
        self._propose([*(c for c in self.changes
                         if not (isinstance(c, EndIncome) and c.income_id == key)),
                       EndIncome(key, until)])

    def correct_income(self, key: int, corrected: IncomeInput, reason: str) -> None:
        """The income as it should have been entered (an income not saved yet: simply
        changed; a saved one: with ``reason``, kept in the history)."""
        corrected = check_income(INCOME, corrected)
        if key < 0:
            if self.draft.is_new:
                income = self.draft_income(key)
                income.person_key, income.kind = corrected.person_ref, corrected.kind
                income.amount, income.period = corrected.amount, corrected.period
                income.valid_from = corrected.valid_from
                self.changed.emit()
                return
            added = next(c for c in self.changes if isinstance(c, AddIncome) and c.key == key)
            self._replace_change(added, replace(added, income=corrected))
            return
        reason = check_reason(INCOME, reason)
        earlier = next((c for c in self.changes
                        if isinstance(c, CorrectIncome) and c.income_id == key), None)
        if earlier is not None:
            self._replace_change(earlier, CorrectIncome(key, corrected,
                                                        f"{earlier.reason}; {reason}"))
        else:
            self._record(CorrectIncome(key, corrected, reason))

    def remove_income(self, key: int, reason: str) -> None:
        """Take an income away: one not saved yet at once, a saved one entered by mistake
        with ``reason`` (when saved)."""
        if self.draft.is_new:
            self.draft.incomes = [i for i in self.draft.incomes if i.key != key]
            self.changed.emit()
            return
        changes = [c for c in self.changes if not pending.concerns_income(c, key)]
        if key > 0:
            changes.append(RemoveIncome(key, check_reason(INCOME, reason)))
        self._propose(changes)

    def draft_income(self, key: int) -> DraftIncome:
        return next(i for i in self.draft.incomes if i.key == key)

    # -- notices ---------------------------------------------------------------------------
    def add_notice(self, kind: str, valid_from: date, valid_until: date | None, reference: str,
                   person_keys: tuple[int, ...]) -> None:
        """A benefit notice; ``valid_until`` ``None``: granted "bis auf Weiteres"."""
        notice = check_notice(NOTICE, NoticeInput(kind, valid_from, valid_until, reference,
                                                  person_keys))
        if self.draft.is_new:
            self.draft.notices.append(DraftNotice(self.draft.new_key(), notice.kind,
                                                  notice.valid_from, notice.valid_until,
                                                  notice.reference, notice.person_refs))
            self.changed.emit()
            return
        self._record(AddNotice(self.new_key(), notice))

    def correct_notice(self, key: int, corrected: NoticeInput, reason: str) -> None:
        corrected = check_notice(NOTICE, corrected)
        if key < 0:
            if self.draft.is_new:
                notice = self.draft_notice(key)
                notice.kind, notice.reference = corrected.kind, corrected.reference
                notice.valid_from, notice.valid_until = corrected.valid_from, \
                    corrected.valid_until
                notice.person_keys = corrected.person_refs
                self.changed.emit()
                return
            added = next(c for c in self.changes if isinstance(c, AddNotice) and c.key == key)
            self._replace_change(added, replace(added, notice=corrected))
            return
        reason = check_reason(NOTICE, reason)
        earlier = next((c for c in self.changes
                        if isinstance(c, CorrectNotice) and c.notice_id == key), None)
        if earlier is not None:
            self._replace_change(earlier, CorrectNotice(key, corrected,
                                                        f"{earlier.reason}; {reason}"))
        else:
            self._record(CorrectNotice(key, corrected, reason))

    def remove_notice(self, key: int, reason: str = "") -> None:
        if self.draft.is_new:
            self.draft.notices = [n for n in self.draft.notices if n.key != key]
            self.changed.emit()
            return
        changes = [c for c in self.changes if not pending.concerns_notice(c, key)]
        if key > 0:
            changes.append(RemoveNotice(key, check_reason(NOTICE, reason)))
        self._propose(changes)

    def draft_notice(self, key: int) -> DraftNotice:
        return next(n for n in self.draft.notices if n.key == key)
