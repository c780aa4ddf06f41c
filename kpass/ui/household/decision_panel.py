"""The decision beside the form: live while typing, then stored; and the pass actions."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services.applications import Decision
from kpass.services.approvals import ApprovalView
from kpass.ui.common.form_widgets import label_for
from kpass.ui.common.labels import pass_status_text, pass_type_text
from kpass.ui.common.style import MessageBar, MessageKind, make_heading
from kpass.ui.household.decision_text import (
    MemberLine,
    approval_status,
    decision_lines,
    household_sentence,
    summary,
)
from kpass.ui.household.history_source import PassEntry
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import format_month


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionPanel", text)


class DecisionPanel(QWidget):
    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("DecisionPanel", "Person"),
        QT_TRANSLATE_NOOP("DecisionPanel", "Ergebnis"),
        QT_TRANSLATE_NOOP("DecisionPanel", "Pass und Grundlage"),
        QT_TRANSLATE_NOOP("DecisionPanel", "gültig bis"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.heading = QLabel()
        self.heading.setObjectName("decisionHeading")
        make_heading(self.heading, 1.1)
        self.summary = QLabel()
        self.summary.setObjectName("decisionSummary")
        self.summary.setWordWrap(True)
        make_heading(self.summary, 1.0)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("decisionTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # name and pass share the width and wrap, rather than one taking it from the other
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.sentence = QLabel()
        self.sentence.setObjectName("householdSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                              | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.not_counted = QLabel()
        self.not_counted.setObjectName("notCountedIncomes")
        self.not_counted.setWordWrap(True)
        self.not_counted.hide()
        self.reasons = QLabel()
        self.reasons.setObjectName("decisionReasons")
        self.reasons.setWordWrap(True)
        # Bildung und Teilhabe: what the letter will say, so the counter can say it now
        self.education = QLabel()
        self.education.setObjectName("educationHint")
        self.education.setWordWrap(True)
        self.education.hide()
        self.message_bar = MessageBar("actionMessage")
        self.message = self.message_bar.label
        # four-eyes rule: whether the latest decision waits, was returned or confirmed
        self.approval_bar = MessageBar("approvalStatus")
        self.approval_status = self.approval_bar.label

        self.decide_button = QPushButton()
        self.decide_button.setObjectName("decide")
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("issuePasses")
        # the pass of the person selected in the person table (it follows the selection;
        # choosing a pass here selects its holder there)
        self.passes = QComboBox()
        self.passes.setObjectName("passChoice")
        self.pass_entries: list[PassEntry] = []
        self.card_button = QPushButton()
        self.card_button.setObjectName("printCard")
        self.sheet_button = QPushButton()
        self.sheet_button.setObjectName("printSheet")
        self.letter_button = QPushButton()
        self.letter_button.setObjectName("printLetter")
        self.form_button = QPushButton()
        self.form_button.setObjectName("printApplicationForm")
        self.renew_button = QPushButton()
        self.renew_button.setObjectName("renewPass")
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("replacePass")
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("revokePass")

        self.result_box = QGroupBox()
        # The table shows every person (no scroll bar of its own); when the reasons are
        # long, as at a large font, the whole result scrolls instead.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustIgnored)
        inner = QWidget()
        result = QVBoxLayout(inner)
        result.setContentsMargins(0, 0, 0, 0)
        result.addWidget(self.summary)
        result.addWidget(self.table)
        result.addWidget(self.sentence)
        result.addWidget(self.not_counted)
        result.addWidget(self.reasons)
        result.addWidget(self.education)
        result.addStretch(1)
        self.result_scroll = QScrollArea()
        self.result_scroll.setObjectName("decisionScroll")
        self.result_scroll.setWidget(inner)
        self.result_scroll.setWidgetResizable(True)
        self.result_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.result_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QVBoxLayout(self.result_box).addWidget(self.result_scroll)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_table)
        # wrapped cells change their height with the width of the columns
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self._fit_timer.start(0))
        self.actions_box = QGroupBox()
        grid = QGridLayout(self.actions_box)
        grid.addWidget(self.decide_button, 0, 0)
        grid.addWidget(self.issue_button, 0, 1)
        grid.addWidget(self.form_button, 0, 2)
        self.passes_label = label_for("", self.passes)
        grid.addWidget(self.passes_label, 1, 0)
        grid.addWidget(self.passes, 1, 1, 1, 2)
        grid.addWidget(self.card_button, 2, 0)
        grid.addWidget(self.sheet_button, 2, 1)
        grid.addWidget(self.letter_button, 2, 2)
        grid.addWidget(self.renew_button, 3, 0)
        grid.addWidget(self.replace_button, 3, 1)
        grid.addWidget(self.revoke_button, 3, 2)
        grid.addWidget(self.message_bar, 4, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.approval_bar)
        layout.addWidget(self.result_box, 1)
        layout.addWidget(self.actions_box)
        self.lines: list[MemberLine] = []
        self.member_ids: list[str] = []  # the rules' keys of the persons in ``lines``
        self.approval: ApprovalView | None = None
        self.translate_ui()

    def translate_ui(self) -> None:
        self.result_box.setTitle(_tr("Entscheidung"))
        self.actions_box.setTitle(_tr("Aktionen"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Entscheidung je Person"))
        self.heading.setAccessibleName(_tr("Art der Entscheidung"))
        self.summary.setAccessibleName(_tr("Ergebnis"))
        self.sentence.setAccessibleName(_tr("Einkommensprüfung"))
        self.not_counted.setAccessibleName(_tr("Nicht angerechnete Einkommen"))
        self.reasons.setAccessibleName(_tr("Begründungen"))
        self.education.setAccessibleName(_tr("Hinweis Bildung und Teilhabe"))
        # focusable, so that long reasons can be scrolled by keyboard (arrow keys)
        self.result_scroll.setAccessibleName(_tr("Entscheidung mit Begründungen"))
        self.message.setAccessibleName(_tr("Meldung"))
        self.approval_status.setAccessibleName(_tr("Freigabe durch die Leitung"))
        self.show_approval(self.approval)
        self.passes_label.setText(_tr("Pass:"))
        self.passes.setAccessibleName(_tr("Pass der ausgewählten Person"))
        self.passes.setPlaceholderText(_tr("– die ausgewählte Person hat keinen Pass –"))
        for button, text, name in (
            (self.decide_button, _tr("&Entscheiden"), _tr("Antrag stellen und heute entscheiden")),
            (self.issue_button, _tr("Pässe &ausstellen"), _tr("Pässe ausstellen")),
            (self.sheet_button, _tr("B&ogen drucken"),
             _tr("Bogen drucken: alle Karten des Haushalts auf A4")),
            (self.letter_button, _tr("&Bescheid drucken"),
             _tr("Bescheid zur Entscheidung drucken")),
            (self.form_button, _tr("Antrag &drucken"),
             _tr("Antrag mit Datenschutzhinweis zum Unterschreiben drucken")),
            (self.renew_button, _tr("Verlän&gern …"),
             _tr("Verlängern: fällige Pässe des Haushalts wählen und verlängern")),
        ):
            button.setText(text)
            button.setAccessibleName(name)
        self.card_button.setText(_tr("&Karte drucken"))
        self.replace_button.setText(_tr("Ersat&zausweis …"))
        self.revoke_button.setText(_tr("Spe&rren …"))
        self.name_pass_actions()

    def name_pass_actions(self, holder: str = "") -> None:
        """The accessible names of the actions on one pass say whose pass it is (and begin
        with the button's visible text)."""
        for button, text in ((self.card_button, _tr("Karte drucken")),
                             (self.replace_button, _tr("Ersatzausweis")),
                             (self.revoke_button, _tr("Sperren"))):
            button.setAccessibleName(
                _tr("%1: Pass von %2").replace("%1", text).replace("%2", holder) if holder
                else _tr("%1: die ausgewählte Person hat keinen Pass").replace("%1", text))

    # -- the decision ----------------------------------------------------------------------
    def show_decision(self, decision: Decision, names: dict[str, str], heading: str,
                      not_counted: list[str] | None = None,
                      without_income: list[str] | None = None) -> None:
        """``not_counted``: the incomes the rules saw but did not count, one text each;
        ``without_income``: the adults counted with no income at all (to be checked)."""
        self.heading.setText(heading)
        self.summary.setText(summary(decision))
        self.sentence.setText(household_sentence(decision.household))
        self._show_not_counted(not_counted or [], without_income or [])
        self.lines = decision_lines(decision, names)
        self.member_ids = [m.id for m in decision.members]
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            granted = f"{line.pass_type} – {line.basis}" if line.eligible else ""
            values = (line.name, line.result, granted, line.until)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setForeground(Qt.GlobalColor.darkGreen if line.eligible
                                       else Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        # persons with the same reason share one line ("Ayşe, Murat Özdemir: …")
        grouped: dict[str, list[str]] = {}
        for line in self.lines:
            text = "; ".join(line.reasons)
            if line.extras:
                text += f" ({line.extras})"
            grouped.setdefault(text, []).append(line.name)
        self.reasons.setText("\n".join(f"• {', '.join(names)}: {text}"
                                        for text, names in grouped.items()))
        self._fit_table()

    def _fit_table(self) -> None:
        """As tall as its rows, so that every person's line is in sight."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height = self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height)

    def note_without_pass(self, member_ids: Collection[str], text: str) -> None:
        """For these eligible persons no period was issued (e.g. a renewal of some passes
        only): their "gültig bis" says ``text`` instead of a validity they did not get."""
        for row, (member_id, line) in enumerate(zip(self.member_ids, self.lines, strict=True)):
            if line.eligible and member_id in member_ids:
                self.table.setItem(row, 3, QTableWidgetItem(text))

    def _show_not_counted(self, incomes: list[str], without: list[str] | None = None) -> None:
        lines = [_tr("Nicht angerechnet: %1").replace("%1", "; ".join(incomes))] if incomes \
            else []
        if without:
            lines.append(_tr("Kein Einkommen erfasst für %1 – gerechnet wird mit 0 €. Bitte "
                             "nachfragen und ein Einkommen eintragen, wenn es eines gibt.")
                         .replace("%1", ", ".join(without)))
        self.not_counted.setText("\n".join(lines))
        self.not_counted.setVisible(bool(lines))

    def show_education_hint(self, text: str) -> None:
        """The Bildung-und-Teilhabe note for the household shown ("" hides it)."""
        self.education.setText(_tr("ℹ Hinweis: %1").replace("%1", text) if text else "")
        self.education.setVisible(bool(text))

    def show_incomplete(self, heading: str, why: str) -> None:
        self.heading.setText(heading)
        self.summary.setText(why)
        self.sentence.clear()
        self._show_not_counted([])
        self.reasons.clear()
        self.show_education_hint("")
        self.lines = []
        self.member_ids = []
        self.table.setRowCount(0)
        self._fit_table()

    def show_approval(self, view: ApprovalView | None) -> None:
        """The four-eyes state of the latest decision (hidden when it never had to wait)."""
        self.approval = view
        text, kind = approval_status(view)
        self.approval_bar.say(text, kind)

    def say(self, text: str, kind: MessageKind = "success") -> None:
        """What came of an action: ``success``, a ``warning`` or an ``error`` (a refusal)."""
        self.message_bar.say(text, kind)

    def show_error(self, text: str) -> None:
        self.message_bar.show_error(text)

    # -- passes ----------------------------------------------------------------------------
    def set_passes(self, passes: list[PassEntry], today: date | None = None,
                   person_id: int | None = None) -> None:
        """The household's passes, their state as on ``today`` (a revocation may lie ahead);
        the one of ``person_id`` is chosen."""
        self.passes.blockSignals(True)
        self.passes.clear()
        self.pass_entries = list(passes)
        day = today or date.today()
        for p in passes:
            self.passes.addItem(
                f"{p.number} – {p.name} – {pass_type_text(p.pass_type)} – "
                + _tr("bis %1").replace("%1", format_month(p.valid_until))
                + f" ({pass_status_text(p.status, p.revoked_on, day)})",
                p.number,
            )
        self.passes.setCurrentIndex(-1)
        self.passes.blockSignals(False)
        self.follow_person(person_id)

    def follow_person(self, person_id: int | None) -> None:
        """Choose the pass of ``person_id``: the one valid now (a replacement rather than the
        card it replaced), else the latest; none when the person has no pass. Emits no
        signal (the person is selected already)."""
        own = [(i, p) for i, p in enumerate(self.pass_entries) if p.person_id == person_id]
        index = -1
        if own:
            index = max(own, key=lambda e: (e[1].status == "active", e[1].valid_until,
                                            e[1].valid_from, e[1].number))[0]
        self.passes.blockSignals(True)
        self.passes.setCurrentIndex(index)
        self.passes.blockSignals(False)

    def chosen_pass(self) -> str | None:
        data = self.passes.currentData()
        return None if data is None else str(data)

    def chosen_entry(self) -> PassEntry | None:
        index = self.passes.currentIndex()
        return self.pass_entries[index] if 0 <= index < len(self.pass_entries) else None
