"""Demo data: a deterministic, synthetic register that looks like Karlsruhe."""

from kpass.demo.generator import (
    BENEFIT_KINDS,
    HOUSEHOLD_TYPES,
    INCOME_KINDS,
    DemoAddress,
    DemoBenefit,
    DemoHousehold,
    DemoIncome,
    DemoPerson,
    generate_household,
    generate_households,
    household_digest,
)

__all__ = [
    "BENEFIT_KINDS",
    "HOUSEHOLD_TYPES",
    "INCOME_KINDS",
    "DemoAddress",
    "DemoBenefit",
    "DemoHousehold",
    "DemoIncome",
    "DemoPerson",
    "generate_household",
    "generate_households",
    "household_digest",
]
