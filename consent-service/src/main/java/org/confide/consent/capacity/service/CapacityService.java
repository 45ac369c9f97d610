package org.confide.consent.capacity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.service.ClientGuard;
import org.confide.consent.ageband.repository.AgeBandRepository;
import org.confide.consent.capacity.AssessmentKind;
import org.confide.consent.capacity.CapacityAssessment;
import org.confide.consent.capacity.repository.CapacityRepository;
import org.confide.consent.capacity.rule.CompetenceRule;
import org.confide.consent.config.ConsentConfig;
import org.confide.events.ConsentEvents;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.crypto.ClientText;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;

/**
 * R-CONS-5: capacity is presumed, decision-specific and assessed at the time; each assessment is kept, and the latest
 * for INFORMATION_SHARING governs consent decisions. R-CONS-6: a competence (Gillick) assessment is one of kind
 * COMPETENCE, for a client under 16; a finding of incapacity records its explanations ({@link CompetenceRule}).
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

    @Inject
    AgeBandRepository bands;

    @Inject
    AllocationRepository allocations;

    @Inject
    ConsentConfig config;

    private final CompetenceRule competence = new CompetenceRule();

    public CapacityAssessment assess(AssessCapacity command) {
        guard.require(command.clientId());
        AssessmentKind kind = command.kind() == null ? AssessmentKind.CAPACITY : command.kind();
        competence
                .assessmentRefusal(
                        new CompetenceRule.Finding(
                                kind,
                                command.hasCapacity(),
                                command.explanationToPerson(),
                                command.hasSignificantOther(),
                                command.explanationToSignificantOther()),
                        bands.bandOf(caller.org(), command.clientId()),
                        config.ageBand().unknown())
                .ifPresent(r -> {
                    throw ProblemException.unprocessable(r.rule(), r.field(), r.message());
                });
        Actor actor = caller.actor();
        CapacityAssessment a = new CapacityAssessment();
        a.id = UUID.randomUUID();
        a.org = caller.org();
        a.clientId = command.clientId();
        a.matter = command.matter();
        a.hasCapacity = command.hasCapacity();
        a.kind = kind;
        a.reasons = text.seal(a.clientId, "capacity.reasons", command.reasons());
        if (!a.hasCapacity) {
            // R-CONS-6: the explanations of a finding of incapacity, free text sealed like the reasons.
            a.explanationToPerson =
                    text.seal(a.clientId, "capacity.explanationToPerson", command.explanationToPerson());
            a.hasSignificantOther = command.hasSignificantOther();
            a.explanationToSignificantOther = Boolean.TRUE.equals(a.hasSignificantOther)
                    ? text.seal(
                            a.clientId,
                            "capacity.explanationToSignificantOther",
                            command.explanationToSignificantOther())
                    : null;
        }
        a.assessedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        a.assessedBy = actor.id();
        a.assessedByRole = actor.role();
        assessments.persist(a);

        // The reasons are free text: they stay here, the event carries codes only.
        boolean sixth = a.kind == AssessmentKind.COMPETENCE || !a.hasCapacity;
        outbox.emit(new ConsentEvents.CapacityAssessed(
                a.id.toString(),
                a.clientId,
                a.matter.name(),
                a.hasCapacity,
                sixth ? CompetenceRule.RULE : "R-CONS-5",
                a.kind.name(),
                a.hasCapacity ? null : true,
                a.hasCapacity ? null : a.hasSignificantOther));
        return a;
    }

    /** The calling client's own assessments, newest first: their existence and outcome (R-REC-2). */
    public List<CapacityAssessment> listOwn() {
        if (allocations.inOrg(caller.org(), caller.subject()).isEmpty()) throw ProblemException.notFound("client");
        return assessments.ofClient(caller.org(), caller.subject());
    }

    /** One of the calling client's own assessments (another client's: 403). */
    public CapacityAssessment readOwn(UUID id) {
        CapacityAssessment a = assessments
                .find("org = ?1 and id = ?2", caller.org(), id)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("capacity assessment"));
        if (!a.clientId.equals(caller.subject())) throw ProblemException.forbidden("this assessment is not about you");
        return a;
    }

    public CapacityAssessment read(UUID id) {
        CapacityAssessment a = assessments
                .find("org = ?1 and id = ?2", caller.org(), id)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("capacity assessment"));
        guard.require(a.clientId);
        return a;
    }
}
