-- The referrer's written notices (R-REF-1, docs/api.md "Notices and partner webhooks"), written in the transaction of
-- the milestone they tell of and delivered afterwards by NoticeDelivery (the outbox pattern): an outage delays a notice,
-- never drops it. A notice holds the referral id, the milestone and its time, nothing about the client.
CREATE TABLE notice (
    id               UUID PRIMARY KEY,
    org              TEXT        NOT NULL,
    referrer_org     TEXT        NOT NULL,
    referral_id      UUID        NOT NULL REFERENCES referral (id),
    client_id        UUID        NOT NULL,
    milestone_id     UUID        NOT NULL UNIQUE,
    milestone        TEXT        NOT NULL,
    milestone_at     TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    channel          TEXT CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
-- The worker's queue: the due pending notices, oldest first.
CREATE INDEX notice_due ON notice (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX notice_referrer ON notice (referrer_org, created_at, id);
CREATE INDEX notice_org ON notice (org, created_at, id);

-- The referrer's e-mail address for written notices when its organisation has no webhook (optional on POST /referrals).
ALTER TABLE referral ADD COLUMN referrer_email TEXT CHECK (length(referrer_email) <= 320);

-- A partner organisation's webhook (Standard Webhooks): its endpoint and signing secret; during a rotation the previous
-- secret signs too, until previous_until.
CREATE TABLE partner_webhook (
    partner_org     TEXT PRIMARY KEY,
    url             TEXT        NOT NULL CHECK (length(url) <= 2000),
    secret          TEXT        NOT NULL,
    previous_secret TEXT,
    previous_until  TIMESTAMPTZ,
    registered_by   TEXT        NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    rotated_at      TIMESTAMPTZ
);
