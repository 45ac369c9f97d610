package org.confide.consent.consent.rule;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.confide.consent.consent.ConsentStatus;
import org.confide.events.codes.Purpose;

/**
 * How a consent is recorded and how its state may change.
 * <ul>
 *   <li>R-CONS-1: a consent is recorded only if the situation was explained to the client.</li>
 *   <li>R-CONS-2: case studies, group work, training and recordings wait for a manager's express permission;
 *       only such a consent can be approved or refused.</li>
 *   <li>R-CONS-4: consent may be time-limited (its end lies in the future when it is given) and withdrawn at any time
 *       while it still stands (ACTIVE or PENDING_APPROVAL).</li>
 *   <li>R-CONS-5: consent given while the client lacks capacity for information sharing is not valid consent.</li>
 * </ul>
 */
public final class ConsentLifecycleRule {

    public static final Set<Purpose> NEED_APPROVAL =
            EnumSet.of(Purpose.CASE_STUDY, Purpose.GROUP_WORK, Purpose.TRAINING, Purpose.RECORDING);

    /** A refusal: the rule, the field it is about and why. */
    public record Refusal(String rule, String field, String message) {}

    /** Why a consent cannot be recorded, if it cannot. */
    public Optional<Refusal> grantRefusal(Boolean explained, Instant validUntil, boolean lacksCapacity, Instant now) {
        if (!Boolean.TRUE.equals(explained)) {
            return Optional.of(new Refusal(
                    "R-CONS-1",
                    "explained",
                    "the situation must be explained to the client before consent is recorded"));
        }
        if (validUntil != null && !validUntil.isAfter(now)) {
            return Optional.of(new Refusal("R-CONS-4", "validUntil", "must be in the future"));
        }
        if (lacksCapacity) {
            return Optional.of(
                    new Refusal(
                            "R-CONS-5",
                            "clientId",
                            "the latest assessment says the client lacks capacity for information sharing; consent given now is not valid"));
        }
        return Optional.empty();
    }

    public ConsentStatus initialStatus(Purpose purpose) {
        return NEED_APPROVAL.contains(purpose) ? ConsentStatus.PENDING_APPROVAL : ConsentStatus.ACTIVE;
    }

    /** Why a consent in {@code effective} state cannot be approved or refused, if it cannot. */
    public Optional<String> approvalConflict(ConsentStatus effective) {
        return effective == ConsentStatus.PENDING_APPROVAL
                ? Optional.empty()
                : Optional.of(
                        "only a consent waiting for approval can be approved or refused; this one is " + effective);
    }

    /** Why a consent in {@code effective} state cannot be withdrawn, if it cannot. */
    public Optional<String> withdrawalConflict(ConsentStatus effective) {
        return effective == ConsentStatus.ACTIVE || effective == ConsentStatus.PENDING_APPROVAL
                ? Optional.empty()
                : Optional.of("this consent is already " + effective + "; there is nothing left to withdraw");
    }
}
