package org.confide.events;

import java.util.List;

/**
 * disclosure-service's events (docs/api.md "Events"). Every step of a case carries the case's id (also the correlation
 * id), its client, group, status, outcome and deciding rule; the summary, rationales, names and notes stay in
 * disclosure-service, sealed with the client's key.
 */
@Topic(Topics.DISCLOSURE)
public sealed interface DisclosureEvents extends EventData {

    /** A concern was raised and assessed under policy {@code policyVersion}; {@code consentChecked} false: consent-service was not reached. */
    @Type("disclosure.raised")
    record Raised(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                  @Code String outcome, @RuleId @Nullable String decidingRule, @Code List<String> grounds,
                  @Code String immediacy, @Code String context, @Code List<String> recipientTypes,
                  @Code List<String> categories, @RuleId List<String> rules, int policyVersion, boolean consentChecked)
            implements DisclosureEvents {
    }

    /** Whether and how the client was involved (R-PROC-1): audit's access log hides the case while they must not know. */
    @Type("disclosure.client-involved")
    record ClientInvolved(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                          @Code String outcome, @RuleId @Nullable String decidingRule, boolean informed,
                          @Code String response, @RuleId String rule) implements DisclosureEvents {
    }

    /** A consultation (R-PROC-2; a partner organisation's representative: R-REF-2). */
    @Type("disclosure.consulted")
    record Consulted(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                     @Code String outcome, @RuleId @Nullable String decidingRule, @Code String consultedRole,
                     @Id @Nullable String consultedId, @Id @Nullable String orgId, @Code String advice,
                     @RuleId String rule) implements DisclosureEvents {
    }

    /** A manager's decision (R-PROC-2); {@code retrospective}: made after an emergency share. */
    @Type("disclosure.decided")
    record Decided(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                   @Code String outcome, @RuleId @Nullable String decidingRule, @Code String decision,
                   @Code @Nullable String lawfulBasis, boolean retrospective, @RuleId String rule)
            implements DisclosureEvents {
    }

    /**
     * Information was shared (R-PROC-2, R-PROC-3): on {@code basis} APPROVAL, CONSENT or EMERGENCY; {@code onDecisionOf}
     * is the user whose decision it rests on (none for consent).
     */
    @Type("disclosure.shared")
    record Shared(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                  @Code String outcome, @RuleId @Nullable String decidingRule, @Code String recipientType,
                  @Code String method, @Code List<String> categories, boolean emergency, @Code String basis,
                  @Id @Nullable String onDecisionOf, @RuleId String rule) implements DisclosureEvents {
    }

    /** The follow-up (R-PROC-1). */
    @Type("disclosure.followed-up")
    record FollowedUp(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                      @Code String outcome, @RuleId @Nullable String decidingRule, boolean supportOffered,
                      boolean clientInformedOfOutcome, @RuleId String rule) implements DisclosureEvents {
    }

    /** The case was closed. */
    @Type("disclosure.closed")
    record Closed(@Id String caseId, @Id String clientId, @Id @Nullable String groupId, @Code String status,
                  @Code String outcome, @RuleId @Nullable String decidingRule, @RuleId String rule)
            implements DisclosureEvents {
    }

    /** The organisation's disclosure policy has a new version (R-BRK-6); keyed by the organisation. */
    @Type(value = "policy.changed", key = Key.ORGANISATION)
    record PolicyChanged(int version, boolean requireImminenceForRiskToSelf, boolean requireConsultation,
                         @Id List<String> partnerApprovalOrgs, boolean allowEmergencyBeforeApproval, @RuleId String rule)
            implements DisclosureEvents {
    }
}
