-- R-REC-6 / R-REC-5: the version of the confidentiality statement explained to the client at intake (null: none was published).
ALTER TABLE client ADD COLUMN statement_version INTEGER;
