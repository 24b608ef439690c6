"""Moved to `tabara.core.phones`, the one place phone numbers are normalised; kept as an alias."""

from tabara.core.phones import phone_e164, phone_hash, phone_normalise

__all__ = ["phone_e164", "phone_hash", "phone_normalise"]
