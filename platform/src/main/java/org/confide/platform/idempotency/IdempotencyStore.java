package org.confide.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The Idempotency-Key rows, each reserved before its request runs so that two racing requests cannot both act.
 * A row holds the caller, the key, the route, a keyed hash of the request, and then the status, the created resource's
 * id and its Location: no copy of any body (docs/api.md), and nothing older than 24 h.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** How long a key is remembered (docs/api.md: 24 h). */
    static final String TTL = "24 hours";

    /** Older rows never replay, and the scheduled purge deletes them; so does a reservation whose request died. */
    private static final String EXPIRED = "(created_at < now() - interval '" + TTL + "' "
            + "OR (status IS NULL AND created_at < now() - interval '5 minutes'))";

    public sealed interface Outcome permits Reserved, Replay, Mismatch, InProgress {}

    public record Reserved() implements Outcome {}

    public record Replay(int status, String resourceId, String location) implements Outcome {}

    public record Mismatch() implements Outcome {}

    public record InProgress() implements Outcome {}

    @Inject
    EntityManager em;

    public Outcome reserve(String org, String sub, String key, String route, byte[] requestMac) {
        String mac = HexFormat.of().formatHex(requestMac);
        em.createNativeQuery("DELETE FROM idempotency_key WHERE org = ?1 AND sub = ?2 AND idem_key = ?3 AND " + EXPIRED)
                .setParameter(1, org)
                .setParameter(2, sub)
                .setParameter(3, key)
                .executeUpdate();
        int inserted = em.createNativeQuery("INSERT INTO idempotency_key (org, sub, idem_key, route, request_mac) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, org)
                .setParameter(2, sub)
                .setParameter(3, key)
                .setParameter(4, route)
                .setParameter(5, mac)
                .executeUpdate();
        if (inserted == 1) {
            return new Reserved();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT route, request_mac, status, resource_id, location "
                        + "FROM idempotency_key WHERE org = ?1 AND sub = ?2 AND idem_key = ?3 AND NOT " + EXPIRED)
                .setParameter(1, org)
                .setParameter(2, sub)
                .setParameter(3, key)
                .getResultList();
        if (rows.isEmpty()) {
            return new InProgress(); // released by a failing request a moment ago: the caller may retry
        }
        Object[] row = rows.get(0);
        if (!route.equals(row[0])
                || !MessageDigest.isEqual(requestMac, HexFormat.of().parseHex((String) row[1]))) {
            return new Mismatch();
        }
        if (row[2] == null) {
            return new InProgress();
        }
        return new Replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4]);
    }

    public void complete(String org, String sub, String key, int status, String resourceId, String location) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?4, resource_id = ?5, location = ?6 "
                        + "WHERE org = ?1 AND sub = ?2 AND idem_key = ?3")
                .setParameter(1, org)
                .setParameter(2, sub)
                .setParameter(3, key)
                .setParameter(4, status)
                .setParameter(5, resourceId)
                .setParameter(6, location)
                .executeUpdate();
    }

    /** A request that failed leaves nothing behind: the key may be used again. */
    public void release(String org, String sub, String key) {
        em.createNativeQuery(
                        "DELETE FROM idempotency_key WHERE org = ?1 AND sub = ?2 AND idem_key = ?3 AND status IS NULL")
                .setParameter(1, org)
                .setParameter(2, sub)
                .setParameter(3, key)
                .executeUpdate();
    }

    /** Deletes every row older than 24 h (docs/api.md: keys are purged after 24 h); the number deleted. */
    public int purge() {
        Object table = em.createNativeQuery("SELECT to_regclass('idempotency_key')::text")
                .getSingleResult();
        if (table == null) {
            return 0; // a service without idempotent routes (audit-service) has no such table
        }
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE " + EXPIRED)
                .executeUpdate();
    }

    @Scheduled(
            identity = "idempotency-purge",
            every = "${confide.idempotency.purge-every:15m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        int purged = purge();
        if (purged > 0) LOG.debugf("purged %d Idempotency-Key rows older than %s", purged, TTL);
    }
}
