"""``kpass db check``: storage integrity, foreign keys and the register's invariants."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Date, TextClause, bindparam, text

from kpass.models.engine import Database, register_files
from kpass.rules import configured_issuers, is_valid_pass_number, issuer_of_municipality
from kpass.services.access.guard import owner_command
from kpass.services.household.identity import CHECK_YEARS, duplicate_pass_holders
from kpass.services.month_counts import differences
from kpass.settings import open_to_others

# Each invariant: a description and a query returning the offending ids (first column)
# and enough to find the row. Kept in SQL so it runs on SQLite and PostgreSQL alike.
INVARIANTS: tuple[tuple[str, str], ...] = (
    (
        "household without any member",
        "SELECT h.id FROM household h WHERE NOT EXISTS "
        "(SELECT 1 FROM household_member m WHERE m.household_id = h.id)",
    ),
    (
        "person who never belonged to a household",
        "SELECT p.id FROM person p WHERE NOT EXISTS "
        "(SELECT 1 FROM household_member m WHERE m.person_id = p.id)",
    ),
    (
        "pass without a validity period (and so without its decision)",
        "SELECT p.id FROM pass p WHERE NOT EXISTS "
        "(SELECT 1 FROM pass_validity v WHERE v.pass_id = p.id)",
    ),
    (
        "pass validity without an existing decision",
        "SELECT v.pass_id FROM pass_validity v WHERE NOT EXISTS "
        "(SELECT 1 FROM decision d WHERE d.id = v.decision_id)",
    ),
    (
        "pass number used more than once",
        "SELECT MIN(id) FROM pass GROUP BY number HAVING COUNT(*) > 1",
    ),
    (
        "overlapping validity periods of one pass",
        "SELECT a.pass_id FROM pass_validity a JOIN pass_validity b "
        "ON a.pass_id = b.pass_id AND a.id < b.id "
        "AND a.valid_from <= b.valid_until AND b.valid_from <= a.valid_until",
    ),
    (
        # Revocations and replacements count from their day: a pass replaced on a day and
        # its successor from that day, or a pass revoked from a future day, do not overlap.
        "person holding two passes valid on the same day",
        "SELECT pa.person_id FROM pass pa "
        "JOIN pass pb ON pb.person_id = pa.person_id AND pb.id > pa.id "
        "JOIN pass_validity a ON a.pass_id = pa.id "
        "JOIN pass_validity b ON b.pass_id = pb.id "
        "WHERE a.valid_from <= b.valid_until AND b.valid_from <= a.valid_until "
        "AND (pa.revoked_on IS NULL OR pa.revoked_on > "
        "CASE WHEN a.valid_from > b.valid_from THEN a.valid_from ELSE b.valid_from END) "
        "AND (pb.revoked_on IS NULL OR pb.revoked_on > "
        "CASE WHEN a.valid_from > b.valid_from THEN a.valid_from ELSE b.valid_from END) "
        "GROUP BY pa.person_id",
    ),
    (
        "pass revoked or replaced before its first day of validity",
        "SELECT p.id FROM pass p WHERE p.revoked_on < "
        "(SELECT MIN(v.valid_from) FROM pass_validity v WHERE v.pass_id = p.id)",
    ),
    (
        "overlapping addresses of one household",
        "SELECT a.household_id FROM household_address a JOIN household_address b "
        "ON a.household_id = b.household_id AND a.id < b.id "
        "AND (a.valid_until IS NULL OR b.valid_from <= a.valid_until) "
        "AND (b.valid_until IS NULL OR a.valid_from <= b.valid_until)",
    ),
    (
        "household without an address",
        "SELECT h.id FROM household h WHERE NOT EXISTS "
        "(SELECT 1 FROM household_address a WHERE a.household_id = h.id)",
    ),
    (
        "decision of an application that does not exist",
        "SELECT d.id FROM decision d WHERE NOT EXISTS "
        "(SELECT 1 FROM application a WHERE a.id = d.application_id)",
    ),
)

MAX_LISTED = 20


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    # What is worth knowing but is no problem (e.g. revocations dated in the future).
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sqlite_storage(connection: Connection, report: CheckReport) -> None:
    rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        report.problems += [f"storage: {r[0]}" for r in rows[:MAX_LISTED]]
    violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _fk in violations[:MAX_LISTED]:
        report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    if len(violations) > MAX_LISTED:
        report.problems.append(f"foreign key: … and {len(violations) - MAX_LISTED} more")


_FILE_NAMES: dict[str, tuple[str, str]] = {
    "-wal": ("WAL file", "WAL-Datei"),
    "-shm": ("shared-memory file", "Shared-Memory-Datei"),
    "-journal": ("journal file", "Journaldatei"),
}


def _file_modes(path: Path, report: CheckReport) -> None:
    """The register's files and their folder are the owner's alone (opening tightened what
    this user owns; what is left belongs to somebody else or could not be changed)."""
    named: list[tuple[Path, str, str]] = [(path.parent, "data folder", "Datenordner")]
    for file in register_files(path):
        suffix = next((s for s in _FILE_NAMES if file.name == path.name + s), None)
        if suffix is not None:
            named.append((file, *_FILE_NAMES[suffix]))
        elif file == path:
            named.append((file, "database file", "Datenbankdatei"))
        else:
            named.append((file, "copy of the database", "Kopie der Datenbank"))
    for target, what_en, what_de in named:
        if open_to_others(target) is None:
            continue
        try:
            mode = f"{stat.S_IMODE(target.stat().st_mode):04o}"
        except OSError:  # a -wal file removed meanwhile
            continue
        wanted = "0700" if target.is_dir() else "0600"
        report.problems.append(
            f"{what_en} open to other users of this computer: {target} (mode {mode}, should "
            f"be {wanted}: chmod {wanted[1:]}) — {what_de} für andere Benutzer dieses "
            f"Rechners zugänglich: {target} (Modus {mode}, richtig wäre {wanted})"
        )


def _invariant(
    connection: Connection,
    description: str,
    sql: str | TextClause,
    report: CheckReport,
    parameters: dict[str, object] | None = None,
) -> None:
    statement = text(sql) if isinstance(sql, str) else sql
    ids = [row[0] for row in connection.execute(statement, parameters or {}).fetchall()]
    if ids:
        shown = ", ".join(str(i) for i in ids[:MAX_LISTED])
        more = f" (and {len(ids) - MAX_LISTED} more)" if len(ids) > MAX_LISTED else ""
        report.problems.append(f"{description}: {len(ids)} × — ids {shown}{more}")


def _pass_numbers(connection: Connection, report: CheckReport) -> None:
    """Every stored number carries valid check digits under its issuer's prefix (a typed-in
    import could not; a number of another issuer's prefix is wrong as well)."""
    prefixes = {issuer.code: issuer.pass_prefix for issuer in configured_issuers()}
    bad = [
        (pass_id, number)
        for pass_id, number, issuer in connection.execute(
            text("SELECT id, number, issuer FROM pass"))
        if issuer not in prefixes or not number.startswith(f"{prefixes[issuer]}-")
        or not is_valid_pass_number(number, prefixes[issuer])
    ]
    if bad:
        shown = ", ".join(f"{number} (id {pass_id})" for pass_id, number in bad[:MAX_LISTED])
        # (under its issuer's prefix: a number with another issuer's prefix is one too)
        report.problems.append(f"pass number with wrong check digits: {len(bad)} × — {shown}")


def _residences(connection: Connection, report: CheckReport) -> None:
    """A household's issuer is the issuer of its current address's municipality."""
    rows = connection.execute(text(
        "SELECT h.id, h.issuer, a.municipality FROM household h JOIN household_address a "
        "ON a.household_id = h.id AND a.valid_until IS NULL "
        "WHERE NOT EXISTS (SELECT 1 FROM household_address b WHERE b.household_id = h.id "
        "AND b.valid_until IS NULL AND (b.valid_from > a.valid_from "
        "OR (b.valid_from = a.valid_from AND b.id > a.id)))"
    ))
    wrong = sorted(int(h) for h, issuer, municipality in rows
                   if issuer != issuer_of_municipality(municipality).code)
    if wrong:
        shown = ", ".join(str(i) for i in wrong[:MAX_LISTED])
        report.problems.append(
            f"household whose issuer is not that of its residence: {len(wrong)} × — ids {shown}")


def _revocations(connection: Connection, today: date, report: CheckReport) -> None:
    """A revocation may be dated in the future (spec 5): the pass is active until then, so
    it is only noted. A replacement by a new card happens on the day that card is made:
    one dated in the future must never exist. (Before the second edition a Kinderpass was
    marked replaced from the first day of the Karlsruher Pass that followed it, which may
    lie in the future; no card names it as replaced, so it is not counted here.)"""
    day = bindparam("today", type_=Date)
    pending = connection.execute(
        text(
            "SELECT COUNT(*) FROM pass WHERE status = 'revoked' AND revoked_on > :today"
        ).bindparams(day),
        {"today": today},
    ).scalar_one()
    if pending:
        report.notes.append(
            f"passes revoked from a future day (active until then): {pending} ×"
        )
    _invariant(
        connection,
        "pass replaced on a future day",
        text(
            "SELECT p.id FROM pass p WHERE p.status = 'replaced' AND p.revoked_on > :today "
            "AND EXISTS (SELECT 1 FROM pass n WHERE n.replaces_pass_id = p.id)"
        ).bindparams(day),
        report,
        {"today": today},
    )


def _likely_duplicates(connection: Connection, today: date, report: CheckReport) -> None:
    """One person registered twice, holding a pass under each record: what issuing refuses
    since schema 0010, found where it got in before (or around the services). The same
    name and birth date is a problem; a similar one (a typo, a name change — or twins) is
    noted for a person to look at."""
    pairs = duplicate_pass_holders(connection, today)
    for kind, target, description in (
        ("exact", report.problems,
         "likely one person registered twice (same name and birth date) with passes valid in "
         f"overlapping periods (holders of the last {CHECK_YEARS} years)"),
        ("similar", report.notes,
         "possibly one person registered twice (similar name or birth date), both holding a "
         "pass valid today"),
    ):
        found = [f"{p.person_id}/{p.other_person_id}" for p in pairs if p.reason == kind]
        if found:
            shown = ", ".join(found[:MAX_LISTED])
            more = f" (and {len(found) - MAX_LISTED} more)" if len(found) > MAX_LISTED else ""
            target.append(
                f"{description}: {len(found)} × — person ids {shown}{more}; different people "
                "are recorded as such (person_distinction)"
            )


def _month_sums(database: Database, report: CheckReport) -> None:
    # rows and sums read in one snapshot: seats may commit during the minute it takes
    engine = database.engine
    if not database.is_sqlite:  # SQLite's read transaction is one snapshot already
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as connection, connection.begin():
        wrong = differences(connection)
    if wrong:
        first = min(wrong)
        stored, expected = wrong[first]
        report.problems.append(
            f"monthly statistics count differs from the statistics rows: {len(wrong)} × — "
            f"first {first[0]:%Y-%m} {'/'.join(first[1:])}: {stored} kept, {expected} "
            "from the rows (rebuild: kpass db refold)")


@owner_command
def check_database(database: Database, *, today: date | None = None) -> CheckReport:
    """Run every check; nothing is written."""
    report = CheckReport()
    with database.connect() as connection:
        if database.is_sqlite:
            _sqlite_storage(connection, report)
        for description, sql in INVARIANTS:
            _invariant(connection, description, sql, report)
        _revocations(connection, today or date.today(), report)
        _pass_numbers(connection, report)
        _residences(connection, report)
        _likely_duplicates(connection, today or date.today(), report)
        _month_sums(database, report)
        if database.sqlite_path is not None:  # while connected: with its -wal and -shm
            _file_modes(database.sqlite_path, report)
    return report
