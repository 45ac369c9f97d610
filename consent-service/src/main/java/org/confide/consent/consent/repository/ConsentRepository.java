package org.confide.consent.consent.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentChange;
import org.confide.consent.consent.ConsentStatus;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /** A consent of {@code org}; another organisation's is simply absent. */
    public Optional<Consent> findInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id).firstResultOptional();
    }

    /** The same, locked for a change of state (two withdrawals at once: the second sees WITHDRAWN). */
    public Optional<Consent> findInOrgForUpdate(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A consent naming {@code recipientOrg} as its recipient (a partner asking for proof). */
    public Optional<Consent> findForRecipientOrg(String recipientOrg, UUID id) {
        return find("recipientOrgId = ?1 and id = ?2", recipientOrg, id).firstResultOptional();
    }

    /** The decision path for a group's members: one indexed query (consent_decision) for the clients' consents to a recipient type and purpose. */
    public List<Consent> forDecision(String org, Collection<String> clientIds, RecipientType type, Purpose purpose) {
        return find(
                        "org = ?1 and clientId in ?2 and recipientType = ?3 and purpose = ?4 order by createdAt desc",
                        org,
                        clientIds,
                        type,
                        purpose)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }

    /**
     * One page in id order after {@code after}: one client's ({@code clientId}), a practitioner's allocated clients'
     * ({@code practitionerId}) or the whole organisation's.
     */
    public List<Consent> page(
            String org, String clientId, String practitionerId, ConsentStatus status, UUID after, int limit) {
        StringBuilder q = new StringBuilder("org = :org");
        Parameters params = Parameters.with("org", org);
        if (clientId != null) {
            q.append(" and clientId = :client");
            params.and("client", clientId);
        }
        if (practitionerId != null) {
            q.append(
                    " and clientId in (select a.clientId from ClientAllocation a where a.org = :org and a.practitionerId = :practitioner)");
            params.and("practitioner", practitionerId);
        }
        // By effective status: an ACTIVE consent past validUntil is EXPIRED already (R-CONS-4).
        if (status == ConsentStatus.ACTIVE) {
            q.append(" and status = :status and (validUntil is null or validUntil > :now)");
            params.and("status", status).and("now", OffsetDateTime.now(ZoneOffset.UTC));
        } else if (status == ConsentStatus.EXPIRED) {
            q.append(" and (status = :status or (status = :active and validUntil <= :now))");
            params.and("status", status)
                    .and("active", ConsentStatus.ACTIVE)
                    .and("now", OffsetDateTime.now(ZoneOffset.UTC));
        } else if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            q.append(" and id > :after");
            params.and("after", after);
        }
        q.append(" order by id");
        return find(q.toString(), params).page(0, limit).list();
    }

    /** How many consents {@link #page} would list in all, with no status filter (a FHIR searchset's total). */
    public long countFor(String org, String clientId, String practitionerId) {
        StringBuilder q = new StringBuilder("org = :org");
        Parameters params = Parameters.with("org", org);
        if (clientId != null) {
            q.append(" and clientId = :client");
            params.and("client", clientId);
        }
        if (practitionerId != null) {
            q.append(
                    " and clientId in (select a.clientId from ClientAllocation a where a.org = :org and a.practitionerId = :practitioner)");
            params.and("practitioner", practitionerId);
        }
        return count(q.toString(), params);
    }

    /** ACTIVE consents whose end date has passed, oldest first, locked so that replicas share the sweep. */
    public List<Consent> expiredButActive(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createQuery(
                        "from Consent c where c.status = :active and c.validUntil <= :now order by c.validUntil",
                        Consent.class)
                .setParameter("active", ConsentStatus.ACTIVE)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(limit)
                .getResultList();
    }

    public void record(ConsentChange change) {
        getEntityManager().persist(change);
    }

    /** The history of each consent, oldest change first. */
    public Map<UUID, List<ConsentChange>> historyOf(Collection<UUID> consentIds) {
        if (consentIds.isEmpty()) return Map.of();
        return getEntityManager()
                .createQuery("from ConsentChange h where h.consentId in :ids order by h.id", ConsentChange.class)
                .setParameter("ids", consentIds)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(h -> h.consentId));
    }
}
