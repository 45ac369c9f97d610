-- Transactional outbox (platform): every service writes its events here in the transaction of the change.
CREATE TABLE outbox_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    message_key TEXT,
    event_type  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ
);
-- The relay reads only unsent rows, oldest first.
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
