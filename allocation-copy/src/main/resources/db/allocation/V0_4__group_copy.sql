-- Groups and networks known from group.created, so that a group with no member yet is known (R-CONF-3: nobody has consented).
CREATE TABLE known_group (
    group_id   TEXT PRIMARY KEY,
    org        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
