-- Issue 18: what a concern records beside its grounds, as codes and numbers only (no free text, so nothing to seal):
-- R-BRK-2 whom the person asked to be contacted; R-BRK-4 the child's relationship to the alleged abuser and whether
-- the abuse is past or present; R-BRK-13 the risk factors of a parent's substance use (JSON of codes, ages and the finding).
ALTER TABLE disclosure_case ADD COLUMN chosen_contact      TEXT,
                            ADD COLUMN abuser_relationship TEXT,
                            ADD COLUMN abuse_timing        TEXT,
                            ADD COLUMN substance_use       TEXT;
