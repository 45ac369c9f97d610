-- The running service connects as confide_audit_app and never migrates: at start it reads Flyway's history to check
-- that the migrate step (run as the owner) applied every migration of its build, and stops naming that step if not.
GRANT SELECT ON flyway_schema_history TO confide_audit_app;
-- Nothing but the owner creates objects here (PostgreSQL 15 revokes this by default; older servers granted it).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
