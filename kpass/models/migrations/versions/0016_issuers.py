"""the issuer of households, persons, decisions, passes, statistics rows and users

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 18:15:00.000000

The municipalities of the Sozialregion Karlsruhe issue the same passes, each for its own
residents. Every row that belongs to one of them names its issuer by code (the rule set
prefix: ``ka`` Stadt Karlsruhe, ``et`` Ettlingen): the household (from its residence), the
person (the issuer that recorded them), the decision (whose rules decided), the pass (whose
prefix its number carries), the statistics row (whose decision or pass it counts). A user
may be bound to an issuer (``NULL``: the whole register). On PostgreSQL the row-level
security of ``kpass db upgrade`` keys on these columns (kpass.models.row_security).

Existing registers: the codes are written from what the rows say. A household whose current
address lies in Ettlingen belongs to ``et``; a decision whose rule set starts ``et-``, a pass
numbered ``ET-…``, a statistics row of such a rule set likewise; everything else was issued
by Stadt Karlsruhe (``ka``): every decision so far was taken under its rules. A person takes
the issuer of the household they last joined. Users stay unbound.

The mapping is written out here rather than read from the rule files: a migration must do
the same thing whenever it runs.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT = "ka"
#: The configured issuers other than Karlsruhe when this migration was written:
#: (code, municipality, pass number prefix).
OTHERS = (("et", "ettlingen", "ET"),)

#: table → index on its issuer
ISSUER_TABLES = {
    "household": ("ix_household_issuer", ["issuer"]),
    "person": ("ix_person_issuer", ["issuer"]),
    "decision": ("ix_decision_issuer", ["issuer", "decided_on"]),
    "pass": ("ix_pass_issuer", ["issuer"]),
    "stat_record": None,
}


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in ISSUER_TABLES:
        # The default fills the existing rows in one step; kpass always writes the column.
        op.add_column(
            table,
            sa.Column("issuer", sa.String(length=8), nullable=False, server_default=DEFAULT),
        )
    op.add_column("app_user", sa.Column("issuer", sa.String(length=8), nullable=True))

    for code, municipality, prefix in OTHERS:
        params = {"code": code, "municipality": municipality, "prefix": f"{prefix}-%",
                  "rule_set": f"{code}-%"}
        op.execute(sa.text(
            "UPDATE household SET issuer = :code WHERE EXISTS ("
            "SELECT 1 FROM household_address a WHERE a.household_id = household.id "
            "AND a.valid_until IS NULL AND lower(trim(a.municipality)) = :municipality)"
        ).bindparams(**{k: params[k] for k in ("code", "municipality")}))
        op.execute(sa.text("UPDATE decision SET issuer = :code WHERE rule_set LIKE :rule_set")
                   .bindparams(code=code, rule_set=params["rule_set"]))
        op.execute(sa.text("UPDATE stat_record SET issuer = :code WHERE rule_set LIKE :rule_set")
                   .bindparams(code=code, rule_set=params["rule_set"]))
        op.execute(sa.text("UPDATE pass SET issuer = :code WHERE number LIKE :prefix")
                   .bindparams(code=code, prefix=params["prefix"]))
    op.execute(sa.text(
        "UPDATE person SET issuer = (SELECT h.issuer FROM household_member m "
        "JOIN household h ON h.id = m.household_id WHERE m.person_id = person.id "
        "ORDER BY m.valid_from DESC, m.id DESC LIMIT 1) "
        "WHERE EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = person.id)"
    ))
    if postgresql:
        # A row written without its issuer is refused rather than given Karlsruhe's.
        # (SQLite cannot drop a column default without rebuilding the table; kpass sets it.)
        for table in ISSUER_TABLES:
            op.alter_column(table, "issuer", server_default=None)
    for table, index in ISSUER_TABLES.items():
        if index is not None:
            op.create_index(index[0], table, index[1])


def downgrade() -> None:
    for table, index in ISSUER_TABLES.items():
        if index is not None:
            op.drop_index(index[0], table_name=table)
    for table in (*ISSUER_TABLES, "app_user"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("issuer")
