-- The append-only audit log: one hash chain per organisation (docs/architecture.md "Data").
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'confide_audit_app') THEN
        CREATE ROLE confide_audit_app LOGIN;
    END IF;
END
$$;

CREATE TABLE audit_entry (
    org            TEXT        NOT NULL,
    seq            BIGINT      NOT NULL,
    event_id       TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    actor_id       TEXT,
    actor_role     TEXT,
    client_id      TEXT,
    correlation_id TEXT,
    source         TEXT        NOT NULL,
    data           TEXT        NOT NULL,
    prev_hash      TEXT        NOT NULL,
    hash           TEXT        NOT NULL,
    PRIMARY KEY (org, seq),
    CONSTRAINT audit_entry_event_once UNIQUE (event_id)
);
CREATE INDEX audit_entry_client ON audit_entry (org, client_id, seq);
CREATE INDEX audit_entry_correlation ON audit_entry (org, correlation_id, seq);
CREATE INDEX audit_entry_actor ON audit_entry (org, actor_id, seq);
CREATE INDEX audit_entry_occurred ON audit_entry (org, occurred_at);

-- The head of each organisation's chain; locked once per ingested batch so seq stays gapless.
CREATE TABLE chain_head (
    org  TEXT   PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash TEXT   NOT NULL
);

-- Messages that are not Confide CloudEvents, set aside with the reason so that ingest goes on.
CREATE TABLE dead_letter (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       TEXT        NOT NULL,
    partition   INT         NOT NULL,
    "offset"    BIGINT      NOT NULL,
    message_key TEXT,
    payload     TEXT,
    reason      TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (topic, partition, "offset")
);

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

REVOKE ALL ON audit_entry, chain_head, dead_letter FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entry TO confide_audit_app;
GRANT SELECT, INSERT, UPDATE ON chain_head TO confide_audit_app;
GRANT SELECT, INSERT ON dead_letter TO confide_audit_app;
