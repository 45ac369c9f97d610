-- R-REC-6: the organisation's confidentiality statement, versioned 1, 2, ...; a published version never changes.
CREATE TABLE confidentiality_statement (
    org          TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    text         TEXT        NOT NULL,
    published_by TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org, version)
);

-- R-REC-6: a member of staff (token sub) acknowledged this version; the first acknowledgement is the one kept.
CREATE TABLE statement_acknowledgement (
    org             TEXT        NOT NULL,
    version         INTEGER     NOT NULL,
    user_id         TEXT        NOT NULL,
    acknowledged_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org, version, user_id),
    FOREIGN KEY (org, version) REFERENCES confidentiality_statement (org, version)
);

-- Published versions are immutable: no UPDATE or DELETE of a statement, even by a bug in the service.
CREATE FUNCTION confidentiality_statement_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a published confidentiality statement cannot be changed (R-REC-6)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER confidentiality_statement_immutable BEFORE UPDATE OR DELETE ON confidentiality_statement
    FOR EACH ROW EXECUTE FUNCTION confidentiality_statement_immutable();
