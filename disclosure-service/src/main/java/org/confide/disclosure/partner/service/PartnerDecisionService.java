package org.confide.disclosure.partner.service;

import static org.confide.platform.problem.Params.blankToNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.disclosure.partner.PartnerDecision;
import org.confide.disclosure.partner.PartnerDecisionStatus;
import org.confide.disclosure.partner.PartnerSupport;
import org.confide.disclosure.partner.repository.PartnerDecisionRepository;
import org.confide.disclosure.partner.rule.PartnerDecisionRule;
import org.confide.disclosure.partner.rule.PartnerDecisionRule.Refusal;
import org.confide.disclosure.policy.service.PolicyService;
import org.confide.events.DisclosureEvents;
import org.confide.events.EventData;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.platform.problem.Violation;

/**
 * R-REF-2 beyond disclosures: a manager proposes a major decision; each supporting organisation of the policy answers
 * through a representative (a partner token of that organisation, or a manager recording the answer on their behalf);
 * a manager makes it take effect once all support it. The events go to the proposing organisation's audit chain, with
 * the decision id as correlation id.
 */
@ApplicationScoped
@Transactional
public class PartnerDecisionService {

    private final PartnerDecisionRule rule = new PartnerDecisionRule();

    @Inject
    PartnerDecisionRepository decisions;

    @Inject
    PolicyService policies;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** A decision, its answers (oldest first), whose support it needs and whose it still lacks. */
    public record Loaded(
            PartnerDecision d, List<PartnerSupport> supports, List<String> required, List<String> missing) {}

    /** Managers only (the resource's role check); the policy in force names the organisations, and the decision keeps them. */
    public Loaded propose(UUID id, PartnerCommands.Propose cmd) {
        refuse(rule.proposal(cmd.kind(), cmd.invitedOrg()));
        PolicyService.Versioned policy = policies.current();
        PartnerDecision d = new PartnerDecision();
        d.id = id;
        d.org = caller.org();
        d.kind = cmd.kind();
        d.subject = cmd.subject().strip();
        d.invitedOrg = blankToNull(cmd.invitedOrg());
        d.requiredOrgs = json(policy.policy().partnerApprovalOrgs());
        d.policyVersion = policy.version();
        d.status = PartnerDecisionStatus.PROPOSED;
        d.proposedBy = caller.subject();
        d.proposedAt = now();
        decisions.persist(d);
        Loaded l = load(d);
        emit(
                d,
                new DisclosureEvents.PartnerDecisionProposed(
                        d.id.toString(),
                        d.kind.name(),
                        d.status.name(),
                        l.required(),
                        d.invitedOrg,
                        d.policyVersion,
                        l.missing().size(),
                        PartnerDecisionRule.RULE));
        return l;
    }

    public Loaded read(UUID id) {
        return load(visible(id, false));
    }

    /**
     * A representative's answer. A partner answers for its own organisation (naming another is 403); a manager of the
     * proposing organisation records one on a representative's behalf and names the organisation (R-REF-2).
     */
    public Loaded answer(UUID id, PartnerCommands.Answer cmd) {
        PartnerDecision d = visible(id, true);
        boolean onBehalf = caller.is(Roles.MANAGER) && d.org.equals(caller.org());
        String org;
        String representative;
        if (onBehalf) {
            org = blankToNull(cmd.orgId());
            representative = blankToNull(cmd.representativeId());
        } else {
            if (!blank(cmd.orgId()) && !cmd.orgId().equals(caller.org())) {
                throw new ProblemException(
                        403,
                        "Forbidden",
                        "a partner answers for its own organisation only",
                        PartnerDecisionRule.RULE,
                        List.of(new Violation("orgId", "must be your own organisation")));
            }
            org = caller.org();
            representative = caller.subject();
        }
        refuse(rule.answer(d.status, required(d), org));
        PartnerSupport s = new PartnerSupport();
        s.decisionId = d.id;
        s.partnerOrg = org;
        s.advice = cmd.advice();
        s.representativeId = representative;
        s.recordedBy = caller.subject();
        s.recordedByRole = caller.role();
        s.at = now();
        decisions.record(s);
        Loaded l = load(d);
        emit(
                d,
                new DisclosureEvents.PartnerDecisionSupported(
                        d.id.toString(),
                        d.kind.name(),
                        d.status.name(),
                        org,
                        cmd.advice().name(),
                        representative,
                        onBehalf,
                        l.missing().size(),
                        PartnerDecisionRule.RULE));
        return l;
    }

    /** Managers of the proposing organisation: 409 R-REF-2 until every required organisation supports it. */
    public Loaded takeEffect(UUID id) {
        PartnerDecision d = visible(id, true);
        if (!d.org.equals(caller.org())) throw ProblemException.notFound("partner decision");
        List<PartnerSupport> supports = decisions.supports(d.id);
        refuse(rule.takeEffect(d.status, required(d), answers(supports)));
        d.status = PartnerDecisionStatus.IN_EFFECT;
        d.tookEffectBy = caller.subject();
        d.tookEffectAt = now();
        Loaded l = load(d);
        emit(
                d,
                new DisclosureEvents.PartnerDecisionTookEffect(
                        d.id.toString(), d.kind.name(), d.status.name(), l.required(), PartnerDecisionRule.RULE));
        return l;
    }

    /** The organisation's own decisions; for a partner, those that need its organisation's support. */
    public List<PartnerDecision> list(PartnerDecisionStatus status, UUID after, int limit) {
        if (isPartnerOnly()) return decisions.page(null, caller.org(), status, after, limit);
        return decisions.page(caller.org(), null, status, after, limit);
    }

    public Loaded load(PartnerDecision d) {
        List<PartnerSupport> supports = decisions.supports(d.id);
        List<String> required = required(d);
        return new Loaded(d, supports, required, rule.missing(required, answers(supports)));
    }

    /**
     * The decision as this caller may see it: staff of the proposing organisation, or a partner whose organisation's
     * support it needs (R-REF-2 is what lets it cross); anyone else 404, its existence not revealed.
     */
    private PartnerDecision visible(UUID id, boolean lock) {
        Optional<PartnerDecision> found = lock ? decisions.findForUpdate(id) : decisions.findByIdOptional(id);
        PartnerDecision d = found.orElseThrow(() -> ProblemException.notFound("partner decision"));
        boolean mine = isPartnerOnly() ? required(d).contains(caller.org()) : d.org.equals(caller.org());
        if (!mine) throw ProblemException.notFound("partner decision");
        return d;
    }

    private boolean isPartnerOnly() {
        return Roles.PARTNER.equals(caller.role());
    }

    private List<String> required(PartnerDecision d) {
        try {
            return mapper.readValue(d.requiredOrgs, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored partner decision unreadable", e);
        }
    }

    private static List<PartnerDecisionRule.Answer> answers(List<PartnerSupport> supports) {
        return supports.stream()
                .map(s -> new PartnerDecisionRule.Answer(s.partnerOrg, s.advice))
                .toList();
    }

    /** In the proposing organisation's chain, by the caller (a partner's answer too), correlated by the decision id. */
    private void emit(PartnerDecision d, EventData event) {
        Actor me = caller.actor();
        outbox.emit(event, new Actor(me.id(), me.role(), d.org), d.id.toString());
    }

    private static void refuse(Optional<Refusal> refusal) {
        refusal.ifPresent(r -> {
            if (r.status() == 422)
                throw ProblemException.unprocessable(PartnerDecisionRule.RULE, r.field(), r.message());
            throw ProblemException.conflict(PartnerDecisionRule.RULE, r.message());
        });
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The injected clock (platform Clocks, UTC), to the microsecond PostgreSQL keeps. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
