"""Eligibility rules of the Karlsruher Pass and Karlsruher Kinderpass.

Pure decisions from plain data: no Qt, no database, no I/O except reading the parameter files
under ``resources/rules/``. The usual use::

    from kpass.rules import load_parameters, parse_check_input, evaluate, decision_to_json

    parameters = load_parameters()            # Stadt Karlsruhe; load_parameters("Ettlingen")
    rule_input = parse_check_input(text, parameters)
    decision = evaluate(rule_input, parameters)
    print(decision_to_json(decision))
"""

from kpass.rules.age import completed_years, end_of_month_after, last_of_month
from kpass.rules.age_groups import AGE_GROUP_LABELS, AGE_GROUPS, age_group, age_group_for_age
from kpass.rules.checks import check_rule_input
from kpass.rules.education_hint import BUT_BENEFITS, education_benefits
from kpass.rules.errors import InputError, ParameterError
from kpass.rules.evaluate import evaluate, is_resident
from kpass.rules.income_test import highest_eligible_income, max_household_income
from kpass.rules.json_io import (
    decision_to_json,
    dumps_decision,
    household_from_json,
    household_to_json,
    parse_check_input,
    rule_input_from_json,
    rule_input_to_json,
)
from kpass.rules.model import (
    Benefit,
    Decision,
    HouseholdFigures,
    Income,
    Member,
    MemberDecision,
    Outcome,
    PassType,
    Reason,
    ReasonCode,
    Residence,
    RuleInput,
)
from kpass.rules.parameter_files import (
    configured_issuers,
    default_issuer,
    default_parameters,
    issuer_by_code,
    issuer_of_municipality,
    issuer_of_pass_prefix,
    load_parameters,
    load_parameters_file,
)
from kpass.rules.parameters import Issuer, Parameter, Parameters, RuleSet
from kpass.rules.pass_number import (
    PassNumberError,
    format_pass_number,
    is_valid_pass_number,
    normalise_any_pass_number,
    normalise_pass_number,
    parse_any_pass_number,
    parse_pass_number,
)
from kpass.rules.reasons import render_reason
from kpass.rules.validity import (
    PassParameters,
    issues_new_pass,
    new_validity,
    pass_parameters,
    renewal_possible_from,
    renewal_validity,
    validity_months,
)
from kpass.vocabulary import format_euro

__all__ = [
    "AGE_GROUPS",
    "AGE_GROUP_LABELS",
    "BUT_BENEFITS",
    "Benefit",
    "Decision",
    "HouseholdFigures",
    "Income",
    "InputError",
    "Issuer",
    "Member",
    "MemberDecision",
    "Outcome",
    "Parameter",
    "ParameterError",
    "Parameters",
    "PassNumberError",
    "PassParameters",
    "PassType",
    "Reason",
    "ReasonCode",
    "Residence",
    "RuleInput",
    "RuleSet",
    "age_group",
    "age_group_for_age",
    "check_rule_input",
    "completed_years",
    "configured_issuers",
    "decision_to_json",
    "default_issuer",
    "default_parameters",
    "dumps_decision",
    "education_benefits",
    "end_of_month_after",
    "evaluate",
    "format_euro",
    "format_pass_number",
    "highest_eligible_income",
    "household_from_json",
    "household_to_json",
    "is_resident",
    "is_valid_pass_number",
    "issuer_by_code",
    "issuer_of_municipality",
    "issuer_of_pass_prefix",
    "issues_new_pass",
    "last_of_month",
    "load_parameters",
    "load_parameters_file",
    "max_household_income",
    "new_validity",
    "normalise_any_pass_number",
    "normalise_pass_number",
    "parse_any_pass_number",
    "parse_check_input",
    "parse_pass_number",
    "pass_parameters",
    "render_reason",
    "renewal_possible_from",
    "renewal_validity",
    "rule_input_from_json",
    "rule_input_to_json",
    "validity_months",
]
