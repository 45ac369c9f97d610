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
    record Granted(@Id String consentId, @Id String clientId, @Code String status, @Code String recipientType,
                   @Id @Nullable String recipientOrgId, @Code String purpose, @Code List<String> categories,
                   @Code String method, @Nullable Instant validUntil, @RuleId String rule) implements ConsentEvents {
    }

    /** A manager approved ({@code approved} true: ACTIVE) or refused (REFUSED) a consent pending approval (R-CONS-2). */
    @Type("consent.approved")
    record Approved(@Id String consentId, @Id String clientId, @Code String status, @Code String recipientType,
                    @Id @Nullable String recipientOrgId, @Code String purpose, boolean approved, @RuleId String rule)
            implements ConsentEvents {
    }

    /** The consent was withdrawn (R-CONS-4); {@code fromStatus} is the state it left. */
    @Type("consent.withdrawn")
    record Withdrawn(@Id String consentId, @Id String clientId, @Code String status, @Code String recipientType,
                     @Id @Nullable String recipientOrgId, @Code String purpose, @Code String fromStatus,
                     @RuleId String rule) implements ConsentEvents {
    }

    /** An ACTIVE consent passed its {@code validUntil} (R-CONS-4). */
    @Type("consent.expired")
    record Expired(@Id String consentId, @Id String clientId, @Code String status, @Code String recipientType,
                   @Id @Nullable String recipientOrgId, @Code String purpose, Instant validUntil, @RuleId String rule)
            implements ConsentEvents {
    }

    /**
     * A consent decision was answered (R-CONF-1, R-CONS-5), for a client ({@code clientId}, {@code consentId}) or for a
     * group or network (R-CONF-3: {@code groupId}, {@code missingMembers}).
     */
    @Type(value = "consent.decided", key = Key.CLIENT_OR_GROUP)
    record Decided(@Code String recipientType, @Id @Nullable String recipientOrgId, @Code String category,
                   @Code String purpose, @Id @Nullable String clientId, @Id @Nullable String groupId,
                   @Code String decision, @Code String reason, @Id @Nullable String consentId,
                   @Nullable Integer missingMembers, @RuleId String rule) implements ConsentEvents {
    }

    /** A capacity assessment was recorded (R-CONS-5); its reasons are free text and stay in consent-service. */
    @Type("capacity.assessed")
    record CapacityAssessed(@Id String assessmentId, @Id String clientId, @Code String matter, boolean hasCapacity,
                            @RuleId String rule) implements ConsentEvents {
    }
}
