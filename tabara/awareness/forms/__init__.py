"""Forms of the awareness programme: public (no account) and staff."""
