-- Clients whose key was destroyed (R-REC-3): an id and a time, no key. A service that makes keys on first use
-- (consent-service, disclosure-service) looks here so that it never makes a new key for a destroyed client.
CREATE TABLE destroyed_client (
    client_id    UUID PRIMARY KEY,
    destroyed_at TIMESTAMPTZ NOT NULL
);
