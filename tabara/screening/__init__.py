"""Screening: versioned rule sets, the pure evaluator and the `tabara screen` command."""
