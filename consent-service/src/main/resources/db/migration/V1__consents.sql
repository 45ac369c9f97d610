-- Consents (docs/api.md consent-service; R-CONS-1: what, to whom, why, how, explained, evidence).
CREATE TABLE consent (
    id               UUID PRIMARY KEY,
    org              TEXT        NOT NULL,
    client_id        TEXT        NOT NULL,
    recipient_type   TEXT        NOT NULL,
    recipient_name   TEXT,
    recipient_org_id TEXT,
    -- the categories, comma separated (enum names)
    categories       TEXT        NOT NULL,
    purpose          TEXT        NOT NULL,
    method           TEXT        NOT NULL,
    explained        BOOLEAN     NOT NULL,
    evidence_ref     TEXT,
    status           TEXT        NOT NULL,
    valid_from       TIMESTAMPTZ NOT NULL,
    valid_until      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    created_by       TEXT        NOT NULL,
    created_by_role  TEXT        NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
-- The decision path: one indexed lookup of a client's consents to one recipient type for one purpose.
CREATE INDEX consent_decision ON consent (org, client_id, recipient_type, purpose);
-- Lists: a client's consents (and the whole organisation's) in id order, for keyset paging.
CREATE INDEX consent_client_list ON consent (org, client_id, id);
CREATE INDEX consent_org_list ON consent (org, id);
-- The expiry sweep looks only at ACTIVE consents with an end date.
CREATE INDEX consent_expiring ON consent (valid_until) WHERE status = 'ACTIVE' AND valid_until IS NOT NULL;
-- Receipts asked for by the recipient organisation (a partner).
CREATE INDEX consent_recipient_org ON consent (recipient_org_id) WHERE recipient_org_id IS NOT NULL;

-- Every change of a consent's state, in order (R-CONS-4: withdrawal is itself recorded).
CREATE TABLE consent_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consent_id  UUID        NOT NULL REFERENCES consent (id),
    from_status TEXT,
    status      TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    actor_id    TEXT        NOT NULL,
    actor_role  TEXT        NOT NULL,
    reason      TEXT
);
CREATE INDEX consent_history_consent ON consent_history (consent_id, id);

-- Capacity assessments, per matter (R-CONS-5: decision-specific, assessed at the time).
CREATE TABLE capacity_assessment (
    id             UUID PRIMARY KEY,
    org            TEXT        NOT NULL,
    client_id      TEXT        NOT NULL,
    matter         TEXT        NOT NULL,
    has_capacity   BOOLEAN     NOT NULL,
    reasons        TEXT        NOT NULL,
    assessed_at    TIMESTAMPTZ NOT NULL,
    assessed_by    TEXT        NOT NULL,
    assessed_by_role TEXT      NOT NULL
);
-- The decision's capacity lookup: the latest assessment of a client for a matter.
CREATE INDEX capacity_latest ON capacity_assessment (org, client_id, matter, assessed_at DESC);
