"""The register: persons, households, their addresses, incomes and benefit notices."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kpass.models.base import Base, Money, UtcDateTime, VersionedMixin, check_in, utcnow

MEMBER_ROLES = ("applicant", "partner", "child", "other")
INCOME_PERIODS = ("month", "year")
SEXES = ("f", "m", "d")
#: How a letter addresses a person; no salutation ("Guten Tag …") when none is recorded.
SALUTATIONS = ("frau", "herr")
#: Length of an issuer code column (the rule set prefix: 2 to 8 lowercase letters).
ISSUER_LENGTH = 8


class Stadtteil(Base):
    """One of Karlsruhe's 27 city districts (resources/stadtteile.csv)."""

    __tablename__ = "stadtteil"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)


class Person(VersionedMixin, Base):
    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(check_in("sex", SEXES), name="sex"),
        CheckConstraint(check_in("salutation", SALUTATIONS), name="salutation"),
        # Search by name + birth date (duplicate check, counter search).
        Index("ix_person_family_key_birth", "family_name_key", "birth_date"),
        Index("ix_person_birth_date", "birth_date", "sort_key"),
        Index("ix_person_sort_key", "sort_key", "id"),
        Index("ix_person_issuer", "issuer"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The issuer whose household first recorded the person; with the memberships it decides
    # which issuers' seats see the person (row-level security, schema 0016).
    issuer: Mapped[str] = mapped_column(String(ISSUER_LENGTH), nullable=False)
    family_name: Mapped[str] = mapped_column(String(120), nullable=False)
    given_names: Mapped[str] = mapped_column(String(160), nullable=False)
    # Derived in kpass.models.person_keys (lower case, umlauts folded): "Müller" finds
    # "Mueller" and back; sort_key orders search results.
    family_name_key: Mapped[str] = mapped_column(String(120), nullable=False)
    given_names_key: Mapped[str] = mapped_column(String(160), nullable=False)
    sort_key: Mapped[str] = mapped_column(String(300), nullable=False)
    birth_date: Mapped[date] = mapped_column(Date, nullable=False)
    sex: Mapped[str | None] = mapped_column(String(1))
    salutation: Mapped[str | None] = mapped_column(String(4))
    disability: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    foster_child: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    died_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)

    memberships: Mapped[list[HouseholdMember]] = relationship(back_populates="person")
    incomes: Mapped[list[Income]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class PersonSearchToken(Base):
    """A folded word of a person's name or a short prefix of one, with the person's sort
    key: "a word of this person starts with ``token``" (see person_keys)."""

    __tablename__ = "person_search_token"
    __table_args__ = (Index("ix_person_search_token_prefix", "token", "sort_key", "person_id"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(80), primary_key=True)
    sort_key: Mapped[str] = mapped_column(String(300), nullable=False)


class PersonPhoto(Base):
    """A passport-proportioned photo, stored small (JPEG, a few dozen kB)."""

    __tablename__ = "person_photo"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    image: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    media_type: Mapped[str] = mapped_column(String(40), nullable=False, default="image/jpeg")
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class Household(VersionedMixin, Base):
    __tablename__ = "household"
    __table_args__ = (Index("ix_household_issuer", "issuer"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The issuer of the household's residence: set from the current address's municipality
    # whenever it changes; row-level security on PostgreSQL keys on it.
    issuer: Mapped[str] = mapped_column(String(ISSUER_LENGTH), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)

    members: Mapped[list[HouseholdMember]] = relationship(
        back_populates="household", cascade="all, delete-orphan"
    )
    addresses: Mapped[list[HouseholdAddress]] = relationship(
        back_populates="household",
        cascade="all, delete-orphan",
        order_by="HouseholdAddress.valid_from",
    )
    benefit_notices: Mapped[list[BenefitNotice]] = relationship(
        back_populates="household", cascade="all, delete-orphan"
    )


class HouseholdAddress(Base):
    """Address history: statistics need the Stadtteil a household lived in at the time."""

    __tablename__ = "household_address"
    __table_args__ = (
        CheckConstraint("valid_until IS NULL OR valid_until >= valid_from", name="period"),
        Index("ix_household_address_household", "household_id", "valid_from"),
        Index("ix_household_address_street", "street"),
        Index("ix_household_address_street_key", "street_key", "household_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), nullable=False
    )
    street: Mapped[str] = mapped_column(String(120), nullable=False)
    # Derived from street in kpass.models.person_keys; the person search finds addresses by it.
    street_key: Mapped[str] = mapped_column(String(120), nullable=False, server_default="")
    house_number: Mapped[str] = mapped_column(String(12), nullable=False)
    postcode: Mapped[str] = mapped_column(String(5), nullable=False)
    municipality: Mapped[str] = mapped_column(String(80), nullable=False)
    stadtteil_code: Mapped[str | None] = mapped_column(ForeignKey("stadtteil.code"))
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_until: Mapped[date | None] = mapped_column(Date)

    household: Mapped[Household] = relationship(back_populates="addresses")


class HouseholdMember(Base):
    """A person's membership of a household, dated: people move, are born and die."""

    __tablename__ = "household_member"
    __table_args__ = (
        CheckConstraint(check_in("role", MEMBER_ROLES), name="role"),
        CheckConstraint("valid_until IS NULL OR valid_until >= valid_from", name="period"),
        Index("ix_household_member_household", "household_id"),
        Index("ix_household_member_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    role: Mapped[str] = mapped_column(String(12), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_until: Mapped[date | None] = mapped_column(Date)

    household: Mapped[Household] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(back_populates="memberships")


class Income(Base):
    """A net income of one person; yearly amounts count as one twelfth per month."""

    __tablename__ = "income"
    __table_args__ = (
        CheckConstraint(check_in("period", INCOME_PERIODS), name="period_kind"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("valid_until IS NULL OR valid_until >= valid_from", name="period"),
        Index("ix_income_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)
    period: Mapped[str] = mapped_column(String(5), nullable=False, default="month")
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_until: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    person: Mapped[Person] = relationship(back_populates="incomes")


class BenefitNotice(Base):
    """A Bescheid on a qualifying benefit; with no persons listed it covers the household."""

    __tablename__ = "benefit_notice"
    __table_args__ = (
        # No end date: granted "bis auf Weiteres" (open-ended, eligibility-rules.md section 2).
        CheckConstraint("valid_until IS NULL OR valid_until >= valid_from", name="period"),
        Index("ix_benefit_notice_household", "household_id", "valid_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_until: Mapped[date | None] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)

    household: Mapped[Household] = relationship(back_populates="benefit_notices")
    covered: Mapped[list[BenefitNoticePerson]] = relationship(cascade="all, delete-orphan")


class BenefitNoticePerson(Base):
    __tablename__ = "benefit_notice_person"
    __table_args__ = (Index("ix_benefit_notice_person_person", "person_id"),)

    notice_id: Mapped[int] = mapped_column(
        ForeignKey("benefit_notice.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)


class StreetDirectoryEntry(Base):
    """The city's street directory: which Stadtteil a house number range of a street is in."""

    __tablename__ = "street_directory"
    __table_args__ = (
        CheckConstraint("number_to >= number_from", name="range"),
        Index("ix_street_directory_key", "street_key", "number_from"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    street: Mapped[str] = mapped_column(String(120), nullable=False)
    street_key: Mapped[str] = mapped_column(String(120), nullable=False)
    number_from: Mapped[int] = mapped_column(Integer, nullable=False)
    number_to: Mapped[int] = mapped_column(Integer, nullable=False)
    stadtteil_code: Mapped[str] = mapped_column(ForeignKey("stadtteil.code"), nullable=False)
