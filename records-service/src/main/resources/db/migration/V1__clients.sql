-- records-service schema (docs/api.md records-service). Identity, note bodies, letters and referral reasons are
-- encrypted with a data key per client (bytea columns). The keys are NOT in this database: they live, wrapped by the
-- master key, in the separate key vault (db/keys, R-REC-3), so a backup of this database holds only ciphertext
-- once retention has deleted the client's key there.
CREATE TABLE client (
    id                        UUID PRIMARY KEY,
    org                       TEXT        NOT NULL,
    programme                 TEXT        NOT NULL,
    status                    TEXT        NOT NULL,
    allocated_practitioner_id TEXT,
    limits_explained_at       TIMESTAMPTZ,
    identity                  BYTEA,
    referral_id               UUID,
    referrer_org              TEXT,
    created_at                TIMESTAMPTZ NOT NULL,
    contact_ceased_at         TIMESTAMPTZ,
    legal_hold                BOOLEAN     NOT NULL DEFAULT FALSE,
    legal_hold_reason         TEXT,
    destroyed_at              TIMESTAMPTZ
);
-- Lists: every client of an org, a practitioner's own, by status; all keyset-paged by id.
CREATE INDEX client_org_id ON client (org, id);
CREATE INDEX client_org_practitioner_id ON client (org, allocated_practitioner_id, id);
CREATE INDEX client_org_status_id ON client (org, status, id);
-- Retention run: the ceased clients of an org, oldest first.
CREATE INDEX client_ceased ON client (org, contact_ceased_at) WHERE status = 'CONTACT_CEASED';

-- A partner's referral (R-REF-1); the partner sees only its id, status and milestones.
CREATE TABLE referral (
    id           UUID PRIMARY KEY,
    org          TEXT        NOT NULL,
    referrer_org TEXT        NOT NULL,
    client_id    UUID        NOT NULL REFERENCES client (id),
    status       TEXT        NOT NULL,
    reason       BYTEA,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_referrer ON referral (referrer_org, id);

-- Milestones of a client; those of a referred client are the referrer's written notices (R-REF-1).
CREATE TABLE milestone (
    id              UUID PRIMARY KEY,
    org             TEXT        NOT NULL,
    client_id       UUID        NOT NULL REFERENCES client (id),
    referral_id     UUID,
    referrer_org    TEXT,
    type            TEXT        NOT NULL,
    practitioner_id TEXT,
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX milestone_client ON milestone (client_id, at, id);
CREATE INDEX milestone_referrer ON milestone (referrer_org, at, id) WHERE referrer_org IS NOT NULL;
CREATE INDEX milestone_referral ON milestone (referral_id, at, id) WHERE referral_id IS NOT NULL;

-- Session notes (R-REC-1); body encrypted with the client's key.
CREATE TABLE note (
    id           UUID PRIMARY KEY,
    org          TEXT        NOT NULL,
    client_id    UUID        NOT NULL REFERENCES client (id),
    session_date DATE        NOT NULL,
    kind         TEXT        NOT NULL,
    body         BYTEA       NOT NULL,
    author_id    TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX note_client ON note (client_id, created_at, id);

-- De-identified supervision material (R-CONF-2); text encrypted with the client's key all the same.
CREATE TABLE supervision_note (
    id         UUID PRIMARY KEY,
    org        TEXT        NOT NULL,
    client_id  UUID        NOT NULL REFERENCES client (id),
    text       BYTEA       NOT NULL,
    author_id  TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_note_client ON supervision_note (client_id, created_at, id);

-- Letters on a client's behalf (R-CONS-3); recipient and body encrypted with the client's key.
CREATE TABLE letter (
    id         UUID PRIMARY KEY,
    org        TEXT        NOT NULL,
    client_id  UUID        NOT NULL REFERENCES client (id),
    recipient  BYTEA       NOT NULL,
    body       BYTEA       NOT NULL,
    status     TEXT        NOT NULL,
    author_id  TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX letter_client ON letter (client_id, created_at, id);

-- Per-organisation retention period (R-REC-3); an org without a row has the configured default.
CREATE TABLE retention_setting (
    org            TEXT PRIMARY KEY,
    retention_days INTEGER     NOT NULL CHECK (retention_days BETWEEN 0 AND 36500),
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL
);
