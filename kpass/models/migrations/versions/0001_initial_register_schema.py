"""initial register schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 16:02:03.283123
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The 27 Stadtteile as of this schema (resources/stadtteile.csv at the time);
# a later change of names is a migration of its own.
STADTTEILE = [
    ("01", "Innenstadt-Ost"),
    ("02", "Innenstadt-West"),
    ("03", "Südstadt"),
    ("04", "Südweststadt"),
    ("05", "Weststadt"),
    ("06", "Nordweststadt"),
    ("07", "Oststadt"),
    ("08", "Mühlburg"),
    ("09", "Daxlanden"),
    ("10", "Knielingen"),
    ("11", "Grünwinkel"),
    ("12", "Oberreut"),
    ("13", "Beiertheim-Bulach"),
    ("14", "Weiherfeld-Dammerstock"),
    ("15", "Rüppurr"),
    ("16", "Waldstadt"),
    ("17", "Rintheim"),
    ("18", "Hagsfeld"),
    ("19", "Durlach"),
    ("20", "Grötzingen"),
    ("21", "Stupferich"),
    ("22", "Hohenwettersbach"),
    ("23", "Wolfartsweier"),
    ("24", "Grünwettersbach"),
    ("25", "Palmbach"),
    ("26", "Neureut"),
    ("27", "Nordstadt"),
]

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('caseworker', 'supervisor', 'admin')", name=op.f("ck_app_user_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=120), nullable=False),
        sa.Column("given_names", sa.String(length=160), nullable=False),
        sa.Column("family_name_key", sa.String(length=120), nullable=False),
        sa.Column("given_names_key", sa.String(length=160), nullable=False),
        sa.Column("sort_key", sa.String(length=300), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("disability", sa.Boolean(), nullable=False),
        sa.Column("foster_child", sa.Boolean(), nullable=False),
        sa.Column("died_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("sex IN ('f', 'm', 'd')", name=op.f("ck_person_sex")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_birth_date", ["birth_date", "sort_key"], unique=False)
        batch_op.create_index(
            "ix_person_family_key_birth", ["family_name_key", "birth_date"], unique=False
        )
        batch_op.create_index("ix_person_sort_key", ["sort_key", "id"], unique=False)

    op.create_table(
        "stadtteil",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_stadtteil")),
    )
    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("applicant_person_id", sa.Integer(), nullable=False),
        sa.Column("application_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("proofs", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('new', 'renewal')", name=op.f("ck_application_kind")),
        sa.CheckConstraint(
            "status IN ('open', 'decided', 'withdrawn')", name=op.f("ck_application_status")
        ),
        sa.ForeignKeyConstraint(
            ["applicant_person_id"],
            ["person.id"],
            name=op.f("fk_application_applicant_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_application_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_application_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(
            "ix_application_household", ["household_id", "application_date"], unique=False
        )

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_event_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_event_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "benefit_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("valid_until >= valid_from", name=op.f("ck_benefit_notice_period")),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_benefit_notice_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_notice")),
    )
    with op.batch_alter_table("benefit_notice", schema=None) as batch_op:
        batch_op.create_index(
            "ix_benefit_notice_household", ["household_id", "valid_until"], unique=False
        )

    op.create_table(
        "household_address",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("house_number", sa.String(length=12), nullable=False),
        sa.Column("postcode", sa.String(length=5), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("stadtteil_code", sa.String(length=2), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from",
            name=op.f("ck_household_address_period"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_household_address_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stadtteil_code"],
            ["stadtteil.code"],
            name=op.f("fk_household_address_stadtteil_code_stadtteil"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_address")),
    )
    with op.batch_alter_table("household_address", schema=None) as batch_op:
        batch_op.create_index(
            "ix_household_address_household", ["household_id", "valid_from"], unique=False
        )
        batch_op.create_index("ix_household_address_street", ["street"], unique=False)

    op.create_table(
        "household_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "role IN ('applicant', 'partner', 'child', 'other')",
            name=op.f("ck_household_member_role"),
        ),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from",
            name=op.f("ck_household_member_period"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_household_member_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_household_member_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_member")),
    )
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.create_index("ix_household_member_household", ["household_id"], unique=False)
        batch_op.create_index("ix_household_member_person", ["person_id"], unique=False)

    op.create_table(
        "income",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("period", sa.String(length=5), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("evidence", sa.String(length=200), nullable=False),
        sa.CheckConstraint("period IN ('month', 'year')", name=op.f("ck_income_period_kind")),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_income_amount_not_negative")),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from", name=op.f("ck_income_period")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_income_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_income")),
    )
    with op.batch_alter_table("income", schema=None) as batch_op:
        batch_op.create_index("ix_income_person", ["person_id"], unique=False)

    op.create_table(
        "pass",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("pass_type", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("revocation_reason", sa.Text(), nullable=True),
        sa.Column("replaces_pass_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(status = 'active' AND revoked_on IS NULL) OR (status <> 'active' AND revoked_on IS NOT NULL)",
            name=op.f("ck_pass_revocation_dated"),
        ),
        sa.CheckConstraint(
            "pass_type IN ('karlsruher_pass', 'kinderpass')", name=op.f("ck_pass_pass_type")
        ),
        sa.CheckConstraint(
            "status IN ('active', 'revoked', 'replaced')", name=op.f("ck_pass_status")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_pass_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_pass_id"], ["pass.id"], name=op.f("fk_pass_replaces_pass_id_pass")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass")),
        sa.UniqueConstraint("number", name=op.f("uq_pass_number")),
    )
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.create_index("ix_pass_person", ["person_id"], unique=False)

    op.create_table(
        "person_photo",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_photo_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_photo")),
    )
    op.create_table(
        "person_search_token",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=80), nullable=False),
        sa.Column("sort_key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_search_token_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "token", name=op.f("pk_person_search_token")),
    )
    with op.batch_alter_table("person_search_token", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_search_token_prefix", ["token", "sort_key", "person_id"], unique=False
        )

    op.create_table(
        "benefit_notice_person",
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["benefit_notice.id"],
            name=op.f("fk_benefit_notice_person_notice_id_benefit_notice"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_benefit_notice_person_person_id_person")
        ),
        sa.PrimaryKeyConstraint("notice_id", "person_id", name=op.f("pk_benefit_notice_person")),
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rule_set", sa.String(length=40), nullable=False),
        sa.Column("input_snapshot", sa.JSON(), nullable=False),
        sa.Column("output", sa.JSON(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_decision_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["app_user.id"], name=op.f("fk_decision_decided_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index("ix_decision_decided_on", ["decided_on"], unique=False)

    op.create_table(
        "pass_validity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pass_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('new', 'renewal', 'replacement')", name=op.f("ck_pass_validity_kind")
        ),
        sa.CheckConstraint("valid_until >= valid_from", name=op.f("ck_pass_validity_period")),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_pass_validity_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["pass_id"], ["pass.id"], name=op.f("fk_pass_validity_pass_id_pass"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_validity")),
    )
    with op.batch_alter_table("pass_validity", schema=None) as batch_op:
        batch_op.create_index("ix_pass_validity_pass", ["pass_id", "valid_until"], unique=False)
        batch_op.create_index("ix_pass_validity_until", ["valid_until", "valid_from"], unique=False)

    stadtteil = sa.table("stadtteil", sa.column("code", sa.String), sa.column("name", sa.String))
    op.bulk_insert(stadtteil, [{"code": code, "name": name} for code, name in STADTTEILE])


def downgrade() -> None:

    with op.batch_alter_table("pass_validity", schema=None) as batch_op:
        batch_op.drop_index("ix_pass_validity_until")
        batch_op.drop_index("ix_pass_validity_pass")

    op.drop_table("pass_validity")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index("ix_decision_decided_on")

    op.drop_table("decision")
    op.drop_table("benefit_notice_person")
    with op.batch_alter_table("person_search_token", schema=None) as batch_op:
        batch_op.drop_index("ix_person_search_token_prefix")

    op.drop_table("person_search_token")
    op.drop_table("person_photo")
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.drop_index("ix_pass_person")

    op.drop_table("pass")
    with op.batch_alter_table("income", schema=None) as batch_op:
        batch_op.drop_index("ix_income_person")

    op.drop_table("income")
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.drop_index("ix_household_member_person")
        batch_op.drop_index("ix_household_member_household")

    op.drop_table("household_member")
    with op.batch_alter_table("household_address", schema=None) as batch_op:
        batch_op.drop_index("ix_household_address_street")
        batch_op.drop_index("ix_household_address_household")

    op.drop_table("household_address")
    with op.batch_alter_table("benefit_notice", schema=None) as batch_op:
        batch_op.drop_index("ix_benefit_notice_household")

    op.drop_table("benefit_notice")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_entity")
        batch_op.drop_index("ix_audit_event_at")

    op.drop_table("audit_event")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index("ix_application_household")

    op.drop_table("application")
    op.drop_table("stadtteil")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_sort_key")
        batch_op.drop_index("ix_person_family_key_birth")
        batch_op.drop_index("ix_person_birth_date")

    op.drop_table("person")
    op.drop_table("household")
    op.drop_table("counter")
    op.drop_table("app_user")
