package org.confide.records.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;
import org.confide.records.partner.repository.AcceptedPartnerRepository;
import org.confide.records.partner.rule.PartnerRule;
import org.confide.records.time.Times;

/** The partner organisations an organisation accepts referrals from (R-REF-1). */
@ApplicationScoped
@Transactional
public class PartnerService {

    private final PartnerRule rule = new PartnerRule();

    @Inject
    Clock clock;

    @Inject
    AcceptedPartnerRepository partners;

    @Inject
    Caller caller;

    /** The caller's org accepts referrals from exactly these partners from now on; answers the list as stored. */
    public List<String> set(List<String> partnerOrgs) {
        PartnerRule.Checked checked = rule.check(partnerOrgs);
        checked.refusal().ifPresent(r -> {
            throw ProblemException.unprocessable(PartnerRule.RULE, r.field(), r.message());
        });
        partners.replace(caller.org(), checked.partnerOrgs(), caller.subject(), Times.now(clock));
        return partners.of(caller.org());
    }

    public List<String> of(String org) {
        return partners.of(org);
    }

    /** R-REF-1: refuses (403) a referral to a provider that does not list the referring partner. */
    public void requireAccepted(String providerOrg, String partnerOrg) {
        // No org id holds a control character; PostgreSQL would refuse a NUL in the lookup with an error (a 500).
        if (providerOrg.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("providerOrg", "must not contain control characters");
        }
        rule.referralRefusal(partners.accepts(providerOrg, partnerOrg)).ifPresent(reason -> {
            throw new ProblemException(403, "Forbidden", reason, PartnerRule.RULE, null);
        });
    }
}
