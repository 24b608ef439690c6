"""Tabara: find, protect and count the victims of human trafficking in Rwanda."""

__version__ = "0.1.0"
