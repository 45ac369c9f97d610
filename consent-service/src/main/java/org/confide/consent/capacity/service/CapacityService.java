package org.confide.consent.capacity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.confide.consent.capacity.CapacityAssessment;
import org.confide.consent.capacity.repository.CapacityRepository;
import org.confide.events.ConsentEvents;
import org.confide.platform.allocation.ClientGuard;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.crypto.ClientText;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;

/**
 * R-CONS-5: capacity is presumed, decision-specific and assessed at the time; each assessment is kept, and the latest
 * for INFORMATION_SHARING governs consent decisions.
 */
@ApplicationScoped
@Transactional
public class CapacityService {

    @Inject
    CapacityRepository assessments;

    @Inject
    ClientGuard guard;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ClientText text;

    @Inject
    Clock clock;

    public CapacityAssessment assess(AssessCapacity command) {
        guard.require(command.clientId());
        Actor actor = caller.actor();
        CapacityAssessment a = new CapacityAssessment();
        a.id = UUID.randomUUID();
        a.org = caller.org();
        a.clientId = command.clientId();
        a.matter = command.matter();
        a.hasCapacity = command.hasCapacity();
        a.reasons = text.seal(a.clientId, "capacity.reasons", command.reasons());
        a.assessedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        a.assessedBy = actor.id();
        a.assessedByRole = actor.role();
        assessments.persist(a);

        // The reasons are free text: they stay here, the event carries codes only.
        outbox.emit(new ConsentEvents.CapacityAssessed(a.id.toString(), a.clientId, a.matter.name(), a.hasCapacity, "R-CONS-5"));
        return a;
    }

    public CapacityAssessment read(UUID id) {
        CapacityAssessment a = assessments.find("org = ?1 and id = ?2", caller.org(), id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("capacity assessment"));
        guard.require(a.clientId);
        return a;
    }
}
