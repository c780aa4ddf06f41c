"""The household page's saving: everything on the screen in one transaction (Ctrl+S).

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`. Kept apart from building the
page because saving is where the services' refusals come back: each is shown at the field
or the section of the entry it concerns, and the banner says that nothing was saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kpass.errors import ConcurrentChange, KpassError
from kpass.services.household import (
    AddIncome,
    AddNotice,
    CorrectIncome,
    CorrectNotice,
    EndIncome,
    InvalidField,
    LikelyDuplicate,
    MoveHousehold,
    RemoveIncome,
    RemoveNotice,
)
from kpass.ui.translation import user_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QScrollArea

    from kpass.ui.common.style import MessageBar
    from kpass.ui.household.decision_panel import DecisionPanel
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.sections.address import AddressSection
    from kpass.ui.household.sections.incomes import IncomeSection
    from kpass.ui.household.sections.members import MemberSection
    from kpass.ui.household.sections.notices import NoticeSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class SaveActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        editor: HouseholdEditor
        banner: MessageBar
        panel: DecisionPanel
        form_scroll: QScrollArea
        address: AddressSection
        members: MemberSection
        incomes: IncomeSection
        notices: NoticeSection

        def refresh_history(self) -> None: ...
        def _duplicate_refused(self, exc: LikelyDuplicate) -> bool: ...
        def _duplicate_refused_stored(self, exc: LikelyDuplicate) -> bool: ...

    def save_everything(self) -> bool:
        """Save what is on the screen in one transaction: the entries typed and not yet
        added or corrected are taken first, then the new household or the stored one's
        changes are saved; stops at the first entry that cannot be taken."""
        if self.members.pending() and not self.members.submit():
            return False
        if self.incomes.pending() and not self.incomes.add_income():
            return False
        if self.notices.pending() and not self.notices.add_notice():
            return False
        if self.editor.draft.is_new:
            return self.save()
        if self.address.pending() and not self.address.save_move():
            return False
        return self.save_changes()

    def save_changes(self) -> bool:
        """Save a stored household's changes (all or none); a refusal is shown at the entry
        it concerns and everything stays on the screen."""
        if not self.editor.has_changes():
            return True
        self.banner.say("")
        try:
            count = self.editor.save_changes()
        except LikelyDuplicate as exc:
            return self._duplicate_refused_stored(exc)
        except ConcurrentChange:
            return False  # the banner says it; the changes stand on the fresh version
        except KpassError as exc:
            self._show_change_error(exc)
            return False
        self.banner.say(_tr("Gespeichert: %1 Änderung(en) am Haushalt Nr. %2.").replace(
            "%1", str(count)).replace("%2", str(self.editor.draft.household_id)), "success")
        self.refresh_history()
        return True

    def _show_change_error(self, exc: KpassError) -> None:
        """The refusal of a save, at the section of the change it concerns."""
        change = self.editor.failed_change
        message = user_message(exc)
        if isinstance(change, (AddIncome, EndIncome, CorrectIncome, RemoveIncome)):
            self.incomes.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.incomes)
        elif isinstance(change, (AddNotice, CorrectNotice, RemoveNotice)):
            self.notices.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.notices)
        elif isinstance(change, MoveHousehold):
            self.address.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.address)
        else:
            self.members.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.members)
        self.banner.say(_tr("Nicht gespeichert: %1").replace("%1", message), "error")

    def save(self) -> bool:
        """Save a new household in one call (address, persons, incomes, notices)."""
        if not self.editor.draft.is_new:
            return True
        self.banner.say("")
        return self._save_new_with(self.editor.save_new)

    def _save_new_with(self, save: Callable[[], object]) -> bool:
        """Run a saving call of the new household; a refusal is shown where it belongs."""
        try:
            save()
        except LikelyDuplicate as exc:
            return self._duplicate_refused(exc)
        except InvalidField as exc:
            self._show_field_error(exc)
            return False
        except KpassError as exc:
            self.banner.say(user_message(exc), "error")
            return False
        self._household_saved()
        return True

    def _household_saved(self) -> None:
        self.panel.say(_tr("Haushalt gespeichert (Nr. %1).").replace(
            "%1", str(self.editor.draft.household_id)), "success")
        self.refresh_history()

    def _show_field_error(self, exc: InvalidField) -> None:
        path = exc.field
        if path.startswith("address"):
            self.address.errors.show(path, user_message(exc))
            self.form_scroll.ensureWidgetVisible(self.address)
        elif path.startswith("incomes"):
            self.incomes.errors.show(path, user_message(exc))
        elif path.startswith("notices"):
            self.notices.errors.show(path, user_message(exc))
        else:
            if path.startswith("members[") and "]" in path:
                row = int(path[len("members["):path.index("]")])
                self.members.table.selectRow(row)
                self.members.table.setFocus()
            self.members.error.say(user_message(exc))
        self.banner.say(user_message(exc), "error")
