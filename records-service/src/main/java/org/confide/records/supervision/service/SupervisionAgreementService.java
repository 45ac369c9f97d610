package org.confide.records.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.client.Client;
import org.confide.records.client.service.ClientService;
import org.confide.records.paging.TimeCursor;
import org.confide.records.supervision.SupervisionAgreement;
import org.confide.records.supervision.repository.SupervisionAgreementRepository;
import org.confide.records.supervision.rule.SupervisionAgreementRule;
import org.confide.records.supervision.rule.SupervisionAgreementRule.Agreement;
import org.confide.records.time.Times;

/** R-CONF-5: managers assign supervisors to practitioners; the client's knowledge is recorded; who may see whom. */
@ApplicationScoped
@Transactional
public class SupervisionAgreementService {

    private final SupervisionAgreementRule rule = new SupervisionAgreementRule();

    @Inject
    SupervisionAgreementRepository agreements;

    @Inject
    ClientService clients;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public SupervisionAgreement assign(AssignSupervisor command) {
        // One standing agreement per pair: two managers assigning at once must not both pass the check below.
        agreements
                .getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('supervision:' || ?1))")
                .setParameter(1, caller.org())
                .getSingleResult();
        boolean standing = agreements.standing(caller.org(), command.supervisorId(), command.practitionerId());
        rule.assignRefusal(command.supervisorId(), command.practitionerId(), standing)
                .ifPresent(r -> {
                    throw r.field() == null
                            ? ProblemException.conflict(SupervisionAgreementRule.RULE, r.message())
                            : ProblemException.unprocessable(SupervisionAgreementRule.RULE, r.field(), r.message());
                });
        SupervisionAgreement a = new SupervisionAgreement();
        a.id = UUID.randomUUID();
        a.org = caller.org();
        a.supervisorId = command.supervisorId();
        a.practitionerId = command.practitionerId();
        a.assignedBy = caller.subject();
        a.startedAt = Times.now(clock);
        agreements.persist(a);
        outbox.emit(new RecordsEvents.SupervisionAgreementAssigned(
                a.id.toString(), a.supervisorId, a.practitionerId, SupervisionAgreementRule.RULE));
        return a;
    }

    public SupervisionAgreement end(UUID id) {
        SupervisionAgreement a = agreements
                .findInOrg(caller.org(), id)
                .orElseThrow(() -> ProblemException.notFound("supervision agreement"));
        rule.endRefusal(a.ended()).ifPresent(reason -> {
            throw ProblemException.conflict(SupervisionAgreementRule.RULE, reason);
        });
        a.endedAt = Times.now(clock);
        a.endedBy = caller.subject();
        outbox.emit(new RecordsEvents.SupervisionAgreementEnded(
                a.id.toString(), a.supervisorId, a.practitionerId, SupervisionAgreementRule.RULE));
        return a;
    }

    /** One agreement: any of the org's to a manager; to a supervisor or practitioner only their own (others 404). */
    public SupervisionAgreement one(UUID id) {
        return agreements
                .findInOrg(caller.org(), id)
                .filter(this::visible)
                .orElseThrow(() -> ProblemException.notFound("supervision agreement"));
    }

    /** A page of agreements: a manager's of the whole org, a supervisor's or practitioner's own only. */
    public List<SupervisionAgreement> list(
            String supervisorId, String practitionerId, Boolean active, TimeCursor after, int limit) {
        if (!caller.is(Roles.MANAGER)) {
            if (caller.is(Roles.SUPERVISOR)) supervisorId = caller.subject();
            else practitionerId = caller.subject();
        }
        return agreements.page(caller.org(), supervisorId, practitionerId, active, after, limit);
    }

    /** R-CONF-5: records that the client was told their work may be taken to supervision (the first time is kept). */
    public Client recordNotice(UUID clientId, Boolean explained) {
        Client client = clients.forWork(clientId);
        rule.noticeRefusal(explained).ifPresent(reason -> {
            throw ProblemException.unprocessable(SupervisionAgreementRule.RULE, "explained", reason);
        });
        if (client.supervisionExplainedAt == null) {
            client.supervisionExplainedAt = Times.now(clock);
            outbox.emit(
                    new RecordsEvents.ClientSupervisionExplained(client.id.toString(), SupervisionAgreementRule.RULE));
        }
        return client;
    }

    /** R-CONF-5: whether the calling supervisor may see this client's de-identified material. */
    public boolean callerMaySee(Client client) {
        List<Agreement> standing = agreements.standingOf(client.org, caller.subject()).stream()
                .map(a -> new Agreement(a.supervisorId, a.practitionerId, a.ended()))
                .toList();
        return rule.maySee(
                caller.subject(), client.allocatedPractitionerId, client.supervisionExplainedAt != null, standing);
    }

    /** Whether the client's allocated practitioner has a supervisor now (the client's own file says so). */
    public boolean supervised(Client client) {
        return client.allocatedPractitionerId != null
                && agreements.practitionerSupervised(client.org, client.allocatedPractitionerId);
    }

    private boolean visible(SupervisionAgreement a) {
        if (caller.is(Roles.MANAGER)) return true;
        return caller.subject().equals(a.supervisorId) || caller.subject().equals(a.practitionerId);
    }
}
