-- R-CONF-5: a manager assigns a supervisor (the sub of a supervisor token) to a practitioner, and may end it.
-- An ended agreement is kept (who ended it, when): the history of who could see whose clients.
CREATE TABLE supervision_agreement (
    id              UUID PRIMARY KEY,
    org             TEXT        NOT NULL,
    supervisor_id   TEXT        NOT NULL,
    practitioner_id TEXT        NOT NULL,
    assigned_by     TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    ended_by        TEXT,
    ended_at        TIMESTAMPTZ
);
-- One standing agreement per supervisor and practitioner; the supervision view asks exactly this.
CREATE UNIQUE INDEX supervision_agreement_active ON supervision_agreement (org, supervisor_id, practitioner_id)
    WHERE ended_at IS NULL;
-- Lists, keyset-paged by (started_at, id).
CREATE INDEX supervision_agreement_org ON supervision_agreement (org, started_at, id);

-- R-CONF-5: when the client was told that their work may be taken to supervision (at intake, or later); null: never told.
ALTER TABLE client ADD COLUMN supervision_explained_at TIMESTAMPTZ;
