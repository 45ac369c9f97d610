-- Safety in groups (docs/api.md "Groups and network meetings"; R-SAFE-1, R-SAFE-2). Codes only: what was said in the
-- room is never stored (R-CONF-3), so none of these tables has a free-text column.

-- R-SAFE-1: a member who attended a session was asked to leave it, with a reason code.
CREATE TABLE group_departure (
    id          UUID PRIMARY KEY,
    group_id    UUID        NOT NULL REFERENCES peer_group (id),
    org         TEXT        NOT NULL,
    session_id  UUID        NOT NULL REFERENCES group_session (id),
    member_id   UUID        NOT NULL REFERENCES group_member (id),
    client_id   UUID        NOT NULL REFERENCES client (id),
    reason      TEXT        NOT NULL,
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    UNIQUE (session_id, member_id)
);
-- "Keeps causing problems" counts a client's departures from one group; the session view lists its own.
CREATE INDEX group_departure_client ON group_departure (group_id, client_id);

-- R-SAFE-2: a facilitator ended the whole session for the members' safety; support offered is per attendee.
ALTER TABLE group_session ADD COLUMN end_reason TEXT, ADD COLUMN ended_by TEXT, ADD COLUMN ended_at TIMESTAMPTZ;
ALTER TABLE group_attendance ADD COLUMN support_offered_at TIMESTAMPTZ;

-- R-SAFE-2 / R-SAFE-1: a client excluded from a group (the members' decision, or behaviour that keeps causing problems);
-- while not lifted the client cannot be added to the group again. A manager lifts it (lifted_at, lifted_by).
CREATE TABLE group_exclusion (
    id         UUID PRIMARY KEY,
    group_id   UUID        NOT NULL REFERENCES peer_group (id),
    org        TEXT        NOT NULL,
    member_id  UUID        NOT NULL REFERENCES group_member (id),
    client_id  UUID        NOT NULL REFERENCES client (id),
    reason     TEXT        NOT NULL,
    decided_by TEXT        NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    lifted_by  TEXT,
    lifted_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX group_exclusion_active ON group_exclusion (group_id, client_id) WHERE lifted_at IS NULL;
CREATE INDEX group_exclusion_group ON group_exclusion (group_id, decided_at, id);
CREATE INDEX group_exclusion_client ON group_exclusion (client_id);
