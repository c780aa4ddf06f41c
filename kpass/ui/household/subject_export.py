""""Auskunft (Art. 15) …" for the person selected in the household's person table.

A request for information under Art. 15 DSGVO is made at the counter, so the caseworker
answers it there: by default as a PDF letter that opens in the print preview like every
print (kept in the outbox folder, 0600) to print or hand over; on request also as a JSON file
(the machine-readable copy of Art. 15 Abs. 3) saved where the caseworker chooses. Each export
is recorded in the audit trail by the service.

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`; the member section asks for it by
signal like its other row actions (:mod:`~kpass.ui.household.member_actions`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from kpass.ui.common.run_service import run_service
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing.preview_dialog import PreviewDialog

if TYPE_CHECKING:
    from kpass.services import Database
    from kpass.ui.common.style import MessageBar
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.sections.members import MemberSection

ExportChoice = Literal["pdf", "json"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubjectExport", text)


def export_question(parent: QWidget, name: str) -> tuple[QMessageBox, dict[QPushButton,
                                                                            ExportChoice]]:
    """The question of :func:`ask_export_kind`, not yet shown, and what each button means."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Auskunft nach Art. 15 DSGVO"),
                      _tr("Auskunft über alle gespeicherten Daten von %1.\n\n"
                          "Als PDF zum Drucken oder Aushändigen (Vorschau), oder als "
                          "maschinenlesbare JSON-Datei? Jede Auskunft wird im Protokoll "
                          "vermerkt.").replace("%1", name), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("subjectExportQuestion")
    pdf = box.addButton(_tr("&PDF-Vorschau"), QMessageBox.ButtonRole.AcceptRole)
    json = box.addButton(_tr("&JSON-Datei speichern …"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(_tr("&Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    pdf.setAccessibleName(_tr("PDF-Vorschau der Auskunft öffnen"))
    json.setAccessibleName(_tr("JSON-Datei der Auskunft speichern …"))
    cancel.setAccessibleName(_tr("Abbrechen"))
    box.setDefaultButton(pdf)
    box.setEscapeButton(cancel)
    return box, {pdf: "pdf", json: "json"}


def ask_export_kind(parent: QWidget, name: str) -> ExportChoice | None:
    """PDF (the default, Enter), JSON, or nothing (Esc)."""
    box, meanings = export_question(parent, name)
    box.exec()
    clicked = box.clickedButton()
    return meanings.get(clicked) if isinstance(clicked, QPushButton) else None


def ask_json_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where the JSON file goes; ``None`` when the caseworker cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("Auskunft als JSON speichern"), str(suggested),
        _tr("JSON-Dateien (*.json)"))
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".json" else chosen.with_name(
        chosen.name + ".json")


def _stamp() -> str:
    return f"{datetime.now():%Y%m%d-%H%M%S}"


class SubjectExportActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        database: Database
        editor: HouseholdEditor
        members: MemberSection
        banner: MessageBar
        preview_windows: list[PreviewDialog]

    def ask_subject_export(self, key: int) -> None:
        """The button: PDF or JSON for the selected person (a stored one only)."""
        member = self.editor.draft.member(key)
        if key < 0:
            self.members.error.say(_tr("%1 ist noch nicht gespeichert: es gibt noch keine "
                                       "Daten, über die Auskunft zu geben wäre.")
                                   .replace("%1", member.name))
            return
        assert isinstance(self, QWidget)
        choice = ask_export_kind(self, member.name)
        if choice == "pdf":
            self.export_subject_pdf(key)
        elif choice == "json":
            path = ask_json_path(self, print_outbox.outbox() / f"auskunft-{key}-{_stamp()}.json")
            if path is not None:
                self.export_subject_json(key, path)

    def export_subject_pdf(self, person_id: int) -> PreviewDialog | None:
        """The report into the outbox, opened in the preview."""
        from kpass.services.privacy import export_person  # brings ReportLab: when asked for

        target = print_outbox.outbox() / f"auskunft-{person_id}-{_stamp()}.pdf"
        self.members.error.say("")
        done = run_service(lambda: export_person(self.database, person_id, target),
                           self.members.error.say)
        if not done:
            return None
        pdf = done.result().path
        self.banner.say(_tr("Auskunft nach Art. 15 gespeichert und im Protokoll vermerkt: %1")
                        .replace("%1", str(pdf)), "success")
        assert isinstance(self, QWidget)
        name = self.editor.draft.member(person_id).name
        dialog = PreviewDialog(pdf, _tr("Auskunft Art. 15 – %1").replace("%1", name), self)
        self.preview_windows.append(dialog)
        dialog.show()
        return dialog

    def export_subject_json(self, person_id: int, path: Path) -> bool:
        """The report as JSON into ``path`` (0600)."""
        from kpass.services.privacy import export_person

        self.members.error.say("")
        done = run_service(lambda: export_person(self.database, person_id, path),
                           self.members.error.say)
        if done:
            self.banner.say(_tr("Auskunft nach Art. 15 als JSON gespeichert und im Protokoll "
                                "vermerkt: %1").replace("%1", str(path)), "success")
        return done.ok
