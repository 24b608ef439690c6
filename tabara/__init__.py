"""Tabara: find, protect and count the victims of human trafficking in Rwanda."""
