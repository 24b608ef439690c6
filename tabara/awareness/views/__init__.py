"""Web adapters of the awareness programme: public pages and staff pages."""
