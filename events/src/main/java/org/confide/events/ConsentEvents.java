package org.confide.events;

import java.time.Instant;
import java.util.List;

/**
 * consent-service's events (docs/api.md "Events"). A consent's events carry its state and what it covers as codes; the
 * recipient's name, the evidence reference and any reason stay in consent-service, sealed with the client's key.
 */
@Topic(Topics.CONSENT)
public sealed interface ConsentEvents extends EventData {

    /** A consent was recorded (R-CONS-1); purposes that need approval start {@code PENDING_APPROVAL} (R-CONS-2). */
    @Type("consent.granted")
    record Granted(
            @Id String consentId,
            @Id String clientId,
            @Code String status,
            @Code String recipientType,
            @Id @Nullable String recipientOrgId,
            @Code String purpose,
            @Code List<String> categories,
            @Code String method,
            @Nullable Instant validUntil,
            @RuleId String rule,
            @Id @Nullable String competenceAssessmentId,
            @Code @Nullable String ageBand)
            implements ConsentEvents {

        /** Without the R-CONS-6 fields: {@code competenceAssessmentId} (the assessment an under-16's consent rests on) and {@code ageBand}. */
        public Granted(
                String consentId,
                String clientId,
                String status,
                String recipientType,
                String recipientOrgId,
                String purpose,
                List<String> categories,
                String method,
                Instant validUntil,
                String rule) {
            this(
                    consentId,
                    clientId,
                    status,
                    recipientType,
                    recipientOrgId,
                    purpose,
                    categories,
                    method,
                    validUntil,
                    rule,
                    null,
                    null);
        }
    }

    /** A manager approved ({@code approved} true: ACTIVE) or refused (REFUSED) a consent pending approval (R-CONS-2). */
    @Type("consent.approved")
    record Approved(
            @Id String consentId,
            @Id String clientId,
            @Code String status,
            @Code String recipientType,
            @Id @Nullable String recipientOrgId,
            @Code String purpose,
            boolean approved,
            @RuleId String rule)
            implements ConsentEvents {}

    /** The consent was withdrawn (R-CONS-4); {@code fromStatus} is the state it left. */
    @Type("consent.withdrawn")
    record Withdrawn(
            @Id String consentId,
            @Id String clientId,
            @Code String status,
            @Code String recipientType,
            @Id @Nullable String recipientOrgId,
            @Code String purpose,
            @Code String fromStatus,
            @RuleId String rule)
            implements ConsentEvents {}

    /** An ACTIVE consent passed its {@code validUntil} (R-CONS-4). */
    @Type("consent.expired")
    record Expired(
            @Id String consentId,
            @Id String clientId,
            @Code String status,
            @Code String recipientType,
            @Id @Nullable String recipientOrgId,
            @Code String purpose,
            Instant validUntil,
            @RuleId String rule)
            implements ConsentEvents {}

    /**
     * A consent decision was answered (R-CONF-1, R-CONS-5), for a client ({@code clientId}, {@code consentId}) or for a
     * group or network (R-CONF-3: {@code groupId}, {@code missingMembers}).
     */
    @Type(value = "consent.decided", key = Key.CLIENT_OR_GROUP)
    record Decided(
            @Code String recipientType,
            @Id @Nullable String recipientOrgId,
            @Code String category,
            @Code String purpose,
            @Id @Nullable String clientId,
            @Id @Nullable String groupId,
            @Code String decision,
            @Code String reason,
            @Id @Nullable String consentId,
            @Nullable Integer missingMembers,
            @RuleId String rule)
            implements ConsentEvents {}

    /**
     * A capacity assessment (R-CONS-5), or for a client under 16 a competence (Gillick) assessment (R-CONS-6;
     * {@code kind} {@code CAPACITY} or {@code COMPETENCE}), was recorded. When the person was found to lack capacity,
     * {@code explainedToPerson} and {@code significantOtherInformed} (false: they have none) say who it was explained
     * to (R-CONS-6). The reasons and explanations are free text and stay in consent-service.
     */
    @Type("capacity.assessed")
    record CapacityAssessed(
            @Id String assessmentId,
            @Id String clientId,
            @Code String matter,
            boolean hasCapacity,
            @RuleId String rule,
            @Code @Nullable String kind,
            @Nullable Boolean explainedToPerson,
            @Nullable Boolean significantOtherInformed)
            implements ConsentEvents {

        /** A capacity assessment without the R-CONS-6 fields. */
        public CapacityAssessed(String assessmentId, String clientId, String matter, boolean hasCapacity, String rule) {
            this(assessmentId, clientId, matter, hasCapacity, rule, null, null, null);
        }
    }
}
