package org.confide.records.retention.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.client.Client;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.service.ClientService;
import org.confide.records.config.RecordsConfig;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.group.service.GroupService;
import org.confide.records.retention.RetentionSetting;
import org.confide.records.retention.repository.RetentionSettingRepository;
import org.confide.records.retention.rule.RetentionRule;
import org.confide.records.time.Times;

/**
 * Retention (R-REC-3) and legal hold (R-REC-4). Destruction is crypto-shredding: the client's data key is deleted
 * from the key vault (a separate database without long-lived backups), so every ciphertext of the client (identity,
 * notes, letters, supervision notes, referral reason, group aliases), in this database and in every backup of it, is unreadable; the ciphertext rows are deleted too, and a
 * tombstone row (id, status, times) stays.
 */
@ApplicationScoped
@Transactional
public class RetentionService {

    private final RetentionRule rule = new RetentionRule();

    @Inject
    Clock clock;

    @Inject
    ClientRepository clients;

    @Inject
    ClientService clientService;

    @Inject
    RetentionSettingRepository settings;

    @Inject
    RecordsConfig config;

    @Inject
    EntityManager em;

    @Inject
    ClientKeys keys;

    @Inject
    GroupService groups;

    @Inject
    org.confide.records.complaint.repository.ComplaintRepository complaints;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    CorrelationId correlation;

    public RetentionSetting setPeriod(Integer days) {
        rule.invalidPeriod(days).ifPresent(reason -> {
            throw ProblemException.unprocessable(RetentionRule.RULE, "retentionDays", reason);
        });
        RetentionSetting s = settings.findById(caller.org());
        boolean fresh = s == null;
        if (fresh) {
            s = new RetentionSetting();
            s.org = caller.org();
        }
        s.retentionDays = days;
        s.updatedAt = Times.now(clock);
        s.updatedBy = caller.subject();
        if (fresh) settings.persist(s);
        return s;
    }

    public int periodOf(String org) {
        return settings.daysOf(org);
    }

    /** R-REC-4: destruction suspended for this client while the hold stands. */
    public Client hold(UUID clientId, String reason) {
        Client c = clientService.forWork(clientId);
        c.legalHold = true;
        c.legalHoldReason = reason;
        outbox.emit(new RecordsEvents.LegalHoldSet(c.id.toString(), RetentionRule.HOLD_RULE));
        return c;
    }

    public void release(UUID clientId) {
        Client c = clientService.forWork(clientId);
        if (!c.legalHold) return;
        c.legalHold = false;
        c.legalHoldReason = null;
        outbox.emit(new RecordsEvents.LegalHoldReleased(c.id.toString(), RetentionRule.HOLD_RULE));
    }

    /** One client, at a manager's request: refused (409) under a hold (R-REC-4) or before retention ended (R-REC-3). */
    public Client destroyOne(UUID clientId) {
        Client c = clientService.forStaff(clientId);
        if (c.destroyed()) return c;
        OffsetDateTime now = Times.now(clock);
        rule.refusal(c.contactCeasedAt, settings.daysOf(c.org), c.legalHold, now)
                .ifPresent(r -> {
                    throw ProblemException.conflict(r.rule(), r.reason());
                });
        destroy(c, caller.actor(), correlation.value(), now);
        return c;
    }

    /** One batch of the org's due clients destroyed in this transaction, by {@code actor}; their ids. */
    public List<UUID> runBatch(String org, Actor actor, String correlationId) {
        OffsetDateTime now = Times.now(clock);
        OffsetDateTime cutoff = now.minusDays(settings.daysOf(org));
        List<UUID> destroyed = new ArrayList<>();
        for (Client c :
                clients.dueForDestruction(org, cutoff, config.retention().batchSize())) {
            // The query already excludes holds; the rule is asked again so the decision has one home (R-REC-3/4).
            if (rule.refusal(c.contactCeasedAt, settings.daysOf(org), c.legalHold, now)
                    .isEmpty()) {
                destroy(c, actor, correlationId, now);
                destroyed.add(c.id);
            }
        }
        return destroyed;
    }

    private void destroy(Client c, Actor actor, String correlationId, OffsetDateTime now) {
        // R-REC-3 crypto-shredding: the vault's key goes first (its own commit), so a tombstone never has a live key;
        // if this transaction then fails, the next run repeats the destruction.
        keys.destroy(c.id);
        c.identity = null;
        c.status = org.confide.records.client.ClientStatus.DESTROYED;
        c.destroyedAt = now;
        c.allocatedPractitionerId = null;
        c.legalHoldReason = null;
        for (String table : List.of("note", "supervision_note", "letter")) {
            em.createNativeQuery("delete from " + table + " where client_id = ?1")
                    .setParameter(1, c.id)
                    .executeUpdate();
        }
        em.createNativeQuery("update referral set reason = null where client_id = ?1")
                .setParameter(1, c.id)
                .executeUpdate();
        groups.destroyed(c.id, actor, correlationId, now); // its aliases go and it leaves its groups (R-CONF-4)
        complaints.destroyed(c.id); // the client's words go; the complaint's status and dates stay (R-COMP-1)
        outbox.emit(
                new RecordsEvents.ClientDestroyed(c.id.toString(), now.toInstant(), RetentionRule.RULE),
                actor,
                correlationId);
    }
}
