-- R-REC-3: free text about a client (a case's summary, recipients' names, the notes, reasons and rationales of its
-- steps) is kept only sealed with the client's own key, which lives in the key vault
-- (org.confide.platform.crypto.KeyVault): destroying the key when the client is destroyed leaves every copy of these
-- columns, backups included, unreadable. The JSON columns keep their codes; their free-text members move to the
-- *_sealed columns. Text stored in plain before this version is not carried over (it was readable in every backup).
ALTER TABLE disclosure_case ALTER COLUMN summary DROP NOT NULL,
                            ALTER COLUMN summary TYPE BYTEA USING NULL,
                            ADD COLUMN recipients_sealed BYTEA,
                            ADD COLUMN assessment_sealed BYTEA;
UPDATE disclosure_case SET
    recipients = coalesce((SELECT jsonb_agg(e - 'name') FROM jsonb_array_elements(recipients::jsonb) e), '[]'::jsonb)::text,
    assessment = CASE WHEN jsonb_typeof(assessment::jsonb -> 'recipients') = 'array'
                      THEN jsonb_set(assessment::jsonb, '{recipients}',
                               coalesce((SELECT jsonb_agg(e - 'name')
                                           FROM jsonb_array_elements(assessment::jsonb -> 'recipients') e), '[]'::jsonb))::text
                      ELSE assessment END;
ALTER TABLE disclosure_step ADD COLUMN data_sealed BYTEA;
UPDATE disclosure_step SET data = (data::jsonb - 'reason' - 'rationale' - 'recipientName' - 'note')::text
 WHERE jsonb_typeof(data::jsonb) = 'object';
