"""Every use case is guarded in the service, and each role is refused what it may not do.

The table below is the reviewed list of who may do what. A new public service without an
entry here fails ``test_every_service_has_a_reviewed_entry`` — deciding who may call it is
part of writing it.
"""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kpass.errors import KpassError, PermissionDenied
from kpass.models.engine import Database
from kpass.services.access import log_out, permission_of
from kpass.services.access.guard import LOGIN_MECHANICS, OWNER
from tests.logins import log_in_admin, log_in_as

PACKAGES = (
    "access",
    "admin",
    "applications",
    "approvals",
    "audit",
    "continuity",
    "household",
    "objections",
    "passes",
    "printing",
    "privacy",
    "register_import",
    "retention",
    "search",
    "statistics",
    "vouchers",
)
C, S, A = "caseworker", "supervisor", "admin"

#: service name -> the lowest role that may call it ("owner": no login at all)
EXPECTED: dict[str, str] = {
    # access: the door itself, then the users
    "can": LOGIN_MECHANICS, "check_permission": LOGIN_MECHANICS,
    "current_login": LOGIN_MECHANICS, "log_in": LOGIN_MECHANICS, "log_out": LOGIN_MECHANICS,
    "add_user": A, "change_own_password": C, "create_first_admin": OWNER,
    "disable_user": A, "enable_user": A, "has_login_users": OWNER, "list_users": A,
    "reset_password": A, "set_login_policy": A, "set_role": A,
    # admin
    "check_database": OWNER, "create_demo_data": OWNER, "database_status": OWNER,
    "refold_statistics": OWNER,
    "upgrade_register": OWNER, "export_public_key_file": A, "rotate_key": A,
    "export_revocation_list": S, "public_keys": C,
    "create_root_key": A, "export_key_set": A, "export_partner_page": A, "trusted_keys": C,
    "verify_against_register": C,
    # applications
    "apply": C, "decide": C,
    # approvals (four-eyes rule): the counter sees whether a decision waits; supervisors
    # work the queue; the switch and the margin are the administrator's
    "approval_settings": C, "decision_approval": C, "approval_queue": S,
    "confirm_approval": S, "return_approval": S, "set_approval_settings": A,
    # audit: the trail is for supervisors
    "anchor_head": S, "audit_entities": S, "list_events": S, "verify_trail": S,
    # continuity: backups are the database owner's, like db upgrade
    "backup_if_due": OWNER, "backup_policy": OWNER, "create_backup": OWNER,
    "list_backups": OWNER, "restore_backup": OWNER, "set_backup_policy": OWNER,
    # household: reading and editing the register is the counter's work
    "add_income": C, "add_member": C, "add_notice": C, "change_role": C,
    "check_household_changes": C, "correct_income": C, "correct_notice": C,
    "create_household": C, "end_income": C, "end_membership": C,
    "find_possible_duplicates": C, "household_data_changes": C, "household_details": C,
    "household_history": C, "household_prints": C, "move_household": C,
    "move_person_to_household": C, "record_distinction": C, "remove_income": C,
    "remove_notice": C, "save_household_changes": C, "set_photo": C, "update_person": C,
    # objections: the counter records them and their steps; the supervisor (the
    # Widerspruchsstelle) rejects or remedies
    "household_objections": C, "lodge_objection": C, "objection_details": C,
    "open_objections": C, "set_follow_up": C, "start_review": C, "withdraw_objection": C,
    "reject_objection": S, "remedy_objection": S,
    "objection_register": C, "objection_statistics": C, "export_objection_statistics": C,
    # passes
    "count_pass_holders": C, "decide_and_issue": C, "issue_passes": C, "list_passes": C,
    "renew_pass": C, "renew_passes": C, "renewal_queue": C, "replace_pass": S,
    "revoke_pass": S,
    # printing
    "passes_issued_on": C, "print_application_form": C, "print_cards": C,
    "print_decision_letter": C, "print_objection_letter": C,
    "print_renewal_reminders": C, "print_sheet_issued_on": C,
    # privacy: a request under Art. 15 DSGVO is answered at the counter
    "export_person": C,
    # register_import: taking over an existing register is the administrator's
    "import_register": A,
    # search
    "import_directory": A, "search_persons": C, "suggest_stadtteil": C,
    # statistics
    "count_rows": S, "export_statistics": C, "policy_impact": S,
    # retention: the counter may tell how long data is kept; erasure on request is a
    # supervisor's decision; the schedule and its runs are the administrator's
    "retention_classes": C, "erase_person": S, "run_retention": A, "set_retention_period": A,
    # vouchers: handed out at the counter; the month's list (names) is the supervisor's
    "hand_out_vouchers": C, "voucher_list": S, "export_voucher_list": S,
    "check_vouchers": C, "print_voucher_receipt": C,
}
RANK = {C: 1, S: 2, A: 3}


def services() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function of a services package that works on a register."""
    for package in PACKAGES:
        module = importlib.import_module(f"kpass.services.{package}")
        for name in module.__all__:
            function = getattr(module, name)
            if not inspect.isfunction(function):
                continue
            parameters = inspect.signature(function).parameters
            assert "uow" not in parameters, f"{package}.{name} hands a UnitOfWork to callers"
            if "database" in parameters:
                yield name, function


SERVICES = dict(services())


def test_every_service_has_a_reviewed_entry() -> None:
    missing = sorted(set(SERVICES) - set(EXPECTED))
    assert not missing, f"no entry in EXPECTED for {missing}: decide who may call them"
    assert not sorted(set(EXPECTED) - set(SERVICES)), "EXPECTED names a service that is gone"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_service_is_guarded_as_reviewed(name: str) -> None:
    permission = permission_of(SERVICES[name])
    assert permission is not None, f"{name} carries neither @requires nor @owner_command"
    if EXPECTED[name] in (OWNER, LOGIN_MECHANICS):
        assert permission == EXPECTED[name]
    else:
        from kpass.services.access import LOWEST_ROLE

        assert permission not in (OWNER, LOGIN_MECHANICS), f"{name} needs a login"
        assert LOWEST_ROLE[permission] == EXPECTED[name], name  # type: ignore[index]


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Any) -> Iterator[Database]:
    """One register with a user of each role (the guard is the same on both databases)."""
    import shutil

    from kpass.models.engine import open_database

    path = tmp_path_factory.mktemp("roles") / "kpass.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    log_in_admin(database)
    for role in (C, S):
        log_in_as(database, role)
        log_in_admin(database)
    yield database
    database.dispose()


@pytest.mark.parametrize("role", [C, S, A])
def test_each_role_is_refused_exactly_what_it_may_not_do(register: Database, role: str) -> None:
    if role == A:
        log_in_admin(register)
    else:
        log_in_as(register, role)
    for name, function in sorted(SERVICES.items()):
        if EXPECTED[name] in (OWNER, LOGIN_MECHANICS):
            continue
        allowed = RANK[role] >= RANK[EXPECTED[name]]
        # Only the register is given: the guard decides before the use case looks at its
        # arguments, so a refusal is PermissionDenied and a pass is mostly the missing
        # arguments (a use case that needs none just runs: they all only read).
        if allowed:
            try:
                function(register)
            except PermissionDenied:
                pytest.fail(f"{role} was refused {name}")
            except (TypeError, KpassError):
                pass  # past the guard: missing arguments, or the use case's own answer
        else:
            with pytest.raises(PermissionDenied):
                function(register)


def test_without_a_login_every_guarded_service_is_refused(register: Database) -> None:
    log_out(register)
    try:
        for name, function in sorted(SERVICES.items()):
            if EXPECTED[name] not in (OWNER, LOGIN_MECHANICS):
                with pytest.raises(PermissionDenied, match="Nobody is logged in"):
                    function(register)
    finally:
        log_in_admin(register)


@pytest.mark.parametrize("package", PACKAGES)
def test_each_services_package_imports_on_its_own(package: str) -> None:
    """No import cycle hides behind the order in which the tests happen to import."""
    result = subprocess.run(
        [sys.executable, "-c", f"import kpass.services.{package}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
