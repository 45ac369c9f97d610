-- An organisation's disclosure policy; every PUT /policy adds a version, none is ever changed (cases keep theirs).
CREATE TABLE disclosure_policy (
    id                                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org                                TEXT        NOT NULL,
    version                            INT         NOT NULL,
    require_imminence_for_risk_to_self BOOLEAN     NOT NULL,
    require_consultation               BOOLEAN     NOT NULL,
    -- JSON array of organisation ids (R-REF-2)
    partner_approval_orgs              TEXT        NOT NULL,
    allow_emergency_before_approval    BOOLEAN     NOT NULL,
    created_at                         TIMESTAMPTZ NOT NULL,
    created_by                         TEXT        NOT NULL,
    UNIQUE (org, version)
);

-- A disclosure case: one concern about a client, assessed once under the policy version of the day.
CREATE TABLE disclosure_case (
    id                  UUID PRIMARY KEY,
    org                 TEXT        NOT NULL,
    client_id           TEXT        NOT NULL,
    group_id            TEXT,
    status              TEXT        NOT NULL,
    outcome             TEXT        NOT NULL,
    grounds_outcome     TEXT        NOT NULL,
    deciding_rule       TEXT        NOT NULL,
    emergency_allowed   BOOLEAN     NOT NULL,
    consent_checked     BOOLEAN     NOT NULL,
    -- comma-separated enum names
    grounds             TEXT        NOT NULL,
    categories          TEXT        NOT NULL,
    immediacy           TEXT        NOT NULL,
    context             TEXT        NOT NULL,
    purpose             TEXT        NOT NULL,
    summary             TEXT        NOT NULL,
    client_age          INT,
    gillick_competent   BOOLEAN,
    -- JSON: the proposed recipients, the assessment as answered, the policy version's settings
    recipients          TEXT        NOT NULL,
    assessment          TEXT        NOT NULL,
    policy_version      INT         NOT NULL,
    policy              TEXT        NOT NULL,
    raised_by           TEXT        NOT NULL,
    raised_by_role      TEXT        NOT NULL,
    raised_at           TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- Lists (keyset by id): the organisation's, one client's, by status, a practitioner's own.
CREATE INDEX disclosure_case_org ON disclosure_case (org, id);
CREATE INDEX disclosure_case_client ON disclosure_case (org, client_id, id);
CREATE INDEX disclosure_case_status ON disclosure_case (org, status, id);
CREATE INDEX disclosure_case_raiser ON disclosure_case (org, raised_by, id);

-- Every step of a case, in order (R-PROC-3: what, with whom, when, why, on whose decision).
CREATE TABLE disclosure_step (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    UUID        NOT NULL REFERENCES disclosure_case (id),
    kind       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    actor_id   TEXT        NOT NULL,
    actor_role TEXT        NOT NULL,
    data       TEXT        NOT NULL
);
CREATE INDEX disclosure_step_case ON disclosure_step (case_id, id);
