"""Date and number formats for the languages Django does not describe (FORMAT_MODULE_PATH)."""
