-- R-COMP-1: a client's complaint about the work (docs/api.md "Complaints"). The text is the client's own words: sealed
-- with the client's data key like notes and letters, so destruction (R-REC-3) reaches it; it never goes into an event.
CREATE TABLE complaint (
    id                UUID PRIMARY KEY,
    org               TEXT        NOT NULL,
    client_id         UUID        NOT NULL REFERENCES client (id),
    status            TEXT        NOT NULL,
    text              BYTEA,
    created_at        TIMESTAMPTZ NOT NULL,
    acknowledged_at   TIMESTAMPTZ,
    status_changed_by TEXT,
    status_changed_at TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ
);
-- The client's own list, and the directors' list of the organisation (optionally by status), both in filing order.
CREATE INDEX complaint_client ON complaint (client_id, created_at, id);
CREATE INDEX complaint_org ON complaint (org, created_at, id);
CREATE INDEX complaint_org_status ON complaint (org, status, created_at, id);
