"""Reads of the awareness programme."""

from tabara.awareness.selectors.places import district_lookup

__all__ = ["district_lookup"]
