-- Witnesses' cosignatures of checkpoints (C2SP tlog-cosignature lines), kept with the checkpoint they cosign
-- (docs/api.md "A log others can check and witness"). Append-only like the checkpoints.
CREATE TABLE checkpoint_cosignature (
    org         TEXT        NOT NULL,
    tree_size   BIGINT      NOT NULL,
    witness     TEXT        NOT NULL,
    key_id      TEXT        NOT NULL,
    cosigned_at TIMESTAMPTZ NOT NULL,
    line        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org, tree_size, witness)
);
-- The last size each witness cosigned, per organisation: the old size of the next add-checkpoint.
CREATE INDEX checkpoint_cosignature_witness ON checkpoint_cosignature (org, witness, tree_size);
REVOKE ALL ON checkpoint_cosignature FROM PUBLIC;
GRANT SELECT, INSERT ON checkpoint_cosignature TO confide_audit_app;
