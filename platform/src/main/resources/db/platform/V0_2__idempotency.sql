-- Idempotency-Key (docs/api.md conventions): the first response to a key, replayed for 24 h.
CREATE TABLE idempotency_key (
    org           TEXT        NOT NULL,
    idem_key      TEXT        NOT NULL,
    route         TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INT,
    response_body TEXT,
    location      TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org, idem_key, route)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
