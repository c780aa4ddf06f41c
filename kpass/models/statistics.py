"""The statistics table: counts without persons (statistics.md, "Where the figures come from").

Written in the same transaction as each decision and pass, holding only what the
statistics need: no names, no addresses, no person, household, pass or decision id, no key
shared with the register. Rows are never updated: what changes later is written as a
row of weight -1 that takes an earlier row back (a revocation takes back the rest of a
validity period, a second decision of an application takes back the first one's rows), and
every count is the sum of the weights.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, check_in

RECORD_KINDS = ("application", "decision_person", "pass_validity")
# "revoked": a pass validity row of weight -1 for the days after a revocation.
EVENTS = ("decided", "eligible", "rejected", "new", "renewed", "replaced", "revoked")
HOUSEHOLD_TYPES = ("single", "single_parent", "couple", "couple_children", "other")
OUTSIDE = "außerhalb"


class StatRecord(Base):
    __tablename__ = "stat_record"
    __table_args__ = (
        CheckConstraint(check_in("record_kind", RECORD_KINDS), name="record_kind"),
        CheckConstraint(check_in("event", EVENTS), name="event"),
        CheckConstraint(check_in("household_type", HOUSEHOLD_TYPES), name="household_type"),
        CheckConstraint("weight IN (1, -1)", name="weight"),
        # "Active at a month's end" scans validity rows ending in a bounded window after it.
        Index("ix_stat_record_until", "record_kind", "valid_until", "valid_from"),
        Index("ix_stat_record_decided", "record_kind", "decided_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(16), nullable=False)
    event: Mapped[str] = mapped_column(String(10), nullable=False)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    pass_type: Mapped[str | None] = mapped_column(String(20))
    # A benefit kind, disability, foster_child, large_family, income; "abgelehnt" if rejected.
    basis: Mapped[str | None] = mapped_column(String(32))
    # "01"…"27", or "außerhalb" for other municipalities; as of the decision.
    stadtteil: Mapped[str] = mapped_column(String(12), nullable=False)
    household_type: Mapped[str] = mapped_column(String(16), nullable=False)
    # Birth year and month give the age at every month's end. For persons born on
    # 29 February the month is chosen when the row is written (see statistics_records).
    birth_year: Mapped[int | None] = mapped_column(Integer)
    birth_month: Mapped[int | None] = mapped_column(Integer)
    rule_set: Mapped[str | None] = mapped_column(String(40))
    weight: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # The issuer whose decision or pass the row counts (schema 0016): statistics per issuer.
    issuer: Mapped[str] = mapped_column(String(8), nullable=False)


MEASURES = ("active", "new", "renewed", "replaced", "rejected", "applications")
#: stored for a row without basis or pass type (an application row): a key column takes no NULL
NONE = ""


class StatMonth(Base):
    """The statistics rows summed per month and key (schema 0018), kept in the transaction
    that writes them (kpass.services.month_counts).

    A month's breakdown reads a few thousand of these instead of every validity row active
    in it: a million persons hold several million statistics rows. ``total`` is the sum of
    the weights; like the rows, it holds no person.
    """

    __tablename__ = "stat_month"
    __table_args__ = (
        CheckConstraint(check_in("measure", MEASURES), name="measure"),
        # sorted upserts lock in this order, and a month's range is a prefix scan
        UniqueConstraint(
            "month", "measure", "stadtteil", "age_group", "household_type", "basis",
            "pass_type", "issuer", name="uq_stat_month_key",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, nullable=False)  # its first day
    measure: Mapped[str] = mapped_column(String(12), nullable=False)
    stadtteil: Mapped[str] = mapped_column(String(12), nullable=False)
    age_group: Mapped[str] = mapped_column(String(8), nullable=False)
    household_type: Mapped[str] = mapped_column(String(16), nullable=False)
    basis: Mapped[str] = mapped_column(String(32), nullable=False)
    pass_type: Mapped[str] = mapped_column(String(20), nullable=False)
    issuer: Mapped[str] = mapped_column(String(8), nullable=False)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
