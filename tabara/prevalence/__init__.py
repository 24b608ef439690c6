"""Prevalence: how many victims exist, including those no agency has recorded.

The statistics live in the Django-free package `tabara.prevalence.mse`; the command
`tabara estimate` is in `tabara.prevalence.cli`.
"""
