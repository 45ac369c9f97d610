package org.confide.records.partner.rule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R-REF-1: referrals come only from partners the provider accepts; the provider's admin lists them. Checks a list
 * (each org id non-blank, at most 200 characters, no control character such as NUL; at most 500 of them) and gives
 * it stripped and without duplicates. Plain Java.
 */
public final class PartnerRule {

    public static final String RULE = "R-REF-1";
    /** As long as the providerOrg a referral may name. */
    public static final int MAX_ORG_LENGTH = 200;

    public static final int MAX_PARTNERS = 500;

    /** A refusal: the field it names and why. */
    public record Refusal(String field, String message) {}

    /** The list as stored (stripped, duplicates dropped, order kept), or why it cannot be. */
    public record Checked(List<String> partnerOrgs, Optional<Refusal> refusal) {}

    public Checked check(List<String> partnerOrgs) {
        if (partnerOrgs == null) return refused("partnerOrgs", "is required (an empty list accepts no referrals)");
        if (partnerOrgs.size() > MAX_PARTNERS) {
            return refused("partnerOrgs", "must list at most " + MAX_PARTNERS + " organisations");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < partnerOrgs.size(); i++) {
            String field = "partnerOrgs[" + i + "]";
            String org = partnerOrgs.get(i);
            if (org == null || org.isBlank()) return refused(field, "must be an organisation id, not blank");
            if (org.chars().anyMatch(Character::isISOControl)) {
                return refused(field, "must not contain control characters");
            }
            String stripped = org.strip();
            if (stripped.length() > MAX_ORG_LENGTH) {
                return refused(field, "must be at most " + MAX_ORG_LENGTH + " characters");
            }
            out.add(stripped);
        }
        return new Checked(List.copyOf(out), Optional.empty());
    }

    /** Why this partner may not refer a client to this provider, if it may not. */
    public Optional<String> referralRefusal(boolean providerAcceptsPartner) {
        if (providerAcceptsPartner) return Optional.empty();
        return Optional.of("the provider organisation does not accept referrals from this partner organisation;"
                + " its admin lists the partners it accepts (PUT /settings/partners)");
    }

    private static Checked refused(String field, String message) {
        return new Checked(List.of(), Optional.of(new Refusal(field, message)));
    }
}
