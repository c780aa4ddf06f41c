"""Who may do what: logins, roles and the users of the register."""

from kpass.services.access.guard import (
    can,
    check_permission,
    login_mechanics,
    owner_command,
    permission_of,
    requires,
)
from kpass.services.access.logins import log_in
from kpass.services.access.passwords import use_cheap_hashing_for_tests
from kpass.services.access.permissions import LOWEST_ROLE, ROLE_LABELS, Permission, role_allows
from kpass.services.access.users import (
    UserRow,
    add_user,
    change_own_password,
    create_first_admin,
    disable_user,
    enable_user,
    has_login_users,
    list_users,
    reset_password,
    set_login_policy,
    set_role,
)
from kpass.services.login_session import SYSTEM_USERNAME, Login, current_login, log_out

# marked here: login_session sits below the access package (the UnitOfWork imports it)
login_mechanics(current_login)
login_mechanics(log_out)

__all__ = [
    "LOWEST_ROLE",
    "ROLE_LABELS",
    "SYSTEM_USERNAME",
    "Login",
    "Permission",
    "UserRow",
    "add_user",
    "can",
    "change_own_password",
    "check_permission",
    "create_first_admin",
    "current_login",
    "disable_user",
    "enable_user",
    "has_login_users",
    "list_users",
    "log_in",
    "log_out",
    "owner_command",
    "permission_of",
    "requires",
    "reset_password",
    "role_allows",
    "set_login_policy",
    "set_role",
    "use_cheap_hashing_for_tests",
]
