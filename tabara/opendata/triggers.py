"""Database triggers that keep the privacy budget honest, per engine (migration 0002).

The ledger of ε spent (`opendata_privacyspend`) is append-only: UPDATE and DELETE are
refused (and TRUNCATE on PostgreSQL). A budget (`opendata_privacybudget`) is never removed
and may only grow: an UPDATE that lowers `total_epsilon`, or changes its name, id or
creation time, is refused. Whatever the client: the ORM, a raw cursor, `manage.py dbshell`.
As for the audit log, the schema's owner can still drop a trigger; the releases' audit
events (each with its ε) are the record to check the ledger against.

Changing this SQL needs a new migration that drops the old triggers and creates the new.
"""

from __future__ import annotations

LEDGER = "the privacy ledger is append-only"
BUDGET = "a privacy budget is never lowered or removed"

_SPEND = "opendata_privacyspend"
_BUDGET = "opendata_privacybudget"
_CHANGED = (
    "NEW.total_epsilon < OLD.total_epsilon OR NEW.name <> OLD.name OR NEW.id <> OLD.id "
    "OR NEW.created_at IS NOT OLD.created_at"
)

CREATE = {
    "sqlite": [
        f"CREATE TRIGGER {_SPEND}_no_update BEFORE UPDATE ON {_SPEND} "
        f"BEGIN SELECT RAISE(ABORT, '{LEDGER}'); END",
        f"CREATE TRIGGER {_SPEND}_no_delete BEFORE DELETE ON {_SPEND} "
        f"BEGIN SELECT RAISE(ABORT, '{LEDGER}'); END",
        f"CREATE TRIGGER {_BUDGET}_no_delete BEFORE DELETE ON {_BUDGET} "
        f"BEGIN SELECT RAISE(ABORT, '{BUDGET}'); END",
        f"CREATE TRIGGER {_BUDGET}_only_grows BEFORE UPDATE ON {_BUDGET} WHEN {_CHANGED} "
        f"BEGIN SELECT RAISE(ABORT, '{BUDGET}'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION opendata_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation'; END $$",
        "CREATE OR REPLACE FUNCTION opendata_budget_only_grows() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"IF {_CHANGED.replace('IS NOT', 'IS DISTINCT FROM')} THEN "
        f"RAISE EXCEPTION '{BUDGET}' USING ERRCODE = 'restrict_violation'; END IF; "
        "RETURN NEW; END $$",
        f"CREATE TRIGGER {_SPEND}_no_change BEFORE UPDATE OR DELETE ON {_SPEND} "
        f"FOR EACH ROW EXECUTE FUNCTION opendata_refuse('{LEDGER}')",
        f"CREATE TRIGGER {_SPEND}_no_truncate BEFORE TRUNCATE ON {_SPEND} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION opendata_refuse('{LEDGER}')",
        f"CREATE TRIGGER {_BUDGET}_no_delete BEFORE DELETE ON {_BUDGET} "
        f"FOR EACH ROW EXECUTE FUNCTION opendata_refuse('{BUDGET}')",
        f"CREATE TRIGGER {_BUDGET}_no_truncate BEFORE TRUNCATE ON {_BUDGET} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION opendata_refuse('{BUDGET}')",
        f"CREATE TRIGGER {_BUDGET}_only_grows BEFORE UPDATE ON {_BUDGET} "
        "FOR EACH ROW EXECUTE FUNCTION opendata_budget_only_grows()",
    ],
}

DROP = {
    "sqlite": [
        f"DROP TRIGGER IF EXISTS {_SPEND}_no_update",
        f"DROP TRIGGER IF EXISTS {_SPEND}_no_delete",
        f"DROP TRIGGER IF EXISTS {_BUDGET}_no_delete",
        f"DROP TRIGGER IF EXISTS {_BUDGET}_only_grows",
    ],
    "postgresql": [
        f"DROP TRIGGER IF EXISTS {_SPEND}_no_change ON {_SPEND}",
        f"DROP TRIGGER IF EXISTS {_SPEND}_no_truncate ON {_SPEND}",
        f"DROP TRIGGER IF EXISTS {_BUDGET}_no_delete ON {_BUDGET}",
        f"DROP TRIGGER IF EXISTS {_BUDGET}_no_truncate ON {_BUDGET}",
        f"DROP TRIGGER IF EXISTS {_BUDGET}_only_grows ON {_BUDGET}",
        "DROP FUNCTION IF EXISTS opendata_budget_only_grows()",
        "DROP FUNCTION IF EXISTS opendata_refuse()",
    ],
}


def statements(which: dict[str, list[str]], vendor: str) -> list[str]:
    """The statements for this engine; an engine without triggers here is refused."""
    if vendor not in which:
        raise NotImplementedError(
            f"Privacy-ledger triggers exist for SQLite and PostgreSQL, not {vendor}."
        )
    return which[vendor]
