"""Row-level security on PostgreSQL: each issuer's seats see only their issuer's register.

The Sozialregion shares one PostgreSQL register. Which rows a connection sees is decided by
the database, from the **role** the connection logged in as, so that no query through that
connection — a service, or any raw SQL — reaches another issuer's households:

* ``kpass_issuer_<code>`` (``kpass_issuer_ka``, ``kpass_issuer_et``): a group role without
  login per issuer. A seat's login role is a member of exactly one.
* ``kpass_region``: the group role of the regional supervisors' seats; sees every row.
* The owner of the tables (who runs ``kpass db upgrade``) and superusers are not subject to
  the policies (PostgreSQL exempts them); seats never connect as either.

A role is a member of a group role only when someone with the right to grant it (the
administrator) said so; a session cannot change that (``SET ROLE`` only narrows to a role it
is a member of already, and ``current_user`` is what the policies ask about, not a session
variable). The policies:

* rows with an issuer column (household, decision, pass, statistics rows) are visible when
  the issuer is one of the role's issuers;
* a person is visible when recorded by such an issuer or a member of a visible household;
  a decision also when its application is visible, a pass also when its holder is a member
  of a visible household (a household that moved keeps its history);
* every other row of a case file is visible when the row it belongs to is visible
  (``EXISTS`` on that row, which is itself filtered by its own policy): addresses, members,
  notices, applications, objections and four-eyes approvals by household; incomes, photos,
  search words, distinctions and vouchers by person; validity periods by pass; prints by
  what they show.

The same condition is the ``WITH CHECK`` of every policy: a seat of issuer A can neither
write a row of issuer B nor change one of its rows into B's.

Not covered, by design: the users, the audit trail (its hash chain must be verifiable in
whole; it names ids and codes, not persons), signing keys, counters, settings, Stadtteile and
the street directory — shared by the region.

Everything here is idempotent and runs after every ``kpass db upgrade`` on PostgreSQL
(:func:`apply_row_security`); SQLite (a single office) has no roles and ignores it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

ISSUER_ROLE_PREFIX = "kpass_issuer_"
REGION_ROLE = "kpass_region"

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION kpass_sees_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = '{REGION_ROLE}'
                 AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))
$$;
CREATE OR REPLACE FUNCTION kpass_visible_issuers() RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(substr(r.rolname, {len(ISSUER_ROLE_PREFIX) + 1})), '{{}}')
  FROM pg_catalog.pg_roles r
  WHERE r.rolname LIKE '{ISSUER_ROLE_PREFIX.replace("_", chr(92) + "_")}%'
    AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
$$;
-- what the policies ask: NULL for a regional role (every issuer), else its issuers
CREATE OR REPLACE FUNCTION kpass_seat_issuers() RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN kpass_sees_all() THEN NULL ELSE kpass_visible_issuers() END
$$;
"""

# Whether a print shows anything at all: read past the policies (the owner's right), so that
# a print without references (a blank form) is not mistaken for one of another issuer.
_PRINT_FUNCTION = """
CREATE OR REPLACE FUNCTION kpass_print_has_references(print integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT EXISTS (SELECT 1 FROM public.print_reference r WHERE r.print_id = print)
$$;
"""


def _issuer(column: str) -> str:
    # The sub-select is evaluated once per query (an InitPlan), not once per row; the cast
    # makes it an array expression, not a "= ANY (sub-select)" over rows. NULL (a regional
    # role) stands for every issuer: the row's own.
    return (f"({column} = ANY (coalesce(CAST((SELECT kpass_seat_issuers()) AS text[]), "
            f"ARRAY[{column}::text])))")


def _exists(table: str, column: str, key: str = "id") -> str:
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.{key} = {column})"


#: table → the condition under which a row is visible and may be written
POLICIES: dict[str, str] = {
    "household": _issuer("issuer"),
    "person": f"{_issuer('issuer')} OR "
              "EXISTS (SELECT 1 FROM household_member x WHERE x.person_id = person.id)",
    "decision": f"{_issuer('issuer')} OR {_exists('application', 'decision.application_id')}",
    # the holder is a member of a visible household (one level less than "the holder is
    # visible": the policies nest, and every level costs planning time)
    "pass": f"{_issuer('issuer')} OR "
            "EXISTS (SELECT 1 FROM household_member x WHERE x.person_id = pass.person_id)",
    "stat_record": _issuer("issuer"),
    "stat_month": _issuer("issuer"),
    "household_address": _exists("household", "household_address.household_id"),
    "household_member": _exists("household", "household_member.household_id"),
    "benefit_notice": _exists("household", "benefit_notice.household_id"),
    "application": _exists("household", "application.household_id"),
    "objection": _exists("household", "objection.household_id"),
    "decision_approval": _exists("household", "decision_approval.household_id"),
    "benefit_notice_person": _exists("benefit_notice", "benefit_notice_person.notice_id"),
    "income": _exists("person", "income.person_id"),
    "person_photo": _exists("person", "person_photo.person_id"),
    "person_search_token": _exists("person", "person_search_token.person_id"),
    "person_distinction": _exists("person", "person_distinction.person_id"),
    "voucher_issue": _exists("person", "voucher_issue.person_id"),
    "pass_validity": _exists("pass", "pass_validity.pass_id"),
    "print_reference": (
        f"{_exists('pass', 'print_reference.pass_id')} OR "
        f"{_exists('decision', 'print_reference.decision_id')} OR "
        f"{_exists('application', 'print_reference.application_id')}"
    ),
    "print_record": (
        "NOT kpass_print_has_references(print_record.id) OR "
        "EXISTS (SELECT 1 FROM print_reference x WHERE x.print_id = print_record.id)"
    ),
}
POLICY_NAME = "kpass_issuer"


@dataclass(frozen=True)
class SeatScope:
    """What the connection's role sees: ``issuers`` ``None`` means every issuer."""

    role: str
    issuers: frozenset[str] | None

    @property
    def regional(self) -> bool:
        return self.issuers is None


def seat_scope(connection: Connection) -> SeatScope:
    """The issuers whose rows the connection's role sees (PostgreSQL only).

    Superusers and the owner of the tables see all (row-level security exempts them); a
    member of ``kpass_region`` sees all; else the issuers of its ``kpass_issuer_*`` roles
    (none: it sees no case file at all)."""
    role, superuser, owner = connection.execute(text(
        "SELECT current_user, r.rolsuper OR r.rolbypassrls, "
        "coalesce((SELECT pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE') "
        "FROM pg_catalog.pg_class c WHERE c.oid = to_regclass('household')), false) "
        "FROM pg_catalog.pg_roles r WHERE r.rolname = current_user"
    )).one()
    if superuser or owner:
        return SeatScope(str(role), None)
    if not _has_functions(connection):
        return SeatScope(str(role), None)  # a register without row security (before 0016)
    sees_all, issuers = connection.execute(
        text("SELECT kpass_sees_all(), kpass_visible_issuers()")
    ).one()
    return SeatScope(str(role), None if sees_all else frozenset(issuers or ()))


def owns_the_register(connection: Connection) -> bool:
    """Whether the connection's role owns the tables (it may set the policies)."""
    return bool(connection.execute(text(
        "SELECT coalesce((SELECT pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE') "
        "FROM pg_catalog.pg_class c WHERE c.oid = to_regclass('household')), false)"
    )).scalar_one())


def _has_functions(connection: Connection) -> bool:
    return bool(connection.execute(
        text("SELECT to_regprocedure('kpass_visible_issuers()') IS NOT NULL")
    ).scalar_one())


def issuer_role(code: str) -> str:
    return f"{ISSUER_ROLE_PREFIX}{code}"


def apply_row_security(connection: Connection, issuer_codes: list[str]) -> list[str]:
    """Create or update the group roles, their grants and the policies; returns the group
    roles it could not create (the connection's role lacks CREATEROLE), which then must be
    created by an administrator before seats use them (and the upgrade run again)."""
    missing = []
    can_create = bool(connection.execute(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user"
    )).scalar_one())
    for role in [REGION_ROLE, *(issuer_role(code) for code in issuer_codes)]:
        exists = connection.execute(
            text("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :r"), {"r": role}
        ).first()
        if exists is None and can_create:
            # Roles belong to the whole cluster: another register's upgrade may create it
            # at the same moment.
            connection.execute(text(
                f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; "
                "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
            ))
        elif exists is None:
            missing.append(role)
    connection.execute(text(_FUNCTIONS))
    connection.execute(text(_PRINT_FUNCTION))
    connection.execute(text(
        "REVOKE ALL ON FUNCTION kpass_print_has_references(integer) FROM PUBLIC"))
    tables = set(connection.execute(text(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    )).scalars())
    for table, condition in POLICIES.items():
        connection.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
        connection.execute(text(f'DROP POLICY IF EXISTS {POLICY_NAME} ON "{table}"'))
        connection.execute(text(
            f'CREATE POLICY {POLICY_NAME} ON "{table}" FOR ALL '
            f"USING ({condition}) WITH CHECK ({condition})"
        ))
    granted = [role for role in [REGION_ROLE, *(issuer_role(c) for c in issuer_codes)]
               if role not in missing]
    for role in granted:
        connection.execute(text(f"GRANT USAGE ON SCHEMA {_schema(connection)} TO {role}"))
        for table in sorted(tables):
            privileges = "SELECT" if table == "alembic_version" else (
                "SELECT, INSERT, UPDATE, DELETE")
            connection.execute(text(f'GRANT {privileges} ON "{table}" TO {role}'))
        connection.execute(text(
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {_schema(connection)} "
            f"TO {role}"
        ))
        connection.execute(text(
            f"GRANT EXECUTE ON FUNCTION kpass_print_has_references(integer) TO {role}"))
    return missing


def _schema(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_schema()")).scalar_one())
