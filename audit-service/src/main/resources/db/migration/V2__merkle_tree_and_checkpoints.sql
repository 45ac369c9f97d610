-- The Merkle tree of each organisation's log (RFC 6962) and its signed checkpoints (docs/api.md "Hashing").

-- How far each organisation's tree is integrated: leaves 1..size (seq order) have their stored nodes.
CREATE TABLE merkle_tree (
    org  TEXT   PRIMARY KEY,
    size BIGINT NOT NULL
);

-- Stored interior nodes, every 8th level only (level 8, 16, ...): node (level, idx) is the root of the
-- perfect subtree over leaves [idx * 2^level, (idx + 1) * 2^level). Lower levels are recomputed from at most
-- 256 hashes, as transparency-dev/tessera's tiles do; leaves are the entries' own hashes.
CREATE TABLE merkle_node (
    org   TEXT   NOT NULL,
    level INT    NOT NULL,
    idx   BIGINT NOT NULL,
    hash  BYTEA  NOT NULL,
    PRIMARY KEY (org, level, idx)
);

-- Signed checkpoints: every N entries or T seconds per organisation; append-only like the log.
CREATE TABLE checkpoint (
    org        TEXT        NOT NULL,
    tree_size  BIGINT      NOT NULL,
    entry_hash TEXT        NOT NULL,
    root_hash  TEXT        NOT NULL,
    note       TEXT        NOT NULL,
    signature  TEXT        NOT NULL,
    public_key TEXT        NOT NULL,
    signed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org, tree_size)
);

CREATE FUNCTION checkpoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'checkpoint is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON checkpoint
    FOR EACH ROW EXECUTE FUNCTION checkpoint_refuse_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION checkpoint_refuse_change();

-- Every filter of GET /audit/entries has an index: the type filter was the one missing.
CREATE INDEX audit_entry_type ON audit_entry (org, type, seq);

REVOKE ALL ON merkle_tree, merkle_node, checkpoint FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON merkle_tree TO confide_audit_app;
GRANT SELECT, INSERT ON merkle_node, checkpoint TO confide_audit_app;
