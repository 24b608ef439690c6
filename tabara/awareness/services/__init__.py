"""Writes of the awareness programme, one module per concern."""
