-- Clients of an organisation (API.md records-service). Identity is held here only, never in events.
CREATE TABLE client (
    id                        UUID PRIMARY KEY,
    org                       TEXT        NOT NULL,
    programme                 TEXT        NOT NULL,
    status                    TEXT        NOT NULL,
    allocated_practitioner_id TEXT,
    limits_explained_at       TIMESTAMPTZ NOT NULL,
    identity                  TEXT        NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    contact_ceased_at         TIMESTAMPTZ,
    legal_hold                BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX client_org_created ON client (org, created_at, id);
