-- R-REC-3: free text about a client (recipient names, evidence references, withdrawal reasons, capacity reasons) is
-- kept only sealed with the client's own key, which lives in the key vault (org.confide.platform.crypto.KeyVault):
-- destroying the key when the client is destroyed leaves every copy of these columns, backups included, unreadable.
-- Text stored in plain before this version is not carried over (it was readable in every backup).
ALTER TABLE consent ALTER COLUMN recipient_name TYPE BYTEA USING NULL,
                    ALTER COLUMN evidence_ref TYPE BYTEA USING NULL;
ALTER TABLE consent_history ALTER COLUMN reason TYPE BYTEA USING NULL;
ALTER TABLE capacity_assessment ALTER COLUMN reasons DROP NOT NULL,
                                ALTER COLUMN reasons TYPE BYTEA USING NULL;
