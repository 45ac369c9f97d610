package org.confide.events;

import java.util.List;

/**
 * disclosure-service's events (docs/api.md "Events"). Every step of a case carries the case's id (also the correlation
 * id), its client, group, status, outcome and deciding rule; the summary, rationales, names and notes stay in
 * disclosure-service, sealed with the client's key.
 */
@Topic(Topics.DISCLOSURE)
public sealed interface DisclosureEvents extends EventData {

    /**
     * A concern was raised and assessed under policy {@code policyVersion}; {@code consentChecked} false: consent-service was
     * not reached. What the concern records beside its grounds, each absent when not recorded: whom the person asked to be
     * contacted (R-BRK-2); the relationship to the alleged abuser and past or present abuse (R-BRK-4); a parent's substance
     * use, its risk factors as codes, the children's ages as numerals and whether a risk to a child was found (R-BRK-13).
     */
    @Type("disclosure.raised")
    record Raised(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            @Code List<String> grounds,
            @Code String immediacy,
            @Code String context,
            @Code List<String> recipientTypes,
            @Code List<String> categories,
            @RuleId List<String> rules,
            int policyVersion,
            boolean consentChecked,
            @Code @Nullable String chosenContact,
            @Code @Nullable String abuserRelationship,
            @Code @Nullable String abuseTiming,
            @Code @Nullable String substance,
            @Code @Nullable String substanceAmount,
            @Code @Nullable List<String> protectiveFactors,
            @Code @Nullable String mentalHealth,
            @Code @Nullable List<String> behavioursUnderInfluence,
            @Code @Nullable List<String> childrenAges,
            @Nullable Boolean riskToChildFound)
            implements DisclosureEvents {

        /** A concern that records none of the factors of R-BRK-2, R-BRK-4 and R-BRK-13. */
        public Raised(
                String caseId,
                String clientId,
                String groupId,
                String status,
                String outcome,
                String decidingRule,
                List<String> grounds,
                String immediacy,
                String context,
                List<String> recipientTypes,
                List<String> categories,
                List<String> rules,
                int policyVersion,
                boolean consentChecked) {
            this(
                    caseId,
                    clientId,
                    groupId,
                    status,
                    outcome,
                    decidingRule,
                    grounds,
                    immediacy,
                    context,
                    recipientTypes,
                    categories,
                    rules,
                    policyVersion,
                    consentChecked,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /** Whether and how the client was involved (R-PROC-1): audit's access log hides the case while they must not know. */
    @Type("disclosure.client-involved")
    record ClientInvolved(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            boolean informed,
            @Code String response,
            @RuleId String rule)
            implements DisclosureEvents {}

    /** A consultation (R-PROC-2; a partner organisation's representative: R-REF-2). */
    @Type("disclosure.consulted")
    record Consulted(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            @Code String consultedRole,
            @Id @Nullable String consultedId,
            @Id @Nullable String orgId,
            @Code String advice,
            @RuleId String rule)
            implements DisclosureEvents {}

    /** A manager's decision (R-PROC-2); {@code retrospective}: made after an emergency share. */
    @Type("disclosure.decided")
    record Decided(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            @Code String decision,
            @Code @Nullable String lawfulBasis,
            boolean retrospective,
            @RuleId String rule)
            implements DisclosureEvents {}

    /**
     * Information was shared (R-PROC-2, R-PROC-3): on {@code basis} APPROVAL, CONSENT or EMERGENCY; {@code onDecisionOf}
     * is the user whose decision it rests on (none for consent).
     */
    @Type("disclosure.shared")
    record Shared(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            @Code String recipientType,
            @Code String method,
            @Code List<String> categories,
            boolean emergency,
            @Code String basis,
            @Id @Nullable String onDecisionOf,
            @RuleId String rule)
            implements DisclosureEvents {}

    /** The follow-up (R-PROC-1). */
    @Type("disclosure.followed-up")
    record FollowedUp(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            boolean supportOffered,
            boolean clientInformedOfOutcome,
            @RuleId String rule)
            implements DisclosureEvents {}

    /** The case was closed. */
    @Type("disclosure.closed")
    record Closed(
            @Id String caseId,
            @Id String clientId,
            @Id @Nullable String groupId,
            @Code String status,
            @Code String outcome,
            @RuleId @Nullable String decidingRule,
            @RuleId String rule)
            implements DisclosureEvents {}

    /** The organisation's disclosure policy has a new version (R-BRK-6); keyed by the organisation. */
    @Type(value = "policy.changed", key = Key.ORGANISATION)
    record PolicyChanged(
            int version,
            boolean requireImminenceForRiskToSelf,
            boolean requireConsultation,
            @Id List<String> partnerApprovalOrgs,
            boolean allowEmergencyBeforeApproval,
            @RuleId String rule)
            implements DisclosureEvents {}

    /**
     * R-REF-2 beyond disclosures: a major decision (a press release, inviting a supporting organisation, other) was put to
     * the supporting organisations {@code requiredOrgs} (the policy's partnerApprovalOrgs of {@code policyVersion});
     * {@code missingOrgs} of them have not supported it yet. Keyed by the organisation; the decision id is the correlation id.
     */
    @Type(value = "partner-decision.proposed", key = Key.ORGANISATION)
    record PartnerDecisionProposed(
            @Id String decisionId,
            @Code String kind,
            @Code String status,
            @Id List<String> requiredOrgs,
            @Id @Nullable String invitedOrg,
            int policyVersion,
            int missingOrgs,
            @RuleId String rule)
            implements DisclosureEvents {}

    /**
     * A supporting organisation's answer ({@code advice} SUPPORT or OPPOSE; its latest counts), by its representative or
     * recorded by a manager on their behalf ({@code onBehalf}).
     */
    @Type(value = "partner-decision.supported", key = Key.ORGANISATION)
    record PartnerDecisionSupported(
            @Id String decisionId,
            @Code String kind,
            @Code String status,
            @Id String orgId,
            @Code String advice,
            @Id @Nullable String representativeId,
            boolean onBehalf,
            int missingOrgs,
            @RuleId String rule)
            implements DisclosureEvents {}

    /** Every supporting organisation supported it, and a manager made it take effect (R-REF-2). */
    @Type(value = "partner-decision.took-effect", key = Key.ORGANISATION)
    record PartnerDecisionTookEffect(
            @Id String decisionId,
            @Code String kind,
            @Code String status,
            @Id List<String> requiredOrgs,
            @RuleId String rule)
            implements DisclosureEvents {}
}
