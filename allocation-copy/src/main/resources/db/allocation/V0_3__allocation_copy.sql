-- Local copy of who is allocated to which client, fed by records-events (docs/api.md conventions).
CREATE TABLE client_allocation (
    client_id       TEXT PRIMARY KEY,
    org             TEXT        NOT NULL,
    practitioner_id TEXT,
    status          TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX client_allocation_org_practitioner ON client_allocation (org, practitioner_id);

-- Current members of groups and networks (for a group's consent, R-CONF-3).
CREATE TABLE group_membership (
    group_id   TEXT        NOT NULL,
    client_id  TEXT        NOT NULL,
    org        TEXT        NOT NULL,
    active     BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, client_id)
);
CREATE INDEX group_membership_active ON group_membership (org, group_id) WHERE active;

-- Idempotent consumer: an event id is applied once.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
