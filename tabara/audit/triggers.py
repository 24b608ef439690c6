"""Database triggers that make audit rows append-only, per engine (installed by migration 0005).

The triggers refuse UPDATE and DELETE of `audit_auditevent` rows (and TRUNCATE on
PostgreSQL) whatever the client: the ORM, a raw cursor, `manage.py dbshell`. They are not a
defence against whoever owns the schema (the owner can drop a trigger); the keyed hashes
and the anchors published outside the database detect that (docs/security.md).

Changing this SQL needs a new migration that drops the old triggers and creates the new.
"""

from __future__ import annotations

MESSAGE = "audit events are append-only"

CREATE = {
    "sqlite": [
        "CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        "CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION audit_auditevent_refuse() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; "
        "END $$",
        "CREATE TRIGGER audit_auditevent_no_change BEFORE UPDATE OR DELETE ON audit_auditevent "
        "FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse()",
        "CREATE TRIGGER audit_auditevent_no_truncate BEFORE TRUNCATE ON audit_auditevent "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_refuse()",
    ],
}

DROP = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_auditevent_no_update",
        "DROP TRIGGER IF EXISTS audit_auditevent_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_auditevent_no_change ON audit_auditevent",
        "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent",
        "DROP FUNCTION IF EXISTS audit_auditevent_refuse()",
    ],
}


def statements(which: dict[str, list[str]], vendor: str) -> list[str]:
    """The statements for this engine; an engine without triggers here is refused."""
    if vendor not in which:
        raise NotImplementedError(
            f"Append-only audit triggers exist for SQLite and PostgreSQL, not {vendor}."
        )
    return which[vendor]
