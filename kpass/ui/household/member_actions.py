"""The household page's actions on a person from the member table: end the membership,
change the role, choose a passport photo.

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`; the member section asks for
them by signal, and the page answers with a question first (a reason, a day, a file) and
shows a refusal under the table.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from kpass.services.household import ROLE_LABELS
from kpass.ui.common import dialogs
from kpass.ui.common.labels import END_REASON_LABELS, role_label, tr
from kpass.ui.common.run_service import run_service
from kpass.ui.household.photo_crop import PhotoError, load_passport_photo

if TYPE_CHECKING:
    from datetime import date

    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.sections.members import MemberSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class MemberActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        editor: HouseholdEditor
        members: MemberSection

    def ask_end_member(self, key: int) -> None:
        member = self.editor.draft.member(key)
        if member.key < 0:
            self.end_member(key, self.editor.today, "moved_out")
            return
        assert isinstance(self, QWidget)
        answer = dialogs.ask_reason(
            self, _tr("Person austragen"), _tr("%1 austragen (letzter Tag bzw. Todestag):")
            .replace("%1", member.name), {k: tr(v) for k, v in END_REASON_LABELS.items()},
            day=self.editor.today)
        if answer is not None:
            self.end_member(key, *answer)

    def end_member(self, key: int, until: date, reason: str) -> None:
        self.members.error.say("")
        run_service(lambda: self.editor.end_member(
            key, until, "died" if reason == "died" else "moved_out"), self.members.error.say)

    def ask_change_role(self, key: int) -> None:
        draft, today = self.editor.draft, self.editor.today
        member = draft.membership_on(key, today)
        assert isinstance(self, QWidget)
        answer = dialogs.ask_role(self, member.name, member.role,
                                  {code: role_label(code) for code in ROLE_LABELS}, today,
                                  with_date=not draft.is_new)
        if answer is not None:
            self.change_role(key, *answer)

    def change_role(self, key: int, role: str, since: date) -> bool:
        """Refusals (a second applicant, a child as applicant) are shown under the table."""
        self.members.error.say("")
        done = run_service(lambda: self.editor.change_role(key, role, since),
                           self.members.error.say)
        self.members.table.setFocus()
        return done.ok

    def choose_photo(self, key: int) -> None:
        assert isinstance(self, QWidget)
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Lichtbild wählen"), "", _tr("Bilder (*.jpg *.jpeg *.png)"))
        if path:
            self.import_photo(key, Path(path))

    def import_photo(self, key: int, path: Path) -> bool:
        """Crop the image in ``path`` to 35:45 and store it for the person."""
        try:
            image = load_passport_photo(path)
        except PhotoError:
            self.members.error.say(_tr("Die Datei %1 ist kein lesbares Bild.").replace(
                "%1", path.name))
            return False
        if not run_service(lambda: self.editor.set_photo(key, image), self.members.error.say):
            return False
        self.members.error.say("")
        return True
