"""What the person section does when saving a typed person is refused as a likely duplicate:
ask (open the registered person's household, move them here, or save a different person
with a reason) and carry the answer out.

Separate from :mod:`kpass.ui.household.sections.members` because it is one flow of questions
that the section only starts; the page asks :func:`move_prompt` too. The questions are
answered through :mod:`kpass.ui.household.duplicate_dialogs` (where tests answer them). The
texts keep the catalog context "MemberSection".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kpass.services.household import (
    ROLE_LABELS,
    DuplicateCandidate,
    LikelyDuplicate,
    PersonInput,
)
from kpass.ui.common.form_widgets import current_code
from kpass.ui.common.labels import role_label
from kpass.ui.common.run_service import run_service
from kpass.ui.household import duplicate_dialogs
from kpass.ui.translation import user_message

if TYPE_CHECKING:
    from kpass.ui.household.sections.members import MemberSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberSection", text)


def duplicate_refused(section: MemberSection, exc: LikelyDuplicate, person: PersonInput) -> bool:
    """Saving the typed person (into a stored household) was refused: they may be a
    registered person. Ask what to do; the refusal stays at the field when cancelled.
    True when the person was saved after all (or moved here)."""
    section.show_duplicates(exc.candidates)
    section.errors.show(exc.field.rsplit(".", 1)[-1], user_message(exc))
    typed = duplicate_dialogs.person_text(person.given_names, person.family_name,
                                          person.birth_date)
    correcting = section.editing is not None
    answer = duplicate_dialogs.ask_duplicate(section, typed, exc.candidates,
                                             can_move=not correcting)
    if answer is None:
        section.family.setFocus()
        return False
    if answer.action == "different":
        return section.save_edit(answer.reason) if correcting \
            else section.add_member(answer.reason)
    candidate = answer.candidate
    assert candidate is not None
    if answer.action == "open":
        assert candidate.household_id is not None
        if correcting:
            section.cancel_edit(focus=False)
        else:
            section.clear_fields()
            section.hide_duplicates()
        section.open_person.emit(candidate.household_id, candidate.person_id)
        return False
    return move_here(section, candidate, current_code(section.role))


def move_here(section: MemberSection, candidate: DuplicateCandidate, role: str) -> bool:
    """Ask the role and the day, then move the registered ``candidate`` into this
    stored household (their membership so far ends the day before)."""
    editor = section.editor
    name = duplicate_dialogs.person_text(candidate.given_names, candidate.family_name,
                                         candidate.birth_date)
    answer = duplicate_dialogs.ask_move(
        section, move_prompt(name, candidate.household_id),
        {code: role_label(code) for code in ROLE_LABELS}, role, editor.today)
    if answer is None:
        section.family.setFocus()
        return False
    role, since = answer
    assert since is not None
    if not run_service(lambda: editor.move_person_here(candidate, role, since),
                       section.error.say):
        section.family.setFocus()
        return False
    section.errors.clear()
    section.clear_fields()
    section.suggest_role()
    section.hide_duplicates()
    section.select_person(candidate.person_id)
    section.announced.emit(_tr("%1 zieht hierher um; die bisherige Zugehörigkeit bleibt im "
                               "Verlauf. Gespeichert wird mit dem Haushalt (Strg+S).")
                           .replace("%1", name))
    section.family.setFocus()
    return True


def move_prompt(name: str, household_id: int | None) -> str:
    """The question before a registered person moves here."""
    if household_id is None:
        return _tr("%1 lebt derzeit in keinem Haushalt und kommt in diesen Haushalt.") \
            .replace("%1", name)
    return _tr("%1 zieht aus dem Haushalt %2 hierher um. Die Zugehörigkeit dort endet am Tag "
               "vor dem Einzug und bleibt im Verlauf.").replace("%1", name) \
        .replace("%2", str(household_id))
