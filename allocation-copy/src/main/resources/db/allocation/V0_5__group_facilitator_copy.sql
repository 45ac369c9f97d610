-- Facilitators of each group, from group.created and group.facilitator-added: they count as allocated to the group's current members (R-REC-1).
CREATE TABLE group_facilitator (
    group_id        TEXT        NOT NULL,
    practitioner_id TEXT        NOT NULL,
    org             TEXT        NOT NULL,
    added_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, practitioner_id)
);
CREATE INDEX group_facilitator_practitioner ON group_facilitator (practitioner_id, group_id);
-- "Does this practitioner facilitate a group of this client": the client's current memberships first.
CREATE INDEX group_membership_client ON group_membership (client_id, group_id) WHERE active;
