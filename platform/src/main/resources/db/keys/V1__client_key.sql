-- The key vault (R-REC-3 crypto-shredding): each client's data key, sealed by the master key, lives here and
-- nowhere else. This database is kept out of long-lived backups, so deleting a row makes every copy of the
-- records database (backups included) hold only ciphertext whose key is gone.
CREATE TABLE client_key (
    client_id   UUID PRIMARY KEY,
    wrapped_key BYTEA NOT NULL,
    created_at  TIMESTAMPTZ
);
