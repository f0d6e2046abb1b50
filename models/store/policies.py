"""What a team workspace's PostgreSQL database enforces by itself, whatever program connects:
the SQL run by the migration that adds team workspaces (``v0002_team``).

People are login roles, each a member of one of three group roles (cluster-wide, created if
missing): ``beachhead_reader`` reads everything; ``beachhead_assessor`` (a reader too) adds
assessments and changes only their own; ``beachhead_partner`` (an assessor too) changes
everything: startups, decisions, the framework, rounds and anyone's assessment. The
workspace's owner, who ran the migration, is the administrator: the rules below do not bind
that role (row-level security is enabled, not forced), so it can copy and migrate.

* **Grants** (:data:`_GRANTS`): which tables and columns each group may read or write. Of
  the portfolio row an assessor may update only ``revision`` (every write transaction counts
  it up); of a score, the contents, never which assessment or criterion it belongs to
  (partners neither: a score moved out of a locked round would escape the lock).
* **Row-level security** (:data:`_POLICY_ROWS`): the scores of a round assessment, and the
  change-log rows naming it, are seen by its owner alone while the round of independent
  scoring is open (not revealed), partners included; a score may be added or changed only
  in an assessment its role may edit (its own, or for a partner any outside a round) whose
  round, if any, is still open. A policy can only hide a row from an ``UPDATE`` or
  ``DELETE``, which then changes nothing without a word; so rows a role sees but may not
  change are refused loudly instead: by a policy's ``WITH CHECK`` (a score's update) or by
  a trigger. Reading stays quick: the hidden assessments are listed once per query and each
  row looked up in that list's hash table.
* **Triggers** (:data:`_TRIGGERS`): a new assessment's ``owner`` and a change's ``db_role``
  are the role that wrote them, not what the client says (the administrator copying a
  workspace keeps the values copied); an assessment is changed or removed only by its owner
  or a partner, its owner changed only by a partner, and not at all once its round is
  revealed (except its place among the startup's assessments, which moves when another one
  is added or removed); while the round is open only its owner takes it out of the round or
  gives it away; a submission stays, and so does a reveal; only a partner adds an assessment
  to a revealed round (the consensus, which locks it); a round stays on its startup until
  that is removed, and is locked only with its consensus after the reveal; a locked round
  stays as it is; every commit that records changes is announced on
  :data:`models.store.server.CHANNEL`.

Everything is idempotent: the migration may run again, and in several databases of one
server at once (the group roles are shared by them).
"""

from __future__ import annotations

from typing import Final

from models.store.server import CHANNEL

#: How far ahead of the server's clock a change may be dated (a computer's clock is off).
CLOCK_SKEW_S: Final = 300
#: The group roles, each a member of the one before it (and so allowed what it is).
GROUPS: Final = {"reader": "beachhead_reader", "assessor": "beachhead_assessor",
                 "partner": "beachhead_partner"}

#: Every table of the workspace, all of them readable by readers.
_TABLES: Final = ("alembic_version", "framework_versions", "portfolio", "startups", "rounds",
                  "assessments", "scores", "decisions", "changes")
_SECURED: Final = ("assessments", "scores", "changes")  # rows with rules of their own

_ROLES: Final = """
DO $$
DECLARE
    chain text[] := ARRAY['beachhead_reader', 'beachhead_assessor', 'beachhead_partner'];
BEGIN
    FOR i IN 1 .. 3 LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = chain[i]) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', chain[i]);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END IF;
        IF i > 1 AND NOT pg_has_role(chain[i], chain[i - 1], 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', chain[i - 1], chain[i]);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END IF;
    END LOOP;
END $$
"""

_GRANTS: Final = [
    _ROLES,
    "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO beachhead_reader', "
    "current_schema()); END $$",
    f"GRANT SELECT ON {', '.join(_TABLES)} TO beachhead_reader",
    "GRANT INSERT, DELETE, UPDATE (startup_id, position, assessor, role, date, "
    "framework_version_id, owner, round_id, submitted_at) ON assessments TO beachhead_assessor",
    "GRANT INSERT, DELETE, UPDATE (position, value, confidence, rationale, evidence) "
    "ON scores TO beachhead_assessor",
    "GRANT INSERT ON changes TO beachhead_assessor",
    "GRANT UPDATE (revision) ON portfolio TO beachhead_assessor",
    "GRANT INSERT, UPDATE, DELETE ON startups, decisions, framework_versions, rounds "
    "TO beachhead_partner",
    "GRANT UPDATE (framework_version_id) ON portfolio TO beachhead_partner",
    """
    DO $$
    DECLARE
        writer record;
    BEGIN
        FOR writer IN VALUES ('changes', 'beachhead_assessor'),
                             ('decisions', 'beachhead_partner'),
                             ('rounds', 'beachhead_partner'),
                             ('framework_versions', 'beachhead_partner') LOOP
            EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I',
                           pg_get_serial_sequence(writer.column1, 'id'), writer.column2);
        END LOOP;
    END $$
    """,
]


def _refusal(message: str) -> str:
    """A PL/pgSQL ``RAISE`` of a refused privilege (SQLSTATE 42501), as the server's own."""
    return f"RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = {message};"


#: The functions the policies and triggers ask. Those reading other tables run as their
#: owner (``SECURITY DEFINER``): quick, since the owner's reads pass no policy, and never
#: recursive. They are given the asking role (``who``), since inside them ``current_user`` is
#: their owner. ``beachhead_may_edit`` says yes or refuses, naming whose the scores are or
#: that the round's scoring has ended. Every function's search path is fixed (:data:`_PINNED`).
_FUNCTIONS: Final = [
    """
    CREATE OR REPLACE FUNCTION beachhead_is_admin(tbl oid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
        SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = tbl),
                           'USAGE')
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION beachhead_hidden(who name) RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
        SELECT a.id FROM assessments a JOIN rounds r ON r.id = a.round_id
        WHERE r.revealed_at IS NULL AND a.owner IS DISTINCT FROM who
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION beachhead_stage(round integer) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
        SELECT CASE WHEN locked_at IS NOT NULL THEN 'locked'
                    WHEN revealed_at IS NOT NULL THEN 'revealed' ELSE 'open' END
        FROM rounds WHERE id = round
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION beachhead_may_edit(assessment text, who name) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
    DECLARE
        target record;
    BEGIN
        SELECT a.id, a.owner, a.round_id, CASE WHEN r.locked_at IS NOT NULL THEN 'locked'
               WHEN r.revealed_at IS NOT NULL THEN 'revealed' END AS ended
        INTO target FROM assessments a LEFT JOIN rounds r ON r.id = a.round_id
        WHERE a.id = assessment;
        IF NOT FOUND THEN
            RETURN false;
        ELSIF target.ended IS NOT NULL THEN
            {_refusal("format('assessment %s belongs to round %s, which is %s: its scoring "
                      "has ended', target.id, target.round_id, target.ended)")}
        ELSIF target.owner = who OR (target.round_id IS NULL
                                     AND pg_has_role(who, 'beachhead_partner', 'MEMBER')) THEN
            RETURN true;
        END IF;
        {_refusal("format('the scores of assessment %s are %s''s: only they%s may change "
                  "them', target.id, coalesce(target.owner, 'the administrator'), "
                  "coalesce(' (round ' || target.round_id || ' is open)', ' or a partner'))")}
    END $$
    """,
]

#: A round assessment's scores and changes are hidden from all but its owner until revealed.
_VISIBLE: Final = "assessment_id NOT IN (SELECT beachhead_hidden(current_user))"
_EDITABLE: Final = "beachhead_may_edit(assessment_id, current_user)"

#: ``(table, policy, command, USING, WITH CHECK)``; ``None``: no such clause.
_POLICY_ROWS: Final = [
    ("assessments", "beachhead_read", "SELECT", "true", None),
    ("assessments", "beachhead_add", "INSERT", None,
     "owner = current_user AND coalesce(beachhead_stage(round_id), 'open') = 'open'"),
    # who may change or remove which assessment: the trigger beachhead_assessment_rules
    ("assessments", "beachhead_change", "UPDATE", "true", "true"),
    ("assessments", "beachhead_remove", "DELETE", "true", None),
    ("scores", "beachhead_read", "SELECT", _VISIBLE, None),
    ("scores", "beachhead_add", "INSERT", None, _EDITABLE),
    ("scores", "beachhead_change", "UPDATE", _VISIBLE, _EDITABLE),
    ("scores", "beachhead_remove", "DELETE", _VISIBLE, None),  # beachhead_score_rules refuses
    ("changes", "beachhead_read", "SELECT", f"assessment_id IS NULL OR {_VISIBLE}", None),
    ("changes", "beachhead_add", "INSERT", None, "true"),
]


def _policies() -> list[str]:
    made = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY" for table in _SECURED]
    for table, name, command, using, check in _POLICY_ROWS:
        made.append(f"DROP POLICY IF EXISTS {name} ON {table}")
        made.append(f"CREATE POLICY {name} ON {table} FOR {command}"
                    + (f" USING ({using})" if using else "")
                    + (f" WITH CHECK ({check})" if check else ""))
    return made


_ASSESSMENT_RULES: Final = f"""
CREATE OR REPLACE FUNCTION beachhead_assessment_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    partner boolean;
    stage text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.owner IS NULL OR NOT beachhead_is_admin(TG_RELID) THEN
            NEW.owner := current_user;
        END IF;
        RETURN NEW;
    END IF;
    IF beachhead_is_admin(TG_RELID) THEN
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'position' = to_jsonb(OLD) - 'position' THEN
        RETURN NEW;
    END IF;
    partner := pg_has_role(current_user, 'beachhead_partner', 'MEMBER');
    IF NOT partner AND OLD.owner IS DISTINCT FROM current_user THEN
        {_refusal("format('assessment %s is %s''s: only they or a partner may change it', "
                  "OLD.id, coalesce(OLD.owner, 'the administrator'))")}
    END IF;
    stage := beachhead_stage(OLD.round_id);
    IF stage IN ('revealed', 'locked') THEN
        {_refusal("format('assessment %s belongs to round %s, which is %s: its scoring has "
                  "ended', OLD.id, OLD.round_id, stage)")}
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NOT partner AND NEW.owner IS DISTINCT FROM OLD.owner THEN
        {_refusal("'only a partner may give an assessment to another owner'")}
    END IF;
    IF stage = 'open' AND OLD.owner IS DISTINCT FROM current_user
            AND (NEW.owner, NEW.round_id) IS DISTINCT FROM (OLD.owner, OLD.round_id) THEN
        {_refusal("format('assessment %s is scored independently in round %s: only %s may "
                  "take it out', OLD.id, OLD.round_id, OLD.owner)")}
    END IF;
    IF OLD.submitted_at IS NOT NULL AND NEW.submitted_at IS DISTINCT FROM OLD.submitted_at THEN
        {_refusal("format('assessment %s was submitted at %s: a submission stays', OLD.id, "
                  "OLD.submitted_at)")}
    END IF;
    stage := beachhead_stage(NEW.round_id);
    IF NEW.round_id IS DISTINCT FROM OLD.round_id
            AND (stage = 'locked' OR (stage = 'revealed' AND NOT partner)) THEN
        {_refusal("format('round %s is %s: no assessment joins it', NEW.round_id, stage)")}
    END IF;
    RETURN NEW;
END $$
"""

_SCORE_RULES: Final = """
CREATE OR REPLACE FUNCTION beachhead_score_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT beachhead_is_admin(TG_RELID) THEN
        PERFORM beachhead_may_edit(OLD.assessment_id, current_user);
    END IF;
    RETURN OLD;
END $$
"""

_ROUND_RULES: Final = f"""
CREATE OR REPLACE FUNCTION beachhead_round_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF beachhead_is_admin(TG_RELID) THEN
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF OLD.locked_at IS NOT NULL THEN
        {_refusal("format('round %s is locked', OLD.id)")}
    ELSIF TG_OP = 'DELETE' THEN
        {_refusal("format('round %s stays while its startup does (its scores would show "
                  "unrevealed)', OLD.id)")}
    ELSIF NEW.revealed_at IS DISTINCT FROM OLD.revealed_at AND OLD.revealed_at IS NOT NULL THEN
        {_refusal("format('round %s was revealed at %s: a reveal stays', OLD.id, "
                  "OLD.revealed_at)")}
    ELSIF NEW.startup_id <> OLD.startup_id OR (NEW.locked_at IS NOT NULL
            AND (NEW.revealed_at IS NULL OR NEW.consensus_id IS NULL)) THEN
        {_refusal("format('round %s stays on its startup, and is locked only by its "
                  "consensus, after the reveal', OLD.id)")}
    END IF;
    RETURN NEW;
END $$
"""

#: The change's role: the database's own, except for the administrator copying a history;
#: its moment not ahead of the server's clock (every later change is dated after it).
_CHANGE_ROLE: Final = f"""
CREATE OR REPLACE FUNCTION beachhead_change_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.db_role IS NOT NULL AND beachhead_is_admin(TG_RELID) THEN
        RETURN NEW;
    ELSIF NEW.at > statement_timestamp() + interval '{CLOCK_SKEW_S} seconds' THEN
        {_refusal("format('a change dated %s is ahead of the server''s clock (%s): set this "
                  "computer''s clock right', NEW.at, statement_timestamp())")}
    END IF;
    NEW.db_role := current_user;
    RETURN NEW;
END $$
"""

_NOTIFY: Final = f"""
CREATE OR REPLACE FUNCTION beachhead_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$
"""

#: ``(trigger, table, when, function)``.
_TRIGGER_ROWS: Final = [
    ("assessments_rules", "assessments", "BEFORE INSERT OR UPDATE OR DELETE",
     "beachhead_assessment_rules"),
    ("scores_rules", "scores", "BEFORE DELETE", "beachhead_score_rules"),
    ("rounds_rules", "rounds", "BEFORE UPDATE OR DELETE", "beachhead_round_rules"),
    ("changes_role", "changes", "BEFORE INSERT", "beachhead_change_role"),
]

_TRIGGERS: Final = [
    _ASSESSMENT_RULES, _SCORE_RULES, _ROUND_RULES, _CHANGE_ROLE, _NOTIFY,
    *(f"CREATE OR REPLACE TRIGGER {name} {when} ON {table} FOR EACH ROW "
      f"EXECUTE FUNCTION {function}()" for name, table, when, function in _TRIGGER_ROWS),
    "CREATE OR REPLACE TRIGGER changes_notify AFTER INSERT ON changes "
    "FOR EACH STATEMENT EXECUTE FUNCTION beachhead_notify()",
]

#: Every function of the rules, by its signature.
_SIGNATURES: Final = (
    "beachhead_notify()", "beachhead_change_role()", "beachhead_round_rules()",
    "beachhead_score_rules()", "beachhead_assessment_rules()", "beachhead_may_edit(text, name)",
    "beachhead_stage(integer)", "beachhead_hidden(name)", "beachhead_is_admin(oid)")

#: Each function looks in the catalogs, the workspace's schema, then temporary tables, never
#: where the session's search path says (a temporary ``pg_class`` would come first).
_PINNED: Final = [f"DO $$ BEGIN EXECUTE format('ALTER FUNCTION {signature} SET search_path = "
                   "pg_catalog, %I, pg_temp', current_schema()); END $$"
                   for signature in _SIGNATURES]


def rules() -> list[str]:
    """The statements that set the database's rules up (see the module notes)."""
    return [*_GRANTS, *_FUNCTIONS, *_policies(), *_TRIGGERS, *_PINNED]


_REVOKE: Final = f"""
DO $$
DECLARE
    grp text;
BEGIN
    FOREACH grp IN ARRAY ARRAY['beachhead_reader', 'beachhead_assessor', 'beachhead_partner']
    LOOP
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = grp) THEN
            EXECUTE format('REVOKE ALL ON {', '.join(_TABLES)} FROM %I', grp);
            EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I',
                           current_schema(), grp);
            EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM %I', current_schema(), grp);
        END IF;
    END LOOP;
END $$
"""


def undo_rules() -> list[str]:
    """The statements that take the rules out again (the group roles stay: other
    databases of the server may use them)."""
    undo = ["DROP TRIGGER IF EXISTS changes_notify ON changes"]
    undo += [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table, _, _ in _TRIGGER_ROWS]
    for table, name, _, _, _ in _POLICY_ROWS:
        undo.append(f"DROP POLICY IF EXISTS {name} ON {table}")
    undo += [f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY" for table in _SECURED]
    undo += [f"DROP FUNCTION IF EXISTS {signature}" for signature in _SIGNATURES]
    return [*undo, _REVOKE]
