package org.confide.consent.decision.service;

import static org.confide.platform.problem.Params.blankToNull;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.service.ClientGuard;
import org.confide.consent.capacity.repository.CapacityRepository;
import org.confide.consent.config.ConsentConfig;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.repository.ConsentRepository;
import org.confide.consent.decision.Reason;
import org.confide.consent.decision.repository.DecisionReads;
import org.confide.consent.decision.rule.DecisionRule;
import org.confide.consent.decision.rule.DecisionRule.Candidate;
import org.confide.consent.decision.rule.DecisionRule.Outcome;
import org.confide.consent.decision.rule.DecisionRule.Request;
import org.confide.consent.decision.rule.GroupDecisionRule;
import org.confide.consent.decision.rule.GroupDecisionRule.GroupOutcome;
import org.confide.events.ConsentEvents;
import org.confide.events.access.ClientAccessRule;
import org.confide.platform.auth.Caller;
import org.confide.platform.kafka.DirectPublisher;
import org.confide.platform.problem.ProblemException;

/**
 * Consent decisions (R-CONF-1, R-CONS-2/4/5, R-CONF-3). A client's decision reads the allocation copy, the consents
 * and the capacity in one statement ({@link DecisionReads}), outside a transaction. A decision changes no row, so its
 * one record, its {@code consent.decided} event, goes straight to Kafka ({@link DirectPublisher}): the answer is given
 * once the broker acknowledged it, and is a 503 when it did not within the deadline. Nothing here writes to the database.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DecisionService {

    private final DecisionRule rule = new DecisionRule();
    private final GroupDecisionRule groupRule = new GroupDecisionRule();

    @Inject
    ConsentRepository consents;

    @Inject
    CapacityRepository capacity;

    @Inject
    AllocationRepository allocations;

    @Inject
    ClientGuard guard;

    @Inject
    Caller caller;

    @Inject
    DirectPublisher publisher;

    @Inject
    DecisionReads reads;

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    public Outcome decideForClient(DecisionCommands.ForClient r) {
        String org = caller.org();
        DecisionReads.ClientFacts facts = reads.forClient(org, r.clientId(), r.recipientType(), r.purpose())
                .orElseThrow(() -> ProblemException.notFound("client"));
        if (!guard.mayAct(org, r.clientId(), facts.practitionerId())) {
            throw new ProblemException(
                    403, "Forbidden", "you are not allocated to this client", ClientAccessRule.RULE, null);
        }
        Outcome outcome = rule.decide(request(r), facts.candidates(), facts.lacksCapacity(), clock.instant());
        // A change to the client still in the outbox goes to Kafka first: the client's events stay in order.
        if (facts.changeUnsent()
                && !reads.awaitSent(
                        r.clientId(),
                        System.nanoTime() + config.decisions().brokerDeadline().toNanos())) {
            throw DirectPublisher.notAcknowledged();
        }

        record(new ConsentEvents.Decided(
                r.recipientType().name(),
                blankToNull(r.recipientOrgId()),
                r.category().name(),
                r.purpose().name(),
                r.clientId(),
                null,
                outcome.decision().name(),
                outcome.reason().name(),
                outcome.consentId() == null ? null : outcome.consentId().toString(),
                null,
                outcome.reason() == Reason.CAPACITY_LACKING ? "R-CONS-5" : "R-CONF-1"));
        return outcome;
    }

    /** R-CONF-3: every current member's own decision must permit, logistics to the organisation's staff apart. */
    public GroupOutcome decideForGroup(DecisionCommands.ForGroup r) {
        String org = caller.org();
        if (!allocations.groupExists(org, r.groupId())) {
            throw ProblemException.notFound("group");
        }
        boolean exempt = GroupDecisionRule.logisticsExempt(r.recipientType(), r.recipientOrgId(), r.category(), org);
        List<GroupDecisionRule.Member> members = new ArrayList<>();
        if (!exempt) {
            List<AllocationRepository.Member> all = allocations.members(org, r.groupId());
            List<String> currentIds = all.stream()
                    .filter(AllocationRepository.Member::current)
                    .map(AllocationRepository.Member::clientId)
                    .toList();
            Map<String, List<Candidate>> byMember = currentIds.isEmpty()
                    ? Map.of()
                    : consents.forDecision(org, currentIds, r.recipientType(), r.purpose()).stream()
                            .collect(Collectors.groupingBy(
                                    c -> c.clientId,
                                    Collectors.mapping(DecisionService::candidate, Collectors.toList())));
            Request request = request(r);
            Instant now = clock.instant();
            for (AllocationRepository.Member m : all) {
                // A member who has left is passed on without a decision of their own: the rule does not count them.
                members.add(new GroupDecisionRule.Member(
                        m.current(),
                        !m.current()
                                ? null
                                : rule.decide(
                                        request,
                                        byMember.getOrDefault(m.clientId(), List.of()),
                                        capacity.lacksInformationSharingCapacity(org, m.clientId()),
                                        now)));
            }
        }
        GroupOutcome outcome = groupRule.decide(exempt, members);

        record(new ConsentEvents.Decided(
                r.recipientType().name(),
                blankToNull(r.recipientOrgId()),
                r.category().name(),
                r.purpose().name(),
                null,
                r.groupId(),
                outcome.decision().name(),
                outcome.reason().name(),
                null,
                outcome.missingMembers(),
                GroupDecisionRule.RULE));
        return outcome;
    }

    /** The decision's record, acknowledged by Kafka before the answer is given (503 otherwise). */
    private void record(ConsentEvents.Decided decided) {
        publisher.publish(decided, config.decisions().brokerDeadline());
    }

    private static Request request(DecisionCommands.ForClient r) {
        return new Request(r.recipientType(), blankToNull(r.recipientOrgId()), r.category(), r.purpose());
    }

    private static Request request(DecisionCommands.ForGroup r) {
        return new Request(r.recipientType(), blankToNull(r.recipientOrgId()), r.category(), r.purpose());
    }

    private static Candidate candidate(Consent c) {
        return new Candidate(
                c.id,
                c.recipientType,
                c.recipientOrgId,
                c.categorySet(),
                c.purpose,
                c.status,
                c.validFrom.toInstant(),
                c.validUntil == null ? null : c.validUntil.toInstant());
    }
}
