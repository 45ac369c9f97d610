package org.confide.disclosure.cases.service;

import static org.confide.platform.problem.Params.blankToNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.service.ClientGuard;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.disclosure.assessment.rule.Assessment;
import org.confide.disclosure.assessment.rule.EmergencyRule;
import org.confide.disclosure.assessment.rule.Policy;
import org.confide.disclosure.assessment.service.AssessmentService.Evaluated;
import org.confide.disclosure.assessment.service.ConcernCommand;
import org.confide.disclosure.assessment.service.ConcernCommand.Recipient;
import org.confide.disclosure.cases.CaseStatus;
import org.confide.disclosure.cases.CaseStep;
import org.confide.disclosure.cases.ConsultedRole;
import org.confide.disclosure.cases.DecisionKind;
import org.confide.disclosure.cases.DisclosureCase;
import org.confide.disclosure.cases.StepData;
import org.confide.disclosure.cases.StepKind;
import org.confide.disclosure.cases.repository.CaseRepository;
import org.confide.disclosure.cases.rule.ChannelRule;
import org.confide.disclosure.cases.rule.WorkflowRule;
import org.confide.disclosure.cases.rule.WorkflowRule.CaseState;
import org.confide.disclosure.cases.rule.WorkflowRule.Refusal;
import org.confide.disclosure.consent.ConsentAnswer;
import org.confide.events.DisclosureEvents;
import org.confide.events.EventData;
import org.confide.events.access.ClientAccessRule;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.crypto.ClientText;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.platform.problem.Violation;

/**
 * The case workflow: raise, client involvement, consultations, decision, shares, follow-up, close. Each step is checked by
 * {@link WorkflowRule}, recorded, and announced through the outbox in one transaction, with the case id as correlation id.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    private final WorkflowRule rule = new WorkflowRule();
    private final EmergencyRule emergencyRule = new EmergencyRule();
    private final ChannelRule channelRule = new ChannelRule();

    @Inject
    CaseRepository cases;

    @Inject
    AllocationRepository allocations;

    @Inject
    ClientGuard guard;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClientText text;

    @Inject
    Clock clock;

    /** Free-text members of the case's JSON, sealed apart (R-REC-3); everything else there is an id, a code or a date. */
    static final Set<String> CASE_TEXT = Set.of("name");

    static final Set<String> STEP_TEXT = Set.of("reason", "rationale", "recipientName", "note");

    /** A case with its steps, in order. */
    public record Loaded(DisclosureCase c, List<CaseStep> steps) {}

    /** What a share needs to re-check consent before it goes (R-CONS-4). */
    public record ShareContext(
            Outcome outcome, String clientId, String groupId, List<Recipient> recipients, Purpose purpose) {}

    public Loaded raise(UUID id, ConcernCommand body, Evaluated ev) {
        OffsetDateTime now = now();
        Actor actor = caller.actor();
        Assessment a = ev.assessment();
        DisclosureCase c = new DisclosureCase();
        c.id = id;
        c.org = caller.org();
        c.clientId = body.clientId();
        c.groupId = blankToNull(body.groupId());
        c.status = CaseStatus.RAISED;
        c.outcome = a.outcome();
        c.groundsOutcome = a.groundsOutcome();
        c.decidingRule = a.decidingRule();
        c.emergencyAllowed = a.emergencyAllowed();
        c.consentChecked = a.consentChecked();
        c.grounds = DisclosureCase.join(body.grounds());
        c.categories = DisclosureCase.join(body.categories());
        c.immediacy = body.immediacy();
        c.context = body.context();
        c.purpose = body.purposeOrDefault();
        c.summary = text.seal(c.clientId, "case.summary", body.summary());
        c.clientAge = body.clientAge();
        c.gillickCompetent = body.gillickCompetent();
        c.chosenContact = body.chosenContact();
        c.abuserRelationship = body.abuserRelationship();
        c.abuseTiming = body.abuseTiming();
        c.substanceUse = body.substanceUse() == null ? null : json(body.substanceUse());
        ClientText.Split recipients = text.split(c.clientId, "case.recipients", body.proposedRecipients(), CASE_TEXT);
        c.recipients = recipients.plain();
        c.recipientsSealed = recipients.sealed();
        ClientText.Split assessment = text.split(c.clientId, "case.assessment", ev.view(), CASE_TEXT);
        c.assessment = assessment.plain();
        c.assessmentSealed = assessment.sealed();
        c.policyVersion = ev.policy().version();
        c.policy = json(ev.policy().policy());
        c.raisedBy = actor.id();
        c.raisedByRole = actor.role();
        c.raisedAt = now;
        c.updatedAt = now;
        cases.persist(c);
        StepData.Raised raised = new StepData.Raised(c.outcome, c.policyVersion, c.consentChecked);
        CaseStep step = step(c, StepKind.RAISED, raised, now);

        SubstanceUse u = body.substanceUse();
        emit(
                c,
                new DisclosureEvents.Raised(
                        c.id.toString(),
                        c.clientId,
                        c.groupId,
                        c.status.name(),
                        c.outcome.name(),
                        c.decidingRule,
                        body.grounds().stream().map(Enum::name).distinct().toList(),
                        c.immediacy.name(),
                        c.context.name(),
                        body.proposedRecipients().stream()
                                .map(r -> r.type().name())
                                .distinct()
                                .toList(),
                        c.categoryList().stream().map(Enum::name).toList(),
                        a.rules(),
                        c.policyVersion,
                        c.consentChecked,
                        name(c.chosenContact),
                        name(c.abuserRelationship),
                        name(c.abuseTiming),
                        u == null ? null : name(u.substance()),
                        u == null ? null : name(u.amount()),
                        u == null ? null : names(u.protectiveFactors()),
                        u == null ? null : name(u.mentalHealth()),
                        u == null ? null : names(u.behaviours()),
                        u == null
                                ? null
                                : u.childrenAges().stream().map(String::valueOf).toList(),
                        u == null ? null : u.riskToChildFound()));
        return new Loaded(c, List.of(step));
    }

    public Loaded read(UUID id) {
        DisclosureCase c = cases.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("disclosure"));
        requireRead(c);
        return new Loaded(c, cases.steps(c.id));
    }

    public List<DisclosureCase> list(String clientId, CaseStatus status, UUID after, int limit) {
        if (clientId != null) {
            allocations.inOrg(caller.org(), clientId).orElseThrow(() -> ProblemException.notFound("client"));
        }
        String practitioner = caller.is(Roles.MANAGER) ? null : caller.subject();
        return cases.page(caller.org(), clientId, status, practitioner, after, limit);
    }

    public Map<UUID, List<CaseStep>> stepsOf(List<UUID> ids) {
        return cases.steps(ids);
    }

    public Loaded involve(UUID id, CaseCommands.InvolveClient b) {
        Loaded l = lockForStep(id);
        CaseState s = state(l);
        refuse(rule.involvement(s, b.informed(), b.response(), b.reason()));
        StepData.Involvement stored = new StepData.Involvement(b.informed(), b.response(), blankToNull(b.reason()));
        return advance(
                l,
                StepKind.CLIENT_INVOLVED,
                stored,
                l.c().status,
                c -> new DisclosureEvents.ClientInvolved(
                        c.id.toString(),
                        c.clientId,
                        c.groupId,
                        c.status.name(),
                        c.outcome.name(),
                        c.decidingRule,
                        b.informed(),
                        b.response().name(),
                        "R-PROC-1"));
    }

    public Loaded consult(UUID id, CaseCommands.Consult b) {
        Loaded l = lockForStep(id);
        refuse(rule.consultation(state(l), b.consultedRole(), b.orgId()));
        StepData.Consultation stored = new StepData.Consultation(
                b.consultedRole(),
                blankToNull(b.consultedId()),
                blankToNull(b.orgId()),
                b.advice(),
                blankToNull(b.note()));
        String cited = b.consultedRole() == ConsultedRole.PARTNER_REPRESENTATIVE ? "R-REF-2" : "R-PROC-2";
        return advance(
                l,
                StepKind.CONSULTED,
                stored,
                l.c().status,
                c -> new DisclosureEvents.Consulted(
                        c.id.toString(),
                        c.clientId,
                        c.groupId,
                        c.status.name(),
                        c.outcome.name(),
                        c.decidingRule,
                        b.consultedRole().name(),
                        stored.consultedId(),
                        stored.orgId(),
                        b.advice().name(),
                        cited));
    }

    /** R-PROC-2: a manager who is not the raiser; a decision after an emergency share is retrospective. */
    public Loaded decide(UUID id, CaseCommands.Decide b) {
        DisclosureCase c =
                cases.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("disclosure"));
        Loaded l = new Loaded(c, cases.steps(c.id));
        CaseState s = state(l);
        refuse(rule.decision(s, caller.subject(), b.decision(), b.lawfulBasis()));
        boolean retrospective = s.shares().stream().anyMatch(WorkflowRule.Share::emergency);
        StepData.Decision stored = new StepData.Decision(b.decision(), b.rationale(), b.lawfulBasis(), retrospective);
        return advance(
                l,
                StepKind.DECIDED,
                stored,
                rule.afterDecision(s, b.decision()),
                k -> new DisclosureEvents.Decided(
                        k.id.toString(),
                        k.clientId,
                        k.groupId,
                        k.status.name(),
                        k.outcome.name(),
                        k.decidingRule,
                        b.decision().name(),
                        b.lawfulBasis() == null ? null : b.lawfulBasis().name(),
                        retrospective,
                        "R-PROC-2"));
    }

    /** Who may act and what a share would need to re-check consent for (read only). */
    public ShareContext shareContext(UUID id) {
        DisclosureCase c = cases.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("disclosure"));
        requireStep(c);
        return new ShareContext(c.outcome, c.clientId, c.groupId, recipients(c), c.purpose);
    }

    /**
     * R-CONS-4: consent re-checked for a share of a CONSENTED case. When it no longer covers the share (withdrawn, expired,
     * or consent-service unreachable: fail closed), the outcome turns to that of the grounds and stays so; this commits on
     * its own so that the turn is recorded even though the share is refused. Returns whether consent still covers it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordConsentRecheck(
            UUID id, RecipientType recipient, List<Category> categories, List<ConsentAnswer> answers) {
        boolean covered = answers.stream().allMatch(ConsentAnswer::permitted);
        if (covered) return true;
        DisclosureCase c =
                cases.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("disclosure"));
        if (c.outcome != Outcome.CONSENTED) return false;
        Loaded l = new Loaded(c, cases.steps(c.id));
        boolean checked = answers.stream().allMatch(ConsentAnswer::checked);
        Outcome from = c.outcome;
        c.outcome = c.groundsOutcome;
        c.decidingRule = groundsRule(c);
        Policy policy = policyOf(c);
        c.emergencyAllowed = emergencyRule.open(c.outcome, c.immediacy, policy);
        c.consentChecked = c.consentChecked && checked;
        StepData.ConsentRecheck stored = new StepData.ConsentRecheck(from, c.outcome, checked, recipient, categories);
        step(c, StepKind.CONSENT_RECHECKED, stored, now());
        c.updatedAt = now();
        return false;
    }

    public Loaded share(UUID id, CaseCommands.Share b) {
        Loaded l = lockForStep(id);
        CaseState s = state(l);
        boolean asked = b.emergency();
        refuse(rule.share(s, b.recipientType(), EnumSet.copyOf(b.categories()), asked));
        refuse(channelRule.channel(b.method(), asked));
        boolean emergency = rule.isEmergencyShare(s, asked) && s.decision() != DecisionKind.APPROVED;
        String basis;
        String onDecisionOf;
        if (s.decision() == DecisionKind.APPROVED) {
            basis = "APPROVAL";
            onDecisionOf = decider(l);
        } else if (s.outcome() == Outcome.CONSENTED) {
            basis = "CONSENT";
            onDecisionOf = null;
        } else {
            basis = "EMERGENCY";
            onDecisionOf = caller.subject();
        }
        StepData.Share stored = new StepData.Share(
                b.recipientType(),
                blankToNull(b.recipientName()),
                b.method(),
                b.categories().stream().distinct().toList(),
                emergency,
                basis,
                onDecisionOf);
        CaseStatus next = l.c().status == CaseStatus.RAISED || l.c().status == CaseStatus.APPROVED
                ? CaseStatus.DISCLOSED
                : l.c().status;
        return advance(
                l,
                StepKind.SHARED,
                stored,
                next,
                c -> new DisclosureEvents.Shared(
                        c.id.toString(),
                        c.clientId,
                        c.groupId,
                        c.status.name(),
                        c.outcome.name(),
                        c.decidingRule,
                        b.recipientType().name(),
                        b.method().name(),
                        stored.categories().stream().map(Enum::name).toList(),
                        emergency,
                        basis,
                        onDecisionOf,
                        emergency ? "R-PROC-2" : "R-PROC-3"));
    }

    public Loaded followUp(UUID id, CaseCommands.FollowUp b) {
        Loaded l = lockForStep(id);
        refuse(rule.followUp(state(l), b.clientInformedOfOutcome(), b.note()));
        StepData.FollowUp stored =
                new StepData.FollowUp(b.supportOffered(), b.clientInformedOfOutcome(), blankToNull(b.note()));
        return advance(
                l,
                StepKind.FOLLOWED_UP,
                stored,
                CaseStatus.FOLLOWED_UP,
                c -> new DisclosureEvents.FollowedUp(
                        c.id.toString(),
                        c.clientId,
                        c.groupId,
                        c.status.name(),
                        c.outcome.name(),
                        c.decidingRule,
                        b.supportOffered(),
                        b.clientInformedOfOutcome(),
                        "R-PROC-1"));
    }

    /** Managers only (the resource's role check). */
    public Loaded close(UUID id) {
        DisclosureCase c =
                cases.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("disclosure"));
        Loaded l = new Loaded(c, cases.steps(c.id));
        refuse(rule.close(state(l)));
        return advance(
                l,
                StepKind.CLOSED,
                Map.of(),
                CaseStatus.CLOSED,
                k -> new DisclosureEvents.Closed(
                        k.id.toString(),
                        k.clientId,
                        k.groupId,
                        k.status.name(),
                        k.outcome.name(),
                        k.decidingRule,
                        "R-PROC-1"));
    }

    /** The step, the case's new status, and the step's event made from the case as it is now. */
    private Loaded advance(
            Loaded l, StepKind kind, Object stored, CaseStatus next, Function<DisclosureCase, EventData> event) {
        OffsetDateTime now = now();
        DisclosureCase c = l.c();
        c.status = next;
        c.updatedAt = now;
        CaseStep step = step(c, kind, stored, now);
        emit(c, event.apply(c));
        List<CaseStep> steps = new ArrayList<>(l.steps());
        steps.add(step);
        return new Loaded(c, steps);
    }

    private CaseStep step(DisclosureCase c, StepKind kind, Object stored, OffsetDateTime at) {
        Actor actor = caller.actor();
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.kind = kind;
        s.at = at;
        s.actorId = actor.id();
        s.actorRole = actor.role();
        ClientText.Split data = text.split(c.clientId, "step.data", stored, STEP_TEXT);
        s.data = data.plain();
        s.dataSealed = data.sealed();
        cases.record(s);
        return s;
    }

    /** The case id is the correlation id of every event of the case (docs/api.md conventions). */
    private void emit(DisclosureCase c, EventData event) {
        outbox.emit(event, caller.actor(), c.id.toString());
    }

    private Loaded lockForStep(UUID id) {
        DisclosureCase c =
                cases.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("disclosure"));
        requireStep(c);
        return new Loaded(c, cases.steps(c.id));
    }

    /** Managers see every case of their organisation; a practitioner the cases they raised or whose client is theirs. */
    private void requireRead(DisclosureCase c) {
        if (caller.is(Roles.MANAGER)) return;
        if (caller.is(Roles.PRACTITIONER)) {
            if (c.raisedBy.equals(caller.subject())) return;
            boolean allocated = allocations
                    .inOrg(caller.org(), c.clientId)
                    .map(guard::mayAct)
                    .orElse(false);
            if (allocated) return;
        }
        throw new ProblemException(
                403,
                "Forbidden",
                "you did not raise this case and are not allocated to its client",
                ClientAccessRule.RULE,
                null);
    }

    /** The raiser or a manager (docs/api.md). */
    private void requireStep(DisclosureCase c) {
        if (caller.is(Roles.MANAGER)) return;
        if (caller.is(Roles.PRACTITIONER) && c.raisedBy.equals(caller.subject())) return;
        throw ProblemException.forbidden("only the practitioner who raised the case, or a manager, may do this");
    }

    public CaseState state(Loaded l) {
        DisclosureCase c = l.c();
        List<WorkflowRule.Involvement> involvements = new ArrayList<>();
        List<WorkflowRule.Consultation> consultations = new ArrayList<>();
        List<WorkflowRule.Share> shares = new ArrayList<>();
        DecisionKind decision = null;
        boolean followedUp = false;
        for (CaseStep s : l.steps()) {
            switch (s.kind) {
                case CLIENT_INVOLVED -> {
                    StepData.Involvement i = read(s.data, StepData.Involvement.class);
                    involvements.add(new WorkflowRule.Involvement(i.informed(), i.response()));
                }
                case CONSULTED -> {
                    StepData.Consultation k = read(s.data, StepData.Consultation.class);
                    consultations.add(new WorkflowRule.Consultation(k.consultedRole(), k.orgId(), k.advice()));
                }
                case DECIDED -> decision = read(s.data, StepData.Decision.class).decision();
                case SHARED ->
                    shares.add(new WorkflowRule.Share(Boolean.TRUE.equals(
                            read(s.data, StepData.Share.class).emergency())));
                case FOLLOWED_UP -> followedUp = true;
                default -> {}
            }
        }
        return new CaseState(
                c.status,
                c.outcome,
                c.decidingRule,
                c.immediacy,
                c.groundList(),
                policyOf(c),
                c.raisedBy,
                recipients(c).stream().map(Recipient::type).toList(),
                EnumSet.copyOf(c.categoryList()),
                involvements,
                consultations,
                decision,
                shares,
                followedUp);
    }

    private String decider(Loaded l) {
        return l.steps().stream()
                .filter(s -> s.kind == StepKind.DECIDED)
                .map(s -> s.actorId)
                .reduce((a, b) -> b)
                .orElse(null);
    }

    /** The deciding rule of the grounds alone, from the assessment recorded when the case was raised. */
    private String groundsRule(DisclosureCase c) {
        try {
            var findings = mapper.readTree(c.assessment).path("findings");
            for (var f : findings) {
                if (c.groundsOutcome.name().equals(f.path("outcome").asText()))
                    return f.path("rules").path(0).asText();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "R-CONS-4";
    }

    public Policy policyOf(DisclosureCase c) {
        return read(c.policy, Policy.class);
    }

    /** The proposed recipients, with their names while the client's key exists (R-REC-3). */
    public List<Recipient> recipients(DisclosureCase c) {
        return mapper.convertValue(
                text.join(c.clientId, "case.recipients", c.recipients, c.recipientsSealed),
                new TypeReference<List<Recipient>>() {});
    }

    // What a reader sees of the case's free text: opened with the client's key, absent once it is destroyed (R-REC-3).
    public String summary(DisclosureCase c) {
        return text.open(c.clientId, "case.summary", c.summary);
    }

    public JsonNode assessment(DisclosureCase c) {
        return text.join(c.clientId, "case.assessment", c.assessment, c.assessmentSealed);
    }

    public JsonNode stepData(DisclosureCase c, CaseStep s) {
        return text.join(c.clientId, "step.data", s.data, s.dataSealed);
    }

    private static void refuse(Optional<Refusal> refusal) {
        refusal.ifPresent(r -> {
            if (r.status() == 422) throw ProblemException.unprocessable(r.rule(), r.field(), r.message());
            throw new ProblemException(
                    r.status(),
                    "Conflict",
                    r.message(),
                    r.rule(),
                    r.field() == null ? null : List.of(new Violation(r.field(), r.message())));
        });
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored step unreadable", e);
        }
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

    /** The R-BRK-13 factors recorded with the case, or null. */
    public SubstanceUse substanceUse(DisclosureCase c) {
        return c.substanceUse == null ? null : read(c.substanceUse, SubstanceUse.class);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static List<String> names(List<? extends Enum<?>> es) {
        return es.stream().map(Enum::name).toList();
    }
}
