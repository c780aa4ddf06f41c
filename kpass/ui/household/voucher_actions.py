""""60plus-Gutscheine ausgeben …" for the person selected in the household's person table.

The service decides who gets the vouchers (a valid pass whose decision granted ``60plus``,
not yet this calendar year): the button first asks it what a hand-out would give
(:func:`kpass.services.vouchers.check_vouchers`, nothing changed) and shows a refusal —
"bereits am … ausgegeben" with the day — under the table. Otherwise it asks "<Name> erhält
die 60plus-Gutscheine <Jahr> über <Betrag>?" (the default button is "Abbrechen": Enter
pressed too early hands out nothing), hands out, and opens the Empfangsbestätigung in the
print preview to print and have signed. The receipt goes to the outbox folder like every
print, so the retention run removes it on the same schedule.

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kpass.ui.common.run_service import run_service
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing.preview_dialog import PreviewDialog
from kpass.vocabulary import format_euro

if TYPE_CHECKING:
    from kpass.services import Database
    from kpass.services.vouchers import VoucherOffer
    from kpass.ui.common.style import MessageBar
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.sections.members import MemberSection

_CONTEXT = "VoucherActions"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def voucher_question(parent: QWidget, name: str, offer: VoucherOffer) -> QMessageBox:
    """The confirmation before handing out, not yet shown."""
    box = QMessageBox(
        QMessageBox.Icon.Question, _tr("60plus-Gutscheine ausgeben"),
        _tr("%1 erhält die 60plus-Gutscheine %2 über %3?").replace("%1", name)
        .replace("%2", str(offer.year)).replace("%3", format_euro(offer.amount)),
        QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("voucherQuestion")
    box.setInformativeText(
        _tr("Pass %1. Die Gutscheine gibt es einmal je Kalenderjahr. Danach öffnet sich die "
            "Empfangsbestätigung zum Drucken und Unterschreiben.")
        .replace("%1", offer.pass_number))
    confirm = box.addButton(_tr("Aus&geben"), QMessageBox.ButtonRole.AcceptRole)
    confirm.setObjectName("confirmVouchers")
    confirm.setAccessibleName(_tr("Gutscheine ausgeben"))
    cancel = box.addButton(_tr("&Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancelVouchers")
    cancel.setAccessibleName(_tr("Abbrechen"))
    box.setDefaultButton(cancel)  # Enter pressed too early hands out nothing
    box.setEscapeButton(cancel)
    return box


class VoucherActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        database: Database
        editor: HouseholdEditor
        members: MemberSection
        banner: MessageBar
        preview_windows: list[PreviewDialog]

    def ask_vouchers(self, key: int) -> PreviewDialog | None:
        """The button: ask the service, confirm, hand out, show the receipt."""
        # the voucher services bring the receipt's ReportLab: loaded when first used
        from kpass.services.vouchers import check_vouchers

        member = self.editor.draft.member(key)
        self.members.error.say("")
        if key < 0:
            self.members.error.say(_tr("%1 ist noch nicht gespeichert: bitte zuerst den "
                                       "Haushalt speichern.").replace("%1", member.name))
            return None
        checked = run_service(
            lambda: check_vouchers(self.database, key, on=self.editor.today),
            self.members.error.say)
        if not checked:
            return None
        assert isinstance(self, QWidget)
        box = voucher_question(self, member.name, checked.result())
        box.exec()
        if box.clickedButton() is not box.findChild(QWidget, "confirmVouchers"):
            return None
        return self.hand_out_now(key, member.name)

    def hand_out_now(self, key: int, name: str) -> PreviewDialog | None:
        """Hand out today's vouchers to ``key`` and open the receipt."""
        from kpass.services.vouchers import hand_out_vouchers

        done = run_service(
            lambda: hand_out_vouchers(self.database, key, on=self.editor.today),
            self.members.error.say)
        if not done:
            return None
        issued = done.result()
        self.banner.say(_tr("60plus-Gutscheine %1 an %2 ausgegeben (%3).")
                        .replace("%1", str(issued.year)).replace("%2", name)
                        .replace("%3", format_euro(issued.amount)), "success")
        return self.show_voucher_receipt(issued.id, name)

    def show_voucher_receipt(self, voucher_id: int, name: str) -> PreviewDialog | None:
        """The Empfangsbestätigung into the outbox, opened in the preview."""
        from kpass.services.vouchers import print_voucher_receipt

        stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}"
        target = print_outbox.outbox() / f"gutscheine-{voucher_id}-{stamp}.pdf"
        done = run_service(
            lambda: print_voucher_receipt(self.database, voucher_id, target,
                                          printed_on=self.editor.today),
            self.members.error.say)
        if not done:
            return None
        assert isinstance(self, QWidget)
        title = _tr("Empfangsbestätigung 60plus-Gutscheine – %1").replace("%1", name)
        dialog = PreviewDialog(done.result().path, title, self)
        self.preview_windows.append(dialog)
        dialog.show()
        return dialog
