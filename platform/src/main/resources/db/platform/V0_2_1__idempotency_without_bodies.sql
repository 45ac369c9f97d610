-- Idempotency-Key rows keep no copy of a response (docs/api.md): the caller, the key, the route, a keyed hash of the
-- request, the status and the created resource's id; a replay reads the resource again. The old rows held whole
-- bodies in plain text and an unkeyed hash, so they are dropped with the table (a key is only good for 24 h anyway).
DROP TABLE idempotency_key;
CREATE TABLE idempotency_key (
    org         TEXT        NOT NULL,
    sub         TEXT        NOT NULL,
    idem_key    TEXT        NOT NULL,
    route       TEXT        NOT NULL,
    request_mac TEXT        NOT NULL, -- hex of HMAC-SHA256: not ciphertext, so not bytea (which holds ciphertext only)
    status      INT,
    resource_id TEXT,
    location    TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org, sub, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
