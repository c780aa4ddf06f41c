"""Tests of kpass.rules: the eligibility rules, their parameters, JSON and pass numbers."""
