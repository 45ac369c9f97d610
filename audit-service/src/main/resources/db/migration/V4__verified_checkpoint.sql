-- The last checkpoint GET /audit/verify found the log to match, per organisation, as a note signed with the audit
-- signing key: the next verify continues from it instead of the first entry (docs/architecture.md "Data"). A row
-- changed by hand no longer opens with the key, and verify says so.
CREATE TABLE verified_checkpoint (
    org         TEXT        PRIMARY KEY,
    tree_size   BIGINT      NOT NULL,
    entry_hash  TEXT        NOT NULL,
    root_hash   TEXT        NOT NULL,
    note        TEXT        NOT NULL,
    verified_at TIMESTAMPTZ NOT NULL
);
REVOKE ALL ON verified_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON verified_checkpoint TO confide_audit_app;
