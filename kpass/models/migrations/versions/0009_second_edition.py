"""second edition of the rules, statistics without links, no overlapping validity

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 17:10:00.000000

- Benefit notices may be open-ended ("bis auf Weiteres"): ``valid_until`` may be null.
- Persons get an optional salutation (Frau/Herr) for letters.
- Statistics rows no longer share a key with the pass (``pass_ref``/``stat_ref``) and no
  longer flag 29 February births: a revocation is written as a row of weight -1 for the
  days it takes back, filled here from ``revoked_on``; a decision keeps the household type
  its rows were counted under, so that a later decision of the same application can take
  them back.
- The validity periods of one pass never overlap: an exclusion constraint on PostgreSQL,
  triggers on SQLite.
- ``register_setting`` marks a demo database.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EVENTS_BEFORE = ("decided", "eligible", "rejected", "new", "renewed", "replaced")
_EVENTS = (*_EVENTS_BEFORE, "revoked")

_SQLITE_OVERLAP_CHECK = """
    SELECT RAISE(ABORT, 'overlapping validity periods of one pass')
    WHERE EXISTS (
        SELECT 1 FROM pass_validity AS other
        WHERE other.pass_id = NEW.pass_id AND other.id IS NOT NEW.id
          AND other.valid_from <= NEW.valid_until AND other.valid_until >= NEW.valid_from
    );
"""


def _check_in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _backfill_household_types() -> None:
    # The last moment the pass key links a decision to its statistics rows: keep the type.
    op.execute(
        """
        UPDATE decision SET household_type = (
            SELECT s.household_type FROM pass_validity AS v
            JOIN pass AS p ON p.id = v.pass_id
            JOIN stat_record AS s ON s.pass_ref = p.stat_ref AND s.record_kind = 'pass_validity'
                 AND s.valid_from = v.valid_from AND s.valid_until = v.valid_until
            WHERE v.decision_id = decision.id
            LIMIT 1)
        """
    )


def _fold_feb_29() -> None:
    """Birth month 2 where the age is due at a February's end, else 3 (1 March)."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, record_kind, decided_on FROM stat_record WHERE born_feb_29 = :yes"
        ),
        {"yes": True},
    ).all()
    update = sa.text("UPDATE stat_record SET birth_month = :month WHERE id = :id")
    params = []
    for row_id, kind, decided_on in rows:
        day = decided_on if isinstance(decided_on, date) else date.fromisoformat(str(decided_on))
        leap_february = day.month == 2 and calendar.isleap(day.year)
        month = 2 if kind != "pass_validity" and leap_february else 3
        params.append({"month": month, "id": row_id})
    if params:
        connection.execute(update, params)


def _revocations_as_rows() -> None:
    # born_feb_29 is copied although it is dropped below: it is NOT NULL without a default
    # in registers written since 0002; the INSERT finds rows only in a register with
    # revocations, which is why upgrades of empty or young registers never met it.
    op.execute(
        """
        INSERT INTO stat_record (record_kind, event, decided_on, valid_from, valid_until,
            pass_type, basis, stadtteil, household_type, birth_year, birth_month, rule_set,
            born_feb_29, weight)
        SELECT record_kind, 'revoked', revoked_on,
            CASE WHEN revoked_on > valid_from THEN revoked_on ELSE valid_from END,
            valid_until, pass_type, basis, stadtteil, household_type, birth_year,
            birth_month, rule_set, born_feb_29, -1
        FROM stat_record
        WHERE record_kind = 'pass_validity' AND revoked_on IS NOT NULL
          AND revoked_on <= valid_until
        """
    )


def upgrade() -> None:
    with op.batch_alter_table("benefit_notice") as batch:
        batch.drop_constraint(op.f("ck_benefit_notice_period"), type_="check")
        batch.alter_column("valid_until", existing_type=sa.Date(), nullable=True)
        batch.create_check_constraint(
            "period", "valid_until IS NULL OR valid_until >= valid_from"
        )

    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("salutation", sa.String(length=4), nullable=True))
        batch.create_check_constraint("salutation", _check_in("salutation", ("frau", "herr")))

    op.add_column("decision", sa.Column("household_type", sa.String(length=16), nullable=True))
    _backfill_household_types()

    op.add_column(
        "stat_record",
        sa.Column("weight", sa.Integer(), server_default="1", nullable=False),
    )
    _fold_feb_29()
    with op.batch_alter_table("stat_record") as batch:
        batch.drop_constraint(op.f("ck_stat_record_event"), type_="check")
        batch.create_check_constraint("event", _check_in("event", _EVENTS))
        batch.create_check_constraint("weight", "weight IN (1, -1)")
    _revocations_as_rows()
    op.drop_index("ix_stat_record_pass_ref", table_name="stat_record")
    with op.batch_alter_table("stat_record") as batch:
        batch.drop_column("pass_ref")
        batch.drop_column("born_feb_29")
        batch.drop_column("revoked_on")

    unique = {c["name"] for c in sa.inspect(op.get_bind()).get_unique_constraints("pass")}
    with op.batch_alter_table("pass") as batch:
        # Databases that went through batch copies on SQLite may hold it unnamed.
        if "uq_pass_stat_ref" in unique:
            batch.drop_constraint(op.f("uq_pass_stat_ref"), type_="unique")
        batch.drop_column("stat_ref")

    op.create_table(
        "register_setting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_register_setting")),
    )

    if _sqlite():
        for event in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER tr_pass_validity_no_overlap_{event.lower()} "
                f"BEFORE {event} ON pass_validity FOR EACH ROW BEGIN {_SQLITE_OVERLAP_CHECK} END"
            )
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE pass_validity ADD CONSTRAINT ex_pass_validity_no_overlap "
            "EXCLUDE USING gist (pass_id WITH =, "
            "daterange(valid_from, valid_until, '[]') WITH &&)"
        )


def downgrade() -> None:
    if _sqlite():
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS tr_pass_validity_no_overlap_{event}")
    else:
        op.execute("ALTER TABLE pass_validity DROP CONSTRAINT ex_pass_validity_no_overlap")
    op.drop_table("register_setting")
    with op.batch_alter_table("pass") as batch:
        batch.add_column(sa.Column("stat_ref", sa.String(length=32), nullable=True))
    with op.batch_alter_table("stat_record") as batch:
        batch.add_column(sa.Column("revoked_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("born_feb_29", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("pass_ref", sa.String(length=32), nullable=True))
    # Revocations cannot be joined back to their periods without the key: the rows of
    # weight -1 are dropped, and with them the revocation dates in the statistics.
    op.execute("DELETE FROM stat_record WHERE weight = -1")
    with op.batch_alter_table("stat_record") as batch:
        batch.drop_constraint(op.f("ck_stat_record_weight"), type_="check")
        batch.drop_constraint(op.f("ck_stat_record_event"), type_="check")
        batch.create_check_constraint("event", _check_in("event", _EVENTS_BEFORE))
        batch.drop_column("weight")
    op.create_index("ix_stat_record_pass_ref", "stat_record", ["pass_ref"])
    with op.batch_alter_table("decision") as batch:
        batch.drop_column("household_type")
    with op.batch_alter_table("person") as batch:
        batch.drop_constraint(op.f("ck_person_salutation"), type_="check")
        batch.drop_column("salutation")
    # The old schema knows no open-ended notice: the furthest date keeps its meaning.
    op.execute("UPDATE benefit_notice SET valid_until = '9999-12-31' WHERE valid_until IS NULL")
    with op.batch_alter_table("benefit_notice") as batch:
        batch.drop_constraint(op.f("ck_benefit_notice_period"), type_="check")
        batch.alter_column("valid_until", existing_type=sa.Date(), nullable=False)
        batch.create_check_constraint("period", "valid_until >= valid_from")
