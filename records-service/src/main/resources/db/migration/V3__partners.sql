-- The partner organisations an organisation accepts referrals from (R-REF-1, docs/api.md PUT /settings/partners), set by
-- its admin. A referral naming a provider that does not list the referrer is refused; an organisation with no rows
-- accepts none. The unique key is also the index of both lookups (the list of an org, one partner of an org).
CREATE TABLE accepted_partner (
    id          UUID PRIMARY KEY,
    org         TEXT        NOT NULL,
    partner_org TEXT        NOT NULL CHECK (length(partner_org) BETWEEN 1 AND 200),
    accepted_at TIMESTAMPTZ NOT NULL,
    accepted_by TEXT        NOT NULL,
    UNIQUE (org, partner_org)
);
