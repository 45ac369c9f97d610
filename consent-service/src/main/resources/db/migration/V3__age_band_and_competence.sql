-- R-CONS-6: the client's consent age band, as records-service publishes it (org.confide.events.age.ConsentAgeBand:
-- UNDER_16, 16_OR_OVER, UNKNOWN), kept by the age band consumer (ageband.service.AgeBandHandler). A band, never a date of
-- birth; the row goes when the client is destroyed (R-REC-3).
CREATE TABLE client_age_band (
    client_id  TEXT PRIMARY KEY,
    org        TEXT        NOT NULL,
    band       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- R-CONS-6: a competence (Gillick) assessment is an assessment of kind COMPETENCE; one that finds capacity lacking
-- records the explanation given to the person and, where they have one, to their significant other (free text sealed
-- with the client's key, cleared on client.destroyed, as reasons are).
ALTER TABLE capacity_assessment ADD COLUMN kind TEXT NOT NULL DEFAULT 'CAPACITY',
                                ADD COLUMN explanation_to_person BYTEA,
                                ADD COLUMN has_significant_other BOOLEAN,
                                ADD COLUMN explanation_to_significant_other BYTEA;

-- R-CONS-6: the competence assessment an under-16's consent rests on.
ALTER TABLE consent ADD COLUMN competence_assessment_id UUID REFERENCES capacity_assessment (id);
