package org.confide.records.supervision.rule;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * R-CONF-5: a practitioner takes their work to a supervisor only with the organisation's consent (a manager's
 * standing agreement between that supervisor and that practitioner) and the client's knowledge (recorded at intake or
 * later). A supervisor sees the de-identified material of those clients and of no one else.
 */
public final class SupervisionAgreementRule {

    public static final String RULE = "R-CONF-5";

    /** An agreement as the rule needs it: who supervises whom, and whether a manager has ended it. */
    public record Agreement(String supervisorId, String practitionerId, boolean ended) {}

    /** A refusal naming the field at fault (422) or, with a null field, the state at fault (409). */
    public record Refusal(String field, String message) {}

    /**
     * Whether this supervisor may see the client's supervision material: the client has an allocated practitioner,
     * a standing agreement links the supervisor to that practitioner, and the client was told (strictest reading: a
     * client who was not told is not shown, whatever the agreement).
     */
    public boolean maySee(
            String supervisorId, String allocatedPractitionerId, boolean clientTold, Collection<Agreement> agreements) {
        if (supervisorId == null || allocatedPractitionerId == null || !clientTold) return false;
        return agreements.stream()
                .anyMatch(a -> !a.ended()
                        && supervisorId.equals(a.supervisorId())
                        && allocatedPractitionerId.equals(a.practitionerId()));
    }

    /** Whether a manager may assign this supervisor to this practitioner, given whether such an agreement stands already. */
    public Optional<Refusal> assignRefusal(String supervisorId, String practitionerId, boolean alreadyStanding) {
        if (Objects.equals(supervisorId, practitionerId)) {
            return Optional.of(new Refusal("supervisorId", "a practitioner cannot be their own supervisor"));
        }
        if (alreadyStanding) {
            return Optional.of(new Refusal(null, "this supervisor is already assigned to this practitioner"));
        }
        return Optional.empty();
    }

    /** An agreement is ended once. */
    public Optional<String> endRefusal(boolean ended) {
        return ended ? Optional.of("this supervision agreement has already ended") : Optional.empty();
    }

    /** Recording that the client was told: only a true statement of it is recorded. */
    public Optional<String> noticeRefusal(Boolean explained) {
        return Boolean.TRUE.equals(explained)
                ? Optional.empty()
                : Optional.of("record only that the client was told their work may be taken to supervision (true)");
    }
}
