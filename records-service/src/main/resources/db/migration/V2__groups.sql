-- Peer support groups and network meetings (docs/api.md "Groups and network meetings", R-CONF-3, R-CONF-4).
-- Named peer_group/group_member (not "group", an SQL keyword, nor group_membership, the platform's allocation copy).
CREATE TABLE peer_group (
    id         UUID PRIMARY KEY,
    org        TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    programme  TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_group_org ON peer_group (org, id);

-- A facilitator is a practitioner allocated to the group; for its current members' records they count as allocated.
CREATE TABLE group_facilitator (
    id              UUID PRIMARY KEY,
    group_id        UUID        NOT NULL REFERENCES peer_group (id),
    practitioner_id TEXT        NOT NULL,
    added_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (group_id, practitioner_id)
);
CREATE INDEX group_facilitator_practitioner ON group_facilitator (practitioner_id, group_id);

-- A membership: a client (an anonymous one has a client row with no identity, R-CONF-4). The alias is sealed with the
-- member client's own data key, so retention's crypto-shredding (R-REC-3) destroys it with the client. Leaving keeps
-- the row (left_at).
CREATE TABLE group_member (
    id                     UUID PRIMARY KEY,
    group_id               UUID        NOT NULL REFERENCES peer_group (id),
    org                    TEXT        NOT NULL,
    client_id              UUID        NOT NULL REFERENCES client (id),
    alias                  BYTEA,
    ground_rules_agreed_at TIMESTAMPTZ NOT NULL,
    joined_at              TIMESTAMPTZ NOT NULL,
    left_at                TIMESTAMPTZ,
    added_by               TEXT        NOT NULL
);
-- One current membership per client and group; the facilitator check and /me/file look members up by client.
CREATE UNIQUE INDEX group_member_current ON group_member (group_id, client_id) WHERE left_at IS NULL;
CREATE INDEX group_member_client ON group_member (client_id, group_id);

-- A session of a group; the facilitator's note is sealed with the group's own data key (key vault, like a client's).
CREATE TABLE group_session (
    id           UUID PRIMARY KEY,
    group_id     UUID        NOT NULL REFERENCES peer_group (id),
    org          TEXT        NOT NULL,
    session_date DATE        NOT NULL,
    note         BYTEA,
    author_id    TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX group_session_group ON group_session (group_id, created_at, id);

-- Who attended a session (member ids, never identities).
CREATE TABLE group_attendance (
    id         UUID PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES group_session (id),
    member_id  UUID NOT NULL REFERENCES group_member (id),
    UNIQUE (session_id, member_id)
);
CREATE INDEX group_attendance_member ON group_attendance (member_id);
