-- R-CONS-6: the clients whose consent age band (org.confide.events.age.ConsentAgeBand) will still change, those under
-- 16, so that the daily sweep (ageband.service.AgeBandSweep) opens only their identities to find who turned 16 and
-- announces it as client.age-band-changed. A band, never a date: the date of birth stays sealed in client.identity.
-- A row goes when the client turns 16 or is destroyed (R-REC-3).
CREATE TABLE client_age_band (
    client_id  UUID PRIMARY KEY REFERENCES client (id),
    org        TEXT        NOT NULL,
    band       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
