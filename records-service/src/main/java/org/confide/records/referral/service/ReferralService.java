package org.confide.records.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.ageband.service.AgeBandService;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.rule.IntakeRule;
import org.confide.records.client.service.ClientService;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.notice.service.NoticeService;
import org.confide.records.paging.TimeCursor;
import org.confide.records.partner.service.PartnerService;
import org.confide.records.referral.Milestone;
import org.confide.records.referral.MilestoneType;
import org.confide.records.referral.Referral;
import org.confide.records.referral.ReferralStatus;
import org.confide.records.referral.repository.MilestoneRepository;
import org.confide.records.referral.repository.ReferralRepository;
import org.confide.records.referral.rule.MilestoneRule;
import org.confide.records.statement.service.StatementService;
import org.confide.records.time.Times;

/** Referrals from partners, milestones of clients, and the referrer's notices of them (R-REF-1). */
@ApplicationScoped
@Transactional
public class ReferralService {

    private final MilestoneRule rule = new MilestoneRule();
    private final IntakeRule intake = new IntakeRule();

    @Inject
    ClientService clients;

    @Inject
    ReferralRepository referrals;

    @Inject
    MilestoneRepository milestones;

    @Inject
    PartnerService partners;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    NoticeService notices;

    @Inject
    Caller caller;

    @Inject
    CorrelationId correlation;

    @Inject
    Clock clock;

    @Inject
    StatementService statements;

    @Inject
    AgeBandService ageBands;

    /**
     * A partner refers a client to a provider organisation; the client is REFERRED there, unallocated. R-REF-1: only a
     * provider that lists the partner takes its referrals; checked before anything is written.
     */
    public Referral refer(ReferClient command) {
        partners.requireAccepted(command.providerOrg(), caller.org());
        Client client = clients.create(
                command.providerOrg(), command.programme(), command.identity(), ClientStatus.REFERRED, null);
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.org = client.org;
        r.referrerOrg = caller.org();
        r.clientId = client.id;
        r.status = ReferralStatus.RECEIVED;
        r.reason = keys.seal(client.id, "referral.reason", command.reason());
        r.referrerEmail = command.referrerEmail();
        r.createdAt = client.createdAt;
        referrals.persist(r);
        client.referralId = r.id;
        client.referrerOrg = r.referrerOrg;

        // The client belongs to the provider: the event (and its audit entry) is under the provider's org.
        String ageBand = ageBands.atRegistration(
                client, command.identity() == null ? null : command.identity().dateOfBirth());
        outbox.emit(
                new RecordsEvents.ReferralReceived(
                        client.id.toString(), r.id.toString(), r.referrerOrg, client.programme.name(), ageBand),
                new Actor(caller.subject(), caller.role(), client.org),
                correlation.value());
        return r;
    }

    public Referral ofPartner(UUID id) {
        return referrals.ofReferrer(caller.org(), id).orElseThrow(() -> ProblemException.notFound("referral"));
    }

    public List<Milestone> milestonesOf(Referral r) {
        return milestones.ofReferral(r.id);
    }

    public List<Milestone> notices(UUID referralId, OffsetDateTime since, TimeCursor after, int limit) {
        return milestones.notices(caller.org(), referralId, since, after, limit);
    }

    public List<Milestone> ofClient(UUID clientId) {
        return milestones.ofClient(clientId);
    }

    /** R-REF-1: records a milestone and, for a referred client, the referrer's written notice of it. */
    public Milestone record(UUID clientId, RecordMilestone command) {
        MilestoneType type = command.type();
        String practitionerId = command.practitionerId();
        Boolean limitsExplained = command.limitsExplained();
        Client client = clients.forStaff(clientId);
        boolean manager = caller.is(Roles.MANAGER);
        if (!rule.mayRecord(type, manager, !manager)) {
            throw ProblemException.forbidden(
                    "only a manager records " + type + "; the allocated practitioner records INITIAL_MEETING_HELD");
        }
        rule.missingField(type, practitionerId).ifPresent(f -> {
            throw ProblemException.unprocessable(MilestoneRule.RULE, f, "is required for " + type);
        });
        rule.refusal(client.status, type).ifPresent(reason -> {
            throw ProblemException.conflict(MilestoneRule.RULE, reason);
        });
        // R-REC-5: a referred client meets the service first at the initial meeting; the explanation is recorded then.
        boolean intakeNow = limitsExplained != null && type == MilestoneType.INITIAL_MEETING_HELD;
        if (intakeNow) {
            intake.refusal(limitsExplained).ifPresent(reason -> {
                throw ProblemException.unprocessable(IntakeRule.RULE, "limitsExplained", reason);
            });
            statements.checkIntake(client.org, command.statementVersion()); // R-REC-6: the version explained
        }
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.org = client.org;
        m.clientId = client.id;
        m.referralId = client.referralId;
        m.referrerOrg = client.referrerOrg;
        m.type = type;
        m.practitionerId = type == MilestoneType.PRACTITIONER_ALLOCATED ? practitionerId : null;
        m.at = Times.now(clock);
        milestones.persist(m);

        client.status = rule.next(client.status, type);
        if (type == MilestoneType.PRACTITIONER_ALLOCATED) client.allocatedPractitionerId = practitionerId;
        if (type == MilestoneType.CONTACT_CEASED) client.contactCeasedAt = m.at;
        if (Boolean.TRUE.equals(limitsExplained) && client.limitsExplainedAt == null) client.limitsExplainedAt = m.at;
        if (type == MilestoneType.INITIAL_MEETING_HELD) {
            clients.recordIntake(
                    client, intakeNow ? command.statementVersion() : null, command.supervisionExplained(), m.at);
        }

        outbox.emit(new RecordsEvents.MilestoneRecorded(
                client.id.toString(), m.id.toString(), type.name(), m.practitionerId, client.status.name()));

        if (client.referralId != null) {
            Referral r = referrals.findById(client.referralId);
            r.status = type == MilestoneType.CONTACT_CEASED ? ReferralStatus.CLOSED : ReferralStatus.ACCEPTED;
            notices.write(m); // delivered afterwards by NoticeDelivery: the request never waits for the referrer
            outbox.emit(new RecordsEvents.ReferrerNotified(
                    client.id.toString(),
                    r.id.toString(),
                    r.referrerOrg,
                    m.id.toString(),
                    type.name(),
                    MilestoneRule.RULE));
        }
        return m;
    }
}
