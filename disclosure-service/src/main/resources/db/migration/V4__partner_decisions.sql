-- Issue 18, R-REF-2 beyond disclosures: a major decision affecting the supporting organisations (a press release, inviting
-- a new supporting organisation, anything that could cause concern or distrust between them) takes effect only once a
-- representative of each organisation the policy lists (partner_approval_orgs, copied at proposal) has supported it.
CREATE TABLE partner_decision (
    id               UUID PRIMARY KEY,
    org              TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    -- what is proposed, in a line: about the organisation, never about a client
    subject          TEXT        NOT NULL,
    invited_org      TEXT,
    -- JSON array of organisation ids whose support is required (the policy's partnerApprovalOrgs of policy_version)
    required_orgs    TEXT        NOT NULL,
    policy_version   INT         NOT NULL,
    status           TEXT        NOT NULL,
    proposed_by      TEXT        NOT NULL,
    proposed_at      TIMESTAMPTZ NOT NULL,
    took_effect_by   TEXT,
    took_effect_at   TIMESTAMPTZ
);
CREATE INDEX partner_decision_org ON partner_decision (org, id);

-- Each answer of a supporting organisation's representative, in order; the latest of each organisation counts.
CREATE TABLE partner_support (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id       UUID        NOT NULL REFERENCES partner_decision (id),
    partner_org       TEXT        NOT NULL,
    advice            TEXT        NOT NULL,
    representative_id TEXT,
    recorded_by       TEXT        NOT NULL,
    recorded_by_role  TEXT        NOT NULL,
    at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX partner_support_decision ON partner_support (decision_id, id);
