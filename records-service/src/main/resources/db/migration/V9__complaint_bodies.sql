-- R-COMP-1: the outside bodies an organisation tells a complaining client they may also go to (docs/api.md
-- PUT /settings/complaint-bodies), set by its admin; none until listed. Names and addresses of bodies, never of people.
CREATE TABLE complaint_outside_body (
    id       UUID PRIMARY KEY,
    org      TEXT        NOT NULL,
    position INT         NOT NULL,
    name     TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    url      TEXT        NOT NULL CHECK (length(url) BETWEEN 1 AND 500),
    set_by   TEXT        NOT NULL,
    set_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (org, position)
);
